import {
  buildCalendar,
  calendarSpecSchema,
  tradingCalendarSpecSchema,
  type Calendar,
} from '@opsdesk/calendar';
import { dueTimes, nextDueTimes, parseTimeOfDay, type ScheduleTimes } from './schedule';

// The built-in mainland China data (chinese-days): National Day 2026 is 10-01..10-07 off, with the
// make-up workdays (调休上班) Sunday 2026-09-20 and Saturday 2026-10-10; New Year 2026 is 01-01..01-03
// off with the make-up Sunday 2026-01-04; Spring Festival 2026 has the make-up Saturday 2026-02-28.
const hours = { weekdays: '09:00-18:00' };
const service: Calendar = buildCalendar(
  calendarSpecSchema.parse({
    name: 'cn-service',
    timezone: 'Asia/Shanghai',
    hours,
    holidays: { builtin: 'cn' },
  }),
);
const trading: Calendar = buildCalendar(
  tradingCalendarSpecSchema.parse({
    name: 'cn-trading',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:30-11:30,13:00-15:00' },
    holidays: { builtin: 'cn' },
  }),
);
const newYork: Calendar = buildCalendar(
  calendarSpecSchema.parse({ name: 'ny', timezone: 'America/New_York', hours }),
);

const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString());
const utc = (s: string) => Date.parse(s);

describe('dueTimes', () => {
  const working: ScheduleTimes = { days: 'working', times: ['08:30'] };

  it('runs a working-day schedule on the make-up Saturday 2026-10-10 on a service calendar, not on a trading one', () => {
    const from = utc('2026-10-07T00:00:00Z');
    const to = utc('2026-10-13T00:00:00Z');
    // 08:30 in Asia/Shanghai (UTC+8, no DST) is 00:30 UTC
    expect(iso(dueTimes(working, service, from, to))).toEqual([
      '2026-10-08T00:30:00.000Z',
      '2026-10-09T00:30:00.000Z',
      '2026-10-10T00:30:00.000Z', // Saturday, 调休上班
      '2026-10-12T00:30:00.000Z',
    ]);
    expect(iso(dueTimes(working, trading, from, to))).toEqual([
      '2026-10-08T00:30:00.000Z',
      '2026-10-09T00:30:00.000Z',
      '2026-10-12T00:30:00.000Z',
    ]);
  });

  it('skips the National Day week and runs on the make-up Sunday 2026-09-20 only on the service calendar', () => {
    const from = utc('2026-09-19T00:00:00Z');
    const to = utc('2026-09-22T00:00:00Z');
    expect(iso(dueTimes(working, service, from, to))).toEqual([
      '2026-09-20T00:30:00.000Z',
      '2026-09-21T00:30:00.000Z',
    ]);
    expect(iso(dueTimes(working, trading, from, to))).toEqual(['2026-09-21T00:30:00.000Z']);
    expect(dueTimes(working, service, utc('2026-09-30T12:00:00Z'), utc('2026-10-07T12:00:00Z'))).toEqual([]);
  });

  it('finds the first working day of a month across a holiday, per calendar kind', () => {
    const first: ScheduleTimes = { days: 'first_working_of_month', times: ['09:00'] };
    // October 2026: 10-01..10-07 off, so the 8th (Thursday) on both
    const oct = [utc('2026-09-15T00:00:00Z'), utc('2026-10-31T00:00:00Z')] as const;
    expect(iso(dueTimes(first, service, ...oct))).toEqual(['2026-10-08T01:00:00.000Z']);
    expect(iso(dueTimes(first, trading, ...oct))).toEqual(['2026-10-08T01:00:00.000Z']);
    // January 2026: 01-01..01-03 off; the service team works Sunday the 4th, the market opens Monday the 5th
    const jan = [utc('2025-12-31T00:00:00Z'), utc('2026-01-31T00:00:00Z')] as const;
    expect(iso(dueTimes(first, service, ...jan))).toEqual(['2026-01-04T01:00:00.000Z']);
    expect(iso(dueTimes(first, trading, ...jan))).toEqual(['2026-01-05T01:00:00.000Z']);
  });

  it('finds the last working day of a month, a make-up Saturday included on a service calendar', () => {
    const last: ScheduleTimes = { days: 'last_working_of_month', times: ['17:00'] };
    // February 2026 ends on the make-up Saturday 02-28
    const feb = [utc('2026-02-01T00:00:00Z'), utc('2026-03-05T00:00:00Z')] as const;
    expect(iso(dueTimes(last, service, ...feb))).toEqual(['2026-02-28T09:00:00.000Z']);
    expect(iso(dueTimes(last, trading, ...feb))).toEqual(['2026-02-27T09:00:00.000Z']);
    // September 2026: Wednesday the 30th, the day before National Day
    expect(iso(dueTimes(last, trading, utc('2026-09-01T00:00:00Z'), utc('2026-10-31T00:00:00Z')))).toEqual([
      '2026-09-30T09:00:00.000Z',
      '2026-10-30T09:00:00.000Z',
    ]);
  });

  it('gives the right UTC instants across a DST change (America/New_York, 2026-03-08 and 2026-11-01)', () => {
    const every: ScheduleTimes = { days: 'every', times: ['08:30', '02:30'] };
    const spring = dueTimes(every, newYork, utc('2026-03-07T00:00:00Z'), utc('2026-03-09T23:00:00Z'));
    expect(iso(spring)).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-07T13:30:00.000Z', // 08:30 EST (UTC-5)
      '2026-03-08T07:30:00.000Z', // 02:30 does not exist on the 8th: moved forward to 03:30 EDT
      '2026-03-08T12:30:00.000Z', // 08:30 EDT (UTC-4)
      '2026-03-09T06:30:00.000Z',
      '2026-03-09T12:30:00.000Z',
    ]);
    const fall = dueTimes(
      { days: 'every', times: ['01:30'] },
      newYork,
      utc('2026-10-31T00:00:00Z'),
      utc('2026-11-02T12:00:00Z'),
    );
    // 01:30 happens twice on 11-01; it is due once, at the earlier (EDT) instant
    expect(iso(fall)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('is open at fromMs and closed at toMs, so the last due time passed back in never repeats', () => {
    const at = utc('2026-10-12T00:30:00Z');
    expect(dueTimes(working, service, at - 1, at)).toEqual([at]);
    expect(dueTimes(working, service, at, at + 3_600_000)).toEqual([]);
    expect(dueTimes(working, service, at, at)).toEqual([]);
  });

  it('counts a weekend as off on a calendar without holidays, and every day with `every`', () => {
    const week = [utc('2026-12-04T12:00:00Z'), utc('2026-12-08T12:00:00Z')] as const; // Fri..Tue
    expect(dueTimes(working, newYork, ...week)).toHaveLength(2); // Fri 4th and Mon 7th at 08:30 EST (13:30 UTC)
    expect(dueTimes({ days: 'every', times: ['08:30'] }, newYork, ...week)).toHaveLength(4);
  });

  it('lists the next due times for the /next route', () => {
    const next = nextDueTimes(working, trading, utc('2026-09-29T00:00:00Z'), 3);
    expect(iso(next)).toEqual([
      '2026-09-29T00:30:00.000Z',
      '2026-09-30T00:30:00.000Z',
      '2026-10-08T00:30:00.000Z',
    ]);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(() => parseTimeOfDay('8:30')).toThrow(/HH:MM/);
    expect(() => parseTimeOfDay('24:00')).toThrow(/HH:MM/);
  });
});
