import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCalendar, buildCalendars, calendarSpecSchema, tradingCalendarSpecSchema } from './spec';

const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();
const SESSIONS = { weekdays: '09:30-11:30,13:00-15:00' };

describe('service and trading calendars on the built-in China data', () => {
  const service = buildCalendar(
    calendarSpecSchema.parse({
      name: 'desk',
      hours: { weekdays: '09:00-17:00' },
      holidays: { builtin: 'cn' },
    }),
  );
  const trading = buildCalendar(
    tradingCalendarSpecSchema.parse({ name: 'sse', hours: SESSIONS, holidays: { builtin: 'cn' } }),
  );

  test('Saturday 2026-10-10, a make-up workday (国庆节), is a workday for the team and closed for the market', () => {
    expect(service.kind).toBe('service');
    expect(trading.kind).toBe('trading');
    expect(service.describeDay(2026, 10, 10)).toEqual({
      working: true,
      reason: 'make-up workday: 国庆节 National Day',
    });
    expect(service.isWorking(cst('2026-10-10T10:00:00'))).toBe(true);
    expect(trading.describeDay(2026, 10, 10)).toEqual({
      working: false,
      reason: 'make-up workday, closed on a trading calendar: 国庆节 National Day',
    });
    expect(trading.isWorking(cst('2026-10-10T10:00:00'))).toBe(false);
    // the trading week after National Day: Thursday 10-08 and Friday 10-09 trade, Saturday does not
    expect(trading.nextOpen(cst('2026-09-30T15:00:00'))).toBe(cst('2026-10-08T09:30:00'));
    expect(trading.nextOpen(cst('2026-10-09T15:00:00'))).toBe(cst('2026-10-12T09:30:00'));
    expect(service.nextOpen(cst('2026-10-09T17:00:00'))).toBe(cst('2026-10-10T09:00:00'));
  });

  test('both close on public holidays and ordinary weekends', () => {
    for (const cal of [service, trading]) {
      expect([cal.kind, cal.isWorking(cst('2026-10-01T10:00:00'))]).toEqual([cal.kind, false]);
      expect([cal.kind, cal.isWorking(cst('2026-10-17T10:00:00'))]).toEqual([cal.kind, false]); // a Saturday
    }
    // a trading week with a make-up Sunday (2026-09-20) has the weekdays' sessions only
    expect(trading.workingMs(cst('2026-09-19T00:00:00'), cst('2026-09-26T00:00:00'))).toBe(4 * 4 * 3_600_000);
    expect(service.workingMs(cst('2026-09-19T00:00:00'), cst('2026-09-26T00:00:00'))).toBe(5 * 8 * 3_600_000);
  });

  test('a holiday file that makes a public holiday a workday opens the desk, not the market', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cal-'));
    writeFileSync(
      path.join(dir, 'desk.yml'),
      'workdays: [{ date: 2026-10-07, name: on call for the upgrade }]\n',
    );
    const holidays = { builtin: 'cn', files: ['desk.yml'] };
    const desk = buildCalendar(
      calendarSpecSchema.parse({ name: 'desk', hours: { weekdays: '09:00-17:00' }, holidays }),
      dir,
    );
    const sse = buildCalendar(
      tradingCalendarSpecSchema.parse({ name: 'sse', hours: SESSIONS, holidays }),
      dir,
    );
    expect(desk.isWorking(cst('2026-10-07T10:00:00'))).toBe(true);
    expect(sse.isWorking(cst('2026-10-07T10:00:00'))).toBe(false);
    expect(sse.describeDay(2026, 10, 7).reason).toBe('holiday: 国庆节 National Day');
  });

  test('settings that only describe make-up workdays are refused on a trading calendar', () => {
    const r = tradingCalendarSpecSchema.safeParse({
      name: 'sse',
      hours: SESSIONS,
      makeup_day_hours: '09:00-12:00',
      holidays: { builtin: 'cn', workdays: ['2026-12-26'] },
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'makeup_day_hours',
        expect.stringContaining('calendar sse is a trading calendar, which stays closed on make-up workdays'),
      ],
      ['holidays.workdays', expect.stringContaining('or set kind: service')],
    ]);
    expect(calendarSpecSchema.parse({ name: 'x', kind: 'trading', hours: '24x7' }).kind).toBe('trading');
    expect(tradingCalendarSpecSchema.parse({ name: 'x', kind: 'service', hours: SESSIONS }).kind).toBe(
      'service',
    );
    expect(calendarSpecSchema.safeParse({ name: 'x', kind: 'market', hours: SESSIONS }).success).toBe(false);
  });
});

