import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { assertTimeZone, dateKey, fromLocal, nextDate, toLocal } from './zone';

// ical.js ships an ES module with its types and a CommonJS build without; this package compiles
// to CommonJS, so the types come from the module and the value from the CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;
type IcalTime = ICALModule.Time;
type IcalComponent = ICALModule.Component;

/**
 * Holidays and make-up workdays from an iCalendar file (RFC 5545), read with ical.js. A calendar
 * of days off is day-granular, so every VEVENT marks whole local dates of the calendar's zone:
 * - an all-day event (`DTSTART;VALUE=DATE`) marks its dates, DTEND exclusive (one day without it);
 * - a timed event marks every local date it touches once its times are converted to the
 *   calendar's zone: a UTC time (`…Z`), a `TZID` (an IANA name, or a VTIMEZONE in the same file,
 *   as Outlook writes them) or a floating time (the calendar's own wall clock);
 * - RRULE / RDATE / EXDATE and moved occurrences (RECURRENCE-ID) are expanded, only within the
 *   years asked, since a yearly rule has no end.
 * An event whose SUMMARY matches `workdayPattern` is a make-up workday (调休上班); every other
 * event is a holiday. A cancelled event (STATUS:CANCELLED) marks nothing.
 */
export interface IcsDays {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
  /** years with a dated (non-recurring) event: how far a published holiday list goes */
  datedYears: Set<number>;
}

export interface IcsOptions {
  /** the calendar's IANA zone, into which timed events are converted */
  timeZone: string;
  /** recurring events are expanded over these years, both included */
  years: { from: number; to: number };
  workdayPattern?: RegExp;
}

const DEFAULT_WORKDAY = /[(（]班[)）]|补班|调休上班|make-?up work ?day|working day/i;
/** A rule with more occurrences than this up to the last year asked is not a holiday list. */
const MAX_OCCURRENCES = 5_000;

export function parseIcs(text: string, source: string, options: IcsOptions): IcsDays {
  const { timeZone, years } = options;
  const workdayPattern = options.workdayPattern ?? DEFAULT_WORKDAY;
  let root: IcalComponent;
  try {
    const parsed: unknown = ICAL.parse(text);
    if (!Array.isArray(parsed) || parsed[0] !== 'vcalendar') throw new Error('no BEGIN:VCALENDAR');
    root = new ICAL.Component(parsed as unknown[]);
  } catch (err) {
    throw new Error(`${source}: not an iCalendar file (${(err as Error).message.split('\n')[0]})`);
  }
  const zones = new Map<string, ICALModule.Timezone>();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') zones.set(tzid, new ICAL.Timezone({ component: vtz, tzid }));
  }
  const out: IcsDays = { holidays: new Map(), workdays: new Map(), datedYears: new Set() };
  const vevents = root.getAllSubcomponents('vevent');
  const exceptions = vevents.filter((v) => v.hasProperty('recurrence-id'));
  vevents.forEach((vevent, index) => {
    if (vevent.hasProperty('recurrence-id')) return; // applied through its master event below
    const uid = vevent.getFirstPropertyValue('uid');
    const event = new ICAL.Event(vevent, {
      strictExceptions: true,
      exceptions: exceptions.filter((x) => uid !== null && x.getFirstPropertyValue('uid') === uid),
    });
    const where = `${source}: event ${index + 1}${event.summary ? ` (${event.summary})` : ''}`;
    if (!vevent.hasProperty('dtstart')) throw new Error(`${where}: no DTSTART`);
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    const instantOf = timeConverter(typeof tzid === 'string' ? tzid : undefined, zones, timeZone, where);
    /** Marks the dates of one occurrence; false when it is cancelled. */
    const mark = (start: IcalTime, end: IcalTime, summary: string, status: unknown): boolean => {
      if (String(status ?? '').toUpperCase() === 'CANCELLED') return false;
      const target = workdayPattern.test(summary) ? out.workdays : out.holidays;
      for (const key of localDates(start, end, instantOf, timeZone)) {
        target.set(key, summary);
        (target === out.workdays ? out.holidays : out.workdays).delete(key);
      }
      return true;
    };
    if (!event.isRecurring()) {
      const year = event.startDate.year;
      if (mark(event.startDate, event.endDate, event.summary ?? '', vevent.getFirstPropertyValue('status')))
        if (year >= years.from && year <= years.to) out.datedYears.add(year);
      return;
    }
    let n = 0;
    try {
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (next.year > years.to) break;
        if (++n > MAX_OCCURRENCES) break;
        if (next.year < years.from) continue;
        const o = event.getOccurrenceDetails(next);
        mark(o.startDate, o.endDate, o.item.summary ?? '', o.item.component.getFirstPropertyValue('status'));
      }
    } catch (err) {
      throw new Error(`${where}: cannot expand its recurrence: ${(err as Error).message}`);
    }
    if (n > MAX_OCCURRENCES)
      throw new Error(
        `${where}: its recurrence gives more than ${MAX_OCCURRENCES} occurrences before ${years.to + 1}; a holiday recurs yearly, not daily`,
      );
  });
  return out;
}

/** How a DATE-TIME of one event becomes an instant: UTC, its TZID, or floating (the calendar's zone). */
function timeConverter(
  tzid: string | undefined,
  zones: ReadonlyMap<string, ICALModule.Timezone>,
  calendarZone: string,
  where: string,
): (t: IcalTime) => number {
  const wall = (t: IcalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const inZone = (zone: string) => (t: IcalTime) =>
    fromLocal(t.year, t.month, t.day, t.hour * 60 + t.minute, zone) + t.second * 1000;
  const utcOrElse = (other: (t: IcalTime) => number) => (t: IcalTime) =>
    t.zone?.tzid === 'UTC' ? wall(t) : other(t);
  if (tzid === undefined) return utcOrElse(inZone(calendarZone));
  const defined = zones.get(tzid);
  // A VTIMEZONE in the file is what its author meant, even under an IANA name.
  if (defined) return utcOrElse((t) => wall(t) - defined.utcOffset(t) * 1000);
  try {
    assertTimeZone(tzid);
  } catch {
    throw new Error(
      `${where}: TZID ${JSON.stringify(tzid)} is neither an IANA time zone nor a VTIMEZONE in the file; export the calendar with its time zones, or use UTC times`,
    );
  }
  return utcOrElse(inZone(tzid));
}

/** The local dates (calendar zone) an occurrence covers; [start, end) with end exclusive. */
function localDates(
  start: IcalTime,
  end: IcalTime,
  instantOf: (t: IcalTime) => number,
  timeZone: string,
): string[] {
  let from: [number, number, number];
  let last: string;
  if (start.isDate) {
    // All-day: dates are dates, in no zone. An end not after the start still marks the start.
    from = [start.year, start.month, start.day];
    const endDate = end.isDate ? ([end.year, end.month, end.day] as const) : undefined;
    const afterStart = endDate && dateKey(...endDate) > dateKey(...from);
    last = afterStart ? dateKey(...previousDate(...endDate)) : dateKey(...from);
  } else {
    const s = instantOf(start);
    const e = Math.max(s, instantOf(end) - 1);
    const ls = toLocal(s, timeZone);
    const le = toLocal(e, timeZone);
    from = [ls.year, ls.month, ls.day];
    last = dateKey(le.year, le.month, le.day);
  }
  const keys: string[] = [];
  for (let d = from, key = dateKey(...d); key <= last; d = nextDate(...d), key = dateKey(...d))
    keys.push(key);
  return keys;
}

function previousDate(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
