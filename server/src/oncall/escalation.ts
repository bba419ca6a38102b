import type { Calendar } from '@opsdesk/calendar';
import type { Severity, Status } from '../incidents/schema';
import type { EscalationPolicy } from './escalation-config';

/**
 * The escalation rules as plain functions of the policy, the incident, the clock and the service
 * calendar: which policy an incident gets, when each step pages, what follows it, and what stops
 * it. The service (escalation-service.ts) only stores what these decide.
 */

/** What the rules read of an incident (its stored row). */
export interface EscalationIncident {
  severity: Severity;
  service: string;
  status: Status;
  acknowledged_at: number | null;
  responded_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
}

/** A position in the policy: step 1..steps.length of pass `repeat` (0: the first pass). */
export interface StepRef {
  step: number;
  repeat: number;
}

/** The first policy, in the configured order, whose match takes the incident's severity and service. */
export function choosePolicy(
  policies: readonly EscalationPolicy[],
  incident: Pick<EscalationIncident, 'severity' | 'service'>,
): EscalationPolicy | undefined {
  return policies.find(
    (p) =>
      (p.match.severities === undefined || p.match.severities.includes(incident.severity)) &&
      (p.match.services === undefined || p.match.services.includes(incident.service)),
  );
}

/** Whether step `step` (1-based) pages outside the policy's service hours. */
export function pagesOutsideHours(policy: EscalationPolicy, step: number): boolean {
  return policy.steps[step - 1]?.outside_hours ?? policy.outside_hours;
}

/**
 * When a step due at `due` pages: at `due` when the policy has no service hours, the step pages
 * outside them, or `due` is inside them; otherwise when the service hours next open (on a China
 * service calendar a 调休 Saturday opens, a holiday does not).
 */
export function pageAt(
  policy: EscalationPolicy,
  step: number,
  due: number,
  hours: Calendar | undefined,
): number {
  if (!hours || pagesOutsideHours(policy, step)) return due;
  return hours.nextOpen(due);
}

/**
 * What follows a step that was scheduled for `scheduled` and paged at `pagedAt`: the next step of
 * the pass, the first step of the next repeat, or null (finished) after the last step of the last
 * repeat. The next step is due the step's wait after its schedule, so a tick that pages a few
 * seconds late does not push every later step back; but when the page itself was late by more
 * than half the wait (the server was down), the wait runs from the page, so the people paged get
 * their full wait before anyone else is.
 */
export function nextStep(
  policy: EscalationPolicy,
  at: StepRef,
  scheduled: number,
  pagedAt: number,
): (StepRef & { dueAt: number }) | null {
  const wait = policy.steps[at.step - 1]?.wait ?? 0;
  const onSchedule = scheduled + wait;
  const dueAt = onSchedule - pagedAt >= wait / 2 ? onSchedule : pagedAt + wait;
  if (at.step < policy.steps.length) return { step: at.step + 1, repeat: at.repeat, dueAt };
  if (at.repeat < policy.repeat) return { step: 1, repeat: at.repeat + 1, dueAt };
  return null;
}

export type StopReason = 'acknowledged' | 'responded' | 'resolved' | 'closed';

/**
 * Why and since when the escalation of this incident is over: the first acknowledgement, response
 * of a person (a comment), resolution or close. A person resolving acknowledges too; at the same
 * instant the resolution is the more telling reason.
 */
export function stopOf(incident: EscalationIncident): { at: number; reason: StopReason } | null {
  const candidates: Array<[number | null, StopReason]> = [
    [incident.resolved_at, 'resolved'],
    [incident.acknowledged_at, 'acknowledged'],
    [incident.responded_at, 'responded'],
    [incident.closed_at, 'closed'],
  ];
  let best: { at: number; reason: StopReason } | null = null;
  for (const [at, reason] of candidates) {
    if (at === null || at === undefined) continue;
    if (best === null || Number(at) < best.at) best = { at: Number(at), reason };
  }
  if (best === null && (incident.status === 'resolved' || incident.status === 'closed'))
    return { at: 0, reason: incident.status };
  return best;
}

/** The first acknowledgement and response since a run began, as the incident's timeline records them. */
export interface AnswersSince {
  acknowledged_at: number | null;
  responded_at: number | null;
}

/**
 * The incident as the escalation run that began at `since` sees it. A reopen clears resolved_at
 * and closed_at but keeps the first acknowledgement and response (the SLA clocks measure those),
 * so for a run a reopen started (`run` > 1) they are the first ones since `since`, which the
 * timeline holds; the first run reads the incident as it is.
 */
export function asSeenByRun(
  incident: EscalationIncident,
  run: { run: number; started_at: number },
  later: AnswersSince,
): EscalationIncident {
  if (run.run <= 1) return incident;
  const since = (at: number | null) => (at !== null && at >= run.started_at ? at : null);
  return {
    ...incident,
    acknowledged_at: since(later.acknowledged_at),
    responded_at: since(later.responded_at),
    resolved_at: since(incident.resolved_at),
    closed_at: since(incident.closed_at),
  };
}

/**
 * Whether an escalation that matched no policy when its run began starts under `policy` now: the
 * incident is still open and nobody answered it (raised to a severity a policy takes while still
 * unacknowledged). One answered first stays unescalated.
 */
export function startsLate(policy: EscalationPolicy | undefined, incident: EscalationIncident): boolean {
  return policy !== undefined && stopOf(incident) === null;
}

export type EscalationState = 'none' | 'running' | 'stopped' | 'finished' | 'waiting_for_service_hours';

/** The state an escalation is in at `now`, from its stored row and the incident as it is now. */
export function escalationState(
  row: {
    policy: string | null;
    due_at: number | null;
    next_at: number | null;
    stopped_at: number | null;
    finished_at: number | null;
  },
  incident: EscalationIncident,
  now: number,
): EscalationState {
  if (row.policy === null) return 'none';
  if (row.stopped_at !== null) return 'stopped';
  if (row.finished_at !== null) return 'finished';
  // acknowledged since the last tick: no step will page any more
  if (stopOf(incident) !== null) return 'stopped';
  if (
    row.next_at !== null &&
    row.due_at !== null &&
    row.due_at <= now &&
    now < row.next_at &&
    row.due_at < row.next_at
  )
    return 'waiting_for_service_hours';
  return 'running';
}
