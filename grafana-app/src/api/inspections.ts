import { config } from '@grafana/runtime';
import { PROXY_BASE } from '../constants';
import { request } from './client';

// Inspections (巡检, issue 16): versioned templates of metric, configuration and manual items
// grouped in layers, schedules on a service or trading calendar, runs signed by the inspector
// (巡检人) and the reviewer (复核人), and their reports. The shapes are the server's answers
// (server/src/inspections/service.ts runOut, templateOut, listRuns; schedules-service.ts) until
// its routes are in server/openapi.json; then they are its, by name, from openapi.gen.ts.

export interface InspectionSchedule {
  id: string;
  name: string;
  template: string;
  calendar: string;
  times: string[];
  days: 'working' | 'every' | 'first_working_of_month' | 'last_working_of_month';
  inspector: string | null;
  reviewer: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  lastDueAt: string | null;
  lastRunAt: string | null;
  missedAt: string | null;
  missedCount: number;
}

export const LAYERS = ['infrastructure', 'network', 'middleware', 'application', 'business'] as const;
export type InspectionLayer = (typeof LAYERS)[number];
export type ItemKind = 'metric' | 'configuration' | 'manual';
/** metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable */
export type ItemStatus = 'pending' | 'normal' | 'warning' | 'critical' | 'error' | 'abnormal' | 'not_applicable';
export type ManualResult = 'normal' | 'abnormal' | 'not_applicable';
export const MANUAL_RESULTS: ManualResult[] = ['normal', 'abnormal', 'not_applicable'];
export const RUN_STATES = ['open', 'signed', 'completed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];
export type RunTrigger = 'manual' | 'schedule' | 'verification';
export type SignRole = 'inspector' | 'reviewer';
export type ReportFormat = 'html' | 'pdf' | 'xlsx';
export type ReportLocale = 'en-US' | 'zh-Hans';

/** Counts of a run's items by status, as the report's summary has them. */
export interface RunSummary {
  normal: number;
  warning: number;
  critical: number;
  error: number;
  manualAbnormal: number;
  notApplicable: number;
  pending: number;
  total: number;
}

export interface InspectionTemplate {
  id: string;
  key: string;
  title: string;
  description: string | null;
  /** the current version; a new import of the same key with other content adds one */
  version: number;
  archived: boolean;
  layers: Array<{ layer: InspectionLayer; items: number }>;
  itemCount: number;
  updatedAt: string;
  /** the newest run of the template, if any */
  lastRun: { number: string; state: RunState; evaluatedAt: string; summary: RunSummary } | null;
}

/** The answer to a template sent as YAML: created (201), a new version or unchanged (200). */
export interface TemplateImportResult {
  outcome: 'created' | 'updated' | 'unchanged';
}

export interface FailingSeries {
  labels: Record<string, string>;
  value?: number | null;
}

export interface EvidenceRef {
  name: string;
  url?: string | null;
}

export interface RunItem {
  key: string;
  layer: InspectionLayer;
  kind: ItemKind;
  title: string;
  description?: string | null;
  guidance?: string | null;
  evidenceRequired?: boolean;
  query?: string | null;
  thresholds?: { comparison: string; warning?: number | null; critical?: number | null } | null;
  unit?: string | null;
  labelAliases: Record<string, string>;
  status: ItemStatus;
  value?: number | null;
  series: FailingSeries[];
  /** failing series beyond the 100 stored */
  truncated?: number | null;
  error?: string | null;
  note?: string | null;
  evidence: EvidenceRef[];
  completedBy?: string | null;
  completedAt?: string | null;
  /** the incident opened from this item (ref: its number) */
  followUp?: { kind: string; id: string; ref: string } | null;
}

export interface RunEvent {
  at: string;
  actor: string;
  kind: string;
  detail?: Record<string, unknown> | null;
}

/** A run as the runs list has it. */
export interface InspectionRun {
  id: string;
  number: string;
  template: { key: string; title: string; version: number };
  trigger: RunTrigger;
  state: RunState;
  /** what a verification run verifies (an incident by its id) */
  subject: { kind: 'incident' | 'patch_plan'; id: string } | null;
  evaluatedAt: string;
  inspector: string | null;
  reviewer: string | null;
  completedAt: string | null;
  summary: RunSummary;
}

/** A run with its items (in the template's order), its timeline and the steps it allows now. */
export interface InspectionRunDetail extends InspectionRun {
  scheduleId: string | null;
  scheduledFor: string | null;
  inspectorSignedAt: string | null;
  reviewerSignedAt: string | null;
  createdBy: string;
  items: RunItem[];
  events: RunEvent[];
  /** record, sign-inspector, sign-reviewer, cancel, follow-up */
  allowedActions: string[];
}

export interface RunPage {
  runs: InspectionRun[];
  nextCursor: string | null;
}

/** The report model the server builds from a run's stored rows (server/src/inspections/report/model.ts). */
export interface InspectionReport {
  run: {
    number: string;
    state: string;
    trigger: string;
    templateKey: string;
    templateTitle: string;
    templateVersion: number;
    client?: string;
    system?: string;
    evaluatedAt: string;
    completedAt?: string;
    inspector?: string;
    inspectorSignedAt?: string;
    reviewer?: string;
    reviewerSignedAt?: string;
    subject?: string;
  };
  summary: RunSummary;
  layers: Array<{
    layer: InspectionLayer;
    items: Array<{
      key: string;
      title: string;
      kind: ItemKind;
      status: string;
      value?: number;
      unit?: string;
      thresholds?: { comparison: string; warning?: number; critical?: number };
      series: Array<{ labels: Record<string, string>; value?: number }>;
      labelAliases: Record<string, string>;
      truncated?: number;
      error?: string;
      note?: string;
      evidence: Array<{ name: string; url?: string }>;
      completedBy?: string;
      followUp?: { kind: string; ref: string };
    }>;
  }>;
  followUps: Array<{ kind: string; ref: string; item: string }>;
  locale: ReportLocale;
  generatedAt: string;
}

export interface RunFilter {
  template?: string;
  /** the verification runs of an incident (id or number) */
  incident?: string;
  state?: RunState;
  cursor?: string;
}

export interface ItemResultBody {
  result: ManualResult;
  note?: string;
  evidence?: Array<{ name: string; url: string }>;
}

export type FollowUpBody =
  | { kind: 'incident'; severity: 'P1' | 'P2' | 'P3' | 'P4'; title?: string }
  | { kind: 'action'; title: string; owner?: string; due?: string };

export const listTemplates = () => request<{ templates: InspectionTemplate[] }>('GET', 'api/v1/inspections/templates');

/** Imports a template as YAML: the same key makes a new version, the same text changes nothing. */
export const importTemplate = (yaml: string) =>
  request<TemplateImportResult>('POST', 'api/v1/inspections/templates', { data: { yaml } });

export const listSchedules = () => request<{ schedules: InspectionSchedule[] }>('GET', 'api/v1/inspections/schedules');

/** The next due times of a schedule on its calendar (UTC instants). */
export const nextTimes = (id: string, count = 3) =>
  request<{ schedule: string; calendar: string; timezone: string; next: string[] }>(
    'GET',
    `api/v1/inspections/schedules/${encodeURIComponent(id)}/next`,
    { params: { count: String(count) } }
  );

export const listRuns = (f: RunFilter) =>
  request<RunPage>('GET', 'api/v1/inspections/runs', {
    params: { template: f.template, state: f.state, incident: f.incident, cursor: f.cursor },
  });

export const getRun = (id: string) =>
  request<InspectionRunDetail>('GET', `api/v1/inspections/runs/${encodeURIComponent(id)}`);

export const startRun = (body: { template: string; inspector?: string; reviewer?: string }) =>
  request<InspectionRunDetail>('POST', 'api/v1/inspections/runs', { data: body });

/** A manual item's result, note and evidence links; only while the run is open. */
export const recordItem = (id: string, item: string, body: ItemResultBody) =>
  request<InspectionRunDetail>(
    'POST',
    `api/v1/inspections/runs/${encodeURIComponent(id)}/items/${encodeURIComponent(item)}`,
    { data: body }
  );

/** Signs as the signed-in person; the reviewer's signature completes the run. */
export const signRun = (id: string, role: SignRole) =>
  request<InspectionRunDetail>('POST', `api/v1/inspections/runs/${encodeURIComponent(id)}/sign`, { data: { role } });

/** 409 gate_unmet names what is missing: empty manual items, a signature. */
export const completeRun = (id: string) =>
  request<InspectionRunDetail>('POST', `api/v1/inspections/runs/${encodeURIComponent(id)}/complete`, { data: {} });

export const cancelRun = (id: string, reason: string) =>
  request<InspectionRunDetail>('POST', `api/v1/inspections/runs/${encodeURIComponent(id)}/cancel`, {
    data: { reason },
  });

export const openFollowUp = (id: string, item: string, body: FollowUpBody) =>
  request<{ incident: { id: string; number: string }; run: InspectionRunDetail }>(
    'POST',
    `api/v1/inspections/runs/${encodeURIComponent(id)}/items/${encodeURIComponent(item)}/follow-up`,
    { data: body }
  );

export const getReport = (id: string, lang?: ReportLocale) =>
  request<InspectionReport>('GET', `api/v1/inspections/runs/${encodeURIComponent(id)}/report`, { params: { lang } });

/** A download of the report (an href, through the proxy's viewer route). */
export const reportHref = (id: string, format: ReportFormat, lang: ReportLocale) =>
  `${config.appSubUrl ?? ''}${PROXY_BASE}/api/v1/inspections/runs/${encodeURIComponent(id)}/report.${format}?lang=${encodeURIComponent(lang)}`;

/** A verification run (验证巡检) of an incident after its repair; goes on the incident's timeline. */
export const startVerification = (incident: string, template: string) =>
  request<InspectionRunDetail>('POST', `api/v1/incidents/${encodeURIComponent(incident)}/verifications`, {
    data: { template },
  });
