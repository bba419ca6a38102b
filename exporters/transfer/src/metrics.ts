import { HOLIDAYS_KNOWN_THROUGH_YEAR, holidayCoverage } from '@opsdesk/calendar';
import {
  counterDescriptor,
  gaugeDescriptor,
  histogramDescriptor,
  type Collector,
} from '@opsdesk/exporter-core';
import { LATENCY_BUCKETS, type ChannelStore } from './channels';

const PCD = ['participant', 'channel', 'direction'];
const PC = ['participant', 'channel'];

const KNOWN_THROUGH = gaugeDescriptor(HOLIDAYS_KNOWN_THROUGH_YEAR.name, HOLIDAYS_KNOWN_THROUGH_YEAR.help, [
  'calendar',
]);
const MESSAGES = counterDescriptor(
  'opsdesk_transfer_messages_total',
  'Messages (or files) carried by the channel, successful or not.',
  PCD,
);
const BYTES = counterDescriptor('opsdesk_transfer_bytes_total', 'Bytes carried by the channel.', PCD);
const FAILURES = counterDescriptor(
  'opsdesk_transfer_failures_total',
  'Messages that failed, by reason (reasons from failure_reasons; others count as "other").',
  [...PCD, 'reason'],
);
const LATENCY = histogramDescriptor(
  'opsdesk_transfer_latency_seconds',
  'Latency reported with each message, seconds.',
  PCD,
  LATENCY_BUCKETS,
);
const LAST_MESSAGE = gaugeDescriptor(
  'opsdesk_transfer_last_message_timestamp_seconds',
  'When the last successful message was carried, Unix seconds; absent before the first.',
  PCD,
);
const INTERRUPTED = gaugeDescriptor(
  'opsdesk_transfer_interrupted',
  '1 while the channel is silent inside its window for longer than expect.max_silence.',
  PCD,
);
const INTERRUPTIONS = counterDescriptor(
  'opsdesk_transfer_interruptions_total',
  'Interruptions that began (silence inside the window longer than expect.max_silence).',
  PCD,
);
const IN_WINDOW = gaugeDescriptor(
  'opsdesk_transfer_in_window',
  '1 while the channel is expected to be active (its calendar: trading hours and days).',
  PC,
);
const MIN_RATIO = gaugeDescriptor(
  'opsdesk_transfer_expected_min_success_ratio',
  'expect.min_success_ratio of the channel, for the alert rules.',
  PC,
);
const MAX_LATENCY = gaugeDescriptor(
  'opsdesk_transfer_expected_max_latency_seconds',
  'expect.max_latency of the channel, seconds, for the alert rules.',
  PC,
);
const MIN_RATE = gaugeDescriptor(
  'opsdesk_transfer_expected_min_messages_per_second',
  'expect.min_messages of the channel as a rate (count / per), for the alert rule.',
  PC,
);
const DROPPED = counterDescriptor(
  'opsdesk_transfer_events_dropped_total',
  'Events not counted on any channel, by reason: invalid, future (timed more than ingest.max_future_skew ahead of this exporter), or unknown_participant, unknown_channel, unknown_direction (not in the config).',
  ['reason'],
);
const DROP_REASONS = ['invalid', 'future', 'unknown_participant', 'unknown_channel', 'unknown_direction'];

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
      for (const c of holidayCoverage(store.calendars))
        sink.add(KNOWN_THROUGH, c.knownThroughYear, c.calendar);
      for (const ch of store.channels) {
        const l2 = [ch.participant, ch.spec.name];
        const expect = ch.spec.expect;
        if (expect.min_messages)
          sink.add(MIN_RATE, expect.min_messages.count / (expect.min_messages.per / 1000), ...l2);
        sink.add(IN_WINDOW, ch.inWindow ? 1 : 0, ...l2);
        if (expect.min_success_ratio !== undefined) sink.add(MIN_RATIO, expect.min_success_ratio, ...l2);
        if (expect.max_latency !== undefined) sink.add(MAX_LATENCY, expect.max_latency / 1000, ...l2);
        for (const d of ch.directions) {
          const l = [...l2, d.direction];
          sink.add(MESSAGES, d.messages, ...l);
          sink.add(BYTES, d.bytes, ...l);
          for (const [r, n] of d.failures) sink.add(FAILURES, n, ...l, r);
          sink.addHistogram(LATENCY, d.latency.value(), ...l);
          if (d.lastMessage) sink.add(LAST_MESSAGE, d.lastMessage / 1000, ...l);
          if (expect.max_silence !== undefined) {
            sink.add(INTERRUPTED, d.interrupted ? 1 : 0, ...l);
            sink.add(INTERRUPTIONS, d.interruptions, ...l);
          }
        }
      }
      for (const r of DROP_REASONS) sink.add(DROPPED, store.dropped.get(r) ?? 0, r);
    },
  };
}
