import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromLocal, toLocal } from '@opsdesk/calendar';
import {
  BackgroundTask,
  backgroundCollector,
  counterDescriptor,
  gaugeDescriptor,
  type Collector,
} from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { ChannelState, ChannelStore } from './channels';
import type { DropSpec } from './config';

/** The most directory entries looked at per poll; a drop folder is not an archive. */
const MAX_ENTRIES = 100_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The pattern for a local date as a regular expression over file names. */
export function patternFor(pattern: string, y: number, m: number, d: number): RegExp {
  const text = pattern
    .replaceAll('{YYYYMMDD}', `${y}${pad(m)}${pad(d)}`)
    .replaceAll('{YYYY}', String(y))
    .replaceAll('{MM}', pad(m))
    .replaceAll('{DD}', pad(d));
  return new RegExp(`^${text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
}

export interface ExpectedFile {
  name: string;
  /** today's deadline in ms, or undefined when the file is not expected today */
  deadline: number | undefined;
  present: boolean;
  missing: boolean;
}

/** Watches one channel's drop folder: arrivals (as messages on the channel), bytes, expected files. */
export class DropWatcher {
  arrivals = 0;
  bytes = 0;
  lastArrival = 0;
  readable = false;
  private seen: Map<string, number> | undefined;
  private names: string[] = [];

  constructor(
    readonly channel: ChannelState,
    readonly spec: DropSpec,
    private readonly store: ChannelStore,
    private readonly now: () => number = Date.now,
    /** spec.path taken from the config file's folder */
    readonly folder = spec.path,
  ) {}

  async poll(): Promise<void> {
    let entries;
    try {
      entries = await readdir(this.folder, { withFileTypes: true });
    } catch (err) {
      this.readable = false;
      throw new Error(`cannot read drop folder ${this.folder}: ${(err as Error).message}`);
    }
    this.readable = true;
    const files = entries.filter((e) => e.isFile()).slice(0, MAX_ENTRIES);
    const first = this.seen === undefined;
    const seen = new Map<string, number>();
    for (const f of files) {
      const prev = this.seen?.get(f.name);
      let st;
      try {
        st = await stat(path.join(this.folder, f.name));
      } catch {
        continue; // taken away between the listing and the stat
      }
      seen.set(f.name, st.mtimeMs);
      if (first) {
        this.lastArrival = Math.max(this.lastArrival, st.mtimeMs);
        continue;
      }
      if (prev !== undefined && prev === st.mtimeMs) continue;
      // a new file, or one written again under the same name
      this.arrivals++;
      this.bytes += st.size;
      const at = Math.min(st.mtimeMs, this.now());
      this.lastArrival = Math.max(this.lastArrival, at);
      this.store.accept({
        participant: this.channel.participant,
        channel: this.channel.spec.name,
        direction: this.spec.direction ?? this.channel.spec.directions[0]!,
        bytes: st.size,
        outcome: 'ok',
        time: at,
      });
    }
    this.seen = seen;
    this.names = [...seen.keys()];
  }

  expected(): ExpectedFile[] {
    const now = this.now();
    const tz = this.channel.calendar?.data.timeZone ?? this.spec.timezone;
    const { year, month, day } = toLocal(now, tz);
    const working = this.channel.calendar?.describeDay(year, month, day).working ?? true;
    return this.spec.files.map((f) => {
      const re = patternFor(f.pattern, year, month, day);
      const present = this.names.some((n) => re.test(n));
      if (!working) return { name: f.name, deadline: undefined, present, missing: false };
      const [h, m] = f.deadline.split(':').map(Number) as [number, number];
      const deadline = fromLocal(year, month, day, h * 60 + m, tz);
      return { name: f.name, deadline, present, missing: this.readable && now >= deadline && !present };
    });
  }
}

const PC = ['participant', 'channel'];
const ARRIVALS = counterDescriptor(
  'opsdesk_transfer_drop_arrivals_total',
  'Files that arrived in the drop folder (new, or written again) since the exporter started.',
  PC,
);
const BYTES = counterDescriptor('opsdesk_transfer_drop_bytes_total', 'Bytes of the files that arrived.', PC);
const LAST_ARRIVAL = gaugeDescriptor(
  'opsdesk_transfer_drop_last_arrival_timestamp_seconds',
  'Modification time of the newest file in the drop folder, Unix seconds.',
  PC,
);
const READABLE = gaugeDescriptor(
  'opsdesk_transfer_drop_readable',
  '1 when the drop folder could be listed on the last poll.',
  PC,
);
const DEADLINE = gaugeDescriptor(
  'opsdesk_transfer_file_deadline_timestamp_seconds',
  "Today's deadline for the expected file, Unix seconds; absent on days it is not expected.",
  [...PC, 'file'],
);
const PRESENT = gaugeDescriptor(
  'opsdesk_transfer_file_present',
  "1 when today's expected file is in the drop folder.",
  [...PC, 'file'],
);
const MISSING = gaugeDescriptor(
  'opsdesk_transfer_file_missing',
  "1 when today's deadline has passed and the expected file is not in the drop folder.",
  [...PC, 'file'],
);

/** Every channel's drop folder on its own timer; the scrape reads arrivals and expected files. */
export function dropsCollector(
  store: ChannelStore,
  log: Logger,
  now: () => number = Date.now,
  resolvePath: (p: string) => string = (p) => p,
): Collector & { watchers: DropWatcher[] } {
  const watchers = store.channels.flatMap((ch) =>
    ch.spec.drop ? [new DropWatcher(ch, ch.spec.drop, store, now, resolvePath(ch.spec.drop.path))] : [],
  );
  const tasks = watchers.map(
    (w) =>
      new BackgroundTask<void>({
        name: `drop/${w.channel.participant}/${w.channel.spec.name}`,
        intervalMs: w.spec.poll,
        timeoutMs: 60_000,
        log,
        run: () => w.poll(),
      }),
  );
  const collector = backgroundCollector({
    name: 'drops',
    tasks,
    log,
    collect({ sink }) {
      for (const w of watchers) {
        const l = [w.channel.participant, w.channel.spec.name];
        sink.add(ARRIVALS, w.arrivals, ...l);
        sink.add(BYTES, w.bytes, ...l);
        if (w.lastArrival) sink.add(LAST_ARRIVAL, w.lastArrival / 1000, ...l);
        sink.add(READABLE, w.readable ? 1 : 0, ...l);
        for (const f of w.expected()) {
          if (f.deadline !== undefined) sink.add(DEADLINE, f.deadline / 1000, ...l, f.name);
          sink.add(PRESENT, f.present ? 1 : 0, ...l, f.name);
          sink.add(MISSING, f.missing ? 1 : 0, ...l, f.name);
        }
      }
    },
  });
  return Object.assign(collector, { watchers });
}
