import { buildCalendar, calendarSpecSchema } from '@opsdesk/calendar';
import type { LayerConfig } from './config';
import { applyOverrides, rotationSegmentAt, rotationSegments, type LayerContext } from './rotation';
import { escapeText, foldLine, icsTime } from './ics';

/**
 * Rotation arithmetic without a database: expected people and instants are worked out by hand
 * from the published 2026 China holidays (国庆 1–7 October off, Sunday 20 September and Saturday
 * 10 October make-up workdays) and the zones' offsets (Shanghai +08:00; Berlin +02:00 until
 * 25 October 2026 03:00 local, +01:00 after).
 */
const cn = buildCalendar(
  calendarSpecSchema.parse({
    name: '5x8',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  }),
);
const berlin = buildCalendar(
  calendarSpecSchema.parse({ name: 'berlin', timezone: 'Europe/Berlin', hours: { weekdays: '09:00-17:00' } }),
);

const layer = (over: Partial<LayerConfig>): LayerConfig => ({
  name: 'primary',
  members: ['alice', 'bob'],
  cadence: 'daily',
  handoff: '09:00',
  start: '2026-09-28',
  days: 'any',
  ...over,
});
const shanghai = (l: LayerConfig): LayerContext => ({ layer: l, calendar: cn, timeZone: 'Asia/Shanghai' });
const t = (s: string) => Date.parse(s);
const who = (c: LayerContext, at: string) => rotationSegmentAt(c, t(at)).person;

describe('rotation on the China service calendar', () => {
  test('a workday-only daily layer: off through 国庆, on the make-up Saturday, off the Sunday after', () => {
    const c = shanghai(layer({ days: 'workday' }));
    // Monday 28 September is the start: alice, then bob, alice …, one per calendar day
    expect(who(c, '2026-09-28T09:00:00+08:00')).toBe('alice');
    expect(who(c, '2026-09-29T08:59:59+08:00')).toBe('alice');
    expect(who(c, '2026-09-29T09:00:00+08:00')).toBe('bob');
    expect(who(c, '2026-09-30T12:00:00+08:00')).toBe('alice');
    for (const day of ['01', '02', '03', '04', '05', '06', '07'])
      expect([day, who(c, `2026-10-${day}T12:00:00+08:00`)]).toEqual([day, null]);
    expect(who(c, '2026-10-08T12:00:00+08:00')).toBe('alice'); // day 10 after the start
    expect(who(c, '2026-10-09T12:00:00+08:00')).toBe('bob');
    expect(who(c, '2026-10-10T12:00:00+08:00')).toBe('alice'); // 调休 Saturday: a workday
    expect(who(c, '2026-10-11T12:00:00+08:00')).toBeNull(); // an ordinary Sunday
    // the make-up Sunday 20 September, before the start date: the rotation runs backwards too (day -8)
    expect(who(c, '2026-09-20T12:00:00+08:00')).toBe('alice');
    expect(who(c, '2026-09-19T12:00:00+08:00')).toBeNull(); // the Saturday before it is a rest day
  });

  test('the holiday week as segments: the workday layer empty, the every-day layer covering', () => {
    const from = t('2026-09-30T09:00:00+08:00');
    const to = t('2026-10-08T09:00:00+08:00');
    expect(rotationSegments(shanghai(layer({ days: 'workday' })), from, to)).toEqual([
      { start: from, end: t('2026-10-01T09:00:00+08:00'), person: 'alice' },
      { start: t('2026-10-01T09:00:00+08:00'), end: to, person: null },
    ]);
    const backup = rotationSegments(
      shanghai(layer({ cadence: 'weekly', members: ['carol', 'dave'] })),
      from,
      to,
    );
    expect(backup).toEqual([
      { start: from, end: t('2026-10-05T09:00:00+08:00'), person: 'carol' },
      { start: t('2026-10-05T09:00:00+08:00'), end: to, person: 'dave' },
    ]);
    const holidayOnly = rotationSegments(shanghai(layer({ days: 'holiday' })), from, to);
    expect(holidayOnly.filter((s) => s.person !== null).map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-10-01T01:00:00.000Z', // bob (day 3), then alice (day 4) …: each holiday its own shift
      '2026-10-02T01:00:00.000Z',
      '2026-10-03T01:00:00.000Z',
      '2026-10-04T01:00:00.000Z',
      '2026-10-05T01:00:00.000Z',
      '2026-10-06T01:00:00.000Z',
      '2026-10-07T01:00:00.000Z',
    ]);
    const restDays = rotationSegments(
      shanghai(layer({ days: 'rest_day' })),
      t('2026-10-09T09:00:00+08:00'),
      t('2026-10-12T09:00:00+08:00'),
    );
    expect(restDays.map((s) => s.person)).toEqual([null, 'bob']); // Fri, make-up Sat off; Sunday 11th (day 13) bob
  });

  test('every 3 days and weekly with a 09:00 handoff in Shanghai', () => {
    const tri = shanghai(layer({ cadence: '3d', members: ['alice', 'bob', 'carol'] }));
    expect(who(tri, '2026-09-30T23:00:00+08:00')).toBe('alice');
    expect(who(tri, '2026-10-01T08:59:00+08:00')).toBe('alice');
    expect(who(tri, '2026-10-01T09:00:00+08:00')).toBe('bob');
    expect(who(tri, '2026-10-04T09:00:00+08:00')).toBe('carol');
    expect(who(tri, '2026-10-07T09:00:00+08:00')).toBe('alice');
    expect(rotationSegmentAt(tri, t('2026-10-02T00:00:00+08:00'))).toEqual({
      start: t('2026-10-01T09:00:00+08:00'),
      end: t('2026-10-04T09:00:00+08:00'),
      person: 'bob',
    });
    const weekly = shanghai(layer({ cadence: 'weekly', members: ['carol', 'dave'] }));
    expect(rotationSegmentAt(weekly, t('2026-10-12T09:00:00+08:00'))).toEqual({
      start: t('2026-10-12T09:00:00+08:00'),
      end: t('2026-10-19T09:00:00+08:00'),
      person: 'carol',
    });
  });
});

