import { Kysely, PostgresDialect, sql, type DatabaseIntrospector } from 'kysely';
import pg from 'pg';
import { transactionDb, type Db } from './db';
import { CurrentSchemaIntrospector } from './postgres-introspector';
import type { Tables } from './tables';

// int8 (BIGINT) columns hold millisecond timestamps and counts, all well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Kysely's PostgreSQL dialect, its introspection limited to the connection's schema (see the introspector). */
class OpsdeskPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/** PostgreSQL through a `pg` pool under Kysely's PostgreSQL dialect; the choice for several server replicas. */
export class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly kysely: Kysely<Tables>;

  constructor(readonly url: string) {
    // connectionTimeoutMillis: a database that does not answer (a partition, a full pool) fails the
    // request with 503 + Retry-After after 10 s instead of holding it until the client gives up
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      statement_timeout: 30_000,
      connectionTimeoutMillis: 10_000,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
    // Nor a checked-out one between two queries (the scheduler's advisory-lock session, a
    // transaction): pg emits that as an 'error' event, which unheard ends the process. The next
    // query on it fails instead, the request gets its 503, and the pool drops the client.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.kysely = new Kysely<Tables>({ dialect: new OpsdeskPostgresDialect({ pool: this.pool }) });
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute((trx) => fn(transactionDb('postgres', trx)));
  }

  async ping(): Promise<boolean> {
    try {
      await sql`SELECT 1`.execute(this.kysely);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs `fn` while holding a session advisory lock, so only one replica does it. With `wait` it
   * queues for the lock (migrations); without, it skips the run when another replica has it.
   * The lock lives on one pooled connection held for the whole run; `fn` queries through the pool.
   * Keys are scoped to the connection's schema (the two-key form), so two deployments or tests that
   * share a database in separate schemas never wait for each other's scheduler.
   */
  async withAdvisoryLock<T>(
    key: number,
    fn: () => Promise<T>,
    opts: { wait?: boolean } = {},
  ): Promise<T | undefined> {
    return this.kysely.connection().execute(async (session) => {
      if (opts.wait) {
        await sql`SELECT pg_advisory_lock(hashtext(current_schema()), ${key})`.execute(session);
      } else {
        const got = await sql<{
          ok: boolean;
        }>`SELECT pg_try_advisory_lock(hashtext(current_schema()), ${key}) AS ok`.execute(session);
        if (!got.rows[0]?.ok) return undefined;
      }
      try {
        return await fn();
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtext(current_schema()), ${key})`.execute(session);
      }
    });
  }

  /** The schema the connection's search_path resolves unqualified names to (tests give each their own). */
  async currentSchema(): Promise<string> {
    const r = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(this.kysely);
    return r.rows[0]?.schema ?? 'public';
  }

  async close(): Promise<void> {
    await this.kysely.destroy(); // ends the pool, once Kysely has used it
    if (!this.pool.ended) await this.pool.end();
  }
}
