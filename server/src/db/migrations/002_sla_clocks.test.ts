import { migrate, openDb, type Db } from '..';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../testing/databases';
import initial from './001_initial';

// Migration 002 repairs what the server made up before it: an acknowledgement set by
// Alertmanager's resolve is removed; a person's acknowledgement becomes the response.

async function atVersion1(db: Db): Promise<void> {
  await db.run(
    'CREATE TABLE schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  const sql = initial.replace(
    /SERIAL_PK/g,
    db.kind === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
  );
  for (const st of sql
    .split(/;\s*\n/)
    .map((x) => x.trim())
    .filter(Boolean))
    await db.run(st);
  await db.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (1, 'initial', 0)");
}

async function incident(db: Db, id: string, status: string, ack: number | null, resolved: number | null) {
  await db.run(
    `INSERT INTO incidents (id, number, title, severity, status, source, occurred_at, detected_at, acknowledged_at, resolved_at, created_at, updated_at)
     VALUES (?, ?, 'x', 'P3', ?, 'alertmanager', 1000, 1000, ?, ?, 1000, 1000)`,
    [id, `INC-${id}`, status, ack, resolved],
  );
}

describe.each(DATABASE_KINDS)('migration 002 on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = openDb(database.url);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  test('Alertmanager’s made-up acknowledgements go, a person’s stay as the response, open clocks are recomputed', async () => {
    await atVersion1(db);
    // resolved by Alertmanager, nobody touched it: the old server set acknowledged_at = resolved_at
    await incident(db, 'self', 'resolved', 5000, 5000);
    await db.run(
      "INSERT INTO timeline (incident_id, at, kind, actor, data) VALUES ('self', 5000, 'status_changed', 'alertmanager', '{}')",
    );
    // acknowledged by a person, later resolved by Alertmanager
    await incident(db, 'acked', 'resolved', 2000, 9000);
    await db.run(
      "INSERT INTO timeline (incident_id, at, kind, actor, data) VALUES ('acked', 2000, 'status_changed', 'li.si', '{}'), ('acked', 9000, 'status_changed', 'alertmanager', '{}')",
    );
    await incident(db, 'open', 'triggered', null, null);

    expect(await migrate(db)).toContain(2);
    const rows = await db.all<{
      id: string;
      acknowledged_at: number | null;
      responded_at: number | null;
      sla_stale: number;
    }>('SELECT id, acknowledged_at, responded_at, sla_stale FROM incidents ORDER BY id');
    expect(rows.map((r) => [r.id, r.acknowledged_at, r.responded_at, Number(r.sla_stale)])).toEqual([
      ['acked', 2000, 2000, 0],
      ['open', null, null, 1],
      ['self', null, null, 0],
    ]);
  });
});
