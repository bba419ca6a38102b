import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { MetricSink } from '@opsdesk/exporter-core';
import { z } from 'zod';
import {
  PHASES,
  PhaseError,
  PROBE_LABELS,
  type Phase,
  type ProbeContext,
  type ProbeKind,
  type ProbeRecord,
  type ProbeResult,
} from './common';
import { httpProbe, httpSchema } from './http';
import { tcp, tcpSchema } from './tcp';
import { tlsProbe, tlsSchema } from './tls';
import { train, trainSchema } from './train';

export { PHASES, type Phase, type ProbeRecord, type ProbeResult } from './common';

/**
 * One file per kind of probe (tcp.ts, http.ts, tls.ts, train.ts), one shared signature
 * (ProbeKind): adding a kind means adding its file and naming it here.
 */
export const probeSchema = z.discriminatedUnion('kind', [tcpSchema, trainSchema, tlsSchema, httpSchema]);
export type Probe = z.output<typeof probeSchema>;

// The order of the kinds is the order of their own series in the exposition.
const KINDS: { [K in Probe['kind']]: ProbeKind<Extract<Probe, { kind: K }>, unknown> } = {
  tcp,
  http: httpProbe,
  tls: tlsProbe,
  train,
};
export const kindOf = (probe: Probe) => KINDS[probe.kind] as ProbeKind<Probe, unknown>;

const SUCCESS = {
  name: 'opsdesk_transfer_probe_success',
  help: '1 when the last run of the probe succeeded.',
};
const DURATION = {
  name: 'opsdesk_transfer_probe_duration_seconds',
  help: 'How long the last run of the probe took, seconds.',
};
const PHASE_DURATION = {
  name: 'opsdesk_transfer_probe_phase_duration_seconds',
  help: 'Seconds the last run spent in each phase it reached (dns, connect, tls, http).',
};
const FAILED_PHASE = {
  name: 'opsdesk_transfer_probe_failed_phase',
  help: '1 for the phase in which the last run failed (dns, connect, tls, http, timeout), 0 for the others.',
};

/** Writes the series every probe has, then each kind's own for the probes of that kind. */
export function writeProbeSeries(
  sink: MetricSink,
  probes: ReadonlyArray<ProbeRecord & { readonly probe: Probe }>,
): void {
  const success = sink.gauge(SUCCESS.name, SUCCESS.help, PROBE_LABELS);
  const seconds = sink.gauge(DURATION.name, DURATION.help, PROBE_LABELS);
  const phase = sink.gauge(PHASE_DURATION.name, PHASE_DURATION.help, [...PROBE_LABELS, 'phase']);
  const failed = sink.gauge(FAILED_PHASE.name, FAILED_PHASE.help, [...PROBE_LABELS, 'phase']);
  for (const { labels, last } of probes) {
    if (!last) continue;
    success.set(last.ok ? 1 : 0, ...labels);
    seconds.set(last.seconds, ...labels);
    for (const [p, s] of Object.entries(last.phases)) phase.set(s, ...labels, p);
    for (const p of PHASES) failed.set(last.failedPhase === p ? 1 : 0, ...labels, p);
  }
  for (const [name, kind] of Object.entries(KINDS) as Array<[Probe['kind'], ProbeKind<Probe, unknown>]>) {
    const ofKind = probes.filter((p) => p.probe.kind === name);
    if (ofKind.length > 0) kind.writeSeries?.(sink, ofKind);
  }
}

/** How long a whole run of the probe may take. */
export function probeBudgetMs(probe: Probe): number {
  return kindOf(probe).budgetMs?.(probe) ?? probe.timeout;
}

/** Runs one probe to its end or its time budget: resolves the name (dns), then the kind's phases. Never throws. */
export async function runProbe(probe: Probe, signal?: AbortSignal): Promise<ProbeResult> {
  const kind = kindOf(probe);
  const started = performance.now();
  const phases: Partial<Record<Phase, number>> = {};
  let mark = started;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), probeBudgetMs(probe));
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const ctx: ProbeContext = {
    address: '',
    port: 0,
    signal: controller.signal,
    extra: {},
    lap(phase) {
      const t = performance.now();
      phases[phase] = (t - mark) / 1000;
      mark = t;
    },
  };
  try {
    const { host, port } = kind.endpoint(probe);
    try {
      ctx.address = net.isIP(host) ? host : (await lookup(host)).address;
    } catch (err) {
      throw new PhaseError('dns', `cannot resolve ${host}: ${(err as Error).message}`);
    }
    if (controller.signal.aborted) throw new PhaseError('timeout', 'timed out resolving');
    ctx.lap('dns');
    ctx.port = port;
    await kind.run(probe, ctx);
    return { ok: true, seconds: (performance.now() - started) / 1000, phases, ...ctx.extra };
  } catch (err) {
    const e = err instanceof PhaseError ? err : new PhaseError('http', String(err));
    return {
      ok: false,
      seconds: (performance.now() - started) / 1000,
      phases,
      failedPhase: controller.signal.aborted ? 'timeout' : e.phase,
      error: e.message,
      ...ctx.extra,
    };
  } finally {
    clearTimeout(timer);
  }
}
