import type { Generated } from 'kysely';

/** The patch-plan tables of migration 008 (composed into db/tables.ts Tables). */
export interface PatchPlanTables {
  patch_plans: PatchPlansTable;
  patch_plan_timeline: PatchPlanTimelineTable;
}

export interface PatchPlansTable {
  id: string;
  /** PP-1, PP-2, … (counters row `PP`) */
  number: string;
  title: string;
  state: string;
  host_group: string | null;
  /** JSON array of host exporter instances, resolved from the group at creation */
  hosts: string;
  /** JSON array of package names */
  packages: Generated<string>;
  /** JSON array of advisory / CVE ids */
  advisories: Generated<string>;
  /** JSON { reason, approver } or null */
  emergency: string | null;
  /** JSON array of { name, expr, expect } */
  post_install_checks: Generated<string>;
  /** JSON of the latest test, or null */
  test: string | null;
  /** JSON { at, approver, by, note } */
  approval: string | null;
  window_start: number | null;
  window_end: number | null;
  maintenance_window: string | null;
  /** JSON backup evidence */
  backup: string | null;
  /** JSON { at, by, notes } */
  install: string | null;
  installed_at: number | null;
  /** JSON of the latest verification attempt */
  verification: string | null;
  /** JSON { at, by, what, why } */
  rollback_record: string | null;
  /** JSON { at, by, reason } of a decline or failure */
  outcome: string | null;
  created_by: string;
  /** the people-directory id of the creator, when the caller is a person (four eyes) */
  created_by_person: string | null;
  created_at: number;
  updated_at: number;
}

export interface PatchPlanTimelineTable {
  id: Generated<number>;
  plan_id: string;
  at: number;
  actor: string;
  kind: string;
  /** JSON object */
  detail: Generated<string>;
}
