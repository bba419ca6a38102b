import { sql } from 'kysely';
import type { Db } from '../db';
import { MIGRATIONS } from '../db/migrations';

/**
 * What the server's own migrate.ts did until the Kysely query layer (commit a9a182a): the
 * migrations up to `upTo` applied statement by statement, each recorded in schema_migrations.
 */
export async function migrateAsBeforeKysely(db: Db, upTo: number): Promise<void> {
  await sql`CREATE TABLE schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(
    db.kysely,
  );
  for (const m of MIGRATIONS.filter((x) => x.id <= upTo)) {
    const text = m.sql.replace(
      /SERIAL_PK/g,
      db.kind === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
    );
    for (const st of text
      .split(/;\s*\n/)
      .map((x) => x.trim())
      .filter(Boolean))
      await sql.raw(st).execute(db.kysely);
    await sql`INSERT INTO schema_migrations (id, name, applied_at) VALUES (${m.id}, ${m.name}, ${m.id * 1000})`.execute(
      db.kysely,
    );
  }
}
