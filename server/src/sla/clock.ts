import type { Calendar } from '@opsdesk/calendar';

export interface Pause {
  from: number;
  /** null while the pause lasts */
  to: number | null;
}

export interface ClockInput {
  calendar: Calendar;
  goalMs: number;
  startedAt: number;
  /** when the clock stopped (a response, a resolution); null while it runs */
  stoppedAt: number | null;
  pauses: readonly Pause[];
  now: number;
  /** business time used at which the clock is at risk (e.g. ¾ of the goal); defaults to the goal */
  atRiskMs?: number;
}

export interface ClockState {
  /** business time counted, pauses excluded */
  elapsedMs: number;
  remainingMs: number;
  /**
   * When the goal falls due if nothing pauses it, or fell due when it was used up before the clock
   * stopped or paused; null while waiting (paused) within the goal.
   */
  dueAt: number | null;
  /** when a running clock enters its at-risk share; null once stopped or while waiting */
  atRiskAt: number | null;
  /**
   * running: counting now; paused: not counting now — waiting for the customer (pausedUntil null:
   * it resumes with their answer) or outside the calendar's working time (pausedUntil: the next
   * working instant); met / breached once stopped, breached as soon as the goal is used up.
   */
  state: 'running' | 'paused' | 'met' | 'breached';
  pausedUntil: number | null;
  pauseReason: 'waiting' | 'outside_working_hours' | null;
}

/** [startedAt, end) minus the pauses, as ordered disjoint intervals; the last may be open-ended. */
function activeSegments(startedAt: number, end: number, pauses: readonly Pause[]): Array<[number, number]> {
  const cuts = pauses
    .map((p) => [Math.max(p.from, startedAt), p.to === null ? end : Math.min(p.to, end)] as [number, number])
    .filter(([a, b]) => b > a && a < end)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  let cursor = startedAt;
  for (const [a, b] of cuts) {
    if (a > cursor) out.push([cursor, a]);
    cursor = Math.max(cursor, b);
  }
  if (end > cursor) out.push([cursor, end]);
  return out;
}

/**
 * An SLA clock as a pure function: business time elapsed on the calendar between the start and
 * now (or the moment it stopped), without the paused periods; what remains; when it falls due and
 * when it enters its at-risk share; and whether it is running, paused, met or breached.
 */
export function slaClock(input: ClockInput): ClockState {
  const { calendar, goalMs, startedAt, stoppedAt, pauses, now } = input;
  const end = Math.max(startedAt, stoppedAt ?? now);
  const segments = activeSegments(startedAt, end, pauses);
  const inSegment = segments.map(([a, b]) => calendar.workingMs(a, b));
  const elapsedMs = inSegment.reduce((x, y) => x + y, 0);
  const waiting = stoppedAt === null && pauses.some((p) => p.from <= now && (p.to === null || p.to > now));
  const running = stoppedAt === null && !waiting;

  /** When `target` business time is used: inside the counted segments, or (running) projected on. */
  const reaches = (target: number): number | null => {
    let used = 0;
    for (let i = 0; i < segments.length; i++) {
      const [a] = segments[i] as [number, number];
      const ms = inSegment[i] as number;
      if (used + ms >= target) return calendar.addWorkingMs(a, target - used);
      if (i === segments.length - 1 && running) return calendar.addWorkingMs(a, target - used);
      used += ms;
    }
    if (segments.length === 0 && running) return calendar.addWorkingMs(startedAt, target);
    return null;
  };

  const breached =
    stoppedAt !== null ? elapsedMs > goalMs : elapsedMs > goalMs || (elapsedMs === goalMs && goalMs > 0);
  /** A clock stopped within its goal: where the goal would have been used up had it gone on. */
  const projected = (): number => {
    const last = segments[segments.length - 1];
    if (!last) return calendar.addWorkingMs(startedAt, goalMs);
    return calendar.addWorkingMs(last[0], goalMs - (elapsedMs - (inSegment[inSegment.length - 1] as number)));
  };
  // A stopped clock within its goal still shows the due time it had; a waiting one has none.
  const dueAt = breached || running || stoppedAt !== null ? (reaches(goalMs) ?? projected()) : null;
  const atRiskAt = running && !breached ? reaches(Math.min(goalMs, input.atRiskMs ?? goalMs)) : null;

  let state: ClockState['state'];
  let pausedUntil: number | null = null;
  let pauseReason: ClockState['pauseReason'] = null;
  if (stoppedAt !== null) state = breached ? 'breached' : 'met';
  else if (breached) state = 'breached';
  else if (waiting) {
    state = 'paused';
    pauseReason = 'waiting';
  } else if (!calendar.isWorking(now)) {
    state = 'paused';
    pauseReason = 'outside_working_hours';
    pausedUntil = calendar.addWorkingMs(now, 0);
  } else state = 'running';
  return {
    elapsedMs,
    remainingMs: Math.max(0, goalMs - elapsedMs),
    dueAt,
    atRiskAt,
    state,
    pausedUntil,
    pauseReason,
  };
}
