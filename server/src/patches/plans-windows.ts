import { fromLocal, nextDate, toLocal, type Calendar } from '@opsdesk/calendar';
import type { MaintenanceConfig, MaintenanceWindowConfig } from './plans-config';

/**
 * Maintenance windows as plain functions: when a configured window is open, which window may hold
 * a schedule for a set of hosts, and whether a schedule touches trading hours. No database, no
 * clock: the scheduled gate and its tests call these directly.
 */

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The longest schedule the gates accept: a change that takes longer than a week is several plans. */
export const MAX_SCHEDULE_MS = 7 * 86_400_000;

/**
 * The occurrences [start, end) of a window that overlap [fromMs, toMs), in order, touching ones
 * merged (00:00–24:00 every day is one long opening). A day counts by the window's `days` on its
 * calendar: on a service calendar a 调休 make-up Saturday is a working day; on a trading calendar
 * it is not (the market stays closed).
 */
export function windowOccurrences(
  w: MaintenanceWindowConfig,
  calendar: Calendar,
  fromMs: number,
  toMs: number,
): Array<[number, number]> {
  const tz = calendar.data.timeZone;
  const s = minutes(w.start);
  const e = minutes(w.end);
  const length = e > s ? e - s : 1440 - s + e;
  // a window starting the day before fromMs may still be open then
  const first = toLocal(fromMs - 86_400_000, tz);
  let [y, m, d] = [first.year, first.month, first.day];
  const out: Array<[number, number]> = [];
  for (let i = 0; i < 400; i++) {
    const start = fromLocal(y, m, d, s, tz);
    if (start >= toMs) break;
    const end = fromLocal(y, m, d, s + length, tz);
    const { working } = calendar.describeDay(y, m, d);
    const opens = w.days === 'every' || (w.days === 'working') === working;
    if (opens && end > fromMs) {
      const last = out[out.length - 1];
      if (last && last[1] >= start) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
    [y, m, d] = nextDate(y, m, d);
  }
  return out;
}

/** The occurrence of a window that holds all of [start, end), or undefined. */
export function occurrenceHolding(
  w: MaintenanceWindowConfig,
  calendar: Calendar,
  start: number,
  end: number,
): [number, number] | undefined {
  return windowOccurrences(w, calendar, start, end).find(([a, b]) => a <= start && end <= b);
}

/** The next occurrence of a window at or after `fromMs` (for messages: "the next one opens …"). */
export function nextOccurrence(
  w: MaintenanceWindowConfig,
  calendar: Calendar,
  fromMs: number,
): [number, number] | undefined {
  return windowOccurrences(w, calendar, fromMs, fromMs + 60 * 86_400_000).find(([, b]) => b > fromMs);
}

/** The host groups of maintenance.host_groups each host belongs to. */
export function groupsOf(m: MaintenanceConfig, hosts: readonly string[]): Map<string, string[]> {
  return new Map(hosts.map((h) => [h, m.host_groups.filter((g) => g.hosts.includes(h)).map((g) => g.name)]));
}

export type WindowFit =
  | { ok: true; window: string; occurrence: [number, number] }
  | {
      ok: false;
      /** hosts that are in no host group, so no window can be theirs */
      ungrouped: string[];
      /** windows that take every host of the plan, with their next opening after `start` */
      candidates: Array<{ window: string; next: [number, number] | undefined }>;
    };

/**
 * The window that holds a schedule [start, end) for every host of a plan: a window whose host
 * groups cover all the hosts, open for the whole of the schedule. One window for the whole plan,
 * so the plan has one window to name; hosts of several groups need a window that lists them all.
 */
export function fitWindow(
  m: MaintenanceConfig,
  calendars: ReadonlyMap<string, Calendar>,
  hosts: readonly string[],
  start: number,
  end: number,
): WindowFit {
  const groups = groupsOf(m, hosts);
  const ungrouped = hosts.filter((h) => (groups.get(h) ?? []).length === 0);
  const candidates: Array<{ window: string; next: [number, number] | undefined }> = [];
  if (ungrouped.length === 0)
    for (const w of m.windows) {
      const covers = hosts.every((h) => (groups.get(h) ?? []).some((g) => w.host_groups.includes(g)));
      const calendar = calendars.get(w.calendar);
      if (!covers || !calendar) continue;
      const occurrence = occurrenceHolding(w, calendar, start, end);
      if (occurrence) return { ok: true, window: w.name, occurrence };
      candidates.push({ window: w.name, next: nextOccurrence(w, calendar, start) });
    }
  return { ok: false, ungrouped, candidates };
}

/** The first trading period that [start, end) touches on the trading calendar, or undefined. */
export function tradingOverlap(trading: Calendar, start: number, end: number): [number, number] | undefined {
  for (const [a, b] of trading.windows(start, end)) return [a, b];
  return undefined;
}
