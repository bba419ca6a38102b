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
  state: 'running' | 'paused' | 'met' | 'breached';
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
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sla: SlaGoal[];
}

export interface Alert {
  fingerprint: string;
  startsAt: string;
  endsAt: string | null;
  status: 'firing' | 'resolved';
  alertname: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorURL: string;
}

export interface IncidentDetail extends Incident {
  alerts: Alert[];
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
