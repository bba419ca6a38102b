import { isPostgresUrl, type Db } from './db';
import { PostgresDb } from './postgres';
import { SqliteDb } from './sqlite';

export * from './db';
export { migrate, pendingMigrations } from './migrate';
export { PostgresDb } from './postgres';
export { SqliteDb } from './sqlite';
export type * from './tables';

/** A SQLite file path or a postgres:// URL. */
export function openDb(database: string): Db {
  return isPostgresUrl(database) ? new PostgresDb(database) : new SqliteDb(database);
}
