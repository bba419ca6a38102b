import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import type { Db } from '../db';
import type { NewRow } from '../db/tables';
import { ApiError, badRequest, conflict, notFound } from '../http/errors';
import { insertIncident, requireIncident } from '../incidents/service';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { enqueue } from '../notify/outbox';
import { GRAFANA_APP_ID } from '../notify/templates/links';
import { personOfCaller } from '../people/directory';
import { prometheusOf } from '../prometheus/client';
import { evaluateItems } from './evaluate';
import type { InspectionReport, ReportLocale } from './report/model';
import { summarize } from './report/model';
import { inspectionStore, type ItemRow, type RunRow, type TemplateRow } from './store';
import type { RunTrigger } from './tables';
import {
  definitionHash,
  itemsOf,
  parseTemplateYaml,
  templateDefinitionSchema,
  templateToYaml,
  TemplateError,
  type TemplateDefinition,
} from './template';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? undefined : new Date(ms).toISOString();
const json = <T>(text: string | null): T => (text === null ? (null as T) : (JSON.parse(text) as T));

// ---------------------------------------------------------------- templates

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** A definition from the API: either the definition itself or its YAML; problems name the path. */
export function definitionOf(body: { definition?: unknown; yaml?: string }): {
  def: TemplateDefinition;
  yaml: string;
} {
  if (body.yaml !== undefined) {
    try {
      const def = parseTemplateYaml(body.yaml, 'yaml');
      return { def, yaml: body.yaml };
    } catch (err) {
      if (err instanceof TemplateError)
        throw badRequest(
          `body yaml: not a valid inspection template: ${err.problems.join('; ')}`,
          err.problems.map((p) => ({ in: 'body', path: 'yaml', message: p })),
        );
      throw err;
    }
  }
  const parsed = templateDefinitionSchema.safeParse(body.definition);
  if (!parsed.success)
    throw badRequest(
      `body definition: not a valid inspection template: ${parsed.error.issues
        .map((i) => `definition.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
      parsed.error.issues.map((i) => ({
        in: 'body',
        path: ['definition', ...i.path].join('.'),
        message: i.message,
      })),
    );
  return { def: parsed.data, yaml: templateToYaml(parsed.data) };
}

/** Imports a definition: a new key is a new template, a changed one a new version, the same one nothing. */
export async function importTemplate(
  ctx: AppContext,
  def: TemplateDefinition,
  yaml: string,
  actor: string,
): Promise<{ outcome: ImportOutcome; template: TemplateRow }> {
  const hash = definitionHash(def);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    let t = await inspectionStore.template(tx, def.key);
    if (!t) {
      const id = randomUUID();
      const row = {
        id,
        key: def.key,
        title: def.title,
        current_version: 1,
        created_at: now,
        updated_at: now,
        archived_at: null,
      };
      if (await inspectionStore.insertTemplate(tx, row)) {
        await inspectionStore.insertVersion(tx, {
          template_id: id,
          version: 1,
          definition: JSON.stringify(def),
          yaml,
          hash,
          created_at: now,
          created_by: actor,
        });
        return { outcome: 'created', template: row };
      }
      t = await inspectionStore.template(tx, def.key);
      if (!t) throw new Error(`template ${def.key} vanished during its import`);
    }
    const current = await inspectionStore.version(tx, t.id, t.current_version);
    if (current?.hash === hash && t.archived_at === null) return { outcome: 'unchanged', template: t };
    const version = t.current_version + 1;
    await inspectionStore.insertVersion(tx, {
      template_id: t.id,
      version,
      definition: JSON.stringify(def),
      yaml,
      hash,
      created_at: now,
      created_by: actor,
    });
    await inspectionStore.updateTemplate(tx, t.id, {
      title: def.title,
      current_version: version,
      updated_at: now,
      archived_at: null,
    });
    return {
      outcome: 'updated',
      template: { ...t, title: def.title, current_version: version, updated_at: now, archived_at: null },
    };
  });
}

/**
 * The template files of the configuration (inspections.templates, against the config file's
 * folder), imported at start and on reload: a changed file makes a new version. A file that cannot
 * be read or is invalid is reported and skipped; the others are imported.
 */
export async function importTemplateFiles(ctx: AppContext, baseDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of ctx.config.inspections.templates) {
    const at = path.resolve(baseDir, file);
    try {
      const text = readFileSync(at, 'utf8');
      const def = parseTemplateYaml(text, path.basename(at));
      const { outcome, template } = await importTemplate(ctx, def, text, `config ${path.basename(at)}`);
      if (outcome !== 'unchanged')
        ctx.log.info(
          { template: template.key, version: template.current_version, file: at },
          `inspection template ${outcome}`,
        );
    } catch (err) {
      const message =
        err instanceof TemplateError ? err.problems.join('; ') : `${at}: ${(err as Error).message}`;
      problems.push(message);
      ctx.log.warn({ file: at }, `inspection template not imported: ${message}`);
    }
  }
  return problems;
}

