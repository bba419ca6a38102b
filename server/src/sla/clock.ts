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
  /** when the goal was reached (acknowledged / resolved); null while it is not */
  stoppedAt: number | null;
  pauses: readonly Pause[];
  now: number;
}

export interface ClockState {
  /** business time counted, pauses excluded */
  elapsedMs: number;
  remainingMs: number;
  /** when the goal falls due if nothing pauses it; null while paused */
  dueAt: number | null;
  state: 'running' | 'paused' | 'met' | 'breached';
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
 * now (or the moment the goal was reached), without the paused periods; what remains; when it
 * falls due; and whether it is running, paused, met or breached.
 */
export function slaClock(input: ClockInput): ClockState {
  const { calendar, goalMs, startedAt, stoppedAt, pauses, now } = input;
  const end = Math.max(startedAt, stoppedAt ?? now);
  const segments = activeSegments(startedAt, end, pauses);
  let elapsedMs = 0;
  for (const [a, b] of segments) elapsedMs += calendar.workingMs(a, b);
  const paused = stoppedAt === null && pauses.some((p) => p.from <= now && (p.to === null || p.to > now));

  // Due: where the goal is used up, counting the segments so far and running on from the last one.
  let dueAt: number | null = null;
  if (!paused) {
    let used = 0;
    for (let i = 0; i < segments.length; i++) {
      const [a, b] = segments[i] as [number, number];
      const inSegment = calendar.workingMs(a, b);
      const last = i === segments.length - 1;
      if (used + inSegment >= goalMs || last) {
        dueAt = calendar.addWorkingMs(a, goalMs - used);
        break;
      }
      used += inSegment;
    }
    if (segments.length === 0) dueAt = calendar.addWorkingMs(startedAt, goalMs);
  }

  let state: ClockState['state'];
  if (stoppedAt !== null) state = elapsedMs <= goalMs ? 'met' : 'breached';
  else if (elapsedMs > goalMs || (elapsedMs === goalMs && goalMs > 0)) state = 'breached';
  else state = paused ? 'paused' : 'running';
  return { elapsedMs, remainingMs: Math.max(0, goalMs - elapsedMs), dueAt, state };
}
