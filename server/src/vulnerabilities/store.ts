import { randomUUID } from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db';
import type { NewRow, Row, RowUpdate } from '../db/tables';
import { badRequest } from '../http/errors';
import { ACTIVE_STATES, type FindingState, type VulnSeverity } from './model';

export type FindingRow = Row<'vulnerability_findings'>;
export type ImportRow = Row<'vulnerability_imports'>;
export type TimelineRow = Row<'vulnerability_timeline'>;

const num = (v: number | null) => (v === null ? null : Number(v));

function findingRow(r: FindingRow): FindingRow {
  return {
    ...r,
    known_exploited: Number(r.known_exploited),
    sla_start_at: Number(r.sla_start_at),
    due_at: num(r.due_at),
    overdue_notified_at: num(r.overdue_notified_at),
    first_seen_at: Number(r.first_seen_at),
    last_seen_at: Number(r.last_seen_at),
    fixed_at: num(r.fixed_at),
    risk_expires_at: num(r.risk_expires_at),
    acceptance_expired_at: num(r.acceptance_expired_at),
    created_at: Number(r.created_at),
    updated_at: Number(r.updated_at),
  };
}

function importRow(r: ImportRow): ImportRow {
  return {
    ...r,
    at: Number(r.at),
    reported: Number(r.reported),
    created: Number(r.created),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    awaiting_verification: Number(r.awaiting_verification),
    reopened: Number(r.reopened),
  };
}

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

/** Rows at once in one INSERT or IN list: well under SQLite's 32766 bound parameters. */
const CHUNK = 500;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface FindingFilter {
  severity?: readonly VulnSeverity[] | undefined;
  state?: readonly FindingState[] | undefined;
  asset?: string | undefined;
  overdue?: boolean | undefined;
  knownExploited?: boolean | undefined;
  q?: string | undefined;
}

function overdueCondition(now: number): Expression<SqlBool> {
  return sql<SqlBool>`(state IN (${sql.join([...ACTIVE_STATES])}) AND due_at IS NOT NULL AND due_at <= ${now})`;
}

/** Orders timeline entries written in the same millisecond (an import, then an action at once). */
let timelineSeq = 0;

