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
  created_at: number;
  updated_at: number;
}

export interface AlertRow {
  fingerprint: string;
  starts_at: number;
  incident_id: string;
  status: 'firing' | 'resolved';
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
  'created_at',
  'updated_at',
] as const;

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

  async update(db: Db, id: string, fields: Partial<IncidentRow>): Promise<void> {
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

  appendTimeline: (
    db: Db,
    incidentId: string,
    at: number,
    kind: string,
    actor: string,
    data: Record<string, unknown> = {},
  ) =>
    db.run('INSERT INTO timeline (incident_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?)', [
      incidentId,
      at,
      kind,
      actor,
      JSON.stringify(data),
    ]),

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

  alerts: (db: Db, incidentId: string) =>
    db.all<AlertRow>('SELECT * FROM incident_alerts WHERE incident_id = ? ORDER BY starts_at, fingerprint', [
      incidentId,
    ]),

  hasReview: async (db: Db, incidentId: string) =>
    (await db.get('SELECT 1 AS x FROM reviews WHERE incident_id = ?', [incidentId])) !== undefined,

  openIncidents: (db: Db) =>
    db.all<IncidentRow>("SELECT * FROM incidents WHERE status NOT IN ('resolved', 'closed')"),

  countsByStatus: (db: Db) =>
    db.all<{ severity: Severity; status: Status; n: number }>(
      "SELECT severity, status, COUNT(*) AS n FROM incidents WHERE status <> 'closed' GROUP BY severity, status",
    ),

  between: (db: Db, from: number, to: number, service?: string) =>
    db.all<IncidentRow>(
      `SELECT * FROM incidents WHERE detected_at >= ? AND detected_at < ?${service !== undefined ? ' AND service = ?' : ''} ORDER BY detected_at`,
      service !== undefined ? [from, to, service] : [from, to],
    ),
};
