import type { Db } from '../db';
import type { NewRow, Row } from '../db/tables';
import { badRequest } from '../http/errors';

export type RunRow = Row<'backup_runs'>;
export type RestoreTestRow = Row<'backup_restore_tests'>;
export type RestoreRequestRow = Row<'backup_restore_requests'>;

const num = (v: number | null) => (v === null ? null : Number(v));

// PostgreSQL's BIGINT may arrive as a string on some paths: every instant and count as a number
function runRow(r: RunRow): RunRow {
  return {
    ...r,
    started_at: Number(r.started_at),
    finished_at: Number(r.finished_at),
    duration_ms: Number(r.duration_ms),
    exit_code: Number(r.exit_code),
    bytes_added: num(r.bytes_added),
    bytes_processed: num(r.bytes_processed),
    files_new: num(r.files_new),
    files_changed: num(r.files_changed),
    files_unmodified: num(r.files_unmodified),
    received_at: Number(r.received_at),
  };
}

function testRow(r: RestoreTestRow): RestoreTestRow {
  return {
    ...r,
    started_at: Number(r.started_at),
    finished_at: Number(r.finished_at),
    duration_ms: Number(r.duration_ms),
    bytes_restored: num(r.bytes_restored),
    files_restored: num(r.files_restored),
    restore_exit_code: Number(r.restore_exit_code),
    rto_ms: Number(r.rto_ms),
    received_at: Number(r.received_at),
  };
}

function requestRow(r: RestoreRequestRow): RestoreRequestRow {
  return {
    ...r,
    created_at: Number(r.created_at),
    started_at: num(r.started_at),
    finished_at: num(r.finished_at),
    verified_at: num(r.verified_at),
    cancelled_at: num(r.cancelled_at),
    updated_at: Number(r.updated_at),
  };
}

/** Pages are ordered newest first by (time, id); the cursor is the last row's pair. */
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

type Page<T> = { rows: T[]; nextCursor: string | null };
function page<T extends { id: string }>(rows: T[], limit: number, at: (r: T) => number): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: more && last ? encodeCursor(at(last), last.id) : null };
}

/** The newest row per policy (ties broken by id, so every replica answers the same). */
function newestPerPolicy<T extends { policy: string; finished_at: number; id: string }>(
  rows: T[],
): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const known = out.get(r.policy);
    if (
      !known ||
      r.finished_at > known.finished_at ||
      (r.finished_at === known.finished_at && r.id > known.id)
    )
      out.set(r.policy, r);
  }
  return out;
}

