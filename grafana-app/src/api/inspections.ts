import { config } from '@grafana/runtime';
import { PROXY_BASE } from '../constants';
import { request } from './client';
import type { components, paths } from './openapi.gen';

// Inspections (巡检, issue 16): versioned templates of metric, configuration and manual items
// grouped in layers, schedules on a service or trading calendar, runs signed by the inspector
// (巡检人) and the reviewer (复核人), and their reports; the shapes are the server's, by their
// names in server/openapi.json.
type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type InspectionSchedule = Schemas['InspectionSchedule'];
export type InspectionTemplate = Schemas['InspectionTemplate'];
export type TemplateImportResult = Schemas['InspectionTemplateImported'];
/** A run as the runs list has it. */
export type InspectionRun = Schemas['InspectionRunListItem'];
/** A run with its items (in the template's order), its timeline and the steps it allows now. */
export type InspectionRunDetail = Schemas['InspectionRun'];
export type RunItem = Schemas['InspectionRunItem'];
export type RunEvent = InspectionRunDetail['events'][number];
export type FailingSeries = RunItem['series'][number];
export type RunSummary = Schemas['InspectionSummary'];
export type RunPage = Schemas['InspectionRuns'];
/** The report the server builds from a run's stored rows for its HTML, PDF and Excel files. */
export type InspectionReport = Schemas['InspectionReport'];
export type ItemResultBody = Schemas['InspectionItemResult'];
export type FollowUpBody = Schemas['InspectionFollowUp'];
type ScheduleNext = Json<'/api/v1/inspections/schedules/{id}/next', 'get'>;

export const LAYERS = ['infrastructure', 'network', 'middleware', 'application', 'business'] as const;
export type InspectionLayer = (typeof LAYERS)[number];
export type ItemKind = RunItem['kind'];
/** metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable */
export type ItemStatus = 'pending' | 'normal' | 'warning' | 'critical' | 'error' | 'abnormal' | 'not_applicable';
export type ManualResult = ItemResultBody['result'];
export const MANUAL_RESULTS: ManualResult[] = ['normal', 'abnormal', 'not_applicable'];
export const RUN_STATES: ReadonlyArray<InspectionRun['state']> = ['open', 'signed', 'completed', 'cancelled'];
export type RunState = InspectionRun['state'];
export type RunTrigger = InspectionRun['trigger'];
export type SignRole = Schemas['InspectionSign']['role'];
export type ReportFormat = 'html' | 'pdf' | 'xlsx';
export type ReportLocale = InspectionReport['locale'];

export interface RunFilter {
  template?: string;
  /** the verification runs of an incident (id or number) */
  incident?: string;
  state?: RunState;
  cursor?: string;
}

export const listTemplates = () => request<Schemas['InspectionTemplates']>('GET', 'api/v1/inspections/templates');

/** Imports a template as YAML: the same key makes a new version, the same text changes nothing. */
export const importTemplate = (yaml: string) =>
  request<TemplateImportResult>('POST', 'api/v1/inspections/templates', { data: { yaml } });

export const listSchedules = () =>
  request<Json<'/api/v1/inspections/schedules', 'get'>>('GET', 'api/v1/inspections/schedules');

/** The next due times of a schedule on its calendar (UTC instants). */
export const nextTimes = (id: string, count = 3) =>
  request<ScheduleNext>('GET', `api/v1/inspections/schedules/${encodeURIComponent(id)}/next`, {
    params: { count: String(count) },
  });

export const listRuns = (f: RunFilter) =>
  request<RunPage>('GET', 'api/v1/inspections/runs', {
    params: { template: f.template, state: f.state, incident: f.incident, cursor: f.cursor },
  });

export const getRun = (id: string) =>
  request<InspectionRunDetail>('GET', `api/v1/inspections/runs/${encodeURIComponent(id)}`);

export const startRun = (body: Schemas['InspectionRunStart']) =>
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
  request<Schemas['InspectionFollowedUp']>(
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
