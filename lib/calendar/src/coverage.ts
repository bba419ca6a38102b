import type { Calendar } from './calendar';

/**
 * How far the holiday data of each calendar goes. Built-in data (mainland China) only knows a year
 * once the State Council has published it (usually in November for the next year); a calendar
 * that runs past its data treats the coming holidays as ordinary days, so SLA clocks run and
 * trading windows open on days off. Every process that uses calendars exports this as
 * `opsdesk_calendar_holidays_known_through_year` and warns at start when the next year is missing.
 */
export const HOLIDAYS_KNOWN_THROUGH_YEAR = {
  name: 'opsdesk_calendar_holidays_known_through_year',
  help:
    'Last year whose public holidays and make-up workdays the calendar knows (built-in data plus holiday files); ' +
    'absent for calendars without tracked holiday data. Add the next year from the State Council notice (docs/calendars.md, "The built-in China data, and adding next year").',
} as const;

export interface HolidayCoverage {
  calendar: string;
  knownThroughYear: number;
}

/** The calendars that track how far their holiday data goes, with that year; one entry per name. */
export function holidayCoverage(calendars: Iterable<Calendar | undefined>): HolidayCoverage[] {
  const out = new Map<string, number>();
  for (const c of calendars) {
    const year = c?.data.knownThroughYear;
    if (c === undefined || year === undefined || c.data.always) continue;
    out.set(c.name, Math.min(out.get(c.name) ?? Infinity, year));
  }
  return [...out].map(([calendar, knownThroughYear]) => ({ calendar, knownThroughYear }));
}

/**
 * One message per calendar whose holiday data does not reach the year after `now` (UTC year),
 * naming the calendar, the last known year and the fix; empty when all are covered.
 */
export function holidayCoverageWarnings(calendars: Iterable<Calendar | undefined>, now: number): string[] {
  const next = new Date(now).getUTCFullYear() + 1;
  return holidayCoverage(calendars)
    .filter((c) => c.knownThroughYear < next)
    .map(
      (c) =>
        `calendar ${c.calendar}: holidays known through ${c.knownThroughYear} only; ` +
        `${next - 1 > c.knownThroughYear ? `this year's (${next - 1}) and ` : ''}${next}'s holidays and make-up workdays ` +
        `will be treated as ordinary days until a holiday file for ${next} is added (docs/calendars.md, "The built-in China data, and adding next year")`,
    );
}

/**
 * The prom-client shape of the gauge (spread it into `new Gauge({...})` with your `registers`),
 * so the server exports exactly what the exporters do.
 */
export function holidayCoverageGauge(calendars: () => Iterable<Calendar | undefined>) {
  return {
    name: HOLIDAYS_KNOWN_THROUGH_YEAR.name,
    help: HOLIDAYS_KNOWN_THROUGH_YEAR.help,
    labelNames: ['calendar'] as const,
    collect(this: { reset(): void; set(labels: { calendar: string }, value: number): void }) {
      this.reset();
      for (const c of holidayCoverage(calendars())) this.set({ calendar: c.calendar }, c.knownThroughYear);
    },
  };
}
