import type { Db } from '../db';
import type { NewRow, Row } from '../db/tables';
import { badRequest } from '../http/errors';

export type TemplateRow = Row<'inspection_templates'>;
export type VersionRow = Row<'inspection_template_versions'>;
export type RunRow = Row<'inspection_runs'>;
export type ItemRow = Row<'inspection_run_items'>;
export type EventRow = Row<'inspection_run_events'>;
export type ReportRow = Row<'inspection_reports'>;

const num = (v: number | null) => (v === null ? null : Number(v));

// PostgreSQL's BIGINT may arrive as a string on some paths: every instant and count as a number
const templateRow = (r: TemplateRow): TemplateRow => ({
  ...r,
  current_version: Number(r.current_version),
  created_at: Number(r.created_at),
  updated_at: Number(r.updated_at),
  archived_at: num(r.archived_at),
});
const versionRow = (r: VersionRow): VersionRow => ({
  ...r,
  version: Number(r.version),
  created_at: Number(r.created_at),
});
const runRow = (r: RunRow): RunRow => ({
  ...r,
  template_version: Number(r.template_version),
  scheduled_for: num(r.scheduled_for),
  evaluated_at: Number(r.evaluated_at),
  inspector_signed_at: num(r.inspector_signed_at),
  reviewer_signed_at: num(r.reviewer_signed_at),
  completed_at: num(r.completed_at),
  cancelled_at: num(r.cancelled_at),
  created_at: Number(r.created_at),
  updated_at: Number(r.updated_at),
});
const itemRow = (r: ItemRow): ItemRow => ({
  ...r,
  position: Number(r.position),
  value: r.value === null ? null : Number(r.value),
  truncated: Number(r.truncated),
  completed_at: num(r.completed_at),
});

function encodeCursor(at: number, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}
function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string')
      return [v[0] as number, v[1]];
  } catch {
    // fall through
  }
  throw badRequest('query cursor: not a cursor this server issued; use nextCursor from the previous page');
}