export async function requireTemplate(ctx: AppContext, db: Db, key: string): Promise<TemplateRow> {
  const t = await inspectionStore.template(db, key);
  if (!t) {
    const known = (await inspectionStore.templates(db, false)).map((x) => x.key);
    throw new ApiError(
      404,
      'not_found',
      `inspection template ${key} not found; known: ${known.join(', ') || 'none (import one: POST /api/v1/inspections/templates)'}`,
    );
  }
  return t;
}

export async function definitionAt(
  db: Db,
  t: TemplateRow,
  version = t.current_version,
): Promise<TemplateDefinition> {
  const v = await inspectionStore.version(db, t.id, version);
  if (!v) throw notFound(`version ${version} of inspection template ${t.key}`);
  return json<TemplateDefinition>(v.definition);
}

export async function templateOut(ctx: AppContext, t: TemplateRow) {
  const def = await definitionAt(ctx.db, t);
  const { rows } = await inspectionStore.runs(ctx.db, { templateId: t.id, limit: 1 });
  const items = rows[0] ? await inspectionStore.items(ctx.db, [rows[0].id]) : [];
  return {
    id: t.id,
    key: t.key,
    title: t.title,
    description: def.description ?? null,
    version: t.current_version,
    archived: t.archived_at !== null,
    layers: def.layers.map((l) => ({ layer: l.layer, items: l.items.length })),
    itemCount: itemsOf(def).length,
    updatedAt: iso(t.updated_at)!,
    lastRun: rows[0]
      ? {
          number: rows[0].number,
          state: rows[0].state,
          evaluatedAt: iso(rows[0].evaluated_at)!,
          summary: summarize(items.map(reportItem)),
        }
      : null,
  };
}

// ---------------------------------------------------------------- runs

export interface StartRunOptions {
  templateKey: string;
  trigger: RunTrigger;
  scheduleId?: string | undefined;
  scheduledFor?: number | undefined;
  subject?: { kind: 'incident' | 'patch_plan'; id: string } | undefined;
  inspector?: string | undefined;
  reviewer?: string | undefined;
  actor: string;
}

const ensurePerson = (ctx: AppContext, field: string, id: string | undefined) => {
  if (id !== undefined && !ctx.config.people.some((p) => p.id === id))
    throw new ApiError(
      422,
      'unknown_person',
      `body ${field}: ${JSON.stringify(id)} is not in the people directory; use a person id (people[].id)`,
      [{ in: 'body', path: field, message: 'unknown person' }],
    );
};

/**
 * Starts a run: evaluates the template's metric and configuration items against Prometheus now and
 * freezes their results; manual items wait. A scheduled run (scheduleId, scheduledFor) is started
 * once: when a replica already inserted it, that run is answered with created false.
 */
export async function startRun(
  ctx: AppContext,
  o: StartRunOptions,
): Promise<{ run: RunRow; created: boolean }> {
  ensurePerson(ctx, 'inspector', o.inspector);
  ensurePerson(ctx, 'reviewer', o.reviewer);
  if (o.inspector !== undefined && o.inspector === o.reviewer)
    throw new ApiError(
      422,
      'same_person',
      'body reviewer: the reviewer (复核人) must be another person than the inspector (巡检人)',
      [{ in: 'body', path: 'reviewer', message: 'same as the inspector' }],
    );
  const t = await requireTemplate(ctx, ctx.db, o.templateKey);
  if (t.archived_at !== null)
    throw conflict(
      'template_archived',
      `inspection template ${t.key} is archived; import it again to use it`,
    );
  if (o.scheduleId !== undefined && o.scheduledFor !== undefined) {
    const known = await inspectionStore.runOfSchedule(ctx.db, o.scheduleId, o.scheduledFor);
    if (known) return { run: known, created: false };
  }
  const def = await definitionAt(ctx.db, t);
  const items = itemsOf(def);
  const at = ctx.now();
  const results = await evaluateItems(prometheusOf(ctx), items, at);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const run: NewRow<'inspection_runs'> = {
      id: randomUUID(),
      number: await inspectionStore.nextRunNumber(tx),
      template_id: t.id,
      template_version: t.current_version,
      trigger: o.trigger,
      schedule_id: o.scheduleId ?? null,
      scheduled_for: o.scheduledFor ?? null,
      subject_kind: o.subject?.kind ?? null,
      subject_id: o.subject?.id ?? null,
      state: 'open',
      evaluated_at: at,
      inspector: o.inspector ?? null,
      inspector_signed_at: null,
      reviewer: o.reviewer ?? null,
      reviewer_signed_at: null,
      completed_at: null,
      cancelled_at: null,
      created_at: now,
      created_by: o.actor,
      updated_at: now,
    };
    if (!(await inspectionStore.insertRun(tx, run))) {
      const known = await inspectionStore.runOfSchedule(tx, o.scheduleId!, o.scheduledFor!);
      if (!known) throw new Error('a scheduled run clashed but cannot be read');
      return { run: known, created: false };
    }
    await inspectionStore.insertItems(
      tx,
      items.map((item) => {
        const r = results.get(item.key);
        return {
          run_id: run.id,
          item_key: item.key,
          position: item.position,
          layer: item.layer,
          kind: item.kind,
          title: item.title,
          status: item.kind === 'manual' ? 'pending' : (r?.status ?? 'error'),
          value: r?.value ?? null,
          series: JSON.stringify(r?.series ?? []),
          truncated: r?.truncated ?? 0,
          error: r?.error ?? null,
          note: null,
          evidence: '[]',
          completed_by: null,
          completed_at: null,
          follow_up_kind: null,
          follow_up_id: null,
          follow_up_ref: null,
        };
      }),
    );
    const counts = summarize(
      items.map((i) => ({
        kind: i.kind,
        status: i.kind === 'manual' ? 'pending' : (results.get(i.key)?.status ?? 'error'),
      })),
    );
    await event(tx, run.id, now, o.actor, 'started', {
      trigger: o.trigger,
      templateVersion: t.current_version,
      summary: counts,
    });
    return { run: run as RunRow, created: true };
  });
}

