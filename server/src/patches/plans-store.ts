import { sql } from 'kysely';
import type { Db } from '../db';
import type { NewRow, Row, RowUpdate } from '../db/tables';
import { badRequest } from '../http/errors';
import type { ListPlansQuery, PlanState } from './plans-schema';

export type PlanRow = Row<'patch_plans'>;
export type PlanTimelineRow = Row<'patch_plan_timeline'>;

const num = (v: number | null) => (v === null || v === undefined ? null : Number(v));

/** PostgreSQL's BIGINT may arrive as a string on some paths; the gates compare numbers. */
function planOf(r: PlanRow): PlanRow {
  return {
    ...r,
    window_start: num(r.window_start),
    window_end: num(r.window_end),
    installed_at: num(r.installed_at),
    created_at: Number(r.created_at),
    updated_at: Number(r.updated_at),
  };
}

function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
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

/** `"host"` inside the hosts JSON array text, its LIKE wildcards literal. */
function hostLike(host: string): string {
  return `%${JSON.stringify(host).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const planStore = {
  async insert(db: Db, row: NewRow<'patch_plans'>): Promise<void> {
    await db.kysely.insertInto('patch_plans').values(row).execute();
  },

  async nextNumber(db: Db): Promise<string> {
    const row = await db.kysely
      .insertInto('counters')
      .values({ name: 'PP', value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirst();
    return `PP-${Number(row?.value ?? 1)}`;
  },

  /** A plan by id or number (PP-3). */
  async get(db: Db, idOrNumber: string): Promise<PlanRow | undefined> {
    const row = await db.kysely
      .selectFrom('patch_plans')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
      .executeTakeFirst();
    return row && planOf(row);
  },

  /**
   * Writes a step if the plan is still as it was read (its state and updated_at): a second
   * request that raced this one finds nothing to update, and the caller answers 409.
   */
  async update(
    db: Db,
    id: string,
    expect: { state: string; updated_at: number },
    fields: RowUpdate<'patch_plans'>,
  ): Promise<boolean> {
    const r = await db.kysely
      .updateTable('patch_plans')
      .set(fields)
      .where('id', '=', id)
      .where('state', '=', expect.state)
      .where('updated_at', '=', expect.updated_at)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async list(db: Db, q: ListPlansQuery): Promise<{ rows: PlanRow[]; nextCursor: string | null }> {
    let query = db.kysely.selectFrom('patch_plans').selectAll();
    if (q.state?.length) query = query.where('state', 'in', q.state);
    if (q.host !== undefined) query = query.where(sql<boolean>`hosts LIKE ${hostLike(q.host)} ESCAPE '\\'`);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id)));
    }
    const rows = (
      await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute()
    ).map(planOf);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      rows: page,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  },

  async addTimeline(
    db: Db,
    entry: { plan_id: string; at: number; actor: string; kind: string; detail: Record<string, unknown> },
  ): Promise<void> {
    await db.kysely
      .insertInto('patch_plan_timeline')
      .values({ ...entry, detail: JSON.stringify(entry.detail) })
      .execute();
  },

  async timeline(db: Db, planId: string): Promise<PlanTimelineRow[]> {
    const rows = await db.kysely
      .selectFrom('patch_plan_timeline')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) }));
  },

  /** Plans by state, and scheduled plans whose window ended before `now` (for /metrics). */
  async counts(db: Db, now: number): Promise<{ byState: Map<string, number>; windowPassed: number }> {
    const rows = await db.kysely
      .selectFrom('patch_plans')
      .select(['state', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('state')
      .execute();
    const passed = await db.kysely
      .selectFrom('patch_plans')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('state', '=', 'scheduled' satisfies PlanState)
      .where('window_end', '<', now)
      .executeTakeFirst();
    return {
      byState: new Map(rows.map((r) => [r.state, Number(r.n)])),
      windowPassed: Number(passed?.n ?? 0),
    };
  },
};

/** Whether a patch plan with this id or number (PP-3) exists (vulnerabilities link findings to plans). */
export async function patchPlanExists(db: Db, id: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('patch_plans')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', id), eb('number', '=', id)]))
    .executeTakeFirst();
  return row !== undefined;
}
