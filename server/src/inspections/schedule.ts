import { fromLocal, toLocal, type Calendar } from '@opsdesk/calendar';

/** Which local dates of its calendar a schedule runs on. */
export const SCHEDULE_DAYS = ['working', 'every', 'first_working_of_month', 'last_working_of_month'] as const;
export type ScheduleDays = (typeof SCHEDULE_DAYS)[number];

/** What the due times depend on: the days rule and the local times (HH:MM, in the calendar's zone). */
export interface ScheduleTimes {
  days: ScheduleDays;
  times: readonly string[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of `HH:MM`; throws a RangeError naming the value otherwise. */
export function parseTimeOfDay(text: string): number {
  const m = HHMM.exec(text);
  if (!m) throw new RangeError(`time ${JSON.stringify(text)} is not HH:MM (00:00 to 23:59), e.g. 08:30`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a local date is one the schedule runs on. */
export function runsOn(
  days: ScheduleDays,
  calendar: Calendar,
  year: number,
  month: number,
  day: number,
): boolean {
  switch (days) {
    case 'every':
      return true;
    case 'working':
      return calendar.isWorkingDay(year, month, day);
    case 'first_working_of_month': {
      if (!calendar.isWorkingDay(year, month, day)) return false;
      for (let d = 1; d < day; d++) if (calendar.isWorkingDay(year, month, d)) return false;
      return true;
    }
    case 'last_working_of_month': {
      if (!calendar.isWorkingDay(year, month, day)) return false;
      for (let d = day + 1, n = daysInMonth(year, month); d <= n; d++)
        if (calendar.isWorkingDay(year, month, d)) return false;
      return true;
    }
  }
}

/**
 * The instants (ms since epoch, ascending, no duplicates) in (fromMs, toMs] at which the schedule
 * is due: on each local date of the calendar's zone that its days rule selects (working days honour
 * the calendar's kind: a make-up workday 调休上班 is a working day on a service calendar and closed
 * on a trading one), at each of its local times. A local time that a DST change skips moves forward
 * by the gap; one that occurs twice is due at the earlier instant (lib/calendar's fromLocal).
 * The interval is open at `fromMs` so that passing the last due time as `fromMs` never repeats it.
 */
export function dueTimes(
  schedule: ScheduleTimes,
  calendar: Calendar,
  fromMs: number,
  toMs: number,
): number[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs))
    throw new RangeError(`dueTimes: not an instant: ${fromMs}..${toMs}`);
  if (toMs <= fromMs) return [];
  const minutes = [...new Set(schedule.times.map(parseTimeOfDay))].sort((a, b) => a - b);
  if (minutes.length === 0) return [];
  const zone = calendar.data.timeZone;
  const out: number[] = [];
  // Local dates from the one containing fromMs to the one containing toMs: a due time of a date
  // always lies within a day of that date's midnight, so one date either side is enough.
  const first = toLocal(fromMs, zone);
  const last = toLocal(toMs, zone);
  let date = new Date(Date.UTC(first.year, first.month - 1, first.day - 1));
  const end = Date.UTC(last.year, last.month - 1, last.day + 1);
  for (; date.getTime() <= end; date = new Date(date.getTime() + 86_400_000)) {
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!runsOn(schedule.days, calendar, y, m, d)) continue;
    for (const minute of minutes) {
      const at = fromLocal(y, m, d, minute, zone);
      if (at > fromMs && at <= toMs && at !== out[out.length - 1]) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The next `count` due times after `fromMs` (searching at most `horizonDays` ahead). */
export function nextDueTimes(
  schedule: ScheduleTimes,
  calendar: Calendar,
  fromMs: number,
  count: number,
  horizonDays = 400,
): number[] {
  const out: number[] = [];
  const step = 31 * 86_400_000;
  for (let from = fromMs; out.length < count && from < fromMs + horizonDays * 86_400_000; from += step)
    out.push(...dueTimes(schedule, calendar, from, Math.min(from + step, fromMs + horizonDays * 86_400_000)));
  return out.slice(0, count);
}