/**
 * Event ids sort in the order they were written (the timeline is ordered by time, then id): two
 * events of one request share their millisecond (signed, completed), and a random id would shuffle them.
 */
let eventSeq = 0;
const eventId = (at: number) =>
  `${String(at).padStart(15, '0')}-${String(eventSeq++ % 1e9).padStart(9, '0')}-${randomUUID().slice(0, 8)}`;

async function event(
  tx: Db,
  runId: string,
  at: number,
  actor: string,
  kind: string,
  detail: Record<string, unknown>,
) {
  await inspectionStore.appendEvent(tx, {
    id: eventId(at),
    run_id: runId,
    at,
    actor,
    kind,
    detail: JSON.stringify(detail),
  });
}

async function requireRun(db: Db, id: string, forUpdate = false): Promise<RunRow> {
  const r = await inspectionStore.run(db, id, forUpdate);
  if (!r) throw notFound(`inspection run ${id}`);
  return r;
}

function reportItem(i: ItemRow) {
  return { kind: i.kind, status: i.status };
}

export async function runOut(ctx: AppContext, db: Db, r: RunRow) {
  const t = await inspectionStore.template(db, r.template_id);
  const def = t ? await definitionAt(db, t, r.template_version) : undefined;
  const defs = new Map(def ? itemsOf(def).map((i) => [i.key, i]) : []);
  const items = await inspectionStore.items(db, [r.id]);
  const events = await inspectionStore.events(db, r.id);
  return {
    id: r.id,
    number: r.number,
    template: { key: t?.key ?? '', title: def?.title ?? t?.title ?? '', version: r.template_version },
    trigger: r.trigger,
    scheduleId: r.schedule_id,
    scheduledFor: iso(r.scheduled_for) ?? null,
    subject: r.subject_kind && r.subject_id ? { kind: r.subject_kind, id: r.subject_id } : null,
    state: r.state,
    evaluatedAt: iso(r.evaluated_at)!,
    inspector: r.inspector,
    inspectorSignedAt: iso(r.inspector_signed_at) ?? null,
    reviewer: r.reviewer,
    reviewerSignedAt: iso(r.reviewer_signed_at) ?? null,
    completedAt: iso(r.completed_at) ?? null,
    createdBy: r.created_by,
    summary: summarize(items.map(reportItem)),
    items: items.map((i) => {
      const d = defs.get(i.item_key);
      return {
        key: i.item_key,
        layer: i.layer,
        kind: i.kind,
        title: i.title,
        description: d?.description ?? null,
        guidance: d?.kind === 'manual' ? (d.guidance ?? null) : null,
        evidenceRequired: d?.kind === 'manual' ? d.evidence_required : false,
        query: d && d.kind !== 'manual' ? d.query : null,
        thresholds:
          d?.kind === 'metric'
            ? { comparison: d.comparison, warning: d.warning ?? null, critical: d.critical ?? null }
            : null,
        unit: d?.kind === 'metric' ? d.unit : null,
        labelAliases: d && d.kind !== 'manual' ? d.labels : {},
        status: i.status,
        value: i.value,
        series: json<Array<{ labels: Record<string, string>; value: number }>>(i.series),
        truncated: i.truncated,
        error: i.error,
        note: i.note,
        evidence: json<Array<{ name: string; url?: string }>>(i.evidence),
        completedBy: i.completed_by,
        completedAt: iso(i.completed_at) ?? null,
        followUp:
          i.follow_up_kind && i.follow_up_ref
            ? { kind: i.follow_up_kind, id: i.follow_up_id!, ref: i.follow_up_ref }
            : null,
      };
    }),
    events: events.map((e) => ({
      at: iso(e.at)!,
      actor: e.actor,
      kind: e.kind,
      detail: json<Record<string, unknown>>(e.detail),
    })),
    allowedActions: allowedActions(r),
  };
}

