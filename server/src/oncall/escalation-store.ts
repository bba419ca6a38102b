import type { Db } from '../db';
import type { AnswersSince } from './escalation';
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
    run: Number(r.run),
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
          // a reopened incident keeps its first acknowledgement and response: a run a reopen
          // started is answered by a transition off triggered or a comment since it began
          eb.and([
            eb('e.run', '=', 1),
            eb.or([eb('i.acknowledged_at', 'is not', null), eb('i.responded_at', 'is not', null)]),
          ]),
          eb.and([
            eb('e.run', '>', 1),
            eb.or([
              eb('i.status', '<>', 'triggered'),
              eb.exists(
                eb
                  .selectFrom('timeline as t')
                  .select('t.id')
                  .whereRef('t.incident_id', '=', 'e.incident_id')
                  .where('t.kind', '=', 'comment')
                  .whereRef('t.at', '>=', 'e.started_at'),
              ),
            ]),
          ]),
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

  /**
   * Escalations of incidents reopened since their run began (open again, a reopen on the timeline
   * after started_at), with the latest reopen: each starts its next run from there.
   */
  async reopened(db: Db, limit: number): Promise<Array<{ incident_id: string; reopened_at: number }>> {
    const rows = await db.kysely
      .selectFrom('escalations as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .innerJoin('timeline as t', 't.incident_id', 'e.incident_id')
      .select(['e.incident_id', (eb) => eb.fn.max('t.at').as('reopened_at')])
      .where('i.status', 'not in', ['resolved', 'closed'])
      .where('t.kind', '=', 'status_changed')
      .where('t.data', 'like', '%"action":"reopen"%')
      .whereRef('t.at', '>', 'e.started_at')
      .groupBy('e.incident_id')
      .orderBy('e.incident_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ incident_id: r.incident_id, reopened_at: Number(r.reopened_at) }));
  },

  /**
   * Escalations whose run matched no policy and is neither stopped nor finished, of open incidents
   * (a later severity may match one), by incident id after `afterId`.
   */
  async unmatched(db: Db, limit: number, afterId = '') {
    const rows = await db.kysely
      .selectFrom('escalations as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .select([...INCIDENT_COLUMNS.map((c) => `i.${c}` as const), 'e.run', 'e.started_at as run_started_at'])
      .where('e.policy', 'is', null)
      .where('e.next_at', 'is', null)
      .where('e.stopped_at', 'is', null)
      .where('e.finished_at', 'is', null)
      .where('i.status', 'not in', ['resolved', 'closed'])
      .where('i.id', '>', afterId)
      .orderBy('i.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...incidentOf(r),
      run: Number(r.run),
      run_started_at: Number(r.run_started_at),
    }));
  },

  /**
   * The first acknowledgement (a transition by acknowledge or mitigate) and the first comment on
   * the incident at or after `since`: what answers a run a reopen started.
   */
  async answersSince(db: Db, incidentId: string, since: number): Promise<AnswersSince> {
    const rows = await db.kysely
      .selectFrom('timeline')
      .select(['at', 'kind', 'data'])
      .where('incident_id', '=', incidentId)
      .where('at', '>=', since)
      .where((eb) =>
        eb.or([
          eb('kind', '=', 'comment'),
          eb.and([
            eb('kind', '=', 'status_changed'),
            eb.or([
              eb('data', 'like', '%"action":"acknowledge"%'),
              eb('data', 'like', '%"action":"mitigate"%'),
            ]),
          ]),
        ]),
      )
      .orderBy('at')
      .orderBy('id')
      .execute();
    const first = (kind: string) => {
      const r = rows.find((x) => x.kind === kind);
      return r ? Number(r.at) : null;
    };
    return { acknowledged_at: first('status_changed'), responded_at: first('comment') };
  },

  /** Starts the next run of an escalation still at run `run` (a second writer changes nothing). */
  async restart(db: Db, incidentId: string, run: number, fields: RowUpdate<'escalations'>): Promise<boolean> {
    const r = await db.kysely
      .updateTable('escalations')
      .set(fields)
      .where('incident_id', '=', incidentId)
      .where('run', '=', run)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Gives a run that matched no policy the one it matches now, while it still has none. */
  async begin(db: Db, incidentId: string, run: number, fields: RowUpdate<'escalations'>): Promise<boolean> {
    const r = await db.kysely
      .updateTable('escalations')
      .set(fields)
      .where('incident_id', '=', incidentId)
      .where('run', '=', run)
      .where('policy', 'is', null)
      .where('next_at', 'is', null)
      .where('stopped_at', 'is', null)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
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
      .onConflict((oc) => oc.columns(['incident_id', 'run', 'policy', 'repeat', 'step']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** The channels a recorded page was queued to (known once its event is built). */
  async setStepChannels(
    db: Db,
    key: Pick<EscalationStepRow, 'incident_id' | 'run' | 'policy' | 'repeat' | 'step'>,
    channels: string[],
  ): Promise<void> {
    await db.kysely
      .updateTable('escalation_steps')
      .set({ channels: JSON.stringify(channels) })
      .where('incident_id', '=', key.incident_id)
      .where('run', '=', key.run)
      .where('policy', '=', key.policy)
      .where('repeat', '=', key.repeat)
      .where('step', '=', key.step)
      .execute();
  },

  async steps(db: Db, incidentId: string): Promise<EscalationStepRow[]> {
    const rows = await db.kysely
      .selectFrom('escalation_steps')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('at')
      .orderBy('run')
      .orderBy('repeat')
      .orderBy('step')
      .execute();
    return rows.map((r) => ({
      ...r,
      run: Number(r.run),
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
