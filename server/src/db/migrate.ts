import type { Db } from './db';
import { MIGRATIONS } from './migrations';
import { PostgresDb } from './postgres';

const MIGRATION_LOCK = 0x0905d35c; // advisory lock key: replicas starting together migrate once

function dialect(db: Db, sql: string): string {
  return sql.replace(
    /SERIAL_PK/g,
    db.kind === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
  );
}

function statements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Applies pending migrations; returns the ids applied. Safe to run from several replicas at once on PostgreSQL. */
export async function migrate(db: Db): Promise<number[]> {
  const apply = async (): Promise<number[]> => {
    await db.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (await db.all<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => Number(r.id)),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await db.transaction(async (tx) => {
        for (const st of statements(dialect(db, m.sql))) await tx.run(st);
        await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
          m.id,
          m.name,
          Date.now(),
        ]);
      });
      applied.push(m.id);
    }
    return applied;
  };
  if (db instanceof PostgresDb)
    return (await db.withAdvisoryLock(MIGRATION_LOCK, apply, { wait: true })) as number[];
  return apply();
}

export async function pendingMigrations(db: Db): Promise<number[]> {
  const exists = await db
    .all<{ id: number }>('SELECT id FROM schema_migrations')
    .then((rows) => new Set(rows.map((r) => Number(r.id))))
    .catch(() => new Set<number>());
  return MIGRATIONS.filter((m) => !exists.has(m.id)).map((m) => m.id);
}