/** The only SQL of the vulnerability domain. */
export const vulnerabilityStore = {
  /**
   * Serialises imports and changes of one asset's findings across replicas (two imports of one
   * asset at once would both insert the same new finding): a transaction-scoped advisory lock on
   * PostgreSQL; SQLite transactions are serial already.
   */
  async lockAsset(tx: Db, asset: string): Promise<void> {
    if (tx.kind === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(${`vulnerabilities:${asset}`}))`.execute(
        tx.kysely,
      );
  },

  async findingsOfAsset(db: Db, asset: string): Promise<FindingRow[]> {
    const rows = await db.kysely
      .selectFrom('vulnerability_findings')
      .selectAll()
      .where('asset', '=', asset)
      .execute();
    return rows.map(findingRow);
  },

  async finding(db: Db, id: string): Promise<FindingRow | undefined> {
    const r = await db.kysely
      .selectFrom('vulnerability_findings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? findingRow(r) : undefined;
  },

  async findingByKey(
    db: Db,
    k: {
      asset: string;
      packageType: string;
      packageName: string;
      installedVersion: string;
      vulnerabilityId: string;
    },
  ): Promise<FindingRow | undefined> {
    const r = await db.kysely
      .selectFrom('vulnerability_findings')
      .selectAll()
      .where('asset', '=', k.asset)
      .where('package_type', '=', k.packageType)
      .where('package_name', '=', k.packageName)
      .where('installed_version', '=', k.installedVersion)
      .where('vulnerability_id', '=', k.vulnerabilityId)
      .executeTakeFirst();
    return r ? findingRow(r) : undefined;
  },

  async insertFindings(tx: Db, rows: NewRow<'vulnerability_findings'>[]): Promise<void> {
    // fewer rows per statement: a finding has 40 columns
    for (const part of chunks(rows, 100))
      await tx.kysely.insertInto('vulnerability_findings').values(part).execute();
  },

  async updateFinding(tx: Db, id: string, patch: RowUpdate<'vulnerability_findings'>): Promise<void> {
    await tx.kysely.updateTable('vulnerability_findings').set(patch).where('id', '=', id).execute();
  },

  /** Seen again, nothing else changed: one statement per chunk instead of one per finding. */
  async touchFindings(
    tx: Db,
    ids: readonly string[],
    seen: { last_seen_at: number; last_import_id: string; scan_target: string },
  ): Promise<void> {
    for (const part of chunks(ids))
      await tx.kysely.updateTable('vulnerability_findings').set(seen).where('id', 'in', part).execute();
  },

  async list(
    db: Db,
    f: FindingFilter,
    page: { limit: number; cursor?: string | undefined },
    now: number,
  ): Promise<{ rows: FindingRow[]; nextCursor: string | null }> {
    let q = db.kysely.selectFrom('vulnerability_findings').selectAll();
    if (f.severity?.length) q = q.where('severity', 'in', [...f.severity]);
    if (f.state?.length) q = q.where('state', 'in', [...f.state]);
    if (f.asset !== undefined) q = q.where('asset', '=', f.asset);
    if (f.knownExploited !== undefined) q = q.where('known_exploited', '=', f.knownExploited ? 1 : 0);
    if (f.overdue === true) q = q.where(overdueCondition(now));
    if (f.overdue === false) q = q.where(sql<SqlBool>`NOT ${overdueCondition(now)}`);
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(
        sql<SqlBool>`(lower(vulnerability_id) LIKE ${like} ESCAPE '\\' OR lower(package_name) LIKE ${like} ESCAPE '\\' OR lower(title) LIKE ${like} ESCAPE '\\' OR lower(aliases) LIKE ${like} ESCAPE '\\')`,
      );
    }
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor);
      q = q.where((eb) => eb(eb.refTuple('first_seen_at', 'id'), '<', eb.tuple(at, id)));
    }
    const rows = (
      await q
        .orderBy('first_seen_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1)
        .execute()
    ).map(findingRow);
    const more = rows.length > page.limit;
    const out = more ? rows.slice(0, page.limit) : rows;
    const last = out[out.length - 1];
    return { rows: out, nextCursor: more && last ? encodeCursor(last.first_seen_at, last.id) : null };
  },

  /** Counts for /metrics and the counts route: by state and severity, overdue, expired acceptances. */
  async counts(db: Db, now: number, asset?: string) {
    let byState = db.kysely
      .selectFrom('vulnerability_findings')
      .select(['state', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['state', 'severity']);
    if (asset !== undefined) byState = byState.where('asset', '=', asset);
    let overdue = db.kysely
      .selectFrom('vulnerability_findings')
      .select(['severity', (eb) => eb.fn.countAll<number>().as('n')])
      .where(overdueCondition(now))
      .groupBy('severity');
    if (asset !== undefined) overdue = overdue.where('asset', '=', asset);
    let expired = db.kysely
      .selectFrom('vulnerability_findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'risk_accepted'), eb('risk_expires_at', '<=', now)]),
          eb.and([eb('state', 'in', [...ACTIVE_STATES]), eb('acceptance_expired_at', 'is not', null)]),
        ]),
      );
    if (asset !== undefined) expired = expired.where('asset', '=', asset);
    let oldest = db.kysely
      .selectFrom('vulnerability_findings')
      .select((eb) => eb.fn.min<number | null>('first_seen_at').as('at'))
      .where('severity', '=', 'critical')
      .where('state', 'in', [...ACTIVE_STATES]);
    if (asset !== undefined) oldest = oldest.where('asset', '=', asset);
    const [s, o, e, old] = await Promise.all([
      byState.execute(),
      overdue.execute(),
      expired.executeTakeFirst(),
      oldest.executeTakeFirst(),
    ]);
    return {
      byStateAndSeverity: s.map((r) => ({ state: r.state, severity: r.severity, n: Number(r.n) })),
      overdue: o.map((r) => ({ severity: r.severity, n: Number(r.n) })),
      expiredAcceptances: Number(e?.n ?? 0),
      oldestOpenCriticalSince: old?.at === null || old?.at === undefined ? null : Number(old.at),
    };
  },

  async insertImport(tx: Db, row: NewRow<'vulnerability_imports'>): Promise<void> {
    await tx.kysely.insertInto('vulnerability_imports').values(row).execute();
  },

  async importById(db: Db, id: string): Promise<ImportRow | undefined> {
    const r = await db.kysely
      .selectFrom('vulnerability_imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? importRow(r) : undefined;
  },

  async listImports(
    db: Db,
    f: { asset?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<{ rows: ImportRow[]; nextCursor: string | null }> {
    let q = db.kysely.selectFrom('vulnerability_imports').selectAll();
    if (f.asset !== undefined) q = q.where('asset', '=', f.asset);
    if (f.cursor) {
      const [at, id] = decodeCursor(f.cursor);
      q = q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(at, id)));
    }
    const rows = (
      await q
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit + 1)
        .execute()
    ).map(importRow);
    const more = rows.length > f.limit;
    const out = more ? rows.slice(0, f.limit) : rows;
    const last = out[out.length - 1];
    return { rows: out, nextCursor: more && last ? encodeCursor(last.at, last.id) : null };
  },

  async recordImportFindings(tx: Db, importId: string, findingIds: readonly string[]): Promise<void> {
    for (const part of chunks(findingIds))
      await tx.kysely
        .insertInto('vulnerability_import_findings')
        .values(part.map((finding_id) => ({ import_id: importId, finding_id })))
        .execute();
  },

  async importReported(db: Db, importId: string, findingId: string): Promise<boolean> {
    const r = await db.kysely
      .selectFrom('vulnerability_import_findings')
      .select('finding_id')
      .where('import_id', '=', importId)
      .where('finding_id', '=', findingId)
      .executeTakeFirst();
    return r !== undefined;
  },

  async addTimeline(
    tx: Db,
    entries: Array<{
      findingId: string;
      at: number;
      kind: string;
      actor: string;
      detail: Record<string, unknown>;
    }>,
  ): Promise<void> {
    const rows = entries.map((e) => ({
      id: randomUUID(),
      finding_id: e.findingId,
      seq: ++timelineSeq,
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      detail: JSON.stringify(e.detail),
    }));
    for (const part of chunks(rows))
      await tx.kysely.insertInto('vulnerability_timeline').values(part).execute();
  },

  async timeline(db: Db, findingId: string): Promise<TimelineRow[]> {
    const rows = await db.kysely
      .selectFrom('vulnerability_timeline')
      .selectAll()
      .where('finding_id', '=', findingId)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ ...r, at: Number(r.at), seq: Number(r.seq) }));
  },

  /** Risk acceptances whose expiry has come: the tick reopens them. */
  async expiredAcceptances(db: Db, now: number, limit: number): Promise<FindingRow[]> {
    const rows = await db.kysely
      .selectFrom('vulnerability_findings')
      .selectAll()
      .where('state', '=', 'risk_accepted')
      .where('risk_expires_at', '<=', now)
      .orderBy('risk_expires_at')
      .limit(limit)
      .execute();
    return rows.map(findingRow);
  },

  /** Overdue findings not yet notified: the tick sends vulnerability.overdue for each once. */
  async overdueUnnotified(db: Db, now: number, limit: number): Promise<FindingRow[]> {
    const rows = await db.kysely
      .selectFrom('vulnerability_findings')
      .selectAll()
      .where(overdueCondition(now))
      .where('overdue_notified_at', 'is', null)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map(findingRow);
  },
};
