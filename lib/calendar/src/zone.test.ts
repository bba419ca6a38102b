import fc from 'fast-check';
import { buildCalendar, calendarSpecSchema } from './spec';
import { fromLocal, offsetAt, startOfLocalDay, toLocal } from './zone';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

// 2026 changes: New York 03-08 02:00 EST→03:00 EDT and 11-01 02:00 EDT→01:00 EST; Berlin 03-29
// 02:00 CET→03:00 CEST and 10-25 03:00 CEST→02:00 CET; Shanghai has kept +08:00 all year since 1991.
describe('local time → instant on DST change days', () => {
  test.each([
    [
      'a skipped time moves forward by the gap (New York)',
      2026,
      3,
      8,
      '02:30',
      'America/New_York',
      '2026-03-08T07:30:00Z',
    ],
    [
      'a repeated time is the earlier instant (New York)',
      2026,
      11,
      1,
      '01:30',
      'America/New_York',
      '2026-11-01T05:30:00Z',
    ],
    [
      'the first time after a repeat is unambiguous (New York)',
      2026,
      11,
      1,
      '02:00',
      'America/New_York',
      '2026-11-01T07:00:00Z',
    ],
    [
      'a skipped time moves forward by the gap (Berlin)',
      2026,
      3,
      29,
      '02:30',
      'Europe/Berlin',
      '2026-03-29T01:30:00Z',
    ],
    [
      'a repeated time is the earlier instant (Berlin)',
      2026,
      10,
      25,
      '02:30',
      'Europe/Berlin',
      '2026-10-25T00:30:00Z',
    ],
    ['Shanghai on New York’s change day', 2026, 3, 8, '02:30', 'Asia/Shanghai', '2026-03-07T18:30:00Z'],
    ['24:00 is the next midnight', 2026, 3, 7, '24:00', 'America/New_York', '2026-03-08T05:00:00Z'],
  ])('%s', (_what, y, m, d, hhmm, zone, expected) => {
    const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
    expect(iso(fromLocal(y, m, d, hh * 60 + mm, zone))).toBe(expected);
  });

  test('instants read back as the wall clock and offset of the zone', () => {
    expect(toLocal(utc('2026-03-08T07:30:00'), 'America/New_York')).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 3,
      minute: 30,
      second: 0,
      weekday: 0,
    });
    expect(offsetAt(utc('2026-03-08T06:59:59'), 'America/New_York')).toBe(-5 * H);
    expect(offsetAt(utc('2026-03-08T07:00:00'), 'America/New_York')).toBe(-4 * H);
    expect(offsetAt(utc('2026-10-25T00:59:59'), 'Europe/Berlin')).toBe(2 * H);
    expect(offsetAt(utc('2026-10-25T01:00:00'), 'Europe/Berlin')).toBe(1 * H);
    expect(offsetAt(utc('2026-10-25T01:00:00'), 'Asia/Shanghai')).toBe(8 * H);
  });

  test('a day whose midnight is skipped starts at the first time that exists', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2026-09-06
    expect(iso(startOfLocalDay(2026, 9, 6, 'America/Santiago'))).toBe('2026-09-06T04:00:00Z');
    expect(toLocal(startOfLocalDay(2026, 9, 6, 'America/Santiago'), 'America/Santiago').hour).toBe(1);
  });

  test('property: the wall clock of fromLocal is the time asked, or later by the gap', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // change days half of the time, or a gap or repeat would hardly ever be drawn
        fc.oneof(
          fc.constantFrom(...CHANGE_DAYS.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000)),
          fc.integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 }),
        ),
        fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 60, max: 180 })),
        (zone, epochDay, minute) => {
          const date = new Date(epochDay * 86_400_000);
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const at = fromLocal(y, m, d, minute, zone);
          const l = toLocal(at, zone);
          const shown = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
          const asked = Date.UTC(y, m - 1, d) + minute * 60_000;
          const before = Date.UTC(...wall(at - H, zone));
          if (shown === asked) return before !== asked; // and never the later of a repeated time
          // not shown at all: the time lies in a gap that has just opened, and moved forward by it
          return shown > asked && shown - asked <= H && offsetAt(at - H, zone) < offsetAt(at, zone);
        },
      ),
      { numRuns: 500 },
    );
  });
});

const CHANGE_DAYS = [
  ...['2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'], // New York
  ...['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'], // Berlin
];

function wall(ms: number, zone: string): [number, number, number, number, number] {
  const l = toLocal(ms, zone);
  return [l.year, l.month - 1, l.day, l.hour, l.minute];
}

/** Round the clock every day, as explicit hours (not 24x7), so the local days and their lengths count. */
const roundTheClock = (zone: string) =>
  buildCalendar(
    calendarSpecSchema.parse({
      name: `all-${zone}`,
      timezone: zone,
      hours: { weekdays: '00:00-24:00', sat: '00:00-24:00', sun: '00:00-24:00' },
    }),
  );
/** A Sunday-night maintenance desk, 01:00-04:00, whose hours straddle both changes. */
const sundayNights = (zone: string) =>
  buildCalendar(
    calendarSpecSchema.parse({ name: `sun-${zone}`, timezone: zone, hours: { sun: '01:00-04:00' } }),
  );
const fiveByEight = (zone: string) =>
  buildCalendar(
    calendarSpecSchema.parse({ name: `5x8-${zone}`, timezone: zone, hours: { weekdays: '09:00-17:00' } }),
  );

