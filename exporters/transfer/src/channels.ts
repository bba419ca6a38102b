import { buildCalendar, type Calendar } from '@opsdesk/calendar';
import { BucketHistogram, eventParser, eventTimeSchema } from '@opsdesk/exporter-core';
import { RateLimitedLog, type Logger } from '@opsdesk/runtime';
import { z } from 'zod';
import { DIRECTIONS, type ChannelSpec, type Direction, type TransferConfig } from './config';

/** Upper bounds of the latency histogram, seconds: from a fast API call to a slow file transfer. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

const eventSchema = z.strictObject({
  participant: z.string().min(1).max(100),
  channel: z.string().min(1).max(100),
  direction: z.enum(DIRECTIONS),
  bytes: z.number().int().min(0).default(0),
  outcome: z.enum(['ok', 'failed']).default('ok'),
  reason: z.string().max(100).optional(),
  /** seconds */
  latency: z.number().min(0).optional(),
  time: eventTimeSchema,
});
export type TransferEvent = Omit<z.output<typeof eventSchema>, 'time'> & { time: number };

/** Checks one decoded event (from a POST body or a log line); see eventParser. */
export const toTransferEvent = eventParser(eventSchema);

/** One direction of one channel: all it has counted and whether it is interrupted now. */
export class DirectionState {
  messages = 0;
  bytes = 0;
  readonly failures = new Map<string, number>();
  readonly latency = new BucketHistogram(LATENCY_BUCKETS);
  /** ms of the last successful message; 0 before the first */
  lastMessage = 0;
  interrupted = false;
  /** ms since when silent, while interrupted */
  interruptedSince = 0;
  interruptions = 0;
  constructor(readonly direction: Direction) {}
}

export class ChannelState {
  readonly directions: DirectionState[];
  inWindow = false;
  /** ms the current window opened (or the exporter started inside it) */
  windowOpened = 0;
  constructor(
    readonly participant: string,
    readonly spec: ChannelSpec,
    readonly calendar: Calendar | undefined,
  ) {
    this.directions = spec.directions.map((d) => new DirectionState(d));
  }
}

export type AcceptResult = 'accepted' | 'unknown_participant' | 'unknown_channel' | 'unknown_direction';

/**
 * Every configured channel's counters and interruption state. Only configured participants,
 * channels and directions are kept; anything else is counted as dropped, so a peer cannot grow the
 * label set. Interruptions are judged by `tick`, which runs every second.
 */
export class ChannelStore {
  readonly channels: ChannelState[] = [];
  readonly dropped = new Map<string, number>();
  /** the configured calendars, for their holiday coverage */
  readonly calendars: Calendar[];
  private readonly index = new Map<string, Map<string, ChannelState>>();
  private readonly reasons: ReadonlySet<string>;
  private readonly unknownLog = new RateLimitedLog(60_000);

  constructor(
    config: Pick<TransferConfig, 'participants' | 'calendars' | 'failure_reasons'>,
    private readonly now: () => number = Date.now,
    private readonly log?: Logger,
    /** the folder holiday files are read from: the config file's */
    configDir?: string,
  ) {
    this.reasons = new Set(config.failure_reasons);
    const calendars = new Map(
      config.calendars.map((c) => [c.name, buildCalendar(c, { baseDir: configDir, now: now() })]),
    );
    this.calendars = [...calendars.values()];
    for (const p of config.participants) {
      const byName = new Map<string, ChannelState>();
      for (const c of p.channels) {
        const state = new ChannelState(
          p.name,
          c,
          c.calendar === undefined ? undefined : calendars.get(c.calendar),
        );
        byName.set(c.name, state);
        this.channels.push(state);
      }
      this.index.set(p.name, byName);
    }
    this.tick();
  }

  /** Counts `n` events not taken on any channel, by reason (invalid, unknown_channel, …). */
  drop(why: string, n = 1): void {
    this.dropped.set(why, (this.dropped.get(why) ?? 0) + n);
  }

  accept(e: TransferEvent): AcceptResult {
    const byName = this.index.get(e.participant);
    if (!byName) return this.refuse('unknown_participant', e);
    const ch = byName.get(e.channel);
    if (!ch) return this.refuse('unknown_channel', e);
    const d = ch.directions.find((x) => x.direction === e.direction);
    if (!d) return this.refuse('unknown_direction', e);
    d.messages++;
    d.bytes += e.bytes;
    if (e.latency !== undefined) d.latency.observe(e.latency);
    if (e.outcome === 'failed') {
      const reason = e.reason !== undefined && this.reasons.has(e.reason) ? e.reason : 'other';
      d.failures.set(reason, (d.failures.get(reason) ?? 0) + 1);
    } else if (e.time > d.lastMessage) {
      d.lastMessage = e.time;
      if (d.interrupted) this.judge(ch, d, this.now());
    }
    return 'accepted';
  }

  private refuse(why: AcceptResult, e: TransferEvent): AcceptResult {
    this.drop(why);
    if (this.log && this.unknownLog.allow(why))
      this.log.warn(
        { reason: why, participant: e.participant.slice(0, 100), channel: e.channel, direction: e.direction },
        'event for a participant, channel or direction not in the config dropped; add it to channels.yml if it is real (logged once a minute)',
      );
    return why;
  }

  /** Updates each channel's window and interruption state; counts an interruption when one begins. */
  tick(): void {
    const now = this.now();
    for (const ch of this.channels) {
      const inWindow = ch.calendar ? ch.calendar.isWorking(now) : true;
      if (inWindow && !ch.inWindow) ch.windowOpened = now;
      ch.inWindow = inWindow;
      for (const d of ch.directions) this.judge(ch, d, now);
    }
  }

  private judge(ch: ChannelState, d: DirectionState, now: number): void {
    const limit = ch.spec.expect.max_silence;
    // silence counts from the later of the last message and the opening of the window
    const since = Math.max(d.lastMessage, ch.windowOpened);
    const silent = limit !== undefined && ch.inWindow && now - since > limit;
    if (silent && !d.interrupted) {
      d.interruptions++;
      d.interruptedSince = since;
    }
    d.interrupted = silent;
    if (!silent) d.interruptedSince = 0;
  }
}
