/**
 * Local dates of a roster's time zone (rosters carry an IANA zone, e.g. Asia/Shanghai), computed
 * with Intl alone: the browser's own zone is never the roster's by assumption.
 */

export interface LocalDay {
  /** YYYY-MM-DD in the zone */
  date: string;
  /** first instant of the local date, ms */
  start: number;
  /** first instant of the next local date, ms */
  end: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, f);
  }
  return f;
}

function localParts(instant: number, timeZone: string) {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value])
  );
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
}

/** The zone's offset from UTC at `instant`, ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function localDate(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The first instant of a local date (midnight, or the first minute after a DST gap at midnight). */
export function startOfLocalDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // two rounds: the offset at the guess may differ from the offset at the answer across a DST change
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The seven local dates, Monday first (as weeks are counted in China), of the week `offset` weeks from `now`'s. */
export function weekOf(now: number, timeZone: string, offset = 0): LocalDay[] {
  const today = localDate(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const monday = addDays(today, offset * 7 - weekday);
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return {
      date,
      start: startOfLocalDate(date, timeZone),
      end: startOfLocalDate(addDays(date, 1), timeZone),
      weekday: i,
    };
  });
}

/** The parts of [start, end) intervals that fall on `day`, clipped to it; input order is kept. */
export function clipToDay<T extends { start: string; end: string }>(
  items: T[],
  day: LocalDay
): Array<T & { from: number; to: number }> {
  const out: Array<T & { from: number; to: number }> = [];
  for (const item of items) {
    const from = Math.max(Date.parse(item.start), day.start);
    const to = Math.min(Date.parse(item.end), day.end);
    if (from < to) out.push({ ...item, from, to });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** A wall-clock time of a datetime-local input ("2026-12-05T09:00") read in the zone, as an instant. */
export function wallTimeToInstant(value: string, timeZone: string): number {
  const [date, time = '00:00'] = value.split('T') as [string, string?];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** An instant as a datetime-local input's value in the zone. */
export function instantToWallTime(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.y}-${two(p.m)}-${two(p.d)}T${two(p.h)}:${two(p.min)}`;
}
