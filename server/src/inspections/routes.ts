import { z } from 'zod';
import type { AppContext } from '../context';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/routes';
import { closeGates } from '../incidents/service';
import { PdfRenderError } from './report';
import {
  cancelBody,
  compareQuery,
  compareResponse,
  followUpBody,
  followUpResponse,
  historyResponse,
  importTemplateBody,
  importTemplateResponse,
  recordItemBody,
  reportQuery,
  reportSchema,
  reportsQuery,
  reportsResponse,
  runItemParams,
  runParams,
  runSchema,
  runsQuery,
  runsResponse,
  signBody,
  startRunBody,
  templateDetailResponse,
  templateItemParams,
  templateKeyParams,
  templatesQuery,
  templatesResponse,
  templateVersionParams,
  templateVersionResponse,
  trendQuery,
  trendResponse,
  verificationBody,
  verificationParams,
} from './schema';
import {
  cancel,
  compareRuns,
  complete,
  definitionOf,
  followUp,
  getRun,
  getRunReport,
  importTemplate,
  itemHistory,
  listReports,
  listRuns,
  recordItem,
  reportFile,
  REPORT_TYPES,
  requireTemplate,
  runOut,
  sign,
  startRun,
  startVerification,
  templateOut,
  trend,
  verificationGate,
  type ReportFormat,
} from './service';
import { inspectionStore } from './store';

const BASE = '/api/v1/inspections';
const binary = (what: string) => z.string().meta({ format: 'binary' }).describe(what);

