import { sql } from 'kysely';
import type { Db } from '../db';
import type { ScheduleDays } from './schedule';
import type { InspectionSchedulesTable } from './schedules-tables';

export type {
  InspectionScheduleTables,
  InspectionSchedulesTable,
  InspectionScheduleStateTable,
} from './schedules-tables';

export interface ScheduleRow {
  id: string;
  name: string;
  templateId: string;
  templateKey: string;
  calendar: string;
  times: string[];
  days: ScheduleDays;
  inspector: string | null;
  reviewer: string | null;
  enabled: boolean;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  lastDueAt: number | null;
  lastRunAt: number | null;
  missedAt: number | null;
  missedCount: number;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

interface Joined {
  id: string;
  name: string;
  template_id: string;
  template_key: string | null;
  calendar: string;
  times: string;
  days: string;
  inspector: string | null;
  reviewer: string | null;
  enabled: number | string;
  created_at: number | string;
  created_by: string;
  updated_at: number | string;
  last_due_at: number | string | null;
  last_run_at: number | string | null;
  missed_at: number | string | null;
  missed_count: number | string | null;
}

function toRow(r: Joined): ScheduleRow {
  return {
    id: r.id,
    name: r.name,
    templateId: r.template_id,
    templateKey: r.template_key ?? '',
    calendar: r.calendar,
    times: JSON.parse(r.times) as string[],
    days: r.days as ScheduleDays,
    inspector: r.inspector,
    reviewer: r.reviewer,
    enabled: Number(r.enabled) === 1,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    updatedAt: Number(r.updated_at),
    lastDueAt: num(r.last_due_at),
    lastRunAt: num(r.last_run_at),
    missedAt: num(r.missed_at),
    missedCount: Number(r.missed_count ?? 0),
  };
}

/**
 * Schedules with their template's key and the scheduler's state. The templates table belongs to
 * migration 011 (inspections/store.ts); it is joined here with Kysely's `sql` template (bound
 * values) so this store needs no more of it than its id and key.
 */
export function scheduleStore(db: Db) {
  const select = (where: ReturnType<typeof sql>) =>
    sql<Joined>`
      SELECT s.id, s.name, s.template_id, t.key AS template_key, s.calendar, s.times, s.days,
             s.inspector, s.reviewer, s.enabled, s.created_at, s.created_by, s.updated_at,
             st.last_due_at, st.last_run_at, st.missed_at, st.missed_count
      FROM inspection_schedules s
      LEFT JOIN inspection_templates t ON t.id = s.template_id
      LEFT JOIN inspection_schedule_state st ON st.schedule_id = s.id
      WHERE ${where}
      ORDER BY s.name`.execute(db.kysely);
  return {
    async list(opts: { enabledOnly?: boolean } = {}): Promise<ScheduleRow[]> {
      const r = await select(opts.enabledOnly ? sql`s.enabled = 1` : sql`1 = 1`);
      return r.rows.map(toRow);
    },
    async get(id: string): Promise<ScheduleRow | undefined> {
      const r = await select(sql`s.id = ${id}`);
      return r.rows[0] ? toRow(r.rows[0]) : undefined;
    },
    async byName(name: string): Promise<ScheduleRow | undefined> {
      const r = await select(sql`s.name = ${name}`);
      return r.rows[0] ? toRow(r.rows[0]) : undefined;
    },
    /** the id of a template that is not archived, by key */
    async templateId(key: string): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        SELECT id FROM inspection_templates WHERE key = ${key} AND archived_at IS NULL`.execute(db.kysely);
      return r.rows[0]?.id;
    },
    async insert(row: InspectionSchedulesTable): Promise<void> {
      await db.kysely.insertInto('inspection_schedules').values(row).execute();
    },
    async update(id: string, patch: Partial<Omit<InspectionSchedulesTable, 'id'>>): Promise<void> {
      await db.kysely.updateTable('inspection_schedules').set(patch).where('id', '=', id).execute();
    },
    async remove(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.kysely.deleteFrom('inspection_schedule_state').where('schedule_id', '=', id).execute();
        await tx.kysely.deleteFrom('inspection_schedules').where('id', '=', id).execute();
      });
    },
    /**
     * Moves the scheduler's state forward, never back (another replica may have gone further), and
     * records as missed only the due times past the last one handled, so two replicas recording the
     * same skipped times count them once. The state row is locked (PostgreSQL) while it is read.
     * Returns how many due times were recorded as missed.
     */
    async advance(
      id: string,
      next: { dueAt: number; runAt?: number | undefined; missed?: readonly number[] },
      now: number,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.kysely
          .insertInto('inspection_schedule_state')
          .values({
            schedule_id: id,
            last_due_at: null,
            last_run_at: null,
            missed_at: null,
            missed_count: 0,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('schedule_id').doNothing())
          .execute();
        const read = tx.kysely
          .selectFrom('inspection_schedule_state')
          .selectAll()
          .where('schedule_id', '=', id);
        const cur = await (db.kind === 'postgres' ? read.forUpdate() : read).executeTakeFirstOrThrow();
        const lastDue = cur.last_due_at === null ? null : Number(cur.last_due_at);
        const missed = (next.missed ?? []).filter((t) => lastDue === null || t > lastDue);
        const max = (a: number | null, b: number | null | undefined) =>
          a === null ? (b ?? null) : b === null || b === undefined ? Number(a) : Math.max(Number(a), b);
        await tx.kysely
          .updateTable('inspection_schedule_state')
          .set({
            last_due_at: max(cur.last_due_at, next.dueAt),
            last_run_at: max(cur.last_run_at, next.runAt),
            missed_at: max(cur.missed_at, missed.length > 0 ? Math.max(...missed) : null),
            missed_count: Number(cur.missed_count) + missed.length,
            updated_at: now,
          })
          .where('schedule_id', '=', id)
          .execute();
        return missed.length;
      });
    },
  };
}