function allowedActions(r: RunRow): string[] {
  if (r.state === 'open') return ['record', 'sign-inspector', 'cancel', 'follow-up'];
  if (r.state === 'signed') return ['sign-reviewer', 'cancel', 'follow-up'];
  if (r.state === 'completed') return ['follow-up'];
  return [];
}

export async function getRun(ctx: AppContext, id: string) {
  return runOut(ctx, ctx.db, await requireRun(ctx.db, id));
}

/** A manual item's result, while the run is open. */
export async function recordItem(
  ctx: AppContext,
  runId: string,
  key: string,
  body: {
    result: 'normal' | 'abnormal' | 'not_applicable';
    note?: string | undefined;
    evidence?: Array<{ name: string; url?: string | undefined }> | undefined;
  },
  caller: Caller,
) {
  return ctx.db.transaction(async (tx) => {
    const r = await requireRun(tx, runId, true);
    if (r.state !== 'open')
      throw conflict(
        'run_not_open',
        `inspection run ${r.number} is ${r.state}: items are recorded only before the inspector signs`,
      );
    const item = (await inspectionStore.items(tx, [r.id])).find((i) => i.item_key === key);
    if (!item) throw notFound(`item ${key} of inspection run ${r.number}`);
    if (item.kind !== 'manual')
      throw conflict(
        'not_manual',
        `item ${key} is a ${item.kind} check: its result was measured when the run started and is not edited`,
      );
    const t = await inspectionStore.template(tx, r.template_id);
    const d = t
      ? itemsOf(await definitionAt(tx, t, r.template_version)).find((i) => i.key === key)
      : undefined;
    if (d?.kind === 'manual' && d.evidence_required && !body.evidence?.length)
      throw new ApiError(
        422,
        'evidence_required',
        `body evidence: item ${key} needs evidence (a file name and link) with its result`,
        [{ in: 'body', path: 'evidence', message: 'required for this item' }],
      );
    if (body.result === 'abnormal' && !body.note?.trim())
      throw new ApiError(
        422,
        'note_required',
        `body note: say what is abnormal about ${key}; an abnormal result needs a note`,
        [{ in: 'body', path: 'note', message: 'required when the result is abnormal' }],
      );
    const now = ctx.now();
    await inspectionStore.updateItem(tx, r.id, key, {
      status: body.result,
      note: body.note?.trim() || null,
      evidence: JSON.stringify(body.evidence ?? []),
      completed_by: caller.actor,
      completed_at: now,
    });
    await inspectionStore.updateRun(tx, r.id, { updated_at: now });
    await event(tx, r.id, now, caller.actor, 'item_recorded', {
      item: key,
      result: body.result,
      ...(body.note ? { note: body.note } : {}),
    });
    return runOut(ctx, tx, { ...r, updated_at: now });
  });
}

interface Missing {
  missing: string;
  message: string;
  how: string;
}

const gateUnmet = (r: RunRow, target: string, missing: Missing[]) =>
  new ApiError(
    409,
    'gate_unmet',
    `inspection run ${r.number} cannot be ${target}: ${missing.map((m) => `${m.message}; ${m.how}`).join('; ')}`,
    missing,
  );

/** What keeps a run from completion: pending manual items, the inspector's and the reviewer's signature. */
export function completionGaps(r: RunRow, items: readonly ItemRow[]): Missing[] {
  const out: Missing[] = [];
  const pending = items.filter((i) => i.kind === 'manual' && i.status === 'pending').map((i) => i.item_key);
  if (pending.length)
    out.push({
      missing: 'manual_items',
      message: `manual items without a result: ${pending.join(', ')}`,
      how: `record each (POST /api/v1/inspections/runs/${r.number}/items/<key> {result, note})`,
    });
  if (r.inspector_signed_at === null)
    out.push({
      missing: 'inspector_signature',
      message: 'the inspector (巡检人) has not signed',
      how: `the inspector signs (POST /api/v1/inspections/runs/${r.number}/sign {role: "inspector"})`,
    });
  if (r.reviewer_signed_at === null)
    out.push({
      missing: 'reviewer_signature',
      message: 'the reviewer (复核人) has not signed',
      how: `another person reviews and signs (POST /api/v1/inspections/runs/${r.number}/sign {role: "reviewer"})`,
    });
  return out;
}

/**
 * A signature, by the person making the request (through Grafana as themselves, or with a token
 * named after them). The inspector signs once every manual item has a result; the reviewer is
 * another person and signs after the inspector, which completes the run: its reports are stored
 * and the team is told.
 */
