// The shapes of the OpsDesk server API (server/openapi.json), as this plugin uses them.
export type Severity = 'P1' | 'P2' | 'P3' | 'P4';
export type Status = 'triggered' | 'acknowledged' | 'mitigated' | 'waiting_for_customer' | 'resolved' | 'closed';
export type Action = 'acknowledge' | 'mitigate' | 'wait' | 'resolve' | 'close' | 'reopen';

export const SEVERITIES: Severity[] = ['P1', 'P2', 'P3', 'P4'];
export const STATUSES: Status[] = [
  'triggered',
  'acknowledged',
  'mitigated',
  'waiting_for_customer',
  'resolved',
  'closed',
];
export const OPEN_STATUSES: Status[] = ['triggered', 'acknowledged', 'mitigated', 'waiting_for_customer'];

export interface SlaGoal {
  goal: 'response' | 'resolution';
  goalSeconds: number;
  calendar: string;
  elapsedSeconds: number;
  remainingSeconds: number;
  dueAt: string | null;
  /** self_cleared: Alertmanager resolved it before the response goal fell due and nobody responded */
  state: 'running' | 'paused' | 'met' | 'breached' | 'self_cleared';
  atRisk: boolean;
  /** outside working hours: when the clock runs again */
  pausedUntil: string | null;
  pauseReason: 'waiting' | 'outside_working_hours' | null;
}

export interface Incident {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  status: Status;
  service: string;
  source: 'alertmanager' | 'manual';
  labels: Record<string, string>;
  symptom: string;
  impact: string;
  assignee: string | null;
  supportMode: 'remote' | 'onsite' | null;
  alertname: string | null;
  occurredAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  /** the first action of a person; Alertmanager resolving it is none */
  respondedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** alerts Alertmanager left out of its latest notification */
  truncatedAlerts: number;
  createdAt: string;
  updatedAt: string;
  sla: SlaGoal[];
}

export type SupportMode = 'remote' | 'onsite';
export const SUPPORT_MODES: SupportMode[] = ['remote', 'onsite'];

export interface Alert {
  fingerprint: string;
  startsAt: string;
  endsAt: string | null;
  /** closed: a person closed the incident while the alert still fired */
  status: 'firing' | 'resolved' | 'closed';
  alertname: string;
  labels: Record<string, string>;
  /** as of the latest notification */
  annotations: Record<string, string>;
  runbookUrl: string | null;
  generatorURL: string;
  lastSeenAt: string;
}

export interface IncidentDetail extends Incident {
  alerts: Alert[];
  alertCount: number;
  alertsNextCursor: string | null;
  hasReview: boolean;
  allowedActions: Action[];
}

export interface TimelineEntry {
  id: number;
  at: string;
  kind: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface ActionItem {
  id?: string;
  title: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  overdue?: boolean;
}

export interface Review {
  summary: string;
  impact: string;
  trigger: string;
  rootCause: string;
  contributingFactors: string;
  detection: string;
  resolution: string;
  lessons: { wentWell: string; wentWrong: string; gotLucky: string };
  actionItems: ActionItem[];
  updatedAt?: string;
  updatedBy?: string;
}

export interface IncidentFilter {
  status?: Status[];
  severity?: Severity[];
  service?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface SlaReport {
  from: string;
  to: string;
  incidents: number;
  goals: Array<{
    severity: Severity;
    goal: 'response' | 'resolution';
    count: number;
    met: number;
    breached: number;
    running: number;
    selfCleared: number;
    pctMet: number | null;
  }>;
  services: Array<{
    service: string;
    incidents: number;
    mttaSeconds: number | null;
    mttrSeconds: number | null;
    mtbfSeconds: number | null;
  }>;
}
