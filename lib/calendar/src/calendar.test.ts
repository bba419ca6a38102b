import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ALWAYS } from './calendar';
import { holidayCoverage, holidayCoverageGauge, holidayCoverageWarnings } from './coverage';
import { parseIcs } from './ics';
import { buildCalendar, calendarSpecSchema, parseHours } from './spec';
import { readFileSync } from 'node:fs';

const H = 3_600_000;
const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();

const fiveByEight = buildCalendar(
  calendarSpecSchema.parse({ name: '5x8', hours: { weekdays: '09:00-17:00' } }),
);
const fiveByEightCn = buildCalendar(
  calendarSpecSchema.parse({
    name: '5x8-cn',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-17:00' },
    holidays: { builtin: 'cn' },
  }),
);

test('5×8: a 1 h goal started Friday 16:30 is due Monday 09:30', () => {
  expect(new Date(fiveByEight.addWorkingMs(cst('2026-11-20T16:30:00'), H)).toISOString()).toBe(
    '2026-11-23T01:30:00.000Z',
  );
  expect(fiveByEight.workingMs(cst('2026-11-20T16:30:00'), cst('2026-11-23T09:30:00'))).toBe(H);
});

test('5×8: nights and weekends do not count; a start before opening waits for it', () => {
  expect(fiveByEight.workingMs(cst('2026-11-23T17:00:00'), cst('2026-11-24T09:00:00'))).toBe(0);
  expect(fiveByEight.addWorkingMs(cst('2026-11-22T03:00:00'), 0)).toBe(cst('2026-11-23T09:00:00'));
  expect(fiveByEight.isWorking(cst('2026-11-23T12:00:00'))).toBe(true);
  expect(fiveByEight.isWorking(cst('2026-11-22T12:00:00'))).toBe(false);
});

test('China built in: National Day is off and the make-up Saturday works', () => {
  // 2026-09-30 is a Wednesday; 10-01…10-07 are holidays; Saturday 10-10 is a make-up workday.
  expect(fiveByEightCn.addWorkingMs(cst('2026-09-30T16:30:00'), H)).toBe(cst('2026-10-08T09:30:00'));
  expect(fiveByEightCn.isWorking(cst('2026-10-10T10:00:00'))).toBe(true);
  expect(fiveByEight.isWorking(cst('2026-10-10T10:00:00'))).toBe(false);
  expect(fiveByEightCn.describeDay(2026, 10, 1)).toEqual({
    working: false,
    reason: expect.stringContaining('国庆节'),
  });
  expect(fiveByEightCn.knowsYear(2026)).toBe(true);
  expect(fiveByEightCn.knowsYear(2031)).toBe(false);
});

test('holidays and make-up days from YAML and ICS files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cal-'));
  writeFileSync(
    path.join(dir, 'client.yml'),
    'holidays:\n  - 2026-12-31\n  - { date: 2026-12-30, name: Year-end freeze }\nworkdays: [2026-12-26]\n',
  );
  writeFileSync(path.join(dir, 'cn.ics'), readFileSync(path.join(__dirname, 'fixtures', 'china-2026.ics')));
  const cal = buildCalendar(
    calendarSpecSchema.parse({
      name: 'c',
      hours: { weekdays: '09:00-12:00,13:00-18:00' },
      holidays: { files: ['client.yml', 'cn.ics'] },
    }),
    dir,
  );
  expect(cal.describeDay(2026, 12, 30)).toEqual({ working: false, reason: 'holiday: Year-end freeze' });
  expect(cal.isWorking(cst('2026-12-26T10:00:00'))).toBe(true);
  expect(cal.isWorking(cst('2026-12-26T12:30:00'))).toBe(false); // lunch break
  expect(cal.isWorking(cst('2026-10-02T10:00:00'))).toBe(false); // from the ICS
  expect(cal.isWorking(cst('2026-10-10T10:00:00'))).toBe(true); // 国庆节(班) in the ICS
});

test('the ICS parser reads the published Chinese holiday calendar', () => {
  const days = parseIcs(
    readFileSync(path.join(__dirname, 'fixtures', 'china-2026.ics'), 'utf8'),
    'china-2026.ics',
    { timeZone: 'Asia/Shanghai', years: { from: 2020, to: 2030 } },
  );
  expect(days.holidays.get('2026-10-01')).toBe('国庆节(休)');
  expect(days.workdays.get('2026-10-10')).toBe('国庆节(班)');
  expect(days.holidays.has('2026-10-10')).toBe(false);
  expect(() => parseIcs('hello', 'x.ics', { timeZone: 'UTC', years: { from: 2026, to: 2026 } })).toThrow(
    'x.ics: not an iCalendar file',
  );
  expect(days.datedYears).toEqual(new Set([2026]));
});

test('bad hours and zones are refused with the reason', () => {
  expect(() => parseHours('9am-5pm')).toThrow('expected HH:MM-HH:MM, got "9am-5pm"');
  expect(() => parseHours('17:00-09:00')).toThrow('end after its start');
  const r = calendarSpecSchema.safeParse({ name: 'x', timezone: 'Asia/Beijing', hours: '24x7' });
  expect(r.error?.issues[0]?.message).toContain('unknown time zone "Asia/Beijing"');
});

