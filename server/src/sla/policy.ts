import { buildCalendar, type Calendar } from '@opsdesk/calendar';
import type { ServerConfig } from '../config';
import type { Severity } from '../incidents/schema';
import type { IncidentRow, PauseRow } from '../incidents/store';
import { slaClock, type ClockState, type Pause } from './clock';

export type Goal = 'response' | 'resolution';
export const GOALS: readonly Goal[] = ['response', 'resolution'];

export interface GoalState extends ClockState {
  goal: Goal;
  goalMs: number;
  calendar: string;
}

/** The contract's SLA policies over its calendars: which goals apply to an incident and where its clocks stand. */
export class SlaPolicies {
  readonly calendars: Map<string, Calendar>;

  constructor(
    private readonly sla: ServerConfig['sla'],
    baseDir: string,
  ) {
    this.calendars = new Map(sla.calendars.map((spec) => [spec.name, buildCalendar(spec, baseDir)]));
  }

  get atRiskHorizonMs(): number {
    return this.sla.at_risk_horizon;
  }

  policyFor(severity: Severity, service: string) {
    const p =
      this.sla.policies.find((x) => x.severity === severity && x.service === service) ??
      this.sla.policies.find((x) => x.severity === severity && x.service === undefined);
    if (!p) throw new Error(`no SLA policy for ${severity}`); // config validation guarantees one
    return p;
  }

  /** Both clocks of an incident at `now`. Response runs from detection to acknowledgement, resolution to resolution. */
  evaluate(row: IncidentRow, pauses: readonly PauseRow[], now: number): GoalState[] {
    const policy = this.policyFor(row.severity, row.service);
    const calendar = this.calendars.get(policy.calendar) as Calendar;
    const waiting: Pause[] = this.sla.pause_when_waiting
      ? pauses
          .filter((p) => p.reason === 'waiting')
          .map((p) => ({ from: Number(p.started_at), to: p.ended_at === null ? null : Number(p.ended_at) }))
      : [];
    // Time between a resolution and a reopen is not repair time.
    const resolvedGaps: Pause[] = pauses
      .filter((p) => p.reason === 'resolved' && p.ended_at !== null)
      .map((p) => ({ from: Number(p.started_at), to: Number(p.ended_at) }));
    const start = Number(row.detected_at);
    const response = slaClock({
      calendar,
      goalMs: policy.response,
      startedAt: start,
      stoppedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
      pauses: waiting,
      now,
    });
    const resolution = slaClock({
      calendar,
      goalMs: policy.resolution,
      startedAt: start,
      stoppedAt: row.resolved_at === null ? null : Number(row.resolved_at),
      pauses: [...waiting, ...resolvedGaps],
      now,
    });
    return [
      { goal: 'response', goalMs: policy.response, calendar: calendar.name, ...response },
      { goal: 'resolution', goalMs: policy.resolution, calendar: calendar.name, ...resolution },
    ];
  }

  /** Running and due within the at-risk horizon, not yet breached. */
  atRisk(state: GoalState, now: number): boolean {
    return state.state === 'running' && state.dueAt !== null && state.dueAt - now <= this.sla.at_risk_horizon;
  }
}
