import type { Generated } from 'kysely';

/** The escalation tables of migration 006 (composed into db/tables.ts Tables). */
export interface EscalationTables {
  escalations: EscalationsTable;
  escalation_steps: EscalationStepsTable;
}

export interface EscalationsTable {
  incident_id: string;
  /** null: no policy matched, or the incident predates escalation (state none) */
  policy: string | null;
  /** 1: the escalation started when the incident opened; k: the one its (k-1)-th reopen started */
  run: number;
  /** when this run began (its acknowledgement is the first one since) */
  started_at: number;
  /** the next step to page, 1-based; after the end, the last step paged */
  step: number;
  /** the pass of that step: 0 the first, k the k-th repeat */
  repeat: number;
  /** when the next step is due by the policy's waits */
  due_at: number | null;
  /** when it pages: due_at, or the next start of the policy's service hours; null once over */
  next_at: number | null;
  stopped_at: number | null;
  /** the actor who acknowledged, responded, resolved or closed */
  stopped_by: string | null;
  stop_reason: 'acknowledged' | 'responded' | 'resolved' | 'closed' | 'policy_removed' | null;
  finished_at: number | null;
  updated_at: number;
}

export interface EscalationStepsTable {
  incident_id: string;
  run: number;
  repeat: number;
  step: number;
  policy: string;
  due_at: number;
  /** when it paged */
  at: number;
  /** JSON array of people ids */
  notified: Generated<string>;
  /** JSON array of channel names, or null: every channel whose filters match */
  channels: string | null;
  /** JSON array of { roster, layer } nobody covered at that moment */
  uncovered: Generated<string>;
}