export async function sign(ctx: AppContext, runId: string, role: 'inspector' | 'reviewer', caller: Caller) {
  const me = personOfCaller(ctx, caller)?.id;
  const result = await ctx.db.transaction(async (tx) => {
    const r = await requireRun(tx, runId, true);
    if (!me)
      throw new ApiError(
        403,
        'not_a_person',
        `a ${role} signs as themselves: through Grafana as a user of the people directory, or with a token named after their person id; this request is from ${caller.actor}`,
      );
    const items = await inspectionStore.items(tx, [r.id]);
    const now = ctx.now();
    if (role === 'inspector') {
      if (r.state !== 'open')
        throw conflict(
          'already_signed',
          `inspection run ${r.number} is ${r.state}: the inspector has signed already`,
        );
      if (r.inspector !== null && r.inspector !== me)
        throw new ApiError(
          403,
          'not_the_inspector',
          `inspection run ${r.number} names ${r.inspector} as its inspector; ${me} cannot sign for them`,
        );
      const gaps = completionGaps(r, items).filter((m) => m.missing === 'manual_items');
      if (gaps.length) throw gateUnmet(r, 'signed', gaps);
      const set = { state: 'signed' as const, inspector: me, inspector_signed_at: now, updated_at: now };
      await inspectionStore.updateRun(tx, r.id, set);
      await event(tx, r.id, now, caller.actor, 'signed', { role, person: me });
      return { run: { ...r, ...set }, completed: false };
    }
    if (r.state === 'open')
      throw gateUnmet(
        r,
        'reviewed',
        completionGaps(r, items).filter((m) => m.missing !== 'reviewer_signature'),
      );
    if (r.state !== 'signed')
      throw conflict(
        'not_signed',
        `inspection run ${r.number} is ${r.state}; a reviewer signs a run the inspector has signed`,
      );
    if (r.inspector === me)
      throw gateUnmet(r, 'reviewed', [
        {
          missing: 'independent_reviewer',
          message: `${me} signed as the inspector and cannot also review (four eyes)`,
          how: 'another person of the people directory reviews it',
        },
      ]);
    if (r.reviewer !== null && r.reviewer !== me)
      throw new ApiError(
        403,
        'not_the_reviewer',
        `inspection run ${r.number} names ${r.reviewer} as its reviewer; ${me} cannot sign for them`,
      );
    const set = {
      state: 'completed' as const,
      reviewer: me,
      reviewer_signed_at: now,
      completed_at: now,
      updated_at: now,
    };
    await inspectionStore.updateRun(tx, r.id, set);
    await event(tx, r.id, now, caller.actor, 'signed', { role, person: me });
    await event(tx, r.id, now, caller.actor, 'completed', { summary: summarize(items.map(reportItem)) });
    const t = await inspectionStore.template(tx, r.template_id);
    const counts = summarize(items.map(reportItem));
    await enqueue(ctx, tx, {
      kind: 'inspection.report_ready',
      key: `inspection:${r.id}`,
      phase: 'info',
      at: now,
      data: {
        title: `${t?.title ?? r.template_id} · ${r.number}`,
        period: new Date(r.evaluated_at).toISOString(),
        findings: counts.warning + counts.critical + counts.error + counts.manualAbnormal,
        summary: `${counts.normal} normal, ${counts.warning} warning, ${counts.critical} critical, ${counts.error} error, ${counts.manualAbnormal} abnormal`,
        url: runPageUrl(ctx, r.number),
      },
      mention: [r.inspector ?? '', me].filter(Boolean),
    });
    return { run: { ...r, ...set }, completed: true };
  });
  if (result.completed)
    // the three files are rendered after the commit (Chromium takes seconds); a GET renders on demand meanwhile
    void storeReports(ctx, result.run.id).catch((err: Error) =>
      ctx.log.warn(
        { run: result.run.number, err: err.message },
        'inspection reports not stored; they are rendered on demand',
      ),
    );
  return runOut(ctx, ctx.db, result.run);
}

const runPageUrl = (ctx: AppContext, number: string) =>
  `${ctx.config.notify.grafana_url.replace(/\/+$/, '')}/a/${GRAFANA_APP_ID}/inspections/runs/${encodeURIComponent(number)}`;

/** Completes a run: only a run both have signed is complete, so this answers it or names every gap. */
export async function complete(ctx: AppContext, runId: string) {
  const r = await requireRun(ctx.db, runId);
  if (r.state === 'completed') return runOut(ctx, ctx.db, r);
  if (r.state === 'cancelled') throw conflict('run_cancelled', `inspection run ${r.number} was cancelled`);
  throw gateUnmet(r, 'completed', completionGaps(r, await inspectionStore.items(ctx.db, [r.id])));
}

export async function cancel(ctx: AppContext, runId: string, reason: string, caller: Caller) {
  return ctx.db.transaction(async (tx) => {
    const r = await requireRun(tx, runId, true);
    if (r.state === 'completed' || r.state === 'cancelled')
      throw conflict('run_closed', `inspection run ${r.number} is ${r.state}`);
    const now = ctx.now();
    await inspectionStore.updateRun(tx, r.id, { state: 'cancelled', cancelled_at: now, updated_at: now });
    await event(tx, r.id, now, caller.actor, 'cancelled', { reason });
    return runOut(ctx, tx, { ...r, state: 'cancelled', cancelled_at: now, updated_at: now });
  });
}

