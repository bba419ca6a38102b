import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { z } from 'zod';
import { PhaseError, type Phase, type ProbeContext, type ProbeKind, type ProbeResult } from './common';
import { httpProbe, httpSchema } from './http';
import { tcp, tcpSchema } from './tcp';
import { tlsProbe, tlsSchema } from './tls';
import { train, trainSchema } from './train';

export { PHASES, type Phase, type ProbeResult } from './common';

/** One file per kind of probe (tcp.ts, http.ts, tls.ts, train.ts), one shared signature (ProbeKind). */
export const probeSchema = z.discriminatedUnion('kind', [tcpSchema, trainSchema, tlsSchema, httpSchema]);
export type Probe = z.output<typeof probeSchema>;

const KINDS: { [K in Probe['kind']]: ProbeKind<Extract<Probe, { kind: K }>> } = {
  tcp,
  http: httpProbe,
  tls: tlsProbe,
  train,
};
const kindOf = (probe: Probe) => KINDS[probe.kind] as ProbeKind<Probe>;

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
