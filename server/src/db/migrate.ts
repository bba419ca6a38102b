import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './db';
import { MIGRATIONS } from './migrations';
import { PostgresDb } from './postgres';

const MIGRATION_LOCK = 0x0905d35c; // advisory lock key: replicas starting together migrate once

/** Kysely's name of a numbered migration: `001_initial` (names sort in the order they apply). */
export const migrationName = (m: { id: number; name: string }) =>
  `${String(m.id).padStart(3, '0')}_${m.name}`;

function migrationId(name: string): number {
  return Number(name.slice(0, name.indexOf('_')));
}

function dialect(kind: Db['kind'], text: string): string {
  return text.replace(
    /SERIAL_PK/g,
    kind === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
  );
}

function statements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The numbered migration files, as Kysely migrations of this dialect (DDL is plain SQL text). */
export class NumberedMigrations implements MigrationProvider {
  constructor(private readonly kind: Db['kind']) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      MIGRATIONS.map((m) => [
        migrationName(m),
        {
          up: async (db: Kysely<unknown>) => {
            for (const st of statements(dialect(this.kind, m.sql))) await sql.raw(st).execute(db);
          },
        },
      ]),
    );
  }
}

async function migrator(db: Db): Promise<Migrator> {
  return new Migrator({
    db: db.kysely,
    provider: new NumberedMigrations(db.kind),
    // Kysely's own tables in the schema of the connection's search_path, beside the server's
    ...(db instanceof PostgresDb ? { migrationTableSchema: await db.currentSchema() } : {}),
  });
}

async function tableExists(db: Db, table: string): Promise<boolean> {
  const found =
    db.kind === 'sqlite'
      ? await sql<{
          n: number;
        }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(
          db.kysely,
        )
      : await sql<{ n: number }>`SELECT COUNT(*) AS n FROM information_schema.tables
                                  WHERE table_schema = current_schema() AND table_name = ${table}`.execute(
          db.kysely,
        );
  return Number(found.rows[0]?.n ?? 0) > 0;
}

/** The bookkeeping of the server before Kysely (migrate.ts until 2026-12): one row per applied id. */
interface LegacyTables {
  schema_migrations: { id: number; name: string; applied_at: number };
  kysely_migration: { name: string; timestamp: string };
}

async function legacyApplied(db: Db): Promise<number[] | undefined> {
  if (!(await tableExists(db, 'schema_migrations'))) return undefined;
  const k = db.kysely as unknown as Kysely<LegacyTables>;
  return (await k.selectFrom('schema_migrations').select('id').execute()).map((r) => Number(r.id));
}

/**
 * A database made by the server before Kysely keeps its applied migrations in schema_migrations:
 * they are written into Kysely's table (the same names, the original times) and the old table is
 * dropped, in one transaction, so that nothing is applied twice and there is one record.
 */
async function adoptLegacyBookkeeping(db: Db): Promise<void> {
  if ((await legacyApplied(db)) === undefined) return;
  await db.transaction(async (tx) => {
    const k = tx.kysely as unknown as Kysely<LegacyTables>;
    const rows = await k.selectFrom('schema_migrations').select(['id', 'applied_at']).orderBy('id').execute();
    // the same columns as Kysely's Migrator creates, which then finds the table there
    await k.schema
      .createTable('kysely_migration')
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute();
    for (const r of rows) {
      const m = MIGRATIONS.find((x) => x.id === Number(r.id));
      if (!m)
        throw new Error(
          `database: migration ${r.id} in schema_migrations is not one this server knows (1–${MIGRATIONS.length}); it was made by a newer opsdesk-server — run that version`,
        );
      await k
        .insertInto('kysely_migration')
        .values({ name: migrationName(m), timestamp: new Date(Number(r.applied_at)).toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    await k.schema.dropTable('schema_migrations').execute();
  });
}

/** Applies pending migrations; returns the ids applied. Safe to run from several replicas at once on PostgreSQL. */
export async function migrate(db: Db): Promise<number[]> {
  const apply = async (): Promise<number[]> => {
    await adoptLegacyBookkeeping(db);
    const { error, results = [] } = await (await migrator(db)).migrateToLatest();
    const failed = results.find((r) => r.status === 'Error');
    if (failed)
      throw new Error(`database: migration ${failed.migrationName} failed: ${(error as Error)?.message}`, {
        cause: error,
      });
    if (error) throw error;
    return results.filter((r) => r.status === 'Success').map((r) => migrationId(r.migrationName));
  };
  if (db instanceof PostgresDb)
    return (await db.withAdvisoryLock(MIGRATION_LOCK, apply, { wait: true })) as number[];
  return apply();
}

/** Ids of the migrations `migrate` would apply. */
export async function pendingMigrations(db: Db): Promise<number[]> {
  const legacy = await legacyApplied(db);
  if (legacy !== undefined) return MIGRATIONS.filter((m) => !legacy.includes(m.id)).map((m) => m.id);
  const known = await (await migrator(db)).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => migrationId(m.name));
}
