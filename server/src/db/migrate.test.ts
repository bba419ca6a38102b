import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { migrate, openDb, pendingMigrations, type Db } from '.';
import { serverConfigSchema } from '../config';
import { startServer } from '../server';
import { DATABASE_KINDS, freshDatabase, type DatabaseKind, type TestDatabase } from '../testing/databases';
import { migrateAsBeforeKysely } from '../testing/legacy-db';
import { migrationName } from './migrate';
import { MIGRATIONS } from './migrations';

const FIXTURES = path.join(__dirname, 'fixtures');
const ALL = MIGRATIONS.map((m) => m.id);
const NAMES = MIGRATIONS.map(migrationName);

interface Bookkeeping {
  kysely_migration: { name: string; timestamp: string };
}
const bookkeeping = (db: Db) =>
  (db.kysely as unknown as Kysely<Bookkeeping>)
    .selectFrom('kysely_migration')
    .selectAll()
    .orderBy('name')
    .execute();

async function tableNames(db: Db): Promise<string[]> {
  const r =
    db.kind === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db.kysely)
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
          db.kysely,
        );
  return r.rows.map((x) => x.name).sort();
}

/** A database as the server at commit a9a182a left it (see fixtures/README.md), at `database`. */
async function databaseMadeBeforeKysely(kind: DatabaseKind, database: TestDatabase): Promise<void> {
  if (kind === 'sqlite') {
    copyFileSync(path.join(FIXTURES, 'head-2026-12-01.sqlite'), database.url);
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(readFileSync(path.join(FIXTURES, 'head-2026-12-01.pg.sql'), 'utf8'));
  } finally {
    await client.end();
  }
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase;
  let db: Db | undefined;
  beforeEach(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(async () => {
    await db?.close();
    db = undefined;
    await database.drop();
  });

  test('a fresh database gets every migration once, recorded in Kysely’s table', async () => {
    db = openDb(database.url);
    expect(await pendingMigrations(db)).toEqual(ALL);
    expect(await migrate(db)).toEqual(ALL);
    expect(await migrate(db)).toEqual([]);
    expect(await pendingMigrations(db)).toEqual([]);
    expect((await bookkeeping(db)).map((r) => r.name)).toEqual(NAMES);
  });

  test('a database made before Kysely opens, keeps every row and is not migrated twice', async () => {
    await databaseMadeBeforeKysely(kind, database);
    db = openDb(database.url);
    const before = await tableNames(db);
    expect(before).toContain('schema_migrations');
    // the old server knew migrations 1–3; only those after them are applied
    const later = ALL.filter((id) => id > 3);
    expect(await pendingMigrations(db)).toEqual(later);
    expect(await migrate(db)).toEqual(later);
    expect(await migrate(db)).toEqual([]);
    // one record of what is applied: Kysely's, with the times the old server applied them
    const after = await tableNames(db);
    expect(after).not.toContain('schema_migrations');
    expect(after).toEqual(
      expect.arrayContaining([
        ...before.filter((t) => t !== 'schema_migrations'),
        'kysely_migration',
        'kysely_migration_lock',
      ]),
    );
    const applied = await bookkeeping(db);
    expect(applied.map((r) => r.name)).toEqual(NAMES);
    expect(applied.slice(0, 3).every((r) => r.timestamp.startsWith('2026-12-01T'))).toBe(true);
    await db.close();
    db = undefined;

    // and the server serves what the old one stored, and stores more
    const running = await startServer(serverConfigSchema.parse({}), {
      listen: `127.0.0.1:${await freePort()}`,
      database: database.url,
      log: createLogger('test', 'error', { write: () => undefined } as never),
    });
    try {
      const api = async <T>(method: string, url: string, body?: unknown) => {
        const res = await fetch(`${running.url}${url}`, {
          method,
          headers: {
            authorization: 'Bearer odk_fixture-admin-token-0123456789',
            'content-type': 'application/json',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as T };
      };
      const list = await api<{
        incidents: Array<{ number: string; status: string; truncatedAlerts: number }>;
      }>('GET', '/api/v1/incidents?sort=createdAt');
      expect(list.body.incidents.map((i) => [i.number, i.status, i.truncatedAlerts])).toEqual([
        ['INC-2026-0001', 'acknowledged', 0],
        ['INC-2026-0002', 'resolved', 2],
      ]);
      const review = await api<{ actionItems: Array<{ title: string }> }>(
        'GET',
        '/api/v1/incidents/INC-2026-0001/review',
      );
      expect(review.body.actionItems.map((a) => a.title)).toEqual(['add an index']);
      const timeline = await api<{ entries: Array<{ id: number; kind: string }> }>(
        'GET',
        '/api/v1/incidents/INC-2026-0001/timeline',
      );
      expect(timeline.body.entries.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['created', 'status_changed', 'comment', 'review_created']),
      );
      const tokens = await api<{ tokens: Array<{ name: string; grafanaPlugin: boolean }> }>(
        'GET',
        '/api/v1/tokens',
      );
      expect(tokens.body.tokens.map((t) => [t.name, t.grafanaPlugin])).toEqual([
        ['bootstrap', false],
        ['grafana', true],
      ]);
      // the counter and the timeline's id sequence carry on where the old server left them
      const created = await api<{ number: string }>('POST', '/api/v1/incidents', {
        title: 'after the upgrade',
        severity: 'P3',
      });
      expect([created.status, created.body.number]).toEqual([201, 'INC-2026-0003']);
      const comment = await api<{ entries: Array<{ id: number }> }>(
        'POST',
        '/api/v1/incidents/INC-2026-0001/comments',
        {
          text: 'after the upgrade',
        },
      );
      expect(comment.status).toBeLessThan(300);
      const ids = (
        await api<{ entries: Array<{ id: number }> }>('GET', '/api/v1/incidents/INC-2026-0001/timeline')
      ).body.entries.map((e) => e.id);
      expect(Math.max(...ids)).toBeGreaterThan(Math.max(...timeline.body.entries.map((e) => e.id)));
    } finally {
      await running.close();
    }
  });

  test('a database the old server migrated part of gets the rest', async () => {
    db = openDb(database.url);
    await migrateAsBeforeKysely(db, 2);
    expect(await pendingMigrations(db)).toEqual(ALL.filter((id) => id > 2));
    expect(await migrate(db)).toEqual(ALL.filter((id) => id > 2));
    expect((await bookkeeping(db)).map((r) => r.name)).toEqual(NAMES);
  });

  test('a database from a newer server is refused with what to do, and left as it was', async () => {
    db = openDb(database.url);
    await migrateAsBeforeKysely(db, 3);
    await sql`INSERT INTO schema_migrations (id, name, applied_at) VALUES (99, 'future', 0)`.execute(
      db.kysely,
    );
    await expect(migrate(db)).rejects.toThrow(/migration 99 .*newer opsdesk-server/);
    expect(await tableNames(db)).toContain('schema_migrations');
    expect(await tableNames(db)).not.toContain('kysely_migration');
  });

  if (kind === 'postgres')
    test('replicas starting together migrate once', async () => {
      const replicas = [openDb(database.url), openDb(database.url), openDb(database.url)];
      try {
        const applied = await Promise.all(replicas.map((r) => migrate(r)));
        expect(applied.map((a) => a.length).sort()).toEqual([0, 0, ALL.length]);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
    });
});
