import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIcs } from './ics';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const SHANGHAI = { timeZone: 'Asia/Shanghai', years: { from: 2024, to: 2027 } };

test('a UTC-timed holiday lands on its local date in Shanghai, not on the UTC date before it', () => {
  // Google Calendar writes China's 1 October as 2026-09-30T16:00Z … 2026-10-01T16:00Z
  const days = parseIcs(fixture('utc.ics'), 'utc.ics', SHANGHAI);
  expect(days.holidays.get('2026-10-01')).toBe('National Day');
  expect(days.holidays.has('2026-09-30')).toBe(false);
  expect(days.holidays.has('2026-10-02')).toBe(false);
  expect(days.workdays.get('2026-10-10')).toBe('National Day make-up workday');
  expect(days.workdays.has('2026-10-09')).toBe(false);
  // the same file read for a calendar in UTC keeps the UTC dates
  const inUtc = parseIcs(fixture('utc.ics'), 'utc.ics', { ...SHANGHAI, timeZone: 'UTC' });
  expect(
    [...inUtc.holidays.keys()].filter((d) => d.startsWith('2026-09') || d.startsWith('2026-10')),
  ).toEqual(['2026-09-30', '2026-10-01']);
});

test('a floating time is the calendar’s own wall clock', () => {
  for (const timeZone of ['Asia/Shanghai', 'America/New_York'])
    expect(
      parseIcs(fixture('utc.ics'), 'utc.ics', { ...SHANGHAI, timeZone }).holidays.get('2026-12-24'),
    ).toBe('Christmas Eve (floating time)');
});

test('TZID: an IANA zone, and a VTIMEZONE the file defines (Outlook), are converted to the calendar’s zone', () => {
  const days = parseIcs(fixture('tzid.ics'), 'tzid.ics', SHANGHAI);
  // 20:00-23:00 on 31 December in New York is 09:00-12:00 on 1 January in Shanghai
  expect(days.holidays.get('2027-01-01')).toBe('New York parent company closed');
  expect(days.holidays.has('2026-12-31')).toBe(false);
  expect([...days.holidays.keys()].filter((d) => d.startsWith('2026-10'))).toEqual(['2026-10-09']);
  // read for New York, the Outlook event (00:00-24:00 +08:00) covers the afternoon before as well
  const ny = parseIcs(fixture('tzid.ics'), 'tzid.ics', { ...SHANGHAI, timeZone: 'America/New_York' });
  expect([...ny.holidays.keys()].sort()).toEqual(['2026-10-08', '2026-10-09', '2026-12-31']);
});

test('RRULE is expanded over the years asked, with EXDATE, a moved occurrence and UNTIL', () => {
  const days = parseIcs(fixture('recurring.ics'), 'recurring.ics', SHANGHAI);
  const companyDays = [...days.holidays].filter(([, name]) => name.startsWith('Company Day'));
  expect(companyDays).toEqual([
    ['2024-06-15', 'Company Day'],
    // 2025 is excluded (EXDATE)
    ['2026-06-16', 'Company Day (moved to Tuesday)'],
    ['2027-06-15', 'Company Day'],
  ]);
  // 30 and 31 December each year up to UNTIL 2026
  expect([...days.holidays.keys()].filter((d) => d.endsWith('-12-30') || d.endsWith('-12-31'))).toEqual([
    '2024-12-30',
    '2024-12-31',
    '2025-12-30',
    '2025-12-31',
    '2026-12-30',
    '2026-12-31',
  ]);
  expect(days.holidays.has('2026-07-01')).toBe(false); // STATUS:CANCELLED
  // a recurring holiday is not a published list: it tells nothing about how far the data goes
  expect(days.datedYears.size).toBe(0);
  const later = parseIcs(fixture('recurring.ics'), 'recurring.ics', {
    ...SHANGHAI,
    years: { from: 2030, to: 2031 },
  });
  expect([...later.holidays.keys()]).toEqual(['2030-06-15', '2031-06-15']);
});

test('all-day events: DTEND is exclusive and a published list says which years it covers', () => {
  const days = parseIcs(fixture('china-2026.ics'), 'china-2026.ics', SHANGHAI);
  expect(['2026-01-01', '2026-01-02', '2026-01-03'].every((d) => days.holidays.has(d))).toBe(true);
  expect(days.holidays.has('2026-01-04')).toBe(false);
  expect(days.workdays.has('2026-01-04')).toBe(true);
  expect(days.datedYears).toEqual(new Set([2026]));
});

test('files that are not usable are refused with the file, the event and the fix', () => {
  expect(() => parseIcs('BEGIN:VCARD\r\nEND:VCARD\r\n', 'card.ics', SHANGHAI)).toThrow(
    'card.ics: not an iCalendar file',
  );
  const unknownZone = fixture('tzid.ics').replace(/America\/New_York/g, 'Mars/Olympus');
  expect(() => parseIcs(unknownZone, 'tzid.ics', SHANGHAI)).toThrow(
    /tzid\.ics: event 2 \(New York parent company closed\): TZID "Mars\/Olympus" is neither an IANA time zone nor a VTIMEZONE/,
  );
  const hourly = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpsDesk//tests//EN',
    'BEGIN:VEVENT',
    'UID:h@x',
    'DTSTAMP:20000101T000000Z',
    'DTSTART:20000101T000000Z',
    'RRULE:FREQ=HOURLY',
    'SUMMARY:Ping',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  expect(() => parseIcs(hourly, 'hourly.ics', SHANGHAI)).toThrow(
    'hourly.ics: event 1 (Ping): its recurrence gives more than 5000 occurrences before 2028; a holiday recurs yearly, not daily',
  );
  const noStart = fixture('utc.ics').replace('DTSTART:20260930T160000Z\r\n', '');
  expect(() => parseIcs(noStart, 'utc.ics', SHANGHAI)).toThrow('utc.ics: event 1 (National Day): no DTSTART');
});
