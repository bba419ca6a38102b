import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { duration, regexSchema } from '@opsdesk/exporter-core';
import { z } from 'zod';

export const PHASES = ['dns', 'connect', 'tls', 'http', 'timeout'] as const;
export type Phase = (typeof PHASES)[number];

const common = {
  /** names the probe in labels; defaults to its kind */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .optional(),
  interval: duration({ min: '1s' }).default(30_000),
  timeout: duration({ min: '100ms', max: '1m' }).default(5000),
};

export const probeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tcp'),
    /** host:port */
    target: z
      .string()
      .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'expected host:port, e.g. gw.broker-a.example:7001'),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('train'),
    /** host:port; each packet of the train is a TCP connection attempt (SYN out, SYN-ACK or RST back) */
    target: z
      .string()
      .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'expected host:port, e.g. gw.broker-b.example:7001'),
    /** attempts per run */
    count: z.number().int().min(1).max(10_000).default(20),
    /** time between attempts; they do not wait for each other, as ping does not */
    spacing: duration({ min: '1ms', max: '10s' }).default(100),
    ...common,
    /** an attempt with no answer within this is lost */
    timeout: duration({ min: '10ms', max: '10s' }).default(1000),
  }),
  z.strictObject({
    kind: z.literal('tls'),
    /** host:port of the participant's TLS endpoint; the certificate's expiry and chain are checked */
    target: z
      .string()
      .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'expected host:port, e.g. api.broker-a.example:443'),
    /** report the expiry of a certificate that does not verify without failing the probe */
    insecure_skip_verify: z.boolean().default(false),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('http'),
    url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
    method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
    expect_status: z.array(z.number().int().min(100).max(599)).default([200]),
    /** a regular expression the body must match */
    body_match: regexSchema.optional(),
    /** accept a certificate that does not verify (a participant's test endpoint); expiry is still reported */
    insecure_skip_verify: z.boolean().default(false),
    ...common,
  }),
]);
export type Probe = z.output<typeof probeSchema>;

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

class PhaseError extends Error {
  constructor(
    readonly phase: Phase,
    message: string,
  ) {
    super(message);
  }
}

function splitHostPort(target: string): { host: string; port: number } {
  const i = target.lastIndexOf(':');
  return { host: target.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(target.slice(i + 1)) };
}

/** One TCP connection attempt: its round-trip time in seconds, or undefined when no answer came in time. */
function attempt(host: string, port: number, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = net.connect({ host, port });
    const done = (answered: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answered ? (performance.now() - t0) / 1000 : undefined);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    // a refusal is an answer (an RST came back); anything else (unreachable, reset on the way) is not
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
  });
}

/** A loss and latency train: `count` attempts `spacing` apart, each lost when unanswered within `timeout`. */
async function runTrain(
  probe: Extract<Probe, { kind: 'train' }>,
  address: string,
  port: number,
  signal: AbortSignal,
): Promise<Pick<ProbeResult, 'sent' | 'received' | 'rtts'>> {
  const pending: Array<Promise<number | undefined>> = [];
  const start = performance.now();
  for (let i = 0; i < probe.count && !signal.aborted; i++) {
    // attempt i leaves at start + i × spacing: timers that fire late do not stretch the train
    const wait = start + i * probe.spacing - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(attempt(address, port, probe.timeout));
  }
  const rtts = (await Promise.all(pending)).filter((r): r is number => r !== undefined);
  return { sent: pending.length, received: rtts.length, rtts };
}

/** How long a whole run of the probe may take. */
export function probeBudgetMs(probe: Probe): number {
  return probe.kind === 'train' ? probe.count * probe.spacing * 1.5 + probe.timeout + 1000 : probe.timeout;
}