/** The only SQL of the backups domain. */
export const backupStore = {
  /** Inserts the run unless its id is known; true when inserted. */
  async insertRun(db: Db, row: NewRow<'backup_runs'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('backup_runs')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  async run(db: Db, id: string): Promise<RunRow | undefined> {
    const r = await db.kysely.selectFrom('backup_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r && runRow(r);
  },

  async runs(
    db: Db,
    q: {
      policy?: string | undefined;
      result?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<Page<RunRow>> {
    let s = db.kysely.selectFrom('backup_runs').selectAll();
    if (q.policy !== undefined) s = s.where('policy', '=', q.policy);
    if (q.result !== undefined) s = s.where('result', '=', q.result as RunRow['result']);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      s = s.where((eb) =>
        eb.or([eb('finished_at', '<', at), eb.and([eb('finished_at', '=', at), eb('id', '<', id)])]),
      );
    }
    const rows = await s
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return page(rows.map(runRow), q.limit, (r) => r.finished_at);
  },

  /**
   * Per policy: the newest run and the newest good run (success or partial). Two queries over the
   * (policy, finished_at) index, whatever the history's length.
   */
  async latestRuns(db: Db): Promise<{ last: Map<string, RunRow>; good: Map<string, RunRow> }> {
    const newest = (good: boolean) => {
      let q = db.kysely
        .selectFrom('backup_runs as r')
        .selectAll('r')
        .where('r.finished_at', '=', (eb) => {
          let inner = eb
            .selectFrom('backup_runs as i')
            .select((e) => e.fn.max('i.finished_at').as('m'))
            .whereRef('i.policy', '=', 'r.policy');
          if (good) inner = inner.where('i.result', 'in', ['success', 'partial']);
          return inner;
        });
      if (good) q = q.where('r.result', 'in', ['success', 'partial']);
      return q.execute();
    };
    return {
      last: newestPerPolicy((await newest(false)).map(runRow)),
      good: newestPerPolicy((await newest(true)).map(runRow)),
    };
  },

  async insertRestoreTest(db: Db, row: NewRow<'backup_restore_tests'>): Promise<boolean> {
    const r = await db.kysely
      .insertInto('backup_restore_tests')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  async restoreTest(db: Db, id: string): Promise<RestoreTestRow | undefined> {
    const r = await db.kysely
      .selectFrom('backup_restore_tests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && testRow(r);
  },

  async restoreTests(
    db: Db,
    q: { policy?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<RestoreTestRow>> {
    let s = db.kysely.selectFrom('backup_restore_tests').selectAll();
    if (q.policy !== undefined) s = s.where('policy', '=', q.policy);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      s = s.where((eb) =>
        eb.or([eb('finished_at', '<', at), eb.and([eb('finished_at', '=', at), eb('id', '<', id)])]),
      );
    }
    const rows = await s
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return page(rows.map(testRow), q.limit, (r) => r.finished_at);
  },

  /** Per policy: the newest restore test and the newest passed one. */
  async latestRestoreTests(
    db: Db,
  ): Promise<{ last: Map<string, RestoreTestRow>; passed: Map<string, RestoreTestRow> }> {
    const newest = (passed: boolean) => {
      let q = db.kysely
        .selectFrom('backup_restore_tests as t')
        .selectAll('t')
        .where('t.finished_at', '=', (eb) => {
          let inner = eb
            .selectFrom('backup_restore_tests as i')
            .select((e) => e.fn.max('i.finished_at').as('m'))
            .whereRef('i.policy', '=', 't.policy');
          if (passed) inner = inner.where('i.result', '=', 'passed');
          return inner;
        });
      if (passed) q = q.where('t.result', '=', 'passed');
      return q.execute();
    };
    return {
      last: newestPerPolicy((await newest(false)).map(testRow)),
      passed: newestPerPolicy((await newest(true)).map(testRow)),
    };
  },

  async insertRestoreRequest(db: Db, row: NewRow<'backup_restore_requests'>): Promise<void> {
    await db.kysely.insertInto('backup_restore_requests').values(row).execute();
  },

  /** The request, read for update inside a transaction on PostgreSQL (two actions at once take turns). */
  async restoreRequest(db: Db, id: string, forUpdate = false): Promise<RestoreRequestRow | undefined> {
    let q = db.kysely.selectFrom('backup_restore_requests').selectAll().where('id', '=', id);
    if (forUpdate && db.kind === 'postgres') q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && requestRow(r);
  },

  async updateRestoreRequest(
    db: Db,
    id: string,
    set: Partial<Omit<RestoreRequestRow, 'id' | 'incident_id' | 'created_at' | 'created_by'>>,
  ): Promise<void> {
    await db.kysely.updateTable('backup_restore_requests').set(set).where('id', '=', id).execute();
  },

  async restoreRequests(
    db: Db,
    q: { incidentId?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<RestoreRequestRow>> {
    let s = db.kysely.selectFrom('backup_restore_requests').selectAll();
    if (q.incidentId !== undefined) s = s.where('incident_id', '=', q.incidentId);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      s = s.where((eb) =>
        eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
      );
    }
    const rows = await s
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return page(rows.map(requestRow), q.limit, (r) => r.created_at);
  },

  /** Every restore request of an incident (for its restore time), oldest first. */
  async restoreRequestsOfIncident(db: Db, incidentId: string): Promise<RestoreRequestRow[]> {
    const rows = await db.kysely
      .selectFrom('backup_restore_requests')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(requestRow);
  },

  /** Restore requests not finished yet (requested or in progress), for the metrics. */
  async openRestoreRequests(db: Db): Promise<number> {
    const r = await db.kysely
      .selectFrom('backup_restore_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['requested', 'in_progress'])
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};

/**
 * A recorded backup run, for the evidence a patch plan's install step names (patches/plans-*.ts):
 * undefined when no run has this id.
 */
export async function backupRunOf(
  db: Db,
  id: string,
): Promise<
  { id: string; policy: string; result: string; snapshotId: string | null; finishedAt: number } | undefined
> {
  const r = await backupStore.run(db, id);
  return (
    r && {
      id: r.id,
      policy: r.policy,
      result: r.result,
      snapshotId: r.snapshot_id,
      finishedAt: r.finished_at,
    }
  );
}
