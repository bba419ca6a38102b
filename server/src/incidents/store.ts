import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db';
import type { Row, RowUpdate, Tables } from '../db/tables';
import { badRequest } from '../http/errors';
import type { ListQuery, Severity, Status } from './schema';

export type IncidentRow = Row<'incidents'>;
export type AlertRow = Row<'incident_alerts'>;
export type PauseRow = Row<'incident_pauses'>;
export type TimelineRow = Row<'timeline'>;
export type IncidentUpdate = RowUpdate<'incidents'>;

type Incidents = ExpressionBuilder<Tables, 'incidents'>;

/** Every column of incidents: what update() may set (anything else in its argument is ignored). */
const COLUMNS = new Set<keyof IncidentRow>([
  'number',
  'title',
  'severity',
  'status',
  'service',
  'source',
  'labels',
  'symptom',
  'impact',
  'assignee',
  'support_mode',
  'group_key',
  'alertname',
  'truncated_alerts',
  'occurred_at',
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
  'closed_at',
  'waiting_since',
  'last_seen_at',
  'response_breached_at',
  'resolution_breached_at',
  'responded_at',
  'response_due_at',
  'response_risk_at',
  'resolution_due_at',
  'resolution_risk_at',
  'sla_stale',
  'created_at',
  'updated_at',
]);

/** Columns the SLA clocks are computed from. */
const CLOCK_INPUTS: ReadonlyArray<keyof IncidentRow> = [
  'severity',
  'service',
  'status',
  'detected_at',
  'responded_at',
  'resolved_at',
  'waiting_since',
];

const SORT_COLUMNS = {
  '-createdAt': { column: 'created_at', desc: true },
  createdAt: { column: 'created_at', desc: false },
  '-updatedAt': { column: 'updated_at', desc: true },
  updatedAt: { column: 'updated_at', desc: false },
  '-occurredAt': { column: 'occurred_at', desc: true },
  occurredAt: { column: 'occurred_at', desc: false },
  severity: { column: 'severity', desc: false },
} as const satisfies Record<ListQuery['sort'], { column: keyof IncidentRow; desc: boolean }>;

const OPEN_STATUSES = ['triggered', 'acknowledged', 'mitigated', 'waiting_for_customer'] as const;

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      (typeof v[0] === 'string' || typeof v[0] === 'number') &&
      typeof v[1] === 'string'
    ) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw badRequest('query cursor: not a cursor this server issued; use nextCursor from the previous page');
}

/**
 * `key=value` / `key!=value` on the labels JSON text; key and value are bound parameters. On
 * PostgreSQL an absent key is asked with jsonb's own `?` operator (`labels::jsonb ? key`).
 */
function labelMatcher(db: Db, matcher: string): Expression<SqlBool> {
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(!=|=)\s*(.*)$/.exec(matcher);
  if (!m) throw badRequest(`query label: expected key=value or key!=value, got ${JSON.stringify(matcher)}`);
  const [, key, op, value] = m as unknown as [string, string, string, string];
  if (db.kind === 'postgres')
    return op === '='
      ? sql<SqlBool>`(labels::jsonb ->> ${key}) = ${value}`
      : sql<SqlBool>`(NOT (labels::jsonb ? ${key}) OR (labels::jsonb ->> ${key}) <> ${value})`;
  const text = sql`json_extract(labels, '$.' || json_quote(${key}))`;
  return op === '='
    ? sql<SqlBool>`${text} = ${value}`
    : sql<SqlBool>`(${text} IS NULL OR ${text} <> ${value})`;
}

/** `text` anywhere in the title, the symptom or the number, case-insensitive; its LIKE wildcards are literal. */
function textMatcher(text: string): Expression<SqlBool> {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`(lower(title) LIKE ${like} ESCAPE '\\' OR lower(symptom) LIKE ${like} ESCAPE '\\' OR lower(number) LIKE ${like} ESCAPE '\\')`;
}

/** The conditions of a list filter (everything but sort and paging). */
function filter(db: Db, q: Omit<ListQuery, 'sort' | 'limit' | 'cursor'>) {
  return (eb: Incidents): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [];
    if (q.status?.length) where.push(eb('status', 'in', q.status));
    if (q.severity?.length) where.push(eb('severity', 'in', q.severity));
    if (q.service !== undefined) where.push(eb('service', '=', q.service));
    for (const matcher of q.label ?? []) where.push(labelMatcher(db, matcher));
    if (q.q) where.push(textMatcher(q.q));
    if (q.from) where.push(eb('occurred_at', '>=', Date.parse(q.from)));
    if (q.to) where.push(eb('occurred_at', '<', Date.parse(q.to)));
    return eb.and(where);
  };
}

