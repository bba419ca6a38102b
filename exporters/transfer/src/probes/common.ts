import { readFile } from 'node:fs/promises';
import type { MetricSink } from '@opsdesk/exporter-core';
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

/**
 * Files for a TLS connection, as blackbox_exporter's `tls_config`: a CA bundle to verify the
 * participant's certificate (a private CA), and a client certificate with its key (mutual TLS).
 * Relative paths are taken from the config file's folder; the files are read on each run, so a
 * renewed certificate is picked up without a restart.
 */
export const tlsConfigSchema = z
  .strictObject({
    ca_file: z.string().min(1).optional(),
    cert_file: z.string().min(1).optional(),
    key_file: z.string().min(1).optional(),
  })
  .optional();
export type TlsConfig = z.output<typeof tlsConfigSchema>;

/** A tls_config with its paths taken from the config file's folder. */
export function resolveTlsPaths(config: TlsConfig, resolve: (p: string) => string): TlsConfig {
  if (!config) return config;
  const r = (f: string | undefined) => (f === undefined ? undefined : resolve(f));
  return { ca_file: r(config.ca_file), cert_file: r(config.cert_file), key_file: r(config.key_file) };
}

/** The files of a tls_config as options of tls.connect and https.request. */
export async function tlsOptions(config: TlsConfig): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer }> {
  if (!config) return {};
  const read = async (file: string | undefined) => (file === undefined ? undefined : readFile(file));
  const [ca, cert, key] = await Promise.all([
    read(config.ca_file),
    read(config.cert_file),
    read(config.key_file),
  ]);
  return { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}

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

/** The labels of every probe series. */
export const PROBE_LABELS = ['participant', 'channel', 'probe'] as const;

/** One configured probe as a scrape sees it. */
export interface ProbeRecord<S = unknown> {
  /** participant, channel and probe name: the label values of its series */
  readonly labels: readonly string[];
  /** the last finished run; undefined before the first */
  readonly last: ProbeResult | undefined;
  /** what the kind keeps across runs (the train's totals); undefined for kinds that keep nothing */
  readonly state: S;
}

/**
 * One kind of probe, in one file, as a blackbox_exporter prober: its config, where it connects,
 * how it runs (throwing a PhaseError on failure), and the series only it has. The series every
 * probe has (success, duration, phases) are written for all kinds alike in probes/index.ts.
 */
export interface ProbeKind<P, S = undefined> {
  endpoint(probe: P): { host: string; port: number };
  run(probe: P, ctx: ProbeContext): Promise<void>;
  /** how long a whole run may take; the probe's timeout when absent */
  budgetMs?(probe: P): number;
  /** the paths of the probe's files taken from the config file's folder */
  resolvePaths?(probe: P, resolve: (p: string) => string): P;
  /** a new probe's state, kept across its runs */
  initialState?(): S;
  /** folds a finished run into the probe's state */
  record?(state: S, result: ProbeResult): void;
  /** writes this kind's own series, for every probe of the kind, each under its labels */
  writeSeries?(sink: MetricSink, probes: ReadonlyArray<ProbeRecord<S>>): void;
}