/** Runs one probe to its end or its timeout; never throws. */
export async function runProbe(probe: Probe, signal?: AbortSignal): Promise<ProbeResult> {
  const started = performance.now();
  const phases: Partial<Record<Phase, number>> = {};
  let mark = started;
  const lap = (phase: Phase) => {
    const t = performance.now();
    phases[phase] = (t - mark) / 1000;
    mark = t;
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), probeBudgetMs(probe));
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const aborted = () => controller.signal.aborted;
  try {
    const target =
      probe.kind !== 'http'
        ? splitHostPort(probe.target)
        : (() => {
            const u = new URL(probe.url);
            return {
              host: u.hostname.replace(/^\[|\]$/g, ''),
              port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
            };
          })();
    let address: string;
    try {
      address = net.isIP(target.host) ? target.host : (await lookup(target.host)).address;
    } catch (err) {
      throw new PhaseError('dns', `cannot resolve ${target.host}: ${(err as Error).message}`);
    }
    if (aborted()) throw new PhaseError('timeout', 'timed out resolving');
    lap('dns');
    const extra: Partial<ProbeResult> = {};
    if (probe.kind === 'train') {
      Object.assign(extra, await runTrain(probe, address, target.port, controller.signal));
      lap('connect');
      if (!extra.received)
        throw Object.assign(new PhaseError('connect', `no answer to ${extra.sent} attempts`), { extra });
    } else if (probe.kind === 'tls') {
      await new Promise<void>((resolve, reject) => {
        const servername = net.isIP(target.host) ? undefined : target.host;
        const socket = tls.connect({
          host: address,
          port: target.port,
          servername,
          rejectUnauthorized: false,
        });
        let phase: Phase = 'connect';
        const fail = (e: Error) => {
          socket.destroy();
          reject(
            aborted() ? new PhaseError('timeout', `timed out in ${phase}`) : new PhaseError(phase, e.message),
          );
        };
        controller.signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
        socket.once('error', fail);
        socket.once('connect', () => {
          lap('connect');
          phase = 'tls';
        });
        socket.once('secureConnect', () => {
          lap('tls');
          const cert = socket.getPeerCertificate();
          extra.certNotAfter = cert.valid_to ? Date.parse(cert.valid_to) : undefined;
          extra.chainValid = socket.authorized;
          const why = socket.authorizationError ? String(socket.authorizationError) : undefined;
          socket.destroy();
          if (!socket.authorized && !probe.insecure_skip_verify)
            return reject(new PhaseError('tls', `certificate does not verify: ${why}`));
          if (extra.certNotAfter !== undefined && extra.certNotAfter <= Date.now())
            return reject(
              new PhaseError('tls', `certificate expired at ${new Date(extra.certNotAfter).toISOString()}`),
            );
          resolve();
        });
      }).catch((e: unknown) => {
        throw e instanceof PhaseError ? Object.assign(e, { extra }) : e;
      });
    } else if (probe.kind === 'tcp') {
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: address, port: target.port });
        const fail = (e: Error) => {
          socket.destroy();
          reject(
            aborted()
              ? new PhaseError('timeout', 'timed out connecting')
              : new PhaseError('connect', e.message),
          );
        };
        controller.signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
        socket.once('error', fail);
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
      });
      lap('connect');
    } else {
      await httpProbe(probe, address, controller.signal, lap);
    }
    return { ok: true, seconds: (performance.now() - started) / 1000, phases, ...extra };
  } catch (err) {
    const e = err instanceof PhaseError ? err : new PhaseError(aborted() ? 'timeout' : 'http', String(err));
    return {
      ok: false,
      seconds: (performance.now() - started) / 1000,
      phases,
      failedPhase: aborted() ? 'timeout' : e.phase,
      error: e.message,
      ...((e as PhaseError & { extra?: object }).extra ?? {}),
    };
  } finally {
    clearTimeout(timer);
  }
}

function httpProbe(
  probe: Extract<Probe, { kind: 'http' }>,
  address: string,
  signal: AbortSignal,
  lap: (p: Phase) => void,
): Promise<void> {
  const url = new URL(probe.url);
  const secure = url.protocol === 'https:';
  return new Promise<void>((resolve, reject) => {
    let phase: Phase = 'connect';
    const options: https.RequestOptions = {
      method: probe.method,
      host: address,
      port: url.port || (secure ? 443 : 80),
      path: url.pathname + url.search,
      headers: { host: url.host, 'user-agent': 'opsdesk-transfer-exporter' },
      servername: net.isIP(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: !probe.insecure_skip_verify,
      agent: false,
    };
    const req = (secure ? https : http).request(options, (res) => {
      lap('http');
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        if (body.length < 1 << 20) body += d;
      });
      res.on('error', (e) => reject(new PhaseError('http', e.message)));
      res.on('end', () => {
        if (!probe.expect_status.includes(res.statusCode ?? 0))
          return reject(
            new PhaseError('http', `status ${res.statusCode}, expected ${probe.expect_status.join(' or ')}`),
          );
        if (probe.body_match !== undefined && !new RegExp(probe.body_match).test(body))
          return reject(new PhaseError('http', `body does not match /${probe.body_match}/`));
        resolve();
      });
    });
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        lap('connect');
        phase = secure ? 'tls' : 'http';
      });
      socket.once('secureConnect', () => {
        lap('tls');
        phase = 'http';
      });
    });
    req.on('error', (e) => reject(new PhaseError(phase, e.message)));
    signal.addEventListener('abort', () => req.destroy(new Error('timed out')), { once: true });
    req.end();
  });
}