/** 1 when the condition holds, else 0: summed, a count of the rows that match. */
const countIf = (eb: Incidents, condition: Expression<SqlBool>) =>
  eb.fn.sum<number | string>(eb.case().when(condition).then(1).else(0).end());

const numbers = <T extends Record<string, unknown>>(row: T, keys: ReadonlyArray<keyof T>) => {
  const out = { ...row };
  for (const k of keys) out[k] = Number(row[k] ?? 0) as T[keyof T];
  return out;
};

export const incidentStore = {
  async insert(db: Db, row: IncidentRow): Promise<void> {
    await db.kysely.insertInto('incidents').values(row).execute();
  },

  get: (db: Db, idOrNumber: string) =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
      .executeTakeFirst(),

  /**
   * Updates columns of an incident (a field given as undefined is set to NULL). A change to what
   * the SLA clocks depend on that does not also bring the recomputed clocks (refreshClocks does)
   * marks them stale, so the next SLA tick recomputes them: no path can leave a due time behind.
   */
  async update(db: Db, id: string, fields: IncidentUpdate): Promise<void> {
    if (CLOCK_INPUTS.some((k) => k in fields) && !('sla_stale' in fields))
      fields = { ...fields, sla_stale: 1 };
    const set = Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => COLUMNS.has(k as keyof IncidentRow))
        .map(([k, v]) => [k, v ?? null]),
    ) as IncidentUpdate;
    if (Object.keys(set).length === 0) return;
    await db.kysely.updateTable('incidents').set(set).where('id', '=', id).execute();
  },

  async nextNumber(db: Db, prefix: string, year: number): Promise<string> {
    const name = `${prefix}-${year}`;
    const row = await db.kysely
      .insertInto('counters')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirst();
    return `${name}-${String(row?.value ?? 1).padStart(4, '0')}`;
  },

  async list(db: Db, q: ListQuery): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
    const sort = SORT_COLUMNS[q.sort];
    const dir = sort.desc ? 'desc' : 'asc';
    let query = db.kysely.selectFrom('incidents').selectAll().where(filter(db, q));
    if (q.cursor) {
      const [value, id] = decodeCursor(q.cursor);
      // a cursor of another sort, or edited by hand, must not reach the database (PostgreSQL refuses the type)
      if (sort.column === 'severity' ? typeof value !== 'string' : !Number.isSafeInteger(value))
        throw badRequest(
          `query cursor: not a cursor of sort=${q.sort}; use nextCursor from the previous page`,
        );
      query = query.where((eb) =>
        eb(eb.refTuple(sort.column, 'id'), sort.desc ? '<' : '>', eb.tuple(value as never, id)),
      );
    }
    const rows = await query
      .orderBy(sort.column, dir)
      .orderBy('id', dir)
      .limit(q.limit + 1)
      .execute();
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const last = page[page.length - 1];
    return { rows: page, nextCursor: more && last ? encodeCursor(last[sort.column], last.id) : null };
  },

  async countByStatus(
    db: Db,
    q: Omit<ListQuery, 'sort' | 'limit' | 'cursor'>,
  ): Promise<Record<string, number>> {
    const rows = await db.kysely
      .selectFrom('incidents')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where(filter(db, { ...q, status: undefined }))
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  openByGroupKey: (db: Db, groupKey: string) =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('group_key', '=', groupKey)
      .where('status', 'not in', ['resolved', 'closed'])
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  lastByGroupKey: (db: Db, groupKey: string) =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('group_key', '=', groupKey)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** Appends a timeline entry; returns its id. */
  async appendTimeline(
    db: Db,
    incidentId: string,
    at: number,
    kind: string,
    actor: string,
    data: Record<string, unknown> = {},
  ): Promise<number> {
    const row = await db.kysely
      .insertInto('timeline')
      .values({ incident_id: incidentId, at, kind, actor, data: JSON.stringify(data) })
      .returning('id')
      .executeTakeFirst();
    return Number(row?.id);
  },

  timeline: (db: Db, incidentId: string) =>
    db.kysely
      .selectFrom('timeline')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('id')
      .execute(),

  openPause: async (db: Db, incidentId: string, reason: PauseRow['reason'], at: number) => {
    await db.kysely
      .insertInto('incident_pauses')
      .values({ incident_id: incidentId, reason, started_at: at, ended_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  closePause: async (db: Db, incidentId: string, reason: PauseRow['reason'], at: number) => {
    await db.kysely
      .updateTable('incident_pauses')
      .set({ ended_at: at })
      .where('incident_id', '=', incidentId)
      .where('reason', '=', reason)
      .where('ended_at', 'is', null)
      .execute();
  },

  async pauses(db: Db, ids: readonly string[]): Promise<Map<string, PauseRow[]>> {
    const out = new Map<string, PauseRow[]>();
    if (ids.length === 0) return out;
    const rows = await db.kysely
      .selectFrom('incident_pauses')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('started_at')
      .execute();
    for (const r of rows) out.set(r.incident_id, [...(out.get(r.incident_id) ?? []), r]);
    return out;
  },

  /**
   * A page of the incident's alerts: one row per fingerprint, its latest firing (an alert that
   * fired again after a reopen is listed once), ordered by when it started.
   */
  async alerts(
    db: Db,
    incidentId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ rows: AlertRow[]; nextCursor: string | null }> {
    let query = db.kysely
      .selectFrom('incident_alerts as a')
      .selectAll('a')
      .where('a.incident_id', '=', incidentId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('incident_alerts as b')
              .select(sql.lit(1).as('x'))
              .whereRef('b.fingerprint', '=', 'a.fingerprint')
              .whereRef('b.starts_at', '>', 'a.starts_at')
              .whereRef('b.incident_id', '=', 'a.incident_id'),
          ),
        ),
      );
    if (page.cursor) {
      const [startsAt, fingerprint] = decodeCursor(page.cursor);
      if (typeof startsAt !== 'number') throw badRequest('query cursor: not a cursor this server issued');
      query = query.where((eb) =>
        eb(eb.refTuple('a.starts_at', 'a.fingerprint'), '>', eb.tuple(startsAt, fingerprint)),
      );
    }
    const rows = await query
      .orderBy('a.starts_at')
      .orderBy('a.fingerprint')
      .limit(page.limit + 1)
      .execute();
    const more = rows.length > page.limit;
    const list = more ? rows.slice(0, page.limit) : rows;
    const last = list[list.length - 1];
    return {
      rows: list,
      nextCursor: more && last ? encodeCursor(Number(last.starts_at), last.fingerprint) : null,
    };
  },

  async alertCount(db: Db, incidentId: string): Promise<number> {
    const row = await db.kysely
      .selectFrom('incident_alerts')
      .select((eb) => eb.fn.count<number>('fingerprint').distinct().as('n'))
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** A person resolved or closed the incident: its alerts still firing are closed with it. Returns how many. */
  async closeFiringAlerts(db: Db, incidentId: string, at: number): Promise<number> {
    const r = await db.kysely
      .updateTable('incident_alerts')
      .set({ status: 'closed', ends_at: at })
      .where('incident_id', '=', incidentId)
      .where('status', '=', 'firing')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  hasReview: async (db: Db, incidentId: string) =>
    (await db.kysely
      .selectFrom('reviews')
      .select('incident_id')
      .where('incident_id', '=', incidentId)
      .executeTakeFirst()) !== undefined,

  /** Incidents whose stored clocks must be recomputed, a batch at a time. */
  staleClocks: (db: Db, limit: number, afterId = '') =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('sla_stale', '=', 1)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute(),

  /** A new calendar day or a configuration reload: every open incident's clocks are recomputed. Returns how many. */
  async markOpenClocksStale(db: Db): Promise<number> {
    const r = await db.kysely
      .updateTable('incidents')
      .set({ sla_stale: 1 })
      .where('status', 'not in', ['resolved', 'closed'])
      .where('sla_stale', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Goals fallen due and not yet recorded as breached (indexed on the due columns). */
  dueUnrecorded: (db: Db, goal: 'response' | 'resolution', now: number, limit: number) => {
    const due = `${goal}_due_at` as const;
    return db.kysely
      .selectFrom('incidents')
      .select((eb) => ['id', 'severity', eb.ref(due).$notNull().as('due_at')])
      .where(due, '<=', now)
      .where(`${goal}_breached_at`, 'is', null)
      .orderBy(due)
      .limit(limit)
      .execute();
  },

  /** Records a goal's breach at `at` unless one is recorded already; true when this call recorded it. */
  async recordBreach(db: Db, goal: 'response' | 'resolution', id: string, at: number): Promise<boolean> {
    const column = `${goal}_breached_at` as const;
    const r = await db.kysely
      .updateTable('incidents')
      .set({ [column]: at })
      .where('id', '=', id)
      .where(column, 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /**
   * Open incidents per severity and status with their clock figures at `now`, from the stored
   * due times: one pass over the open incidents, no calendar walk.
   */
  async openClockCounts(db: Db, now: number) {
    const rows = await db.kysely
      .selectFrom('incidents')
      .select((eb) => [
        'severity',
        'status',
        eb.fn.countAll<number>().as('n'),
        countIf(eb, eb.and([eb('response_risk_at', '<=', now), eb('response_due_at', '>', now)])).as(
          'response_at_risk',
        ),
        countIf(eb, eb.and([eb('resolution_risk_at', '<=', now), eb('resolution_due_at', '>', now)])).as(
          'resolution_at_risk',
        ),
        countIf(eb, eb('response_due_at', '<=', now)).as('response_breached'),
        countIf(eb, eb('resolution_due_at', '<=', now)).as('resolution_breached'),
      ])
      .where('status', 'in', OPEN_STATUSES)
      .groupBy(['severity', 'status'])
      .execute();
    return rows.map((r) =>
      numbers(r, ['n', 'response_at_risk', 'resolution_at_risk', 'response_breached', 'resolution_breached']),
    ) as Array<{
      severity: Severity;
      status: Status;
      n: number;
      response_at_risk: number;
      resolution_at_risk: number;
      response_breached: number;
      resolution_breached: number;
    }>;
  },

  /** Met and breached goals of incidents detected in [from, to), from the stored clocks. */
  async decidedGoals(db: Db, from: number, to: number, now: number) {
    const rows = await db.kysely
      .selectFrom('incidents')
      .select((eb) => [
        'severity',
        countIf(
          eb,
          eb.and([
            eb('responded_at', 'is not', null),
            eb('response_breached_at', 'is', null),
            eb.or([eb('response_due_at', 'is', null), eb('response_due_at', '>', now)]),
          ]),
        ).as('response_met'),
        countIf(eb, eb.or([eb('response_breached_at', 'is not', null), eb('response_due_at', '<=', now)])).as(
          'response_breached',
        ),
        countIf(
          eb,
          eb.and([
            eb('resolved_at', 'is not', null),
            eb('resolution_breached_at', 'is', null),
            eb.or([eb('resolution_due_at', 'is', null), eb('resolution_due_at', '>', now)]),
            // not self-cleared: someone responded, or the response goal fell due first
            eb.or([
              eb('responded_at', 'is not', null),
              eb('response_breached_at', 'is not', null),
              eb('response_due_at', 'is not', null),
            ]),
          ]),
        ).as('resolution_met'),
        countIf(
          eb,
          eb.or([eb('resolution_breached_at', 'is not', null), eb('resolution_due_at', '<=', now)]),
        ).as('resolution_breached'),
      ])
      .where('detected_at', '>=', from)
      .where('detected_at', '<', to)
      .groupBy('severity')
      .execute();
    return rows.map((r) =>
      numbers(r, ['response_met', 'response_breached', 'resolution_met', 'resolution_breached']),
    ) as Array<{
      severity: Severity;
      response_met: number;
      response_breached: number;
      resolution_met: number;
      resolution_breached: number;
    }>;
  },

  async staleCount(db: Db): Promise<number> {
    const row = await db.kysely
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sla_stale', '=', 1)
      .where('id', '>', '') // the partial index on (id) WHERE sla_stale = 1 answers it
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async resolvedBySeverity(db: Db): Promise<Array<{ severity: Severity; n: number }>> {
    const rows = await db.kysely
      .selectFrom('incidents')
      .select((eb) => ['severity', eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'resolved')
      .groupBy('severity')
      .execute();
    return rows.map((r) => ({ severity: r.severity, n: Number(r.n) }));
  },

  between: (db: Db, from: number, to: number, service?: string) =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('detected_at', '>=', from)
      .where('detected_at', '<', to)
      .$if(service !== undefined, (qb) => qb.where('service', '=', service as string))
      .orderBy('detected_at')
      .execute(),
};