describe('business time across DST changes', () => {
  test.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['Asia/Shanghai', '2026-03-08', 24],
  ])('elapsed: a whole local day in %s on %s is %i h', (zone, date, hours) => {
    const cal = roundTheClock(zone);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const start = fromLocal(y, m, d, 0, zone);
    const end = fromLocal(y, m, d, 1440, zone);
    expect(cal.workingMs(start, end)).toBe(hours * H);
    expect(cal.workingMs(start - 5 * H, end + 5 * H)).toBe((hours + 10) * H);
  });

  test('elapsed: 01:00-04:00 on the change Sundays is 2 h in spring and 4 h in autumn', () => {
    const ny = sundayNights('America/New_York');
    expect(ny.workingMs(utc('2026-03-08T00:00:00'), utc('2026-03-09T00:00:00'))).toBe(2 * H);
    expect(ny.workingMs(utc('2026-11-01T00:00:00'), utc('2026-11-02T00:00:00'))).toBe(4 * H);
    expect(ny.workingMs(utc('2026-03-15T00:00:00'), utc('2026-03-16T00:00:00'))).toBe(3 * H);
    const berlin = sundayNights('Europe/Berlin');
    expect(berlin.workingMs(utc('2026-03-28T12:00:00'), utc('2026-03-29T12:00:00'))).toBe(2 * H);
    expect(berlin.workingMs(utc('2026-10-24T12:00:00'), utc('2026-10-25T12:00:00'))).toBe(4 * H);
    const shanghai = sundayNights('Asia/Shanghai');
    expect(shanghai.workingMs(utc('2026-03-07T12:00:00'), utc('2026-03-08T12:00:00'))).toBe(3 * H);
  });

  test('adding: one working hour from 01:30 EST on the spring Sunday ends at 03:30 EDT', () => {
    const ny = sundayNights('America/New_York');
    const at = ny.addWorkingMs(fromLocal(2026, 3, 8, 90, 'America/New_York'), H);
    expect(iso(at)).toBe('2026-03-08T07:30:00Z');
    expect(toLocal(at, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
    // in autumn 01:30 comes twice; from the first, an hour later is the second 01:30 (EST)
    const autumn = ny.addWorkingMs(fromLocal(2026, 11, 1, 90, 'America/New_York'), H);
    expect(iso(autumn)).toBe('2026-11-01T06:30:00Z');
    expect(toLocal(autumn, 'America/New_York')).toMatchObject({ hour: 1, minute: 30 });
    // 3.5 h from 01:30 EST crosses the end of that Sunday's 2 h and the whole next Sunday's 3 h
    expect(iso(ny.addWorkingMs(utc('2026-03-08T06:30:00'), 3.5 * H))).toBe('2026-03-15T07:00:00Z');
  });

  test('adding and elapsed on 5×8 over the weekend of a change, beside Shanghai', () => {
    // Friday 16:00 → Monday 10:00 is 2 working hours in every zone, whatever the clocks did on Sunday
    for (const [zone, fri, mon] of [
      ['America/New_York', '2026-03-06', '2026-03-09'],
      ['America/New_York', '2026-10-30', '2026-11-02'],
      ['Europe/Berlin', '2026-03-27', '2026-03-30'],
      ['Europe/Berlin', '2026-10-23', '2026-10-26'],
      ['Asia/Shanghai', '2026-03-06', '2026-03-09'],
    ] as const) {
      const cal = fiveByEight(zone);
      const [fy, fm, fd] = fri.split('-').map(Number) as [number, number, number];
      const [my, mm, md] = mon.split('-').map(Number) as [number, number, number];
      const from = fromLocal(fy, fm, fd, 16 * 60, zone);
      const to = fromLocal(my, mm, md, 10 * 60, zone);
      expect([zone, fri, cal.workingMs(from, to)]).toEqual([zone, fri, 2 * H]);
      expect([zone, fri, cal.addWorkingMs(from, 2 * H)]).toEqual([zone, fri, to]);
    }
  });

  test('next open and next close across a change', () => {
    const ny = fiveByEight('America/New_York');
    // after Friday's close (17:00 EST) the desk opens Monday 09:00 EDT and closes 17:00 EDT
    expect(iso(ny.nextOpen(utc('2026-03-06T22:00:00')))).toBe('2026-03-09T13:00:00Z');
    expect(iso(ny.nextClose(utc('2026-03-06T22:00:00')))).toBe('2026-03-09T21:00:00Z');
    expect(iso(ny.nextClose(utc('2026-03-06T20:00:00')))).toBe('2026-03-06T22:00:00Z'); // open now: today's close
    expect(ny.nextOpen(utc('2026-03-06T20:00:00'))).toBe(utc('2026-03-06T20:00:00')); // open now: now
    const berlin = fiveByEight('Europe/Berlin');
    expect(iso(berlin.nextOpen(utc('2026-10-23T15:00:00')))).toBe('2026-10-26T08:00:00Z'); // 09:00 CET
    const shanghai = fiveByEight('Asia/Shanghai');
    expect(iso(shanghai.nextOpen(utc('2026-03-06T09:00:00')))).toBe('2026-03-09T01:00:00Z');
    expect(iso(sundayNights('Europe/Berlin').nextClose(utc('2026-03-29T00:30:00')))).toBe(
      '2026-03-29T02:00:00Z',
    ); // 04:00 CEST
  });

  test('next close runs through periods that touch, and is Infinity round the clock', () => {
    const overnight = buildCalendar(
      calendarSpecSchema.parse({
        name: 'o',
        timezone: 'Europe/Berlin',
        hours: { fri: '20:00-24:00', sat: '00:00-06:00' },
      }),
    );
    expect(iso(overnight.nextClose(utc('2026-10-23T19:00:00')))).toBe('2026-10-24T04:00:00Z'); // Sat 06:00 CEST
    expect(roundTheClock('America/New_York').nextClose(utc('2026-03-08T07:30:00'))).toBe(Infinity);
  });
});
