import net from 'node:net';
import { BucketHistogram, counterDescriptor, histogramDescriptor } from '@opsdesk/exporter-core';
import { duration } from '@opsdesk/runtime';
import { z } from 'zod';
import {
  commonFields,
  hostPort,
  PhaseError,
  PROBE_LABELS,
  splitHostPort,
  type ProbeKind,
  type ProbeResult,
} from './common';

export const trainSchema = z.strictObject({
  kind: z.literal('train'),
  /** host:port; each packet of the train is a TCP connection attempt (SYN out, SYN-ACK or RST back) */
  target: hostPort('gw.broker-b.example:7001'),
  /** attempts per run */
  count: z.number().int().min(1).max(10_000).default(20),
  /** time between attempts; they do not wait for each other, as ping does not */
  spacing: duration({ min: '1ms', max: '10s' }).default(100),
  ...commonFields,
  /** an attempt with no answer within this is lost */
  timeout: duration({ min: '10ms', max: '10s' }).default(1000),
});
type TrainProbe = z.output<typeof trainSchema>;

/** Round-trip buckets of the train, as smokeping_prober's: 50 µs doubling to 26 s. */
export const RTT_BUCKETS = Array.from({ length: 20 }, (_, i) => 0.00005 * 2 ** i);

/** What the runs of one train have sent and got back since the exporter started. */
export class TrainTotals {
  sent = 0;
  received = 0;
  readonly rtt = new BucketHistogram(RTT_BUCKETS);
  add(r: ProbeResult): void {
    this.sent += r.sent ?? 0;
    this.received += r.received ?? 0;
    for (const t of r.rtts ?? []) this.rtt.observe(t);
  }
}

const SENT = counterDescriptor(
  'opsdesk_transfer_train_sent_total',
  'Attempts sent by the loss and latency train.',
  PROBE_LABELS,
);
const RECEIVED = counterDescriptor(
  'opsdesk_transfer_train_received_total',
  'Attempts of the loss and latency train that were answered in time; loss is 1 - received/sent.',
  PROBE_LABELS,
);
const RTT = histogramDescriptor(
  'opsdesk_transfer_train_rtt_seconds',
  'Round-trip time of the answered attempts of the train, seconds.',
  PROBE_LABELS,
  RTT_BUCKETS,
);

/** One TCP connection attempt: its round-trip time in seconds, or undefined when no answer came in time. */
function attempt(host: string, port: number, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = net.connect({ host, port });
    const done = (answered: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const elapsed = performance.now() - t0;
      // On a busy event loop the timer can fire late, after the kernel has retransmitted a lost
      // SYN (at 1 s) and its answer came back: an answer later than the timeout is a loss.
      resolve(answered && elapsed <= timeoutMs ? elapsed / 1000 : undefined);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    // a refusal is an answer (an RST came back); anything else (unreachable, reset on the way) is not
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
  });
}

/**
 * A loss and latency train, smokeping-style: `count` attempts `spacing` apart, each lost when
 * unanswered within `timeout`. Node.js has no raw sockets, so the train uses TCP, not ICMP.
 */
export const train: ProbeKind<TrainProbe, TrainTotals> = {
  endpoint: (p) => splitHostPort(p.target),
  initialState: () => new TrainTotals(),
  record: (totals, result) => totals.add(result),
  writeSeries(sink, probes) {
    // from the totals, so a train's series are there from the start, before its first run ends
    for (const { labels, state } of probes) {
      sink.add(SENT, state.sent, ...labels);
      sink.add(RECEIVED, state.received, ...labels);
      sink.addHistogram(RTT, state.rtt.value(), ...labels);
    }
  },
  budgetMs: (p) => p.count * p.spacing * 1.5 + p.timeout + 1000,
  async run(probe, ctx) {
    const pending: Array<Promise<number | undefined>> = [];
    const start = performance.now();
    for (let i = 0; i < probe.count && !ctx.signal.aborted; i++) {
      // attempt i leaves at start + i × spacing: timers that fire late do not stretch the train
      const wait = start + i * probe.spacing - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(attempt(ctx.address, ctx.port, probe.timeout));
    }
    const rtts = (await Promise.all(pending)).filter((r): r is number => r !== undefined);
    Object.assign(ctx.extra, { sent: pending.length, received: rtts.length, rtts });
    ctx.lap('connect');
    if (rtts.length === 0) throw new PhaseError('connect', `no answer to ${pending.length} attempts`);
  },
};
