import { HOLIDAYS_KNOWN_THROUGH_YEAR, holidayCoverage } from '@opsdesk/calendar';
import { BackgroundTask, BucketHistogram, type Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { LATENCY_BUCKETS, type ChannelStore } from './channels';
import { PHASES, probeBudgetMs, runProbe, type Probe, type ProbeResult } from './probes';

/** Round-trip buckets of the loss and latency trains, as smokeping_prober's: 50 µs doubling to 26 s. */
export const RTT_BUCKETS = Array.from({ length: 20 }, (_, i) => 0.00005 * 2 ** i);

/** What the trains of one probe have sent and got back since the exporter started. */
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

/** The store's counters and interruption state as metrics; interruptions are judged every second by a timer, not on the scrape. */
export function channelsCollector(store: ChannelStore): Collector {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'channels',
    start() {
      timer = setInterval(() => store.tick(), 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    collect({ sink }) {
      const known = sink.gauge(HOLIDAYS_KNOWN_THROUGH_YEAR.name, HOLIDAYS_KNOWN_THROUGH_YEAR.help, [
        'calendar',
      ]);
      for (const c of holidayCoverage(store.calendars)) known.set(c.knownThroughYear, c.calendar);
      const pcd = ['participant', 'channel', 'direction'];
      const pc = ['participant', 'channel'];
      const messages = sink.counter(
        'opsdesk_transfer_messages_total',
        'Messages (or files) carried by the channel, successful or not.',
        pcd,
      );
      const bytes = sink.counter('opsdesk_transfer_bytes_total', 'Bytes carried by the channel.', pcd);
      const failures = sink.counter(
        'opsdesk_transfer_failures_total',
        'Messages that failed, by reason (reasons from failure_reasons; others count as "other").',
        [...pcd, 'reason'],
      );
      const latency = sink.histogram(
        'opsdesk_transfer_latency_seconds',
        'Latency reported with each message, seconds.',
        pcd,
        LATENCY_BUCKETS,
      );
      const last = sink.gauge(
        'opsdesk_transfer_last_message_timestamp_seconds',
        'When the last successful message was carried, Unix seconds; absent before the first.',
        pcd,
      );
      const interrupted = sink.gauge(
        'opsdesk_transfer_interrupted',
        '1 while the channel is silent inside its window for longer than expect.max_silence.',
        pcd,
      );
      const interruptions = sink.counter(
        'opsdesk_transfer_interruptions_total',
        'Interruptions that began (silence inside the window longer than expect.max_silence).',
        pcd,
      );
      const inWindow = sink.gauge(
        'opsdesk_transfer_in_window',
        '1 while the channel is expected to be active (its calendar: trading hours and days).',
        pc,
      );
      const minRatio = sink.gauge(
        'opsdesk_transfer_expected_min_success_ratio',
        'expect.min_success_ratio of the channel, for the alert rules.',
        pc,
      );
      const maxLatency = sink.gauge(
        'opsdesk_transfer_expected_max_latency_seconds',
        'expect.max_latency of the channel, seconds, for the alert rules.',
        pc,
      );
      const minRate = sink.gauge(
        'opsdesk_transfer_expected_min_messages_per_second',
        'expect.min_messages of the channel as a rate (count / per), for the alert rule.',
        pc,
      );
      for (const ch of store.channels) {
        const l2 = [ch.participant, ch.spec.name];
        const mm = ch.spec.expect.min_messages;
        if (mm) minRate.set(mm.count / (mm.per / 1000), ...l2);
        inWindow.set(ch.inWindow ? 1 : 0, ...l2);
        if (ch.spec.expect.min_success_ratio !== undefined)
          minRatio.set(ch.spec.expect.min_success_ratio, ...l2);
        if (ch.spec.expect.max_latency !== undefined)
          maxLatency.set(ch.spec.expect.max_latency / 1000, ...l2);
        for (const d of ch.directions) {
          const l = [...l2, d.direction];
          messages.set(d.messages, ...l);
          bytes.set(d.bytes, ...l);
          for (const [r, n] of d.failures) failures.set(n, ...l, r);
          latency.set(d.latency.value(), ...l);
          if (d.lastMessage) last.set(d.lastMessage / 1000, ...l);
          if (ch.spec.expect.max_silence !== undefined) {
            interrupted.set(d.interrupted ? 1 : 0, ...l);
            interruptions.set(d.interruptions, ...l);
          }
        }
      }
      const dropped = sink.counter(
        'opsdesk_transfer_events_dropped_total',
        'Events not counted on any channel, by reason: invalid, future (timed more than ingest.max_future_skew ahead of this exporter), or unknown_participant, unknown_channel, unknown_direction (not in the config).',
        ['reason'],
      );
      for (const r of ['invalid', 'future', 'unknown_participant', 'unknown_channel', 'unknown_direction'])
        dropped.set(store.dropped.get(r) ?? 0, r);
    },
  };
}

export interface ProbeTask {
  participant: string;
  channel: string;
  probe: Probe;
  name: string;
  task: BackgroundTask<ProbeResult>;
  train?: TrainTotals;
}

/** Every channel's probes on their own timers; a scrape reads the last result of each. */
export function probesCollector(store: ChannelStore, log: Logger): Collector & { tasks: ProbeTask[] } {
  const tasks: ProbeTask[] = store.channels.flatMap((ch) =>
    ch.spec.probes.map((probe, i) => {
      const name =
        probe.name ??
        (ch.spec.probes.filter((p) => p.kind === probe.kind).length > 1 ? `${probe.kind}_${i}` : probe.kind);
      const train = probe.kind === 'train' ? new TrainTotals() : undefined;
      return {
        participant: ch.participant,
        channel: ch.spec.name,
        probe,
        name,
        train,
        task: new BackgroundTask<ProbeResult>({
          name: `probe/${ch.participant}/${ch.spec.name}/${name}`,
          intervalMs: probe.interval,
          timeoutMs: probeBudgetMs(probe) + 1000,
          log,
          run: async (signal) => {
            const r = await runProbe(probe, signal);
            train?.add(r);
            return r;
          },
        }),
      };
    }),
  );
  return {
    name: 'probes',
    tasks,
    start: () => tasks.forEach((t) => t.task.start()),
    stop: () => tasks.forEach((t) => t.task.stop()),
    collect({ sink }) {
      if (tasks.length === 0) return;
      const labels = ['participant', 'channel', 'probe'];
      const success = sink.gauge(
        'opsdesk_transfer_probe_success',
        '1 when the last run of the probe succeeded.',
        labels,
      );
      const seconds = sink.gauge(
        'opsdesk_transfer_probe_duration_seconds',
        'How long the last run of the probe took, seconds.',
        labels,
      );
      const phase = sink.gauge(
        'opsdesk_transfer_probe_phase_duration_seconds',
        'Seconds the last run spent in each phase it reached (dns, connect, tls, http).',
        [...labels, 'phase'],
      );
      const failed = sink.gauge(
        'opsdesk_transfer_probe_failed_phase',
        '1 for the phase in which the last run failed (dns, connect, tls, http, timeout), 0 for the others.',
        [...labels, 'phase'],
      );
      const expiry = sink.gauge(
        'opsdesk_transfer_tls_cert_expiry_timestamp_seconds',
        "When the participant endpoint's certificate expires, Unix seconds (tls probes).",
        labels,
      );
      const chain = sink.gauge(
        'opsdesk_transfer_tls_chain_valid',
        "1 when the participant endpoint's certificate chain verifies for its name (tls probes).",
        labels,
      );
      const trains = tasks.filter((t) => t.train);
      const sent = trains.length
        ? sink.counter(
            'opsdesk_transfer_train_sent_total',
            'Attempts sent by the loss and latency train.',
            labels,
          )
        : undefined;
      const received = trains.length
        ? sink.counter(
            'opsdesk_transfer_train_received_total',
            'Attempts of the loss and latency train that were answered in time; loss is 1 - received/sent.',
            labels,
          )
        : undefined;
      const rtt = trains.length
        ? sink.histogram(
            'opsdesk_transfer_train_rtt_seconds',
            'Round-trip time of the answered attempts of the train, seconds.',
            labels,
            RTT_BUCKETS,
          )
        : undefined;
      for (const t of trains) {
        const l = [t.participant, t.channel, t.name];
        sent!.set(t.train!.sent, ...l);
        received!.set(t.train!.received, ...l);
        rtt!.set(t.train!.rtt.value(), ...l);
      }
      for (const t of tasks) {
        const r = t.task.value;
        if (!r) continue;
        const l = [t.participant, t.channel, t.name];
        success.set(r.ok ? 1 : 0, ...l);
        seconds.set(r.seconds, ...l);
        for (const [p, s] of Object.entries(r.phases)) phase.set(s, ...l, p);
        for (const p of PHASES) failed.set(r.failedPhase === p ? 1 : 0, ...l, p);
        if (r.certNotAfter !== undefined) expiry.set(r.certNotAfter / 1000, ...l);
        if (r.chainValid !== undefined) chain.set(r.chainValid ? 1 : 0, ...l);
      }
    },
  };
}
