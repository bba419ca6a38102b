import { startOfLocalDay, toLocal, nextDate, type Calendar } from '@opsdesk/calendar';

const MAX_DAYS = 3 * 366;

/**
 * When the RPO of a backup whose data is as of `fromMs` runs out.
 *
 * Without a calendar the RPO is wall-clock time, as an SRE reads "RPO 1d": at most a day of data
 * may be lost, whatever day it is. With a calendar (a backup that runs on trading days only) the
 * RPO elapses only on the calendar's working days, counted whole (its hours do not matter: data
 * changes all day on a day the system works), so Friday's backup is not late on Saturday.
 */
export function rpoDueAt(fromMs: number, rpoMs: number, calendar?: Calendar): number {
  if (!calendar || calendar.data.always) return fromMs + rpoMs;
  const zone = calendar.data.timeZone;
  let left = rpoMs;
  let t = fromMs;
  const l = toLocal(t, zone);
  let date: [number, number, number] = [l.year, l.month, l.day];
  for (let i = 0; i <= MAX_DAYS; i++) {
    const next = nextDate(...date);
    const end = startOfLocalDay(...next, zone);
    if (calendar.hoursOn(...date).length > 0) {
      if (end - t >= left) return t + left;
      left -= end - t;
    }
    t = end;
    date = next;
  }
  throw new Error(
    `calendar ${calendar.name} has no working day within three years of ${new Date(fromMs).toISOString()}`,
  );
}

export interface RunFacts {
  startedAt: number;
  finishedAt: number;
  result: string;
  snapshotId: string | null;
}
export interface TestFacts {
  finishedAt: number;
  result: string;
  durationMs: number;
  rtoMs: number;
}

export interface PolicyStatus {
  lastRunAt: number | null;
  lastRunResult: string | null;
  lastSuccessAt: number | null;
  lastSnapshotId: string | null;
  rpoDueAt: number | null;
  rpoBreached: boolean;
  lastRestoreTest: { at: number; result: string; durationMs: number; rtoMet: boolean } | null;
  restoreTestDueAt: number | null;
  restoreTestOverdue: boolean;
}

/**
 * Where a policy stands at `now`, from its newest run, its newest good run (success or partial:
 * both left a snapshot), its newest restore test and its newest passed one.
 *
 * - The RPO counts from the start of the newest good run: its snapshot holds the data as of then.
 *   A policy that never had a good run is breached (there is nothing to restore).
 * - A restore test is due `restore_test_interval` after the newest passed one (a failed test proves
 *   nothing); never tested means overdue. Both judged in wall time.
 */
export function policyStatus(
  p: { rpoMs: number; restoreTestIntervalMs: number; calendar?: Calendar | undefined },
  facts: {
    lastRun?: RunFacts | undefined;
    lastGood?: RunFacts | undefined;
    lastTest?: TestFacts | undefined;
    lastPassedTest?: TestFacts | undefined;
  },
  now: number,
): PolicyStatus {
  const due = facts.lastGood ? rpoDueAt(facts.lastGood.startedAt, p.rpoMs, p.calendar) : null;
  const testDue = facts.lastPassedTest ? facts.lastPassedTest.finishedAt + p.restoreTestIntervalMs : null;
  const t = facts.lastTest;
  return {
    lastRunAt: facts.lastRun?.finishedAt ?? null,
    lastRunResult: facts.lastRun?.result ?? null,
    lastSuccessAt: facts.lastGood?.finishedAt ?? null,
    lastSnapshotId: facts.lastGood?.snapshotId ?? null,
    rpoDueAt: due,
    rpoBreached: due === null || now >= due,
    lastRestoreTest: t
      ? {
          at: t.finishedAt,
          result: t.result,
          durationMs: t.durationMs,
          rtoMet: t.result === 'passed' && t.durationMs <= t.rtoMs,
        }
      : null,
    restoreTestDueAt: testDue,
    restoreTestOverdue: testDue === null || now >= testDue,
  };
}

/** Total length of the union of intervals, each clipped to [from, to). */
export function coveredMs(
  intervals: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
