import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../auth/roles';
import type { Severity, Status as IncidentStatus } from '../incidents/schema';
import type { ACTION_STATUSES } from '../reviews/schema';
import type { NotifyTables } from '../notify/tables';
import type { OncallTables } from '../oncall/tables';
import type { EscalationTables } from '../oncall/escalation-tables';
import type { PatchHostTables } from '../patches/hosts-tables';
import type { PatchPlanTables } from '../patches/plans-tables';
import type { VulnerabilityTables } from '../vulnerabilities/tables';
import type { BackupTables } from '../backups/tables';
import type { InspectionScheduleTables } from '../inspections/schedules-tables';
import type { InspectionTables } from '../inspections/tables';

/**
 * The tables as the numbered migrations create them, one interface per table, columns typed as
 * stored in both databases: instants as integer milliseconds since the epoch (UTC), booleans as
 * 0/1 integers, JSON as text. A column with a database default is `Generated<>` (it may be left out
 * of an insert). Union types (a status, a severity) narrow what the server writes; the database
 * itself stores text. PostgreSQL's BIGINT arrives as a number too (see postgres.ts).
 */
export interface Tables
  extends
    OncallTables,
    NotifyTables,
    EscalationTables,
    PatchHostTables,
    PatchPlanTables,
    VulnerabilityTables,
    BackupTables,
    InspectionTables,
    InspectionScheduleTables {
  tokens: TokensTable;
  counters: CountersTable;
  incidents: IncidentsTable;
  incident_alerts: IncidentAlertsTable;
  incident_pauses: IncidentPausesTable;
  timeline: TimelineTable;
  reviews: ReviewsTable;
  action_items: ActionItemsTable;
}

export interface TokensTable {
  id: string;
  name: string;
  role: Role;
  /** SHA-256 of the secret; the secret itself is never stored */
  hash: string;
  /** 1: the Grafana app plugin's token, which may name the Grafana user (migration 003) */
  grafana_plugin: Generated<number>;
  /** auth/roles.ts SCOPES; null: an ordinary token (migration 010) */
  scope: string | null;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Per-year incident numbers (INC-2026-0001): one row per prefix and year. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface IncidentsTable {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  service: Generated<string>;
  source: 'alertmanager' | 'manual';
  /** JSON object of label → value */
  labels: Generated<string>;
  symptom: Generated<string>;
  impact: Generated<string>;
  assignee: string | null;
  support_mode: 'remote' | 'onsite' | null;
  group_key: string | null;
  alertname: string | null;
  /** alerts Alertmanager left out of the group's latest notification (migration 003) */
  truncated_alerts: Generated<number>;
  occurred_at: number;
  detected_at: number;
  acknowledged_at: number | null;
  mitigated_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  waiting_since: number | null;
  last_seen_at: number | null;
  response_breached_at: number | null;
  resolution_breached_at: number | null;
  /** first action of a person (acknowledge, a transition, a comment); stops the response clock */
  responded_at: number | null;
  response_due_at: number | null;
  response_risk_at: number | null;
  resolution_due_at: number | null;
  resolution_risk_at: number | null;
  /** 1: the stored clocks above must be recomputed (the SLA tick does it) */
  sla_stale: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface IncidentAlertsTable {
  fingerprint: string;
  starts_at: number;
  incident_id: string;
  /** closed: a person resolved or closed the incident while Alertmanager still reported it firing */
  status: 'firing' | 'resolved' | 'closed';
  ends_at: number | null;
  alertname: Generated<string>;
  labels: Generated<string>;
  annotations: Generated<string>;
  generator_url: Generated<string>;
  first_seen_at: number;
  last_seen_at: number;
}

export interface IncidentPausesTable {
  incident_id: string;
  reason: 'waiting' | 'resolved';
  started_at: number;
  ended_at: number | null;
}

export interface TimelineTable {
  id: Generated<number>;
  incident_id: string;
  at: number;
  kind: string;
  actor: string;
  /** JSON object */
  data: Generated<string>;
}

export interface ReviewsTable {
  incident_id: string;
  /** JSON object of the review's sections */
  body: string;
  created_at: number;
  updated_at: number;
  updated_by: string;
}

export interface ActionItemsTable {
  id: string;
  incident_id: string;
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  due_date: string;
  status: (typeof ACTION_STATUSES)[number];
  created_at: number;
  updated_at: number;
}

export type Row<T extends keyof Tables> = Selectable<Tables[T]>;
export type NewRow<T extends keyof Tables> = Insertable<Tables[T]>;
export type RowUpdate<T extends keyof Tables> = Updateable<Tables[T]>;