export function inspectionRoutes(ctx: AppContext) {
  closeGates.add(verificationGate);
  const reportRoute = (format: ReportFormat) =>
    defineRoute({
      method: 'get',
      path: `${BASE}/runs/:id/report.${format}`,
      summary: `The run's report as ${format === 'html' ? 'a self-contained HTML page' : format === 'pdf' ? 'a PDF (printed by headless Chromium)' : 'an Excel workbook'}: the stored one of a completed run, rendered now otherwise; ?lang=zh-Hans|en-US (default inspections.report_locale)`,
      tag: 'inspections',
      role: 'viewer',
      params: runParams,
      query: reportQuery,
      produces: REPORT_TYPES[format],
      errors: format === 'pdf' ? [503] : [],
      response: binary(REPORT_TYPES[format]),
      handler: async ({ params, query }) => {
        try {
          const { content } = await reportFile(ctx, params.id, format, query.lang);
          // express sends a Buffer as it is; the schema documents the bytes as a binary string
          return (format === 'html' ? content.toString('utf8') : content) as unknown as string;
        } catch (err) {
          if (err instanceof PdfRenderError) throw new ApiError(503, 'pdf_unavailable', err.message);
          throw err;
        }
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: `${BASE}/templates`,
      summary: 'Inspection templates (巡检模板), each with its current version, layers and last run',
      tag: 'inspections',
      role: 'viewer',
      query: templatesQuery,
      response: templatesResponse,
      handler: async ({ query }) => ({
        templates: await Promise.all(
          (await inspectionStore.templates(ctx.db, query.archived === 'true')).map((t) =>
            templateOut(ctx, t),
          ),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/templates`,
      summary:
        'Imports a template as YAML or JSON: a new key makes a template (201 in effect, answered 200 with outcome created), a changed definition a new version (updated), the same definition nothing (unchanged); problems name the line and the path',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      body: importTemplateBody,
      response: importTemplateResponse,
      handler: async ({ body, caller }) => {
        const { def, yaml } = definitionOf(body);
        const { outcome, template } = await importTemplate(ctx, def, yaml, caller.actor);
        return { outcome, template: await templateOut(ctx, template) };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/templates/:key`,
      summary: 'One template with its versions, newest first',
      tag: 'inspections',
      role: 'viewer',
      params: templateKeyParams,
      response: templateDetailResponse,
      handler: async ({ params }) => {
        const t = await requireTemplate(ctx, ctx.db, params.key);
        return {
          template: await templateOut(ctx, t),
          versions: (await inspectionStore.versions(ctx.db, t.id)).map((v) => ({
            version: v.version,
            createdAt: new Date(v.created_at).toISOString(),
            createdBy: v.created_by,
          })),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/templates/:key/versions/:version`,
      summary: 'One version of a template: its definition and the YAML it was imported from',
      tag: 'inspections',
      role: 'viewer',
      params: templateVersionParams,
      response: templateVersionResponse,
      handler: async ({ params }) => {
        const t = await requireTemplate(ctx, ctx.db, params.key);
        const v = await inspectionStore.version(ctx.db, t.id, params.version);
        if (!v)
          throw new ApiError(
            404,
            'not_found',
            `version ${params.version} of ${t.key} not found; it has 1 to ${t.current_version}`,
          );
        return {
          key: t.key,
          version: v.version,
          createdAt: new Date(v.created_at).toISOString(),
          createdBy: v.created_by,
          definition: JSON.parse(v.definition) as Record<string, unknown>,
          yaml: v.yaml,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/templates/:key/export`,
      summary: 'The current version as YAML, to keep as code in provisioning/inspections/',
      tag: 'inspections',
      role: 'viewer',
      params: templateKeyParams,
      produces: 'application/yaml',
      response: z.string().describe('application/yaml'),
      handler: async ({ params }) => {
        const t = await requireTemplate(ctx, ctx.db, params.key);
        const v = await inspectionStore.version(ctx.db, t.id, t.current_version);
        return v?.yaml ?? '';
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/templates/:key/archive`,
      summary:
        'Archives a template: no new runs; its runs and reports stay. Importing it again brings it back',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      params: templateKeyParams,
      response: importTemplateResponse,
      handler: async ({ params }) => {
        const t = await requireTemplate(ctx, ctx.db, params.key);
        const now = ctx.now();
        await inspectionStore.updateTemplate(ctx.db, t.id, { archived_at: now, updated_at: now });
        return {
          outcome: 'updated' as const,
          template: await templateOut(ctx, { ...t, archived_at: now, updated_at: now }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/templates/:key/trend`,
      summary: "The template's runs, newest first, with their counts and pass rate",
      tag: 'inspections',
      role: 'viewer',
      params: templateKeyParams,
      query: trendQuery,
      response: trendResponse,
      handler: ({ params, query }) => trend(ctx, params.key, query.limit),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/templates/:key/items/:item/history`,
      summary: "One item's value and status over the template's runs, newest first",
      tag: 'inspections',
      role: 'viewer',
      params: templateItemParams,
      query: trendQuery,
      response: historyResponse,
      handler: ({ params, query }) => itemHistory(ctx, params.key, params.item, query.limit),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs`,
      summary:
        'Starts a run (巡检): the metric and configuration items are evaluated against Prometheus now and frozen (a query error makes its item an error, never a failed run); manual items wait',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 404, 409, 422],
      status: 201,
      body: startRunBody,
      response: runSchema,
      handler: async ({ body, caller }) => {
        const { run } = await startRun(ctx, {
          templateKey: body.template,
          trigger: 'manual',
          inspector: body.inspector,
          reviewer: body.reviewer,
          actor: caller.actor,
        });
        return runOut(ctx, ctx.db, run);
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/runs`,
      summary: 'Runs, newest first; ?template, ?state, ?incident (its verification runs)',
      tag: 'inspections',
      role: 'viewer',
      errors: [404],
      query: runsQuery,
      response: runsResponse,
      handler: ({ query }) => listRuns(ctx, query),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/runs/compare`,
      summary: 'Two runs side by side, item by item (?a=INS-1&b=INS-2)',
      tag: 'inspections',
      role: 'viewer',
      errors: [404],
      query: compareQuery,
      response: compareResponse,
      handler: ({ query }) => compareRuns(ctx, query.a, query.b),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/runs/:id`,
      summary: 'One run (id or number): its items with their frozen results, signatures and timeline',
      tag: 'inspections',
      role: 'viewer',
      params: runParams,
      response: runSchema,
      handler: ({ params }) => getRun(ctx, params.id),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs/:id/items/:key`,
      summary:
        "A manual item's result (normal, abnormal with a note, not applicable) with evidence, while the run is open; metric items are measured, not edited",
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      params: runItemParams,
      body: recordItemBody,
      response: runSchema,
      handler: ({ params, body, caller }) => recordItem(ctx, params.id, params.key, body, caller),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs/:id/sign`,
      summary:
        'Signs as the person making the request: the inspector (巡检人) once every manual item has a result, then the reviewer (复核人), another person, which completes the run, stores its reports and sends inspection.report_ready',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      params: runParams,
      body: signBody,
      response: runSchema,
      handler: ({ params, body, caller }) => sign(ctx, params.id, body.role, caller),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs/:id/complete`,
      summary:
        'The completed run, or 409 gate_unmet naming every gap: manual items without a result, the missing inspector or reviewer signature',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      params: runParams,
      response: runSchema,
      handler: ({ params }) => complete(ctx, params.id),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs/:id/cancel`,
      summary: 'Cancels a run that is not completed, with the reason',
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      params: runParams,
      body: cancelBody,
      response: runSchema,
      handler: ({ params, body, caller }) => cancel(ctx, params.id, body.reason, caller),
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/runs/:id/items/:key/follow-up`,
      summary:
        "Opens an incident from a warning, critical, error or abnormal item, linked both ways (the item names the incident; the incident's timeline names the run and the item)",
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      status: 201,
      params: runItemParams,
      body: followUpBody,
      response: followUpResponse,
      handler: ({ params, body, caller }) => followUp(ctx, params.id, params.key, body, caller),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/runs/:id/report`,
      summary: 'The report model the files are rendered from (JSON), ?lang=zh-Hans|en-US',
      tag: 'inspections',
      role: 'viewer',
      params: runParams,
      query: reportQuery,
      response: reportSchema,
      handler: ({ params, query }) => getRunReport(ctx, params.id, query.lang),
    }),
    reportRoute('html'),
    reportRoute('pdf'),
    reportRoute('xlsx'),
    defineRoute({
      method: 'get',
      path: `${BASE}/reports`,
      summary: 'Stored reports (the files of completed runs), newest first',
      tag: 'inspections',
      role: 'viewer',
      query: reportsQuery,
      response: reportsResponse,
      handler: ({ query }) => listReports(ctx, query.limit),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/incidents/:id/verifications',
      summary:
        "Starts a verification run for the incident (the full test after a repair), on the incident's timeline; with inspections.verification_required_for, such an incident closes only after a completed one with no critical or error item",
      tag: 'inspections',
      role: 'editor',
      errors: [403, 409, 422],
      status: 201,
      params: verificationParams,
      body: verificationBody,
      response: runSchema,
      handler: ({ params, body, caller }) => startVerification(ctx, params.id, body.template, caller),
    }),
  ];
}
