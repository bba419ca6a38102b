import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { gaugeDescriptor, type MetricSink } from '@opsdesk/exporter-core';
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

const SUCCESS = gaugeDescriptor(
  'opsdesk_transfer_probe_success',
  '1 when the last run of the probe succeeded.',
  PROBE_LABELS,
);
const DURATION = gaugeDescriptor(
  'opsdesk_transfer_probe_duration_seconds',
  'How long the last run of the probe took, seconds.',
  PROBE_LABELS,
);
const PHASE_DURATION = gaugeDescriptor(
  'opsdesk_transfer_probe_phase_duration_seconds',
  'Seconds the last run spent in each phase it reached (dns, connect, tls, http).',
  [...PROBE_LABELS, 'phase'],
);
const FAILED_PHASE = gaugeDescriptor(
  'opsdesk_transfer_probe_failed_phase',
  '1 for the phase in which the last run failed (dns, connect, tls, http, timeout), 0 for the others.',
  [...PROBE_LABELS, 'phase'],
);

/** Writes the series every probe has, then each kind's own for the probes of that kind. */
export function writeProbeSeries(
  sink: MetricSink,
  probes: ReadonlyArray<ProbeRecord & { readonly probe: Probe }>,
): void {
  for (const { labels, last } of probes) {
    if (!last) continue;
    sink.add(SUCCESS, last.ok ? 1 : 0, ...labels);
    sink.add(DURATION, last.seconds, ...labels);
    for (const [p, s] of Object.entries(last.phases)) sink.add(PHASE_DURATION, s, ...labels, p);
    for (const p of PHASES) sink.add(FAILED_PHASE, last.failedPhase === p ? 1 : 0, ...labels, p);
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
