import type { Generated } from 'kysely';

/** The on-call tables of migration 005 (composed into db/tables.ts Tables). */
export interface OncallTables {
  oncall_overrides: OncallOverridesTable;
  oncall_handovers: OncallHandoversTable;
  oncall_timeline: OncallTimelineTable;
}

export interface OncallOverridesTable {
  id: string;
  roster: string;
  layer: string;
  /** people-directory id */
  person: string;
  start_at: number;
  end_at: number;
  reason: string;
  /** the two overrides of one swap share it */
  swap_id: string | null;
  created_at: number;
  created_by: string;
  removed_at: number | null;
  removed_by: string | null;
}

export interface OncallHandoversTable {
  id: string;
  roster: string;
  layer: string;
  /** who was on call when it was written; null when nobody covered the layer */
  from_person: string | null;
  to_person: string;
  at: number;
  notes: Generated<string>;
  /** JSON array of the incidents open at `at`: { id, number, title, severity, status } */
  open_incidents: Generated<string>;
  created_by: string;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
}

export interface OncallTimelineTable {
  id: string;
  roster: string;
  /** the override or handover the entry is about */
  subject: string;
  at: number;
  /** override.created, override.removed, swap.created, handover.created, handover.acknowledged */
  kind: string;
  actor: string;
  /** JSON object */
  data: Generated<string>;
}