/**
 * An incident opened from an abnormal item, linked both ways: the item names the incident, the
 * incident's timeline names the run and the item.
 */
export async function followUp(
  ctx: AppContext,
  runId: string,
  key: string,
  body: { severity: IncidentRow['severity']; title?: string | undefined; service?: string | undefined },
  caller: Caller,
) {
  return ctx.db.transaction(async (tx) => {
    const r = await requireRun(tx, runId, true);
    if (r.state === 'cancelled') throw conflict('run_cancelled', `inspection run ${r.number} was cancelled`);
    const item = (await inspectionStore.items(tx, [r.id])).find((i) => i.item_key === key);
    if (!item) throw notFound(`item ${key} of inspection run ${r.number}`);
    if (item.follow_up_ref)
      throw conflict(
        'already_followed_up',
        `item ${key} of ${r.number} is followed up by ${item.follow_up_ref} already`,
      );
    if (['normal', 'not_applicable', 'pending'].includes(item.status))
      throw conflict(
        'item_normal',
        `item ${key} is ${item.status}: a follow-up is opened from a warning, critical, error or abnormal item`,
      );
    const now = ctx.now();
    const t = await inspectionStore.template(tx, r.template_id);
    const series = json<Array<{ labels: Record<string, string>; value: number }>>(item.series);
    const incident = await insertIncident(
      ctx,
      tx,
      {
        title: body.title ?? `${t?.title ?? 'Inspection'} ${r.number}: ${item.title}`,
        severity: body.severity,
        service: body.service ?? 'inspection',
        source: 'manual',
        labels: { inspection_run: r.number, inspection_item: key },
        symptom: [
          item.status,
          item.error,
          item.note,
          ...series.slice(0, 5).map((s) => `${JSON.stringify(s.labels)} = ${s.value}`),
        ]
          .filter(Boolean)
          .join('\n'),
        impact: '',
        occurredAt: r.evaluated_at,
        detectedAt: now,
      },
      caller.actor,
    );
    await incidentStore.appendTimeline(tx, incident.id, now, 'inspection_follow_up', caller.actor, {
      run: r.number,
      runId: r.id,
      item: key,
      itemTitle: item.title,
      status: item.status,
    });
    await inspectionStore.updateItem(tx, r.id, key, {
      follow_up_kind: 'incident',
      follow_up_id: incident.id,
      follow_up_ref: incident.number,
    });
    await inspectionStore.updateRun(tx, r.id, { updated_at: now });
    await event(tx, r.id, now, caller.actor, 'follow_up', { item: key, incident: incident.number });
    return { incident: { id: incident.id, number: incident.number }, run: await runOut(ctx, tx, r) };
  });
}

