import type { Db, Param } from '../db';
import { badRequest } from '../http/errors';
import type { ListQuery, Severity, Status } from './schema';

export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  status: Status;
  service: string;
  source: 'alertmanager' | 'manual';
  labels: string;
  symptom: string;
  impact: string;
  assignee: string | null;
  support_mode: 'remote' | 'onsite' | null;
  group_key: string | null;
  alertname: string | null;
  /** alerts Alertmanager left out of the group's latest notification (migration 003) */
  truncated_alerts?: number;
  occurred_at: number;
  detected_at: number;
  acknowledged_at: number | null;
  mitigated_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  waiting_since: number | null;
  last_seen_at: number | null;
  response_breached_at: number | null;
  resolution_breached_at: number | null;
  /** first action of a person (acknowledge, a transition, a comment); stops the response clock */
  responded_at: number | null;
  response_due_at: number | null;
  response_risk_at: number | null;
  resolution_due_at: number | null;
  resolution_risk_at: number | null;
  /** 1: the stored clocks above must be recomputed (the SLA tick does it) */
  sla_stale: number;
  created_at: number;
  updated_at: number;
}

export interface AlertRow {
  fingerprint: string;
  starts_at: number;
  incident_id: string;
  /** closed: a person resolved or closed the incident while Alertmanager still reported it firing */
  status: 'firing' | 'resolved' | 'closed';
  ends_at: number | null;
  alertname: string;
  labels: string;
  annotations: string;
  generator_url: string;
  first_seen_at: number;
  last_seen_at: number;
}

export interface PauseRow {
  incident_id: string;
  reason: 'waiting' | 'resolved';
  started_at: number;
  ended_at: number | null;
}

export interface TimelineRow {
  id: number;
  incident_id: string;
  at: number;
  kind: string;
  actor: string;
  data: string;
}

const COLUMNS = [
  'id',
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
] as const;

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

const SORT_COLUMNS: Record<ListQuery['sort'], { column: string; desc: boolean }> = {
  '-createdAt': { column: 'created_at', desc: true },
  createdAt: { column: 'created_at', desc: false },
  '-updatedAt': { column: 'updated_at', desc: true },
  updatedAt: { column: 'updated_at', desc: false },
  '-occurredAt': { column: 'occurred_at', desc: true },
  occurredAt: { column: 'occurred_at', desc: false },
  severity: { column: 'severity', desc: false },
};

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

/** `key=value` / `key!=value` → SQL on the labels JSON. */
function labelMatcher(db: Db, matcher: string): { sql: string; params: Param[] } {
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(!=|=)\s*(.*)$/.exec(matcher);
  if (!m) throw badRequest(`query label: expected key=value or key!=value, got ${JSON.stringify(matcher)}`);
  const [, key, op, value] = m as unknown as [string, string, string, string];
  const expr = db.jsonText('labels');
  return op === '='
    ? { sql: `${expr} = ?`, params: [key, value] }
    : { sql: `(${expr} IS NULL OR ${expr} <> ?)`, params: [key, key, value] };
}