describe('rotation across DST in Europe/Berlin', () => {
  const c: LayerContext = {
    layer: layer({ start: '2026-10-20' }),
    calendar: berlin,
    timeZone: 'Europe/Berlin',
  };
  test('autumn: the 09:00 handoff moves from 07:00Z to 08:00Z, the shift of 24 October lasts 25 h', () => {
    const seg = rotationSegmentAt(c, t('2026-10-24T12:00:00Z'));
    expect(seg).toEqual({
      start: t('2026-10-24T07:00:00Z'),
      end: t('2026-10-25T08:00:00Z'),
      person: 'alice',
    });
    expect(who(c, '2026-10-25T07:59:59Z')).toBe('alice');
    expect(who(c, '2026-10-25T08:00:00Z')).toBe('bob');
  });
  test('spring: the shift of 28 March lasts 23 h (before the start date, day -206)', () => {
    const seg = rotationSegmentAt(c, t('2026-03-28T12:00:00Z'));
    expect(seg).toEqual({
      start: t('2026-03-28T08:00:00Z'),
      end: t('2026-03-29T07:00:00Z'),
      person: 'alice',
    });
    expect(who(c, '2026-03-29T07:00:00Z')).toBe('bob');
  });
});

describe('overrides on top of the rotation', () => {
  test('an override splits a segment and wins where it lies', () => {
    const segs = [
      { start: 0, end: 100, person: 'alice' },
      { start: 100, end: 200, person: null },
    ];
    expect(
      applyOverrides(segs, [{ start: 50, end: 150, person: 'bob', source: 'override', id: 'o1' }], 0, 200),
    ).toEqual([
      { start: 0, end: 50, person: 'alice', source: 'rotation' },
      { start: 50, end: 150, person: 'bob', source: 'override', overrideId: 'o1' },
      { start: 150, end: 200, person: null, source: 'rotation' },
    ]);
  });
});

describe('iCalendar text (RFC 5545 3.1, 3.3.11)', () => {
  test('escaping, UTC times and folding at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(icsTime(t('2026-10-01T01:00:00Z'))).toBe('20261001T010000Z');
    const line = `SUMMARY:${'值班'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
});