export async function listRuns(
  ctx: AppContext,
  q: {
    template?: string | undefined;
    state?: string | undefined;
    incident?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const t = q.template !== undefined ? await requireTemplate(ctx, ctx.db, q.template) : undefined;
  const incident = q.incident !== undefined ? await requireIncident(ctx.db, q.incident) : undefined;
  const { rows, nextCursor } = await inspectionStore.runs(ctx.db, {
    templateId: t?.id,
    state: q.state,
    subject: incident ? { kind: 'incident', id: incident.id } : undefined,
    limit: q.limit,
    cursor: q.cursor,
  });
  const items = await inspectionStore.items(
    ctx.db,
    rows.map((r) => r.id),
  );
  const templates = new Map((await inspectionStore.templates(ctx.db, true)).map((x) => [x.id, x]));
  return {
    runs: rows.map((r) => ({
      id: r.id,
      number: r.number,
      template: {
        key: templates.get(r.template_id)?.key ?? '',
        title: templates.get(r.template_id)?.title ?? '',
        version: r.template_version,
      },
      trigger: r.trigger,
      state: r.state,
      evaluatedAt: iso(r.evaluated_at)!,
      inspector: r.inspector,
      reviewer: r.reviewer,
      completedAt: iso(r.completed_at) ?? null,
      subject: r.subject_kind && r.subject_id ? { kind: r.subject_kind, id: r.subject_id } : null,
      summary: summarize(items.filter((i) => i.run_id === r.id).map(reportItem)),
    })),
    nextCursor,
  };
}

// ---------------------------------------------------------------- trends

/** Per run of a template, newest first: its counts and the pass rate (normal or n/a over all items). */
export async function trend(ctx: AppContext, key: string, limit: number) {
  const t = await requireTemplate(ctx, ctx.db, key);
  const { rows } = await inspectionStore.runs(ctx.db, { templateId: t.id, limit });
  const items = await inspectionStore.items(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    template: t.key,
    runs: rows
      .filter((r) => r.state !== 'cancelled')
      .map((r) => {
        const own = items.filter((i) => i.run_id === r.id);
        const s = summarize(own.map(reportItem));
        const judged = own.filter((i) => i.status !== 'pending').length;
        return {
          number: r.number,
          evaluatedAt: iso(r.evaluated_at)!,
          state: r.state,
          summary: s,
          passRate: judged === 0 ? null : (s.normal + s.notApplicable) / judged,
        };
      }),
  };
}

/** One item's value and status over a template's runs, newest first. */
export async function itemHistory(ctx: AppContext, key: string, item: string, limit: number) {
  const t = await requireTemplate(ctx, ctx.db, key);
  const { rows } = await inspectionStore.runs(ctx.db, { templateId: t.id, limit });
  const items = await inspectionStore.items(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    template: t.key,
    item,
    points: rows.flatMap((r) => {
      const i = items.find((x) => x.run_id === r.id && x.item_key === item);
      return i
        ? [{ number: r.number, evaluatedAt: iso(r.evaluated_at)!, status: i.status, value: i.value }]
        : [];
    }),
  };
}

/** Two runs side by side, item by item (the union of their items, in the first run's order). */
export async function compareRuns(ctx: AppContext, a: string, b: string) {
  const [ra, rb] = [await requireRun(ctx.db, a), await requireRun(ctx.db, b)];
  const items = await inspectionStore.items(ctx.db, [ra.id, rb.id]);
  const of = (run: RunRow) => new Map(items.filter((i) => i.run_id === run.id).map((i) => [i.item_key, i]));
  const [ia, ib] = [of(ra), of(rb)];
  const keys = [...new Set([...ia.keys(), ...ib.keys()])];
  const side = (i: ItemRow | undefined) => (i ? { status: i.status, value: i.value, note: i.note } : null);
  return {
    a: { number: ra.number, evaluatedAt: iso(ra.evaluated_at)! },
    b: { number: rb.number, evaluatedAt: iso(rb.evaluated_at)! },
    items: keys.map((k) => {
      const x = ia.get(k) ?? ib.get(k)!;
      return {
        key: k,
        title: x.title,
        layer: x.layer,
        kind: x.kind,
        a: side(ia.get(k)),
        b: side(ib.get(k)),
        changed: ia.get(k)?.status !== ib.get(k)?.status,
      };
    }),
  };
}

// ---------------------------------------------------------------- reports

export async function getRunReport(
  ctx: AppContext,
  id: string,
  locale: ReportLocale = ctx.config.inspections.report_locale,
): Promise<InspectionReport> {
  const r = await requireRun(ctx.db, id);
  const out = await runOut(ctx, ctx.db, r);
  const t = await inspectionStore.template(ctx.db, r.template_id);
  const def = t ? await definitionAt(ctx.db, t, r.template_version) : undefined;
  let subject: string | undefined;
  if (r.subject_kind === 'incident' && r.subject_id)
    subject = (await incidentStore.get(ctx.db, r.subject_id))?.number;
  const layers = (def?.layers ?? []).map((l) => ({
    layer: l.layer,
    items: out.items
      .filter((i) => i.layer === l.layer)
      .map((i) => ({
        key: i.key,
        title: i.title,
        kind: i.kind,
        status: i.status,
        ...(i.value !== null ? { value: i.value } : {}),
        ...(i.unit ? { unit: i.unit } : {}),
        ...(i.thresholds
          ? {
              thresholds: {
                comparison: i.thresholds.comparison,
                ...(i.thresholds.warning !== null ? { warning: i.thresholds.warning } : {}),
                ...(i.thresholds.critical !== null ? { critical: i.thresholds.critical } : {}),
              },
            }
          : {}),
        series: i.series,
        labelAliases: i.labelAliases,
        ...(i.truncated ? { truncated: i.truncated } : {}),
        ...(i.error ? { error: i.error } : {}),
        ...(i.note ? { note: i.note } : {}),
        evidence: i.evidence.map((e) => ({ name: e.name, ...(e.url ? { url: e.url } : {}) })),
        ...(i.completedBy ? { completedBy: i.completedBy } : {}),
        ...(i.followUp ? { followUp: { kind: i.followUp.kind, ref: i.followUp.ref } } : {}),
      })),
  }));
  return {
    run: {
      number: r.number,
      state: r.state,
      trigger: r.trigger,
      templateKey: t?.key ?? '',
      templateTitle: def?.title ?? '',
      templateVersion: r.template_version,
      ...(def?.client ? { client: def.client } : {}),
      ...(def?.system ? { system: def.system } : {}),
      evaluatedAt: iso(r.evaluated_at)!,
      ...(r.completed_at !== null ? { completedAt: iso(r.completed_at) } : {}),
      ...(r.inspector ? { inspector: nameOf(ctx, r.inspector) } : {}),
      ...(r.inspector_signed_at !== null ? { inspectorSignedAt: iso(r.inspector_signed_at) } : {}),
      ...(r.reviewer ? { reviewer: nameOf(ctx, r.reviewer) } : {}),
      ...(r.reviewer_signed_at !== null ? { reviewerSignedAt: iso(r.reviewer_signed_at) } : {}),
      ...(subject ? { subject } : {}),
    },
    summary: out.summary,
    layers,
    followUps: out.items
      .filter((i) => i.followUp)
      .map((i) => ({ kind: i.followUp!.kind, ref: i.followUp!.ref, item: i.title })),
    locale,
    generatedAt: new Date(ctx.now()).toISOString(),
  };
}

/** A person as a signed report names them: 李四 (li.si). */
function nameOf(ctx: AppContext, id: string): string {
  const p = ctx.config.people.find((x) => x.id === id);
  return p ? `${p.name} (${id})` : id;
}

export type ReportFormat = 'html' | 'pdf' | 'xlsx';
export const REPORT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The calendar zone reports print times in: the first calendar's (the service calendar of the contract). */
const reportZone = (ctx: AppContext) => ctx.config.sla.calendars[0]?.timezone ?? 'UTC';

export async function renderReport(
  ctx: AppContext,
  report: InspectionReport,
  format: ReportFormat,
): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: exceljs and the renderers stay out of the start RSS
  const { renderHtml, renderPdf, renderXlsx } = require('./report') as typeof import('./report');
  const timeZone = reportZone(ctx);
  if (format === 'html') return Buffer.from(renderHtml(report, { timeZone }), 'utf8');
  if (format === 'pdf') return renderPdf(report, { chromium: ctx.config.inspections.chromium, timeZone });
  return renderXlsx(report, { timeZone });
}

