import type { Db } from '../db';
import type { NewRow, Row, RowUpdate } from '../db/tables';

export type EscalationRow = Row<'escalations'>;
export type EscalationStepRow = Row<'escalation_steps'>;

/** What the escalation rules read of an incident. */
const INCIDENT_COLUMNS = [
  'id',
  'number',
  'title',
  'severity',
  'service',
  'status',
  'created_at',
  'acknowledged_at',
  'responded_at',
  'resolved_at',
  'closed_at',
] as const;

const num = (v: number | null) => (v === null || v === undefined ? null : Number(v));

/** PostgreSQL's BIGINT columns may arrive as strings on some paths; the rules compare numbers. */
function escalationOf(r: EscalationRow): EscalationRow {
  return {
    ...r,
    started_at: Number(r.started_at),
    step: Number(r.step),
    repeat: Number(r.repeat),
    due_at: num(r.due_at),
    next_at: num(r.next_at),
    stopped_at: num(r.stopped_at),
    finished_at: num(r.finished_at),
    updated_at: Number(r.updated_at),
  };
}

function incidentOf<T extends Record<(typeof INCIDENT_COLUMNS)[number], unknown>>(r: T) {
  return {
    ...r,
    created_at: Number(r.created_at),
    acknowledged_at: num(r.acknowledged_at as number | null),
    responded_at: num(r.responded_at as number | null),
    resolved_at: num(r.resolved_at as number | null),
    closed_at: num(r.closed_at as number | null),
  };
}

export const escalationStore = {
  /** Incidents that have no escalation row yet (opened since the last tick), oldest first. */
  async unstarted(db: Db, limit: number) {
    const rows = await db.kysely
      .selectFrom('incidents as i')
      .leftJoin('escalations as e', 'e.incident_id', 'i.id')
      .select(INCIDENT_COLUMNS.map((c) => `i.${c}` as const))
      .where('e.incident_id', 'is', null)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .limit(limit)
      .execute();
    return rows.map(incidentOf);
  },

  /** True when this call created the row (a concurrent start loses quietly). */
  async insert(db: Db, row: NewRow<'escalations'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('escalations')
      .values(row)
      .onConflict((oc) => oc.column('incident_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Running escalations whose incident a person acknowledged or responded to, or that was resolved or closed. */
  async answered(db: Db, limit: number) {
    const rows = await db.kysely
      .selectFrom('escalations as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .select(INCIDENT_COLUMNS.map((c) => `i.${c}` as const))
      .where('e.next_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('i.acknowledged_at', 'is not', null),
          eb('i.responded_at', 'is not', null),
          eb('i.resolved_at', 'is not', null),
          eb('i.closed_at', 'is not', null),
          eb('i.status', 'in', ['resolved', 'closed']),
        ]),
      )
      .orderBy('e.next_at')
      .limit(limit)
      .execute();
    return rows.map(incidentOf);
  },

  /** Running escalations of incidents nobody answered yet, with what chooses their policy. */
  async running(db: Db, limit: number, afterId = '') {
    const rows = await db.kysely
      .selectFrom('escalations as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .select([...INCIDENT_COLUMNS.map((c) => `i.${c}` as const), 'e.policy'])
      .where('e.next_at', 'is not', null)
      .where('i.id', '>', afterId)
      .orderBy('i.id')
      .limit(limit)
      .execute();
    return rows.map(incidentOf);
  },

  /** Escalations whose next step pages at or before `now` (indexed on next_at). */
  async due(db: Db, now: number, limit: number): Promise<EscalationRow[]> {
    const rows = await db.kysely
      .selectFrom('escalations')
      .selectAll()
      .where('next_at', '<=', now)
      .orderBy('next_at')
      .orderBy('incident_id')
      .limit(limit)
      .execute();
    return rows.map(escalationOf);
  },

  /** One escalation; `lock`: FOR UPDATE on PostgreSQL (SQLite's write transaction already excludes others). */
  async get(db: Db, incidentId: string, lock = false): Promise<EscalationRow | undefined> {
    const r = await db.kysely
      .selectFrom('escalations')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .$if(lock && db.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    return r ? escalationOf(r) : undefined;
  },

  /**
   * The incident as the rules read it; `lock`: FOR UPDATE on PostgreSQL, so an acknowledgement
   * committing meanwhile is either seen here or waits for this page's transaction to end.
   */
  async incident(db: Db, id: string, lock = false) {
    const r = await db.kysely
      .selectFrom('incidents')
      .select(INCIDENT_COLUMNS)
      .where('id', '=', id)
      .$if(lock && db.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    return r ? incidentOf(r) : undefined;
  },

  /** Changes an escalation only while it is still at step/repeat (a second writer changes nothing). */
  async advance(
    db: Db,
    incidentId: string,
    at: { step: number; repeat: number },
    fields: RowUpdate<'escalations'>,
  ): Promise<boolean> {
    const r = await db.kysely
      .updateTable('escalations')
      .set(fields)
      .where('incident_id', '=', incidentId)
      .where('step', '=', at.step)
      .where('repeat', '=', at.repeat)
      .where('next_at', 'is not', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Records a page; false when this step of this repeat was paged already (it never pages twice). */
  async insertStep(db: Db, row: NewRow<'escalation_steps'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('escalation_steps')
      .values(row)
      .onConflict((oc) => oc.columns(['incident_id', 'policy', 'repeat', 'step']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async steps(db: Db, incidentId: string): Promise<EscalationStepRow[]> {
    const rows = await db.kysely
      .selectFrom('escalation_steps')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('at')
      .orderBy('repeat')
      .orderBy('step')
      .execute();
    return rows.map((r) => ({
      ...r,
      repeat: Number(r.repeat),
      step: Number(r.step),
      due_at: Number(r.due_at),
      at: Number(r.at),
    }));
  },

  /** Who acted on the incident at `at` (the acknowledgement, comment or transition that stopped it). */
  async actorAt(db: Db, incidentId: string, at: number): Promise<string | null> {
    const r = await db.kysely
      .selectFrom('timeline')
      .select('actor')
      .where('incident_id', '=', incidentId)
      .where('at', '=', at)
      .where('kind', 'in', ['status_changed', 'comment'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return r?.actor ?? null;
  },

  async runningCount(db: Db): Promise<number> {
    const r = await db.kysely
      .selectFrom('escalations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('next_at', 'is not', null)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};
