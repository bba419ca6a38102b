/** The inspection tables of migration 011 (composed into db/tables.ts Tables). */
export interface InspectionTables {
  inspection_templates: InspectionTemplatesTable;
  inspection_template_versions: InspectionTemplateVersionsTable;
  inspection_runs: InspectionRunsTable;
  inspection_run_items: InspectionRunItemsTable;
  inspection_run_events: InspectionRunEventsTable;
  inspection_reports: InspectionReportsTable;
}

export interface InspectionTemplatesTable {
  id: string;
  /** the template's slug, e.g. daily-trading; a new import of the same key is a new version */
  key: string;
  title: string;
  current_version: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface InspectionTemplateVersionsTable {
  template_id: string;
  version: number;
  /** JSON: the validated definition (template.ts) */
  definition: string;
  /** the YAML it was imported from, or the definition exported as YAML */
  yaml: string;
  /** SHA-256 of the definition's canonical JSON: an unchanged import adds no version */
  hash: string;
  created_at: number;
  created_by: string;
}

export type RunState = 'open' | 'signed' | 'completed' | 'cancelled';
export type RunTrigger = 'manual' | 'schedule' | 'verification';

export interface InspectionRunsTable {
  id: string;
  /** INS-<n>, per server */
  number: string;
  template_id: string;
  template_version: number;
  trigger: RunTrigger;
  schedule_id: string | null;
  scheduled_for: number | null;
  subject_kind: 'incident' | 'patch_plan' | null;
  subject_id: string | null;
  state: RunState;
  evaluated_at: number;
  inspector: string | null;
  inspector_signed_at: number | null;
  reviewer: string | null;
  reviewer_signed_at: number | null;
  completed_at: number | null;
  cancelled_at: number | null;
  created_at: number;
  created_by: string;
  updated_at: number;
}

export interface InspectionRunItemsTable {
  run_id: string;
  item_key: string;
  position: number;
  layer: string;
  kind: 'metric' | 'configuration' | 'manual';
  title: string;
  /** metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable */
  status: string;
  /** metric: the worst value of the series (the one that decides the status) */
  value: number | null;
  /** JSON [{labels, value}]: the failing series, frozen at evaluation (at most 100) */
  series: string;
  /** failing series beyond the 100 kept */
  truncated: number;
  error: string | null;
  note: string | null;
  /** JSON [{name, url?}] */
  evidence: string;
  completed_by: string | null;
  completed_at: number | null;
  follow_up_kind: 'incident' | null;
  follow_up_id: string | null;
  /** the follow-up's number (INC-2026-0042) */
  follow_up_ref: string | null;
}

export interface InspectionRunEventsTable {
  id: string;
  run_id: string;
  at: number;
  actor: string;
  kind: string;
  /** JSON */
  detail: string;
}

export interface InspectionReportsTable {
  run_id: string;
  format: 'html' | 'pdf' | 'xlsx';
  locale: string;
  /** base64 of the file */
  content: string;
  sha256: string;
  bytes: number;
  created_at: number;
}