test('DST: a 9-to-5 day in New York is 8 h on both sides of the change', () => {
  const ny = buildCalendar(
    calendarSpecSchema.parse({
      name: 'ny',
      timezone: 'America/New_York',
      hours: { weekdays: '09:00-17:00' },
    }),
  );
  const day = (iso: string) =>
    ny.workingMs(new Date(`${iso}T00:00:00Z`).getTime(), new Date(`${iso}T23:59:59Z`).getTime() + 6 * H);
  expect(day('2026-03-06')).toBe(8 * H);
  expect(day('2026-03-09')).toBe(8 * H);
  expect(ny.isWorking(new Date('2026-03-09T13:30:00Z').getTime())).toBe(true); // 09:30 EDT
  expect(ny.isWorking(new Date('2026-03-06T13:30:00Z').getTime())).toBe(false); // 08:30 EST
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) });
  const span = fc.integer({ min: 0, max: 20 * 86_400_000 });
  // and on zones with DST changes: a Sunday-night desk whose hours straddle both changes in New
  // York, 5×8 in Berlin, and round the clock in New York (zone.test.ts has their worked examples)
  const spec = (name: string, timezone: string, hours: Record<string, string>) =>
    buildCalendar(calendarSpecSchema.parse({ name, timezone, hours }));
  const calendars = [
    ALWAYS,
    fiveByEight,
    fiveByEightCn,
    spec('sun-ny', 'America/New_York', { sun: '01:00-04:00' }),
    spec('5x8-berlin', 'Europe/Berlin', { weekdays: '09:00-17:00' }),
    spec('all-ny', 'America/New_York', { weekdays: '00:00-24:00', sat: '00:00-24:00', sun: '00:00-24:00' }),
  ];

  test('on 24×7 working time equals wall time', () => {
    fc.assert(
      fc.property(
        instant,
        span,
        (from, d) => ALWAYS.workingMs(from, from + d) === d && ALWAYS.addWorkingMs(from, d) === from + d,
      ),
    );
  });

  test('working time is additive and never exceeds wall time', () => {
    for (const cal of calendars) {
      fc.assert(
        fc.property(instant, span, span, (from, a, b) => {
          const whole = cal.workingMs(from, from + a + b);
          return (
            whole === cal.workingMs(from, from + a) + cal.workingMs(from + a, from + a + b) && whole <= a + b
          );
        }),
        { numRuns: 200 },
      );
    }
  });

  test('addWorkingMs is the inverse of workingMs', () => {
    for (const cal of calendars) {
      fc.assert(
        fc.property(
          instant,
          fc.integer({ min: 1, max: 40 * H }),
          (from, ms) => cal.workingMs(from, cal.addWorkingMs(from, ms)) === ms,
        ),
        { numRuns: 200 },
      );
    }
  });
});

test('24×7: every day is a working day, weekends and holidays included (files are expected daily)', () => {
  const always = buildCalendar(calendarSpecSchema.parse({ name: 'ops', hours: '24x7' }));
  for (const [y, m, d] of [
    [2026, 11, 28], // Saturday
    [2026, 11, 29], // Sunday
    [2026, 10, 1], // National Day
    [2026, 12, 2], // Wednesday
  ] as const)
    expect(always.describeDay(y, m, d)).toEqual({ working: true, reason: '24x7: every day' });
  expect(ALWAYS.describeDay(2026, 1, 1).working).toBe(true);
  expect(always.hoursOn(2026, 11, 29)).toEqual([[0, 1440]]);
});

test('holiday coverage: the built-in year is reported per calendar, and a missing next year warns', () => {
  const known = fiveByEightCn.data.knownThroughYear!;
  expect(holidayCoverage([fiveByEightCn, fiveByEight, ALWAYS, undefined])).toEqual([
    { calendar: '5x8-cn', knownThroughYear: known },
  ]);
  // on 1 December of the last known year the next one is missing
  expect(holidayCoverageWarnings([fiveByEightCn], Date.UTC(known, 11, 1))).toEqual([
    expect.stringMatching(
      new RegExp(`^calendar 5x8-cn: holidays known through ${known} only; ${known + 1}'s`),
    ),
  ]);
  expect(holidayCoverageWarnings([fiveByEightCn], Date.UTC(known - 1, 5, 1))).toEqual([]);
  expect(holidayCoverageWarnings([fiveByEightCn], Date.UTC(known + 1, 0, 2))[0]).toContain(
    `this year's (${known + 1})`,
  );
});

test('holiday coverage: a holiday file for the next year extends the built-in data', () => {
  const known = fiveByEightCn.data.knownThroughYear!;
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cal-'));
  writeFileSync(
    path.join(dir, `cn-${known + 1}.yml`),
    `holidays:\n  - { date: ${known + 1}-01-01, name: 元旦 New Year's Day }\nworkdays:\n  - { date: ${known + 1}-01-04, name: 元旦 New Year's Day }\n`,
  );
  const cal = buildCalendar(
    calendarSpecSchema.parse({
      name: 'cn-extended',
      hours: { weekdays: '09:00-17:00' },
      holidays: { builtin: 'cn', files: [`cn-${known + 1}.yml`] },
    }),
    dir,
  );
  expect(holidayCoverage([cal])).toEqual([{ calendar: 'cn-extended', knownThroughYear: known + 1 }]);
  expect(holidayCoverageWarnings([cal], Date.UTC(known, 11, 1))).toEqual([]);
  expect(cal.describeDay(known + 1, 1, 1).working).toBe(false);
});

test('holiday coverage gauge: the prom-client shape sets one series per calendar', () => {
  const set = jest.fn();
  const g = holidayCoverageGauge(() => [fiveByEightCn]);
  expect(g.name).toBe('opsdesk_calendar_holidays_known_through_year');
  g.collect.call({ reset: () => undefined, set });
  expect(set).toHaveBeenCalledWith({ calendar: '5x8-cn' }, fiveByEightCn.data.knownThroughYear);
});
