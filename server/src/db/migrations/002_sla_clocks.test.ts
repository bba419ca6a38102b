import { migrate, openDb, type Db } from '..';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../testing/databases';
import { migrateAsBeforeKysely } from '../../testing/legacy-db';
import { MIGRATIONS } from '.';

// Migration 002 repairs what the server made up before it: an acknowledgement set by
// Alertmanager's resolve is removed; a person's acknowledgement becomes the response.

async function incident(
  db: Db,
  id: string,
  status: 'resolved' | 'triggered',
  ack: number | null,
  resolved: number | null,
) {
  await db.kysely
    .insertInto('incidents')
    .values({
      id,
      number: `INC-${id}`,
      title: 'x',
      severity: 'P3',
      status,
      source: 'alertmanager',
      occurred_at: 1000,
      detected_at: 1000,
      acknowledged_at: ack,
      resolved_at: resolved,
      created_at: 1000,
      updated_at: 1000,
    } as never) // the columns of migration 001 only
    .execute();
}

const statusChanged = (incident_id: string, at: number, actor: string) => ({
  incident_id,
  at,
  kind: 'status_changed',
  actor,
  data: '{}',
});

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
    await migrateAsBeforeKysely(db, 1);
    // resolved by Alertmanager, nobody touched it: the old server set acknowledged_at = resolved_at
    await incident(db, 'self', 'resolved', 5000, 5000);
    await db.kysely
      .insertInto('timeline')
      .values(statusChanged('self', 5000, 'alertmanager'))
      .execute();
    // acknowledged by a person, later resolved by Alertmanager
    await incident(db, 'acked', 'resolved', 2000, 9000);
    await db.kysely
      .insertInto('timeline')
      .values([statusChanged('acked', 2000, 'li.si'), statusChanged('acked', 9000, 'alertmanager')])
      .execute();
    await incident(db, 'open', 'triggered', null, null);

    expect(await migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.id));
    const rows = await db.kysely
      .selectFrom('incidents')
      .select(['id', 'acknowledged_at', 'responded_at', 'sla_stale'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.acknowledged_at, r.responded_at, Number(r.sla_stale)])).toEqual([
      ['acked', 2000, 2000, 0],
      ['open', null, null, 1],
      ['self', null, null, 0],
    ]);
  });
});
