import { buildCalendar, type Calendar } from '@opsdesk/calendar';
import type { ServerConfig } from '../config';
import type { Severity } from '../incidents/schema';
import type { IncidentRow, PauseRow } from '../incidents/store';
import { slaClock, type ClockState, type Pause } from './clock';

export type Goal = 'response' | 'resolution';
export const GOALS: readonly Goal[] = ['response', 'resolution'];

export interface GoalState extends Omit<ClockState, 'state'> {
  goal: Goal;
  goalMs: number;
  calendar: string;
  /**
   * self_cleared: the incident cleared by itself (resolved by Alertmanager, nobody responded)
   * before its response goal fell due — neither met nor breached, for both goals.
   */
  state: ClockState['state'] | 'self_cleared';
  /** running (or outside working hours) inside the last sla.at_risk_share of the goal, not yet due */
  atRisk: boolean;
}

/** The stored form of an incident's clocks (migration 002): what /metrics and the tick read. */
export interface StoredClocks {
  response_due_at: number | null;
  response_risk_at: number | null;
  resolution_due_at: number | null;
  resolution_risk_at: number | null;
}

const n = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** The contract's SLA policies over its calendars: which goals apply to an incident and where its clocks stand. */
export class SlaPolicies {
  readonly calendars: Map<string, Calendar>;

  constructor(
    private readonly sla: ServerConfig['sla'],
    baseDir: string,
  ) {
    this.calendars = new Map(sla.calendars.map((spec) => [spec.name, buildCalendar(spec, baseDir)]));
  }

  /** Share of each goal, at its end, in which a running clock counts as at risk. */
  get atRiskShare(): number {
    return this.sla.at_risk_share;
  }

  policyFor(severity: Severity, service: string) {
    const p =
      this.sla.policies.find((x) => x.severity === severity && x.service === service) ??
      this.sla.policies.find((x) => x.severity === severity && x.service === undefined);
    if (!p) throw new Error(`no SLA policy for ${severity}`); // config validation guarantees one
    return p;
  }

  /**
   * Both clocks of an incident at `now`. The response clock runs from detection to the first
   * response of a person, or to the resolution when nobody responded; the resolution clock to the
   * resolution. Waiting for the customer pauses both (sla.pause_when_waiting); the time between a
   * resolution and a reopen counts for neither.
   */
  evaluate(row: IncidentRow, pauses: readonly PauseRow[], now: number): GoalState[] {
    const policy = this.policyFor(row.severity, row.service);
    const calendar = this.calendars.get(policy.calendar) as Calendar;
    const waiting: Pause[] = this.sla.pause_when_waiting
      ? pauses
          .filter((p) => p.reason === 'waiting')
          .map((p) => ({ from: Number(p.started_at), to: n(p.ended_at) }))
      : [];
    const resolvedGaps: Pause[] = pauses
      .filter((p) => p.reason === 'resolved' && p.ended_at !== null)
      .map((p) => ({ from: Number(p.started_at), to: Number(p.ended_at) }));
    const start = Number(row.detected_at);
    const respondedAt = n(row.responded_at);
    const resolvedAt = n(row.resolved_at);
    const share = 1 - this.sla.at_risk_share;
    const response = slaClock({
      calendar,
      goalMs: policy.response,
      startedAt: start,
      stoppedAt: respondedAt ?? resolvedAt,
      pauses: [...waiting, ...resolvedGaps],
      now,
      atRiskMs: policy.response * share,
    });
    const resolution = slaClock({
      calendar,
      goalMs: policy.resolution,
      startedAt: start,
      stoppedAt: resolvedAt,
      pauses: [...waiting, ...resolvedGaps],
      now,
      atRiskMs: policy.resolution * share,
    });
    const selfCleared = respondedAt === null && resolvedAt !== null && response.state === 'met';
    const goal = (g: Goal, goalMs: number, c: ClockState): GoalState => ({
      goal: g,
      goalMs,
      calendar: calendar.name,
      ...c,
      state: selfCleared ? 'self_cleared' : c.state,
      atRisk:
        !selfCleared &&
        (c.state === 'running' || c.state === 'paused') &&
        c.atRiskAt !== null &&
        c.dueAt !== null &&
        c.atRiskAt <= now &&
        now < c.dueAt,
    });
    return [goal('response', policy.response, response), goal('resolution', policy.resolution, resolution)];
  }

  /** What is stored of the clocks: due while running or once breached, the at-risk instant while running. */
  stored(states: readonly GoalState[]): StoredClocks {
    const out: StoredClocks = {
      response_due_at: null,
      response_risk_at: null,
      resolution_due_at: null,
      resolution_risk_at: null,
    };
    for (const s of states) {
      const counting = s.state === 'running' || (s.state === 'paused' && s.pauseReason !== 'waiting');
      out[`${s.goal}_due_at`] = counting || s.state === 'breached' ? s.dueAt : null;
      out[`${s.goal}_risk_at`] = counting ? s.atRiskAt : null;
    }
    return out;
  }
}
