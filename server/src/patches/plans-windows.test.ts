import { buildCalendar, calendarSpecSchema } from '@opsdesk/calendar';
import { maintenanceSchema } from './plans-config';
import {
  fitWindow,
  nextOccurrence,
  occurrenceHolding,
  tradingOverlap,
  windowOccurrences,
} from './plans-windows';

// The China 2026 data (chinese-days): Saturday 2026-10-10 is a make-up workday (调休) for the National
// Day holiday 10-01..10-07: a working day on a service calendar, closed on a trading calendar.
const service = buildCalendar(
  calendarSpecSchema.parse({
    name: 'cn-service',
    kind: 'service',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  }),
);
const trading = buildCalendar(
  calendarSpecSchema.parse({
    name: 'sse',
    kind: 'trading',
    hours: { weekdays: '09:30-11:30,13:00-15:00' },
    holidays: { builtin: 'cn' },
  }),
);
const calendars = new Map([
  ['cn-service', service],
  ['sse', trading],
]);
const at = (local: string) => Date.parse(`${local}:00+08:00`);

const m = maintenanceSchema.parse({
  trading_calendar: 'sse',
  host_groups: [
    { name: 'db', hosts: ['db1:9741', 'db2:9741'] },
    { name: 'web', hosts: ['web1:9741'] },
  ],
  windows: [
    // days the market is closed (a make-up Saturday included), daytime
    {
      name: 'market-closed',
      host_groups: ['db'],
      calendar: 'sse',
      days: 'non_working',
      start: '09:00',
      end: '17:00',
    },
    // the team's days off (a make-up Saturday is a workday, so not this)
    {
      name: 'team-off',
      host_groups: ['web'],
      calendar: 'cn-service',
      days: 'non_working',
      start: '10:00',
      end: '16:00',
    },
    // nightly, past midnight, on the team's working days
    {
      name: 'nights',
      host_groups: ['db', 'web'],
      calendar: 'cn-service',
      days: 'working',
      start: '22:00',
      end: '02:00',
    },
  ],
});
const window = (name: string) => m.windows.find((w) => w.name === name)!;

describe('maintenance windows on named calendars', () => {
  test('the 调休 Saturday 2026-10-10 opens a window of the trading calendar’s closed days, not one of the service calendar’s', () => {
    const start = at('2026-10-10T10:00');
    const end = at('2026-10-10T12:00');
    expect(occurrenceHolding(window('market-closed'), trading, start, end)).toEqual([
      at('2026-10-10T09:00'),
      at('2026-10-10T17:00'),
    ]);
    expect(occurrenceHolding(window('team-off'), service, start, end)).toBeUndefined();
    // the Sunday after is a day off for both
    expect(
      occurrenceHolding(window('team-off'), service, at('2026-10-11T10:00'), at('2026-10-11T12:00')),
    ).toEqual([at('2026-10-11T10:00'), at('2026-10-11T16:00')]);
    // a National Day holiday (Thursday 10-01) is a day off on both calendars
    expect(
      occurrenceHolding(window('team-off'), service, at('2026-10-01T11:00'), at('2026-10-01T12:00')),
    ).toBeDefined();
  });

  test('a window past midnight belongs to the day it starts on', () => {
    // Friday 2026-10-09 is a working day: 22:00 Fri – 02:00 Sat
    expect(
      occurrenceHolding(window('nights'), service, at('2026-10-09T23:00'), at('2026-10-10T01:30')),
    ).toEqual([at('2026-10-09T22:00'), at('2026-10-10T02:00')]);
    // Wednesday 2026-09-30 is a working day, Thursday 10-01 a holiday: the night of 10-01 has no window
    expect(
      occurrenceHolding(window('nights'), service, at('2026-10-01T23:00'), at('2026-10-02T01:00')),
    ).toBeUndefined();
    expect(
      occurrenceHolding(window('nights'), service, at('2026-09-30T23:00'), at('2026-10-01T01:00')),
    ).toBeDefined();
    // a schedule longer than one opening fits none
    expect(
      occurrenceHolding(window('nights'), service, at('2026-10-09T21:00'), at('2026-10-10T01:00')),
    ).toBeUndefined();
  });

  test('the whole day every day is one opening across midnights; the next opening after a time', () => {
    const daily = { ...window('nights'), days: 'every' as const, start: '00:00', end: '24:00' };
    expect(windowOccurrences(daily, service, at('2026-10-09T12:00'), at('2026-10-11T12:00'))).toEqual([
      [at('2026-10-09T00:00'), at('2026-10-12T00:00')],
    ]);
    expect(nextOccurrence(window('team-off'), service, at('2026-10-09T12:00'))).toEqual([
      at('2026-10-11T10:00'),
      at('2026-10-11T16:00'),
    ]);
  });

  test('fitWindow: one window for every host of the plan, or why not', () => {
    const sat = [at('2026-10-10T10:00'), at('2026-10-10T12:00')] as const;
    expect(fitWindow(m, calendars, ['db1:9741', 'db2:9741'], ...sat)).toMatchObject({
      ok: true,
      window: 'market-closed',
    });
    const web = fitWindow(m, calendars, ['web1:9741'], ...sat);
    expect(web).toMatchObject({ ok: false, ungrouped: [] });
    expect(web.ok ? [] : web.candidates.map((c) => c.window)).toEqual(['team-off', 'nights']);
    // db and web together: only `nights` takes both groups
    const both = fitWindow(
      m,
      calendars,
      ['db1:9741', 'web1:9741'],
      at('2026-10-09T22:30'),
      at('2026-10-09T23:30'),
    );
    expect(both).toMatchObject({ ok: true, window: 'nights' });
    const mixed = fitWindow(m, calendars, ['db1:9741', 'web1:9741'], ...sat);
    expect(mixed.ok ? [] : mixed.candidates.map((c) => c.window)).toEqual(['nights']);
    expect(fitWindow(m, calendars, ['db1:9741', 'lost:9741'], ...sat)).toMatchObject({
      ok: false,
      ungrouped: ['lost:9741'],
      candidates: [],
    });
  });

  test('trading hours: the first trading period a schedule touches', () => {
    // Monday 2026-10-12 trades; lunch 11:30–13:00 does not
    expect(tradingOverlap(trading, at('2026-10-12T11:00'), at('2026-10-12T12:00'))).toEqual([
      at('2026-10-12T11:00'),
      at('2026-10-12T11:30'),
    ]);
    expect(tradingOverlap(trading, at('2026-10-12T11:30'), at('2026-10-12T13:00'))).toBeUndefined();
    // the make-up Saturday does not trade
    expect(tradingOverlap(trading, at('2026-10-10T09:00'), at('2026-10-10T17:00'))).toBeUndefined();
  });
});
