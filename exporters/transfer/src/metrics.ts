import { HOLIDAYS_KNOWN_THROUGH_YEAR, holidayCoverage } from '@opsdesk/calendar';
import type { Collector } from '@opsdesk/exporter-core';
import { LATENCY_BUCKETS, type ChannelStore } from './channels';

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
