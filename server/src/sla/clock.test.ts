import { ALWAYS, buildCalendar, calendarSpecSchema } from '@opsdesk/calendar';
import fc from 'fast-check';
import { slaClock, type Pause } from './clock';

const H = 3_600_000;
const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();
const fiveByEight = buildCalendar(
  calendarSpecSchema.parse({ name: '5x8', hours: { weekdays: '09:00-17:00' }, holidays: { builtin: 'cn' } }),
);

test('started Friday 16:30 on 5×8 with a 1 h goal it is due Monday 09:30', () => {
  const c = slaClock({
    calendar: fiveByEight,
    goalMs: H,
    startedAt: cst('2026-11-20T16:30:00'),
    stoppedAt: null,
    pauses: [],
    now: cst('2026-11-21T12:00:00'),
  });
  expect(new Date(c.dueAt as number).toISOString()).toBe('2026-11-23T01:30:00.000Z');
  // Saturday noon is outside working time: the clock is paused until Monday 09:00
  expect(c).toMatchObject({
    elapsedMs: 30 * 60_000,
    remainingMs: 30 * 60_000,
    state: 'paused',
    pauseReason: 'outside_working_hours',
    pausedUntil: cst('2026-11-23T09:00:00'),
  });
  const monday = slaClock({
    calendar: fiveByEight,
    goalMs: H,
    startedAt: cst('2026-11-20T16:30:00'),
    stoppedAt: null,
    pauses: [],
    now: cst('2026-11-23T09:10:00'),
    atRiskMs: 0.75 * H,
  });
  expect(monday).toMatchObject({ state: 'running', pausedUntil: null, pauseReason: null });
  // at risk once ¾ of the goal is used: 30 min on Friday + 15 min on Monday
  expect(monday.atRiskAt).toBe(cst('2026-11-23T09:15:00'));
});

test('holidays and make-up workdays are honoured', () => {
  // 2026-09-30 16:30 + 2 h: 30 min on Sep 30, then National Day (Oct 1–7) off, then Oct 8 09:00 → 10:30
  const c = slaClock({
    calendar: fiveByEight,
    goalMs: 2 * H,
    startedAt: cst('2026-09-30T16:30:00'),
    stoppedAt: null,
    pauses: [],
    now: cst('2026-10-05T00:00:00'),
  });
  expect(c.dueAt).toBe(cst('2026-10-08T10:30:00'));
  // Saturday 2026-10-10 is a make-up workday: a clock started Friday 10-09 16:00 continues on it
  const s = slaClock({
    calendar: fiveByEight,
    goalMs: 2 * H,
    startedAt: cst('2026-10-09T16:00:00'),
    stoppedAt: null,
    pauses: [],
    now: cst('2026-10-09T16:00:00'),
  });
  expect(s.dueAt).toBe(cst('2026-10-10T10:00:00'));
});

test('a pause stops the clock and moves the due time; met and breached once stopped', () => {
  const start = cst('2026-11-23T09:00:00');
  const pauses: Pause[] = [{ from: start + H, to: start + 3 * H }];
  const c = slaClock({
    calendar: fiveByEight,
    goalMs: 4 * H,
    startedAt: start,
    stoppedAt: null,
    pauses,
    now: start + 4 * H,
  });
  expect(c.elapsedMs).toBe(2 * H);
  expect(c.dueAt).toBe(start + 6 * H);
  const paused = slaClock({
    calendar: fiveByEight,
    goalMs: 4 * H,
    startedAt: start,
    stoppedAt: null,
    pauses: [{ from: start + H, to: null }],
    now: start + 2 * H,
  });
  expect(paused).toMatchObject({ state: 'paused', pauseReason: 'waiting', dueAt: null, elapsedMs: H });
  // a clock that used up its goal before the pause is breached, and says when it fell due
  const pausedLate = slaClock({
    calendar: fiveByEight,
    goalMs: H,
    startedAt: start,
    stoppedAt: null,
    pauses: [{ from: start + 2 * H, to: null }],
    now: start + 3 * H,
  });
  expect(pausedLate).toMatchObject({ state: 'breached', dueAt: start + H, atRiskAt: null });
  expect(
    slaClock({ calendar: ALWAYS, goalMs: H, startedAt: 0, stoppedAt: 30 * 60_000, pauses: [], now: 10 * H })
      .state,
  ).toBe('met');
  expect(
    slaClock({ calendar: ALWAYS, goalMs: H, startedAt: 0, stoppedAt: 2 * H, pauses: [], now: 10 * H }).state,
  ).toBe('breached');
  expect(
    slaClock({ calendar: ALWAYS, goalMs: H, startedAt: 0, stoppedAt: null, pauses: [], now: 2 * H }).state,
  ).toBe('breached');
});

describe('properties', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const instant = fc.integer({ min: t0, max: t0 + 300 * 86_400_000 });
  const dur = fc.integer({ min: 0, max: 10 * 86_400_000 });
  const goal = fc.integer({ min: 60_000, max: 48 * H });
  const pauseArb = fc.array(fc.tuple(dur, fc.integer({ min: 0, max: 2 * 86_400_000 })), { maxLength: 4 });
  const cals = [ALWAYS, fiveByEight];

  test('on 24×7 elapsed equals wall time', () => {
    fc.assert(
      fc.property(
        instant,
        dur,
        goal,
        (start, d, g) =>
          slaClock({
            calendar: ALWAYS,
            goalMs: g,
            startedAt: start,
            stoppedAt: null,
            pauses: [],
            now: start + d,
          }).elapsedMs === d,
      ),
    );
  });

  test('monotone in time', () => {
    for (const calendar of cals) {
      fc.assert(
        fc.property(instant, dur, dur, goal, pauseArb, (start, a, b, g, ps) => {
          const pauses = ps.map(([off, len]) => ({ from: start + off, to: start + off + len }));
          const at = (now: number) =>
            slaClock({ calendar, goalMs: g, startedAt: start, stoppedAt: null, pauses, now }).elapsedMs;
          return at(start + a) <= at(start + a + b);
        }),
        { numRuns: 150 },
      );
    }
  });

  test('a pause never adds time', () => {
    for (const calendar of cals) {
      fc.assert(
        fc.property(instant, dur, goal, pauseArb, (start, d, g, ps) => {
          const pauses = ps.map(([off, len]) => ({ from: start + off, to: start + off + len }));
          const base = { calendar, goalMs: g, startedAt: start, stoppedAt: null, now: start + d };
          return slaClock({ ...base, pauses }).elapsedMs <= slaClock({ ...base, pauses: [] }).elapsedMs;
        }),
        { numRuns: 150 },
      );
    }
  });

  test('the due instant is where elapsed reaches the goal', () => {
    for (const calendar of cals) {
      fc.assert(
        fc.property(instant, goal, (start, g) => {
          const c = slaClock({
            calendar,
            goalMs: g,
            startedAt: start,
            stoppedAt: null,
            pauses: [],
            now: start,
          });
          const atDue = slaClock({
            calendar,
            goalMs: g,
            startedAt: start,
            stoppedAt: null,
            pauses: [],
            now: c.dueAt as number,
          });
          return atDue.elapsedMs === g;
        }),
        { numRuns: 150 },
      );
    }
  });
});
