import { duration } from '@opsdesk/runtime';
import { z } from 'zod';

export const PHASES = ['dns', 'connect', 'tls', 'http', 'timeout'] as const;
export type Phase = (typeof PHASES)[number];

/** Fields every probe has. */
export const commonFields = {
  /** names the probe in labels; defaults to its kind */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .optional(),
  interval: duration({ min: '1s' }).default(30_000),
  timeout: duration({ min: '100ms', max: '1m' }).default(5000),
};

/** host:port of a participant's endpoint. */
export const hostPort = (example: string) =>
  z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, `expected host:port, e.g. ${example}`);

export function splitHostPort(target: string): { host: string; port: number } {
  const i = target.lastIndexOf(':');
  return { host: target.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(target.slice(i + 1)) };
}

export interface ProbeResult {
  ok: boolean;
  /** whole probe, seconds */
  seconds: number;
  /** seconds spent in each phase that was reached */
  phases: Partial<Record<Phase, number>>;
  /** the phase that failed, so the fault is located: dns, connect, tls, http or timeout */
  failedPhase?: Phase;
  error?: string;
  /** train: attempts sent and answered, and the round-trip time of each answer, seconds */
  sent?: number;
  received?: number;
  rtts?: number[];
  /** TLS: when the peer's certificate expires, ms */
  certNotAfter?: number;
  /** TLS: whether the peer's chain verified against the trusted roots for its name */
  chainValid?: boolean;
}

/** A failure located in a phase. */
export class PhaseError extends Error {
  constructor(
    readonly phase: Phase,
    message: string,
  ) {
    super(message);
  }
}

/** What every kind of probe gets: the resolved address, the port, the abort signal, a phase clock. */
export interface ProbeContext {
  address: string;
  port: number;
  signal: AbortSignal;
  /** ends the phase now and times it */
  lap(phase: Phase): void;
  /** results beyond success and phases (train counts, certificate), kept even when the probe fails */
  extra: Partial<ProbeResult>;
}

/** One kind of probe: its config, where it connects, and how it runs (throwing a PhaseError on failure). */
export interface ProbeKind<P> {
  endpoint(probe: P): { host: string; port: number };
  run(probe: P, ctx: ProbeContext): Promise<void>;
  /** how long a whole run may take; the probe's timeout when absent */
  budgetMs?(probe: P): number;
}
