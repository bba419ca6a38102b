import type { Kysely } from 'kysely';
import type { Tables } from './tables';

/**
 * The one query layer for SQLite and PostgreSQL: Kysely's query builder over the tables of
 * tables.ts, with its SQLite dialect (better-sqlite3) or its PostgreSQL dialect (`pg`). Queries are
 * written once with the builder; where it cannot express something (a JSON label lookup, an
 * advisory lock) a store uses Kysely's `sql` template, whose values are always bound parameters.
 * Times are stored as integer milliseconds since the epoch (UTC), JSON as text, booleans as 0/1,
 * so rows read the same from either database.
 */
export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  /** the query builder; inside `transaction`, bound to that transaction */
  readonly kysely: Kysely<Tables>;
  /**
   * Runs `fn` in one transaction (Kysely's transaction API); it commits when `fn` resolves and
   * rolls back when it throws. Inside, `transaction` runs `fn` in the same transaction.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** true when the store answers (for /-/ready) */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The `Db` of a transaction: statements go to the transaction, nested transactions join it. */
export function transactionDb(kind: Db['kind'], trx: Kysely<Tables>): Db {
  const tx: Db = {
    kind,
    kysely: trx,
    transaction: (fn) => fn(tx),
    ping: async () => true,
    close: async () => undefined,
  };
  return tx;
}

/** Unique-constraint violation, whichever database raised it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}