/** The three files of a completed run, stored (the report as signed). */
export async function storeReports(ctx: AppContext, runId: string): Promise<void> {
  const locale = ctx.config.inspections.report_locale;
  const report = await getRunReport(ctx, runId, locale);
  for (const format of ['html', 'xlsx', 'pdf'] as const) {
    const content = await renderReport(ctx, report, format);
    await inspectionStore.putReport(ctx.db, {
      run_id: (await requireRun(ctx.db, runId)).id,
      format,
      locale,
      content: content.toString('base64'),
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
      created_at: ctx.now(),
    });
  }
}

/** A report file: the stored one of a completed run in the configured language, else rendered now. */
export async function reportFile(
  ctx: AppContext,
  id: string,
  format: ReportFormat,
  locale?: ReportLocale,
): Promise<{ content: Buffer; run: RunRow }> {
  const r = await requireRun(ctx.db, id);
  const want = locale ?? ctx.config.inspections.report_locale;
  if (r.state === 'completed') {
    const stored = await inspectionStore.report(ctx.db, r.id, format);
    if (stored && stored.locale === want) return { content: Buffer.from(stored.content, 'base64'), run: r };
  }
  return { content: await renderReport(ctx, await getRunReport(ctx, r.id, want), format), run: r };
}

export async function listReports(ctx: AppContext, limit: number) {
  return {
    reports: (await inspectionStore.reports(ctx.db, limit)).map((x) => ({
      run: x.number,
      format: x.format,
      locale: x.locale,
      bytes: x.bytes,
      sha256: x.sha256,
      createdAt: iso(x.created_at)!,
    })),
  };
}

// ---------------------------------------------------------------- verification after a repair

/** A verification run for an incident, on its timeline (the offer's full test after a repair). */
export async function startVerification(
  ctx: AppContext,
  incidentId: string,
  template: string,
  caller: Caller,
) {
  const incident = await requireIncident(ctx.db, incidentId);
  const { run } = await startRun(ctx, {
    templateKey: template,
    trigger: 'verification',
    subject: { kind: 'incident', id: incident.id },
    actor: caller.actor,
  });
  const out = await runOut(ctx, ctx.db, run);
  await incidentStore.appendTimeline(ctx.db, incident.id, ctx.now(), 'verification_started', caller.actor, {
    run: run.number,
    runId: run.id,
    template,
    summary: out.summary,
  });
  return out;
}

/**
 * The close gate of inspections.verification_required_for: such an incident closes only when its
 * newest verification run is completed with no critical and no error item.
 */
export async function verificationGate(ctx: AppContext, tx: Db, incident: IncidentRow): Promise<void> {
  if (!ctx.config.inspections.verification_required_for.includes(incident.severity)) return;
  const { rows } = await inspectionStore.runs(tx, {
    subject: { kind: 'incident', id: incident.id },
    limit: 20,
  });
  const latest = rows.find((r) => r.trigger === 'verification' && r.state !== 'cancelled');
  const problem = !latest
    ? 'no verification run'
    : latest.state !== 'completed'
      ? `verification run ${latest.number} is ${latest.state}, not completed`
      : await (async () => {
          const s = summarize((await inspectionStore.items(tx, [latest.id])).map(reportItem));
          return s.critical + s.error > 0
            ? `verification run ${latest.number} has ${s.critical} critical and ${s.error} error items`
            : undefined;
        })();
  if (problem)
    throw new ApiError(
      409,
      'gate_unmet',
      `a ${incident.severity} incident is closed only after a passing verification (inspections.verification_required_for): ${problem}; run one (POST /api/v1/incidents/${incident.number}/verifications {template}), complete it and close again`,
    );
}
