import type * as TemporalPolyfill from 'temporal-polyfill' with { 'resolution-mode': 'import' };

// temporal-polyfill is an ES module only; Node ≥ 20.19 requires it from CommonJS (this package's
// output), and the jest config transforms it for the tests. The types come from the module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Temporal } = require('temporal-polyfill') as typeof TemporalPolyfill;

/**
 * Instant ↔ wall-clock conversions in an IANA time zone, on the Temporal polyfill (the tz rules
 * are the runtime's ICU data through Intl, the arithmetic is Temporal's). Disambiguation is
 * explicit and the same everywhere: a local time that does not exist (the hour skipped when
 * clocks go forward) moves forward by the length of the gap — 02:30 on 2026-03-08 in
 * America/New_York is 03:30 EDT — and an ambiguous one (the hour repeated when clocks go back)
 * is the earlier instant. That is Temporal's `compatible`, which is also what RFC 5545 asks of
 * calendar software.
 *
 * Temporal is slower per call than one Intl.DateTimeFormat call; the calendar therefore converts
 * each local day once and caches the instants (see Calendar), and nothing here is on a hot path.
 */
export const DISAMBIGUATION = 'compatible' as const;

const checkedZones = new Set<string>();

/** Throws a RangeError naming the zone when it is not a valid IANA name. */
export function assertTimeZone(timeZone: string): void {
  if (checkedZones.has(timeZone)) return;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  } catch {
    throw new RangeError(
      `unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as Asia/Shanghai`,
    );
  }
  checkedZones.add(timeZone);
}

export interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function toLocal(instantMs: number, timeZone: string): LocalTime {
  const z = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
  return {
    year: z.year,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
    second: z.second,
    weekday: z.dayOfWeek % 7,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai → +8 h). */
export function offsetAt(instantMs: number, timeZone: string): number {
  const z = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
  return z.offsetNanoseconds / 1e6;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` minutes after midnight of
 * the local date (1440 is the next midnight). A time in a DST gap moves forward by the gap; in
 * an overlap the earlier instant is taken (see DISAMBIGUATION).
 */
export function fromLocal(
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  // Calendar arithmetic on the wall fields first (1440 → next day 00:00), zone rules second.
  const wall = new Date(Date.UTC(year, month - 1, day) + minuteOfDay * 60_000);
  return Temporal.PlainDateTime.from({
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  }).toZonedDateTime(timeZone, { disambiguation: DISAMBIGUATION }).epochMilliseconds;
}

/**
 * The first instant of a local date. Usually local midnight; in a zone whose clocks skip midnight
 * (America/Santiago, Asia/Beirut in some years) the first time that exists that day.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  return Temporal.PlainDate.from({ year, month, day }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** `YYYY-MM-DD` of a local date. */
export function dateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local date after `year-month-day` (calendar arithmetic, zone-independent). */
export function nextDate(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
