import { fromLocal, nextDate, toLocal, type Calendar } from '@opsdesk/calendar';
import { cadenceDays, type DayFilter, type LayerConfig } from './config';

/**
 * Rotation arithmetic as plain functions: no database, no clock. A layer's time is cut into duty
 * days, each from the handoff time of a local date to the handoff time of the next date, as wall
 * times in the roster's zone (so a 09:00 handoff stays 09:00 across a DST change, and that duty
 * day is 23 or 25 hours long). Duty day k after the layer's start date belongs to member
 * floor(k / cadence days) mod members; rotation counts calendar days, so who is on next is
 * predictable from the start date alone. A duty day the layer's day filter excludes is nobody's.
 */

/** A local date as [year, month, day]. */
export type LocalDate = readonly [number, number, number];

const DAY_MS = 86_400_000;

export function parseDate(text: string): LocalDate {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

export function epochDay([y, m, d]: LocalDate): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOfEpochDay(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The first instant of the duty day of a local date: its handoff as wall time in the zone. */
export function dutyDayStart(date: LocalDate, handoffMinutes: number, timeZone: string): number {
  return fromLocal(date[0], date[1], date[2], handoffMinutes, timeZone);
}

/** The local date whose duty day contains `at`. */
export function dutyDateAt(at: number, handoffMinutes: number, timeZone: string): LocalDate {
  const l = toLocal(at, timeZone);
  const today: LocalDate = [l.year, l.month, l.day];
  if (at >= dutyDayStart(today, handoffMinutes, timeZone)) return today;
  return dateOfEpochDay(epochDay(today) - 1);
}

/** What kind of day a local date is on a service calendar (a 调休 Saturday is a workday). */
export function dayPasses(calendar: Calendar, date: LocalDate, filter: DayFilter): boolean {
  if (filter === 'any') return true;
  const [y, m, d] = date;
  const { working } = calendar.describeDay(y, m, d);
  if (filter === 'workday') return working;
  if (filter === 'rest_day') return !working;
  // a holiday of the calendar that is not a make-up workday; a 24×7 calendar has none
  if (calendar.data.always) return false;
  return (
    !working && calendar.data.holidays.has(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  );
}

/** The member on the duty day of `date` by rotation alone (before the day filter), or null without members. */
export function memberOn(layer: LayerConfig, date: LocalDate): string | null {
  if (layer.members.length === 0) return null;
  const k = epochDay(date) - epochDay(parseDate(layer.start));
  const turn = Math.floor(k / cadenceDays(layer.cadence));
  const n = layer.members.length;
  return layer.members[((turn % n) + n) % n] ?? null;
}

/** A stretch of a layer's time with one person (or nobody) by rotation. */
export interface Segment {
  start: number;
  end: number;
  person: string | null;
}

export interface LayerContext {
  layer: LayerConfig;
  calendar: Calendar;
  timeZone: string;
}

/** Who the rotation puts on the duty day of `date`: null when the day filter excludes it. */
export function rotationOn(c: LayerContext, date: LocalDate): string | null {
  return dayPasses(c.calendar, date, c.layer.days) ? memberOn(c.layer, date) : null;
}

/**
 * The rotation's segments over [from, to): consecutive duty days with the same person (or with
 * nobody) merged, the first and last clipped to the range. Bounded by the range (a day each).
 */
export function rotationSegments(c: LayerContext, from: number, to: number): Segment[] {
  const handoff = minutesOf(c.layer.handoff);
  const out: Segment[] = [];
  let date = dutyDateAt(from, handoff, c.timeZone);
  let start = dutyDayStart(date, handoff, c.timeZone);
  // a range is at most a few months long; the bound only guards against a broken zone rule
  for (let i = 0; i < 4000 && start < to; i++) {
    const next = nextDate(date[0], date[1], date[2]);
    const end = dutyDayStart(next, handoff, c.timeZone);
    const person = rotationOn(c, date);
    const last = out[out.length - 1];
    if (last && last.person === person && last.end === start) last.end = end;
    else out.push({ start, end, person });
    date = next;
    start = end;
  }
  for (const s of out) {
    s.start = Math.max(s.start, from);
    s.end = Math.min(s.end, to);
  }
  return out.filter((s) => s.end > s.start);
}

/**
 * The whole rotation segment that contains `at` (not clipped): walks duty days back and forth
 * while the person stays the same, at most `maxDays` each way.
 */
export function rotationSegmentAt(c: LayerContext, at: number, maxDays = 62): Segment {
  const handoff = minutesOf(c.layer.handoff);
  const date = dutyDateAt(at, handoff, c.timeZone);
  const person = rotationOn(c, date);
  let first = epochDay(date);
  for (let i = 0; i < maxDays && rotationOn(c, dateOfEpochDay(first - 1)) === person; i++) first--;
  let last = epochDay(date);
  for (let i = 0; i < maxDays && rotationOn(c, dateOfEpochDay(last + 1)) === person; i++) last++;
  return {
    start: dutyDayStart(dateOfEpochDay(first), handoff, c.timeZone),
    end: dutyDayStart(dateOfEpochDay(last + 1), handoff, c.timeZone),
    person,
  };
}

/** An override as the arithmetic needs it: this person over [start, end), on top of the rotation. */
export interface Cover {
  start: number;
  end: number;
  person: string;
  source: 'override' | 'swap';
  id: string;
}

export interface Piece extends Segment {
  source: 'rotation' | 'override' | 'swap';
  overrideId?: string;
}

/**
 * Overrides laid over rotation segments over [from, to): an override wins wherever it lies
 * (overrides of one layer never overlap: the store refuses that), the rotation fills the rest.
 */
export function applyOverrides(segments: Segment[], covers: Cover[], from: number, to: number): Piece[] {
  const sorted = covers
    .filter((c) => c.end > from && c.start < to)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ ...c, start: Math.max(c.start, from), end: Math.min(c.end, to) }));
  const out: Piece[] = [];
  for (const s of segments) {
    let cursor = s.start;
    for (const c of sorted) {
      if (c.end <= cursor || c.start >= s.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start, person: s.person, source: 'rotation' });
      cursor = Math.max(cursor, Math.min(c.end, s.end));
    }
    if (cursor < s.end) out.push({ start: cursor, end: s.end, person: s.person, source: 'rotation' });
  }
  for (const c of sorted)
    out.push({ start: c.start, end: c.end, person: c.person, source: c.source, overrideId: c.id });
  return out.sort((a, b) => a.start - b.start);
}
