import { dateKey, fromLocal, nextDate, toLocal, weekdayOf } from './zone';

/** Minutes from local midnight: [start, end), end may be 1440. */
export type DayInterval = readonly [start: number, end: number];

export interface CalendarData {
  name: string;
  timeZone: string;
  /** true: every instant is working time (24×7); weekly hours and days are ignored */
  always: boolean;
  /** index 0 = Sunday … 6 = Saturday */
  weekly: ReadonlyArray<readonly DayInterval[]>;
  /** hours of a make-up workday (调休上班), which may fall on a weekend */
  makeupDayHours: readonly DayInterval[];
  /** local date → name, days off although the weekday would be a working day */
  holidays: ReadonlyMap<string, string>;
  /** local date → name, working days although the weekday would be off */
  workdays: ReadonlyMap<string, string>;
  /** last year for which holidays are known (built-in data); undefined when not tracked */
  knownThroughYear?: number | undefined;
}

/** A working period as instants (ms since epoch), [start, end). */
export type Window = readonly [start: number, end: number];

const DAY_CACHE_LIMIT = 4096;
/** Searching further than this for working time means the calendar has none. */
const MAX_SEARCH_DAYS = 3 * 366;

/**
 * A service calendar: when the contract's clock runs. Answers "is this instant working time",
 * "how much working time lies between two instants" and "when will N ms of working time have
 * passed", honouring the time zone (with DST), weekly hours, holidays and make-up workdays.
 */
export class Calendar {
  private readonly dayCache = new Map<string, Window[]>();

  constructor(readonly data: CalendarData) {}

  get name(): string {
    return this.data.name;
  }

  /** Working hours of one local date, as local minute intervals. */
  hoursOn(year: number, month: number, day: number): readonly DayInterval[] {
    if (this.data.always) return [[0, 1440]];
    const key = dateKey(year, month, day);
    if (this.data.workdays.has(key)) return this.data.makeupDayHours;
    if (this.data.holidays.has(key)) return [];
    return this.data.weekly[weekdayOf(year, month, day)] ?? [];
  }

  /** What kind of day a local date is, for people: "holiday: National Day", "make-up workday", … */
  describeDay(year: number, month: number, day: number): { working: boolean; reason: string } {
    // 24×7 has no weekly hours to look up: every day works, holidays included
    if (this.data.always) return { working: true, reason: '24x7: every day' };
    const key = dateKey(year, month, day);
    const workday = this.data.workdays.get(key);
    if (workday !== undefined)
      return { working: true, reason: `make-up workday${workday ? `: ${workday}` : ''}` };
    const holiday = this.data.holidays.get(key);
    if (holiday !== undefined) return { working: false, reason: `holiday${holiday ? `: ${holiday}` : ''}` };
    const hours = this.data.weekly[weekdayOf(year, month, day)] ?? [];
    return { working: hours.length > 0, reason: hours.length > 0 ? 'working day' : 'weekly day off' };
  }

  private windowsOnDate(year: number, month: number, day: number): Window[] {
    const key = dateKey(year, month, day);
    let windows = this.dayCache.get(key);
    if (!windows) {
      windows = this.hoursOn(year, month, day).map(
        ([s, e]) =>
          [
            fromLocal(year, month, day, s, this.data.timeZone),
            fromLocal(year, month, day, e, this.data.timeZone),
          ] as const,
      );
      if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
      this.dayCache.set(key, windows);
    }
    return windows;
  }

  /** Working windows overlapping [fromMs, toMs), clipped to it, in order. */
  *windows(fromMs: number, toMs: number = Infinity): Generator<Window> {
    if (toMs <= fromMs) return;
    if (this.data.always) {
      yield [fromMs, toMs];
      return;
    }
    const start = toLocal(fromMs, this.data.timeZone);
    // Begin a day early: a window of the previous local date cannot reach past midnight, but
    // the local date at fromMs may differ from the one whose windows start before it.
    let [y, m, d] = [start.year, start.month, start.day];
    [y, m, d] = previousDate(y, m, d);
    for (let i = 0; i < MAX_SEARCH_DAYS + 2; i++) {
      for (const [s, e] of this.windowsOnDate(y, m, d)) {
        if (s >= toMs) return;
        if (e <= fromMs) continue;
        yield [Math.max(s, fromMs), Math.min(e, toMs)];
      }
      if (fromLocal(y, m, d, 0, this.data.timeZone) >= toMs) return;
      [y, m, d] = nextDate(y, m, d);
    }
  }

  isWorking(atMs: number): boolean {
    const first = this.windows(atMs, atMs + 1).next();
    return !first.done;
  }

  /** Working time in [fromMs, toMs), in ms. */
  workingMs(fromMs: number, toMs: number): number {
    let total = 0;
    for (const [s, e] of this.windows(fromMs, toMs)) total += e - s;
    return total;
  }

  /**
   * The instant at which `ms` of working time will have passed since `fromMs`. With `ms` 0 it is
   * the next working instant at or after `fromMs`. Throws when the calendar has no working time
   * within three years (a calendar of holidays only).
   */
  addWorkingMs(fromMs: number, ms: number): number {
    let left = ms;
    let lastEnd = fromMs;
    const horizon = fromMs + MAX_SEARCH_DAYS * 86_400_000;
    for (const [s, e] of this.windows(fromMs, horizon)) {
      if (left === 0 || e - s > left) return s + left;
      if (e - s === left) return e;
      left -= e - s;
      lastEnd = e;
    }
    throw new Error(
      `calendar ${this.name} has no working time within three years after ${new Date(lastEnd).toISOString()}`,
    );
  }

  /** Whether the holidays of a year are known; false for years the built-in data does not cover yet. */
  knowsYear(year: number): boolean {
    return this.data.knownThroughYear === undefined || year <= this.data.knownThroughYear;
  }
}

function previousDate(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** 24×7 in UTC: working time equals wall time. */
export const ALWAYS = new Calendar({
  name: '24x7',
  timeZone: 'UTC',
  always: true,
  weekly: [],
  makeupDayHours: [],
  holidays: new Map(),
  workdays: new Map(),
});
