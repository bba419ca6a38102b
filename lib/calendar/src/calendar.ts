import { dateKey, fromLocal, startOfLocalDay, weekdayOf } from './zone';

/** Minutes from local midnight: [start, end), end may be 1440. */
export type DayInterval = readonly [start: number, end: number];

/**
 * service: when the team works — a make-up workday (调休上班) is a working day, holidays are off.
 * trading: when the market trades — weekends, public holidays and make-up Saturdays/Sundays are
 * all closed (exchanges do not open on a make-up day), so make-up workdays are ignored.
 */
export const CALENDAR_KINDS = ['service', 'trading'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface CalendarData {
  name: string;
  kind: CalendarKind;
  timeZone: string;
  /** true: every instant is working time (24×7); weekly hours and days are ignored */
  always: boolean;
  /** index 0 = Sunday … 6 = Saturday */
  weekly: ReadonlyArray<readonly DayInterval[]>;
  /** hours of a make-up workday (调休上班), which may fall on a weekend; service calendars only */
  makeupDayHours: readonly DayInterval[];
  /** local date → name, days off although the weekday would be a working day */
  holidays: ReadonlyMap<string, string>;
  /** local date → name, make-up workdays: working days on a service calendar, ignored on a trading one */
  workdays: ReadonlyMap<string, string>;
  /** last year for which holidays are known (built-in data); undefined when not tracked */
  knownThroughYear?: number | undefined;
}

/** A working period as instants (ms since epoch), [start, end). */
export type Window = readonly [start: number, end: number];

/** One local date of the calendar, converted to instants once. */
interface LocalDay {
  /** days since 1970-01-01 of the local date */
  readonly epochDay: number;
  /** first instant of the local date */
  readonly start: number;
  /** first instant of the next local date */
  readonly end: number;
  /** working windows: ordered, disjoint, non-empty, within [start, end) */
  readonly windows: readonly Window[];
  readonly workingMs: number;
}

const DAY_MS = 86_400_000;
/** About eleven years of local days; a server's open incidents stay far inside it. */
const DAY_CACHE_LIMIT = 4096;
/** Searching further than this for working time means the calendar has none. */
const MAX_SEARCH_DAYS = 3 * 366;

/**
 * A calendar: when the contract's clock runs (service) or when the market trades (trading).
 * Answers "is this instant working time", "how much working time lies between two instants" and
 * "when will N ms of working time have passed", honouring the time zone (with DST), weekly hours,
 * holidays and make-up workdays.
 *
 * Every local date is converted to instants once (its first instant and its working windows) and
 * kept, so evaluating an SLA clock walks cached days with integer arithmetic only: time-zone
 * conversions cost microseconds each and a listing evaluates thousands of clocks.
 */
export class Calendar {
  private readonly days = new Map<number, LocalDay>();
  private readonly dayStarts = new Map<number, number>();
  /** the zone's offset at the last day looked up; a guess that is right except across a DST change */
  private offsetGuess: number | undefined;

  constructor(readonly data: CalendarData) {}

  get name(): string {
    return this.data.name;
  }

  get kind(): CalendarKind {
    return this.data.kind;
  }

  /** Working hours of one local date, as local minute intervals. */
  hoursOn(year: number, month: number, day: number): readonly DayInterval[] {
    if (this.data.always) return [[0, 1440]];
    const key = dateKey(year, month, day);
    if (this.data.kind === 'service' && this.data.workdays.has(key)) return this.data.makeupDayHours;
    if (this.data.holidays.has(key)) return [];
    return this.data.weekly[weekdayOf(year, month, day)] ?? [];
  }

  /** What kind of day a local date is, for people: "holiday: National Day", "make-up workday", … */
  describeDay(year: number, month: number, day: number): { working: boolean; reason: string } {
    // 24×7 has no weekly hours to look up: every day works, holidays included
    if (this.data.always) return { working: true, reason: '24x7: every day' };
    const key = dateKey(year, month, day);
    const workday = this.data.workdays.get(key);
    const named = (what: string, name: string | undefined) => `${what}${name ? `: ${name}` : ''}`;
    if (workday !== undefined && this.data.kind === 'service')
      return { working: true, reason: named('make-up workday', workday) };
    const holiday = this.data.holidays.get(key);
    if (holiday !== undefined) return { working: false, reason: named('holiday', holiday) };
    const hours = this.data.weekly[weekdayOf(year, month, day)] ?? [];
    if (workday !== undefined && hours.length === 0)
      return { working: false, reason: named('make-up workday, closed on a trading calendar', workday) };
    return { working: hours.length > 0, reason: hours.length > 0 ? 'working day' : 'weekly day off' };
  }

  private dayStart(epochDay: number): number {
    let start = this.dayStarts.get(epochDay);
    if (start === undefined) {
      const d = new Date(epochDay * DAY_MS);
      start = startOfLocalDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), this.data.timeZone);
      this.dayStarts.set(epochDay, start);
    }
    return start;
  }

  private day(epochDay: number): LocalDay {
    const cached = this.days.get(epochDay);
    if (cached) return cached;
    if (this.days.size >= DAY_CACHE_LIMIT) {
      this.days.clear();
      this.dayStarts.clear();
    }
    const date = new Date(epochDay * DAY_MS);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const start = this.dayStart(epochDay);
    const end = this.dayStart(epochDay + 1);
    const windows: Window[] = [];
    let workingMs = 0;
    let floor = start;
    for (const [s, e] of this.hoursOn(y, m, d)) {
      // Clipped to the day and to the previous window: on a DST day two local ranges can map onto
      // overlapping instants (both ends of one inside the skipped hour), which must count once.
      const a = Math.max(floor, s === 0 ? start : fromLocal(y, m, d, s, this.data.timeZone));
      const b = Math.min(end, e === 1440 ? end : fromLocal(y, m, d, e, this.data.timeZone));
      if (b <= a) continue;
      const last = windows[windows.length - 1];
      if (last && last[1] === a) windows[windows.length - 1] = [last[0], b];
      else windows.push([a, b]);
      workingMs += b - a;
      floor = b;
    }
    const day: LocalDay = { epochDay, start, end, windows, workingMs };
    this.days.set(epochDay, day);
    return day;
  }

  /** The local day that contains an instant. */
  private dayAt(atMs: number): LocalDay {
    if (!Number.isFinite(atMs)) throw new RangeError(`calendar ${this.name}: not an instant: ${atMs}`);
    this.offsetGuess ??= this.dayStart(Math.floor(atMs / DAY_MS)) - Math.floor(atMs / DAY_MS) * DAY_MS;
    let n = Math.floor((atMs - this.offsetGuess) / DAY_MS);
    for (;;) {
      const d = this.day(n);
      if (atMs < d.start) n--;
      else if (atMs >= d.end) n++;
      else {
        this.offsetGuess = d.start - n * DAY_MS;
        return d;
      }
    }
  }

  /** Working windows overlapping [fromMs, toMs), clipped to it, in order (at most three years on). */
  *windows(fromMs: number, toMs: number = Infinity): Generator<Window> {
    if (toMs <= fromMs) return;
    if (this.data.always) {
      yield [fromMs, toMs];
      return;
    }
    let d = this.dayAt(fromMs);
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
      for (const [s, e] of d.windows) {
        if (s >= toMs) return;
        if (e <= fromMs) continue;
        yield [Math.max(s, fromMs), Math.min(e, toMs)];
      }
      if (d.end >= toMs) return;
      d = this.day(d.epochDay + 1);
    }
  }

  isWorking(atMs: number): boolean {
    if (this.data.always) return true;
    for (const [s, e] of this.dayAt(atMs).windows) if (s <= atMs && atMs < e) return true;
    return false;
  }

  /** Working time in [fromMs, toMs), in ms. */
  workingMs(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    if (this.data.always) return toMs - fromMs;
    if (!Number.isFinite(toMs)) throw new RangeError(`calendar ${this.name}: not an instant: ${toMs}`);
    let total = 0;
    let d = this.dayAt(fromMs);
    for (;;) {
      if (fromMs <= d.start && d.end <= toMs) total += d.workingMs;
      else
        for (const [s, e] of d.windows) {
          const a = s > fromMs ? s : fromMs;
          const b = e < toMs ? e : toMs;
          if (b > a) total += b - a;
        }
      if (d.end >= toMs) return total;
      d = this.day(d.epochDay + 1);
    }
  }

  /**
   * The instant at which `ms` of working time will have passed since `fromMs`. With `ms` 0 it is
   * the next working instant at or after `fromMs`. Throws when the calendar has no working time
   * within three years (a calendar of holidays only).
   */
  addWorkingMs(fromMs: number, ms: number): number {
    if (this.data.always) return fromMs + ms;
    let left = ms;
    let d = this.dayAt(fromMs);
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
      if (fromMs <= d.start && left > d.workingMs) left -= d.workingMs;
      else
        for (const [s, e] of d.windows) {
          if (e <= fromMs) continue;
          const a = s > fromMs ? s : fromMs;
          if (left === 0 || e - a > left) return a + left;
          if (e - a === left) return e;
          left -= e - a;
        }
      d = this.day(d.epochDay + 1);
    }
    throw new Error(
      `calendar ${this.name} has no working time within three years after ${new Date(fromMs).toISOString()}`,
    );
  }

  /** The next instant at or after `fromMs` that is working time (the next opening, or `fromMs` itself). */
  nextOpen(fromMs: number): number {
    return this.addWorkingMs(fromMs, 0);
  }

  /**
   * When the working period that contains `fromMs`, or else the next one, ends. Periods that
   * touch (a day ending at 24:00 and the next beginning at 00:00) are one period. Infinity for a
   * calendar that never closes within three years (24×7).
   */
  nextClose(fromMs: number): number {
    if (this.data.always) return Infinity;
    let close: number | undefined;
    let d = this.dayAt(fromMs);
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
      for (const [s, e] of d.windows) {
        if (e <= fromMs) continue;
        if (close !== undefined && s > close) return close;
        close = e;
      }
      if (close !== undefined && close < d.end) return close;
      d = this.day(d.epochDay + 1);
    }
    return close === undefined ? this.addWorkingMs(fromMs, 0) : Infinity;
  }

  /**
   * Whether a local date is a working day: one with working hours (a make-up workday on a service
   * calendar is one, a holiday is not). Every day of a 24×7 calendar is.
   */
  isWorkingDay(year: number, month: number, day: number): boolean {
    return this.data.always || this.hoursOn(year, month, day).length > 0;
  }

  /**
   * Due dates counted in whole days (a remediation deadline: "fix within 5 business days"): the
   * end (the first instant of the next local date) of the n-th working day after the local date
   * of `fromMs`. The day of `fromMs` itself never counts, however early it is, so the deadline
   * does not depend on the hour a finding arrived. Holidays do not count and make-up workdays
   * (调休上班) do; with n 0, the end of that day if it is a working day, else of the next one.
   * Throws when three years pass without a working day.
   */
  addWorkingDays(fromMs: number, n: number): number {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`calendar ${this.name}: working days must be a whole number >= 0, not ${n}`);
    let d = this.dayAt(fromMs);
    let counted = 0;
    let idle = 0;
    if (n === 0 && d.windows.length > 0) return d.end;
    for (;;) {
      d = this.day(d.epochDay + 1);
      if (d.windows.length === 0) {
        if (++idle > MAX_SEARCH_DAYS)
          throw new Error(
            `calendar ${this.name} has no working day within three years after ${new Date(fromMs).toISOString()}`,
          );
        continue;
      }
      idle = 0;
      if (++counted >= n) return d.end;
    }
  }

  /** The end of the local date `n` calendar days after that of `fromMs` (n 0: the end of that day). */
  addCalendarDays(fromMs: number, n: number): number {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`calendar ${this.name}: days must be a whole number >= 0, not ${n}`);
    return this.day(this.dayAt(fromMs).epochDay + n).end;
  }

  /**
   * Working days from the local date of `fromMs` (excluded) to that of `toMs` (included): how many
   * business days a deadline lies ahead, or (swapped) how many it was missed by. 0 when toMs is
   * on or before fromMs's date.
   */
  workingDaysBetween(fromMs: number, toMs: number): number {
    let d = this.dayAt(fromMs);
    const last = this.dayAt(toMs).epochDay;
    let n = 0;
    while (d.epochDay < last) {
      d = this.day(d.epochDay + 1);
      if (d.windows.length > 0) n++;
    }
    return n;
  }

  /** Whether the holidays of a year are known; false for years the built-in data does not cover yet. */
  knowsYear(year: number): boolean {
    return this.data.knownThroughYear === undefined || year <= this.data.knownThroughYear;
  }
}

/** 24×7 in UTC: working time equals wall time. */
export const ALWAYS = new Calendar({
  name: '24x7',
  kind: 'service',
  timeZone: 'UTC',
  always: true,
  weekly: [],
  makeupDayHours: [],
  holidays: new Map(),
  workdays: new Map(),
});