describe('holiday files resolve against the config file’s directory', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  test('from another working directory, with a YAML and an ICS file beside the config', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'opsdesk-cal-'));
    const configDir = path.join(root, 'etc', 'opsdesk');
    mkdirSync(path.join(configDir, 'holidays'), { recursive: true });
    writeFileSync(
      path.join(configDir, 'holidays', 'client.yml'),
      'holidays:\n  - { date: 2026-12-30, name: Year-end freeze }\n',
    );
    writeFileSync(
      path.join(configDir, 'client.ics'),
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261231\r\nSUMMARY:Closing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    // the same relative names exist in the working directory too, and must not be read
    const elsewhere = path.join(root, 'cwd');
    mkdirSync(path.join(elsewhere, 'holidays'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'holidays', 'client.yml'), 'holidays: [2026-12-01]\n');
    process.chdir(elsewhere);
    const specs = [
      calendarSpecSchema.parse({
        name: '5x8',
        hours: { weekdays: '09:00-17:00' },
        holidays: { files: ['holidays/client.yml', 'client.ics'] },
      }),
    ];
    const cal = buildCalendars(specs, { baseDir: configDir }).get('5x8')!;
    expect(cal.describeDay(2026, 12, 30)).toEqual({ working: false, reason: 'holiday: Year-end freeze' });
    expect(cal.describeDay(2026, 12, 31)).toEqual({ working: false, reason: 'holiday: Closing' });
    expect(cal.describeDay(2026, 12, 1).working).toBe(true);
  });

  test('a relative file without a base directory is refused, not read against the working directory', () => {
    const spec = calendarSpecSchema.parse({ name: 'c', hours: '24x7' });
    expect(() => buildCalendar(spec)).not.toThrow();
    const withFile = calendarSpecSchema.parse({
      name: 'c',
      hours: { weekdays: '09:00-17:00' },
      holidays: { files: ['h.yml'] },
    });
    expect(() => buildCalendar(withFile)).toThrow(
      'calendar c: holidays.files[0]: "h.yml" is relative and no config file directory was given',
    );
  });

  test('a missing or broken file names the calendar, the entry and the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cal-'));
    writeFileSync(path.join(dir, 'bad.yml'), 'holidays: [2026-02-30]\n');
    const withFile = (file: string) =>
      calendarSpecSchema.parse({
        name: 'c',
        hours: { weekdays: '09:00-17:00' },
        holidays: { files: [file] },
      });
    expect(() => buildCalendars([withFile('missing.yml')], { baseDir: dir })).toThrow(
      `calendar c: holidays.files[0]: ${path.join(dir, 'missing.yml')}: cannot read holiday file: ENOENT`,
    );
    expect(() => buildCalendars([withFile('bad.yml')], { baseDir: dir })).toThrow(
      `calendar c: holidays.files[0]: ${path.join(dir, 'bad.yml')}: holidays.0: "2026-02-30" is not a date of the calendar`,
    );
    const always = calendarSpecSchema.parse({ name: 'a', hours: '24x7' });
    expect(() => buildCalendars([always, always], { baseDir: dir })).toThrow('calendar a is defined twice');
  });
});