/** WHERE clauses of a list filter (everything but sort and paging). */
function filterClauses(
  db: Db,
  q: Omit<ListQuery, 'sort' | 'limit' | 'cursor'>,
): { where: string[]; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  if (q.status?.length) {
    where.push(`status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.severity?.length) {
    where.push(`severity IN (${q.severity.map(() => '?').join(', ')})`);
    params.push(...q.severity);
  }
  if (q.service !== undefined) {
    where.push('service = ?');
    params.push(q.service);
  }
  for (const matcher of q.label ?? []) {
    const m = labelMatcher(db, matcher);
    where.push(m.sql);
    params.push(...m.params);
  }
  if (q.q) {
    // LIKE wildcards in the user's text are literal
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      "(lower(title) LIKE ? ESCAPE '\\' OR lower(symptom) LIKE ? ESCAPE '\\' OR lower(number) LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  if (q.from) {
    where.push('occurred_at >= ?');
    params.push(Date.parse(q.from));
  }
  if (q.to) {
    where.push('occurred_at < ?');
    params.push(Date.parse(q.to));
  }
  return { where, params };
}

export const incidentStore = {
  async insert(db: Db, row: IncidentRow): Promise<void> {
    await db.run(
      `INSERT INTO incidents (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
      COLUMNS.map((c) => row[c]),
    );
  },

  get: (db: Db, idOrNumber: string) =>
    db.get<IncidentRow>('SELECT * FROM incidents WHERE id = ? OR number = ?', [idOrNumber, idOrNumber]),

  /**
   * Updates columns of an incident. A change to what the SLA clocks depend on that does not also
   * bring the recomputed clocks (refreshClocks does) marks them stale, so the next SLA tick
   * recomputes them: no path can leave a due time behind.
   */
  async update(db: Db, id: string, fields: Partial<IncidentRow>): Promise<void> {
    if (CLOCK_INPUTS.some((k) => k in fields) && !('sla_stale' in fields))
      fields = { ...fields, sla_stale: 1 };
    const keys = Object.keys(fields).filter((k) => (COLUMNS as readonly string[]).includes(k) && k !== 'id');
    if (keys.length === 0) return;
    await db.run(`UPDATE incidents SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [
      ...keys.map((k) => (fields as Record<string, Param>)[k] ?? null),
      id,
    ]);
  },

  async nextNumber(db: Db, prefix: string, year: number): Promise<string> {
    const name = `${prefix}-${year}`;
    const row = await db.get<{ value: number }>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value',
      [name],
    );
    return `${name}-${String(row?.value ?? 1).padStart(4, '0')}`;
  },

  async list(db: Db, q: ListQuery): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
    const { where, params } = filterClauses(db, q);
    const sort = SORT_COLUMNS[q.sort];
    const dir = sort.desc ? 'DESC' : 'ASC';
    if (q.cursor) {
      const [value, id] = decodeCursor(q.cursor);
      // a cursor of another sort, or edited by hand, must not reach the database (PostgreSQL refuses the type)
      if (sort.column === 'severity' ? typeof value !== 'string' : !Number.isSafeInteger(value))
        throw badRequest(
          `query cursor: not a cursor of sort=${q.sort}; use nextCursor from the previous page`,
        );
      where.push(`(${sort.column}, id) ${sort.desc ? '<' : '>'} (?, ?)`);
      params.push(value, id);
    }
    const sql = `SELECT * FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${sort.column} ${dir}, id ${dir} LIMIT ?`;
    const rows = await db.all<IncidentRow>(sql, [...params, q.limit + 1]);
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const last = page[page.length - 1];
    const nextCursor =
      more && last
        ? encodeCursor(
            (last as unknown as Record<string, string | number>)[sort.column] as string | number,
            last.id,
          )
        : null;
    return { rows: page, nextCursor };
  },

  async countByStatus(
    db: Db,
    q: Omit<ListQuery, 'sort' | 'limit' | 'cursor'>,
  ): Promise<Record<string, number>> {
    const { where, params } = filterClauses(db, { ...q, status: undefined });
    const rows = await db.all<{ status: string; n: number }>(
      `SELECT status, COUNT(*) AS n FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY status`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  openByGroupKey: (db: Db, groupKey: string) =>
    db.get<IncidentRow>(
      "SELECT * FROM incidents WHERE group_key = ? AND status NOT IN ('resolved', 'closed') ORDER BY created_at DESC LIMIT 1",
      [groupKey],
    ),

  lastByGroupKey: (db: Db, groupKey: string) =>
    db.get<IncidentRow>('SELECT * FROM incidents WHERE group_key = ? ORDER BY created_at DESC LIMIT 1', [
      groupKey,
    ]),

  /** Appends a timeline entry; returns its id. */
  async appendTimeline(
    db: Db,
    incidentId: string,
    at: number,
    kind: string,
    actor: string,
    data: Record<string, unknown> = {},
  ): Promise<number> {
    const row = await db.get<{ id: number }>(
      'INSERT INTO timeline (incident_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [incidentId, at, kind, actor, JSON.stringify(data)],
    );
    return Number(row?.id);
  },

  timeline: (db: Db, incidentId: string) =>
    db.all<TimelineRow>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY id', [incidentId]),

  openPause: (db: Db, incidentId: string, reason: PauseRow['reason'], at: number) =>
    db.run(
      'INSERT INTO incident_pauses (incident_id, reason, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [incidentId, reason, at],
    ),

  closePause: (db: Db, incidentId: string, reason: PauseRow['reason'], at: number) =>
    db.run(
      'UPDATE incident_pauses SET ended_at = ? WHERE incident_id = ? AND reason = ? AND ended_at IS NULL',
      [at, incidentId, reason],
    ),

  async pauses(db: Db, ids: readonly string[]): Promise<Map<string, PauseRow[]>> {
    const out = new Map<string, PauseRow[]>();
    if (ids.length === 0) return out;
    const rows = await db.all<PauseRow>(
      `SELECT * FROM incident_pauses WHERE incident_id IN (${ids.map(() => '?').join(', ')}) ORDER BY started_at`,
      [...ids],
    );
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
    const params: Param[] = [incidentId];
    let after = '';
    if (page.cursor) {
      const [startsAt, fingerprint] = decodeCursor(page.cursor);
      if (typeof startsAt !== 'number') throw badRequest('query cursor: not a cursor this server issued');
      after = ' AND (a.starts_at, a.fingerprint) > (?, ?)';
      params.push(startsAt, fingerprint);
    }
    const rows = await db.all<AlertRow>(
      `SELECT a.* FROM incident_alerts a
        WHERE a.incident_id = ?${after}
          AND NOT EXISTS (SELECT 1 FROM incident_alerts b
                           WHERE b.fingerprint = a.fingerprint AND b.starts_at > a.starts_at
                             AND b.incident_id = a.incident_id)
        ORDER BY a.starts_at, a.fingerprint LIMIT ?`,
      [...params, page.limit + 1],
    );
    const more = rows.length > page.limit;
    const list = more ? rows.slice(0, page.limit) : rows;
    const last = list[list.length - 1];
    return {
      rows: list,
      nextCursor: more && last ? encodeCursor(Number(last.starts_at), last.fingerprint) : null,
    };
  },

  async alertCount(db: Db, incidentId: string): Promise<number> {
    const row = await db.get<{ n: number }>(
      'SELECT COUNT(DISTINCT fingerprint) AS n FROM incident_alerts WHERE incident_id = ?',
      [incidentId],
    );
    return Number(row?.n ?? 0);
  },

  /** A person resolved or closed the incident: its alerts still firing are closed with it. */
  closeFiringAlerts: (db: Db, incidentId: string, at: number) =>
    db.run(
      "UPDATE incident_alerts SET status = 'closed', ends_at = ? WHERE incident_id = ? AND status = 'firing'",
      [at, incidentId],
    ),

  hasReview: async (db: Db, incidentId: string) =>
    (await db.get('SELECT 1 AS x FROM reviews WHERE incident_id = ?', [incidentId])) !== undefined,

  /** Incidents whose stored clocks must be recomputed, a batch at a time. */
  staleClocks: (db: Db, limit: number, afterId = '') =>
    db.all<IncidentRow>('SELECT * FROM incidents WHERE sla_stale = 1 AND id > ? ORDER BY id LIMIT ?', [
      afterId,
      limit,
    ]),

  /** A new calendar day or a configuration reload: every open incident's clocks are recomputed. */
  markOpenClocksStale: (db: Db) =>
    db.run("UPDATE incidents SET sla_stale = 1 WHERE status NOT IN ('resolved', 'closed') AND sla_stale = 0"),

  /** Goals fallen due and not yet recorded as breached (indexed on the due columns). */
  dueUnrecorded: (db: Db, goal: 'response' | 'resolution', now: number, limit: number) =>
    db.all<{ id: string; severity: Severity; due_at: number }>(
      `SELECT id, severity, ${goal}_due_at AS due_at FROM incidents
        WHERE ${goal}_due_at <= ? AND ${goal}_breached_at IS NULL ORDER BY ${goal}_due_at LIMIT ?`,
      [now, limit],
    ),

  /**
   * Open incidents per severity and status with their clock figures at `now`, from the stored
   * due times: one pass over the open incidents, no calendar walk.
   */
  openClockCounts: (db: Db, now: number) =>
    db.all<{
      severity: Severity;
      status: Status;
      n: number;
      response_at_risk: number;
      resolution_at_risk: number;
      response_breached: number;
      resolution_breached: number;
    }>(
      `SELECT severity, status, COUNT(*) AS n,
              SUM(CASE WHEN response_risk_at <= ? AND response_due_at > ? THEN 1 ELSE 0 END) AS response_at_risk,
              SUM(CASE WHEN resolution_risk_at <= ? AND resolution_due_at > ? THEN 1 ELSE 0 END) AS resolution_at_risk,
              SUM(CASE WHEN response_due_at <= ? THEN 1 ELSE 0 END) AS response_breached,
              SUM(CASE WHEN resolution_due_at <= ? THEN 1 ELSE 0 END) AS resolution_breached
         FROM incidents WHERE status IN ('triggered', 'acknowledged', 'mitigated', 'waiting_for_customer')
        GROUP BY severity, status`,
      [now, now, now, now, now, now],
    ),

  /** Met and breached goals of incidents detected in [from, to), from the stored clocks. */
  decidedGoals: (db: Db, from: number, to: number, now: number) =>
    db.all<{
      severity: Severity;
      response_met: number;
      response_breached: number;
      resolution_met: number;
      resolution_breached: number;
    }>(
      `SELECT severity,
              SUM(CASE WHEN responded_at IS NOT NULL AND response_breached_at IS NULL
                        AND (response_due_at IS NULL OR response_due_at > ?) THEN 1 ELSE 0 END) AS response_met,
              SUM(CASE WHEN response_breached_at IS NOT NULL OR response_due_at <= ? THEN 1 ELSE 0 END) AS response_breached,
              SUM(CASE WHEN resolved_at IS NOT NULL AND resolution_breached_at IS NULL
                        AND (resolution_due_at IS NULL OR resolution_due_at > ?)
                        -- not self-cleared: someone responded, or the response goal fell due first
                        AND (responded_at IS NOT NULL OR response_breached_at IS NOT NULL OR response_due_at IS NOT NULL)
                        THEN 1 ELSE 0 END) AS resolution_met,
              SUM(CASE WHEN resolution_breached_at IS NOT NULL OR resolution_due_at <= ? THEN 1 ELSE 0 END) AS resolution_breached
         FROM incidents WHERE detected_at >= ? AND detected_at < ?
        GROUP BY severity`,
      [now, now, now, now, from, to],
    ),

  staleCount: async (db: Db) =>
    Number(
      (
        await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM incidents WHERE sla_stale = 1 AND id > ?', [
          '',
        ])
      )?.n ?? 0,
    ),

  resolvedBySeverity: (db: Db) =>
    db.all<{ severity: Severity; n: number }>(
      "SELECT severity, COUNT(*) AS n FROM incidents WHERE status = 'resolved' GROUP BY severity",
    ),

  between: (db: Db, from: number, to: number, service?: string) =>
    db.all<IncidentRow>(
      `SELECT * FROM incidents WHERE detected_at >= ? AND detected_at < ?${service !== undefined ? ' AND service = ?' : ''} ORDER BY detected_at`,
      service !== undefined ? [from, to, service] : [from, to],
    ),
};
