import { clipToDay, instantToWallTime, localDate, startOfLocalDate, wallTimeToInstant, weekOf } from './week';

const SH = 'Asia/Shanghai';

test('the week of a Wednesday evening in Shanghai runs Monday to Sunday, local midnights as instants', () => {
  // 2026-12-02T15:30Z is Wednesday 23:30 in Shanghai (UTC+8)
  const week = weekOf(Date.parse('2026-12-02T15:30:00Z'), SH);
  expect(week.map((d) => d.date)).toEqual([
    '2026-11-30',
    '2026-12-01',
    '2026-12-02',
    '2026-12-03',
    '2026-12-04',
    '2026-12-05',
    '2026-12-06',
  ]);
  expect(new Date(week[0]!.start).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  expect(new Date(week[6]!.end).toISOString()).toBe('2026-12-06T16:00:00.000Z');
  // one hour later it is Thursday in Shanghai but still Wednesday in UTC: the zone decides
  expect(localDate(Date.parse('2026-12-02T16:30:00Z'), SH)).toBe('2026-12-03');
});

test('a Sunday belongs to the week that began the Monday before; offsets move whole weeks', () => {
  const sunday = Date.parse('2026-12-06T04:00:00Z');
  expect(weekOf(sunday, SH)[0]!.date).toBe('2026-11-30');
  expect(weekOf(sunday, SH, 1)[0]!.date).toBe('2026-12-07');
  expect(weekOf(sunday, SH, -1)[6]!.date).toBe('2026-11-29');
});

test('a day across a DST change has 23 or 25 hours', () => {
  // Europe/Berlin leaves summer time on 2026-10-25
  expect(startOfLocalDate('2026-10-25', 'Europe/Berlin')).toBe(Date.parse('2026-10-24T22:00:00Z'));
  expect(startOfLocalDate('2026-10-26', 'Europe/Berlin')).toBe(Date.parse('2026-10-25T23:00:00Z'));
  const [sun] = weekOf(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin').filter((d) => d.date === '2026-10-25');
  expect((sun!.end - sun!.start) / 3_600_000).toBe(25);
});

test('shifts are clipped to the day and ordered', () => {
  const [day] = weekOf(Date.parse('2026-12-01T02:00:00Z'), SH);
  const parts = clipToDay(
    [
      { start: '2026-11-30T01:00:00Z', end: '2026-12-01T01:00:00Z', who: 'b' }, // 09:00 Mon → 09:00 Tue
      { start: '2026-11-29T01:00:00Z', end: '2026-11-30T01:00:00Z', who: 'a' }, // ends 09:00 Mon
      { start: '2026-12-02T01:00:00Z', end: '2026-12-03T01:00:00Z', who: 'c' }, // another day
    ],
    day!
  );
  expect(parts.map((p) => [p.who, new Date(p.from).toISOString(), new Date(p.to).toISOString()])).toEqual([
    ['a', '2026-11-29T16:00:00.000Z', '2026-11-30T01:00:00.000Z'],
    ['b', '2026-11-30T01:00:00.000Z', '2026-11-30T16:00:00.000Z'],
  ]);
});

test('a time typed in a form is read in the roster zone, not the browser zone', () => {
  expect(new Date(wallTimeToInstant('2026-12-05T09:00', SH)).toISOString()).toBe('2026-12-05T01:00:00.000Z');
  expect(instantToWallTime(Date.parse('2026-12-05T01:00:00Z'), SH)).toBe('2026-12-05T09:00');
  expect(instantToWallTime(Date.parse('2026-12-05T01:00:00Z'), 'UTC')).toBe('2026-12-05T01:00');
});