/** The only SQL of the inspections domain (schedules: schedules-store.ts). */
export const inspectionStore = {
  async template(db: Db, idOrKey: string): Promise<TemplateRow | undefined> {
    const r = await db.kysely
      .selectFrom('inspection_templates')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]))
      .executeTakeFirst();
    return r && templateRow(r);
  },

  async templates(db: Db, includeArchived: boolean): Promise<TemplateRow[]> {
    let q = db.kysely.selectFrom('inspection_templates').selectAll();
    if (!includeArchived) q = q.where('archived_at', 'is', null);
    return (await q.orderBy('key').execute()).map(templateRow);
  },

  /** Inserts the template unless its key exists; true when inserted (a concurrent import loses cleanly). */
  async insertTemplate(db: Db, row: NewRow<'inspection_templates'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('inspection_templates')
      .values(row)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  async updateTemplate(
    db: Db,
    id: string,
    set: Partial<Pick<TemplateRow, 'title' | 'current_version' | 'updated_at' | 'archived_at'>>,
  ): Promise<void> {
    await db.kysely.updateTable('inspection_templates').set(set).where('id', '=', id).execute();
  },

  async insertVersion(db: Db, row: NewRow<'inspection_template_versions'>): Promise<void> {
    await db.kysely.insertInto('inspection_template_versions').values(row).execute();
  },

  async version(db: Db, templateId: string, version: number): Promise<VersionRow | undefined> {
    const r = await db.kysely
      .selectFrom('inspection_template_versions')
      .selectAll()
      .where('template_id', '=', templateId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r && versionRow(r);
  },

  async versions(db: Db, templateId: string): Promise<Array<Omit<VersionRow, 'definition' | 'yaml'>>> {
    const rows = await db.kysely
      .selectFrom('inspection_template_versions')
      .select(['template_id', 'version', 'hash', 'created_at', 'created_by'])
      .where('template_id', '=', templateId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, version: Number(r.version), created_at: Number(r.created_at) }));
  },

  async nextRunNumber(db: Db): Promise<string> {
    const row = await db.kysely
      .insertInto('counters')
      .values({ name: 'INS', value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirst();
    return `INS-${Number(row?.value ?? 1)}`;
  },

  /**
   * Inserts a run unless one of its schedule and due time exists (UNIQUE (schedule_id,
   * scheduled_for)): true when inserted. Manual runs have no schedule and never clash.
   */
  async insertRun(db: Db, row: NewRow<'inspection_runs'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('inspection_runs')
      .values(row)
      .onConflict((oc) => oc.columns(['schedule_id', 'scheduled_for']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  async runOfSchedule(db: Db, scheduleId: string, scheduledFor: number): Promise<RunRow | undefined> {
    const r = await db.kysely
      .selectFrom('inspection_runs')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .where('scheduled_for', '=', scheduledFor)
      .executeTakeFirst();
    return r && runRow(r);
  },

  async run(db: Db, idOrNumber: string, forUpdate = false): Promise<RunRow | undefined> {
    let q = db.kysely
      .selectFrom('inspection_runs')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]));
    if (forUpdate && db.kind === 'postgres') q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && runRow(r);
  },

  async updateRun(db: Db, id: string, set: Partial<Omit<RunRow, 'id' | 'number'>>): Promise<void> {
    await db.kysely.updateTable('inspection_runs').set(set).where('id', '=', id).execute();
  },

  async runs(
    db: Db,
    q: {
      templateId?: string | undefined;
      state?: string | undefined;
      subject?: { kind: string; id: string } | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<{ rows: RunRow[]; nextCursor: string | null }> {
    let s = db.kysely.selectFrom('inspection_runs').selectAll();
    if (q.templateId !== undefined) s = s.where('template_id', '=', q.templateId);
    if (q.state !== undefined) s = s.where('state', '=', q.state as RunRow['state']);
    if (q.subject !== undefined)
      s = s.where('subject_kind', '=', q.subject.kind as 'incident').where('subject_id', '=', q.subject.id);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      s = s.where((eb) =>
        eb.or([eb('evaluated_at', '<', at), eb.and([eb('evaluated_at', '=', at), eb('id', '<', id)])]),
      );
    }
    const rows = (
      await s
        .orderBy('evaluated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute()
    ).map(runRow);
    const more = rows.length > q.limit;
    const kept = more ? rows.slice(0, q.limit) : rows;
    const last = kept[kept.length - 1];
    return { rows: kept, nextCursor: more && last ? encodeCursor(last.evaluated_at, last.id) : null };
  },

  async insertItems(db: Db, rows: NewRow<'inspection_run_items'>[]): Promise<void> {
    if (rows.length) await db.kysely.insertInto('inspection_run_items').values(rows).execute();
  },

  async items(db: Db, runIds: readonly string[]): Promise<ItemRow[]> {
    if (!runIds.length) return [];
    const rows = await db.kysely
      .selectFrom('inspection_run_items')
      .selectAll()
      .where('run_id', 'in', runIds)
      .orderBy('run_id')
      .orderBy('position')
      .execute();
    return rows.map(itemRow);
  },

  async updateItem(
    db: Db,
    runId: string,
    key: string,
    set: Partial<Omit<ItemRow, 'run_id' | 'item_key'>>,
  ): Promise<void> {
    await db.kysely
      .updateTable('inspection_run_items')
      .set(set)
      .where('run_id', '=', runId)
      .where('item_key', '=', key)
      .execute();
  },

  async appendEvent(db: Db, row: NewRow<'inspection_run_events'>): Promise<void> {
    await db.kysely.insertInto('inspection_run_events').values(row).execute();
  },

  async events(db: Db, runId: string): Promise<EventRow[]> {
    const rows = await db.kysely
      .selectFrom('inspection_run_events')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, at: Number(r.at) }));
  },

  async putReport(db: Db, row: NewRow<'inspection_reports'>): Promise<void> {
    await db.kysely
      .insertInto('inspection_reports')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['run_id', 'format']).doUpdateSet({
          locale: row.locale,
          content: row.content,
          sha256: row.sha256,
          bytes: row.bytes,
          created_at: row.created_at,
        }),
      )
      .execute();
  },

  async report(db: Db, runId: string, format: string): Promise<ReportRow | undefined> {
    const r = await db.kysely
      .selectFrom('inspection_reports')
      .selectAll()
      .where('run_id', '=', runId)
      .where('format', '=', format as ReportRow['format'])
      .executeTakeFirst();
    return r && { ...r, bytes: Number(r.bytes), created_at: Number(r.created_at) };
  },

  /** Stored reports, newest first, without their content. */
  async reports(db: Db, limit: number): Promise<Array<Omit<ReportRow, 'content'> & { number: string }>> {
    const rows = await db.kysely
      .selectFrom('inspection_reports as r')
      .innerJoin('inspection_runs as run', 'run.id', 'r.run_id')
      .select(['r.run_id', 'r.format', 'r.locale', 'r.sha256', 'r.bytes', 'r.created_at', 'run.number'])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.run_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, bytes: Number(r.bytes), created_at: Number(r.created_at) }));
  },
};
