import pg from 'pg';
import type { Db, Param, Row } from './db';

// int8 (BIGINT) columns hold millisecond timestamps and counts, all well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** `?` → `$1, $2, …` (our SQL never has a literal question mark). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

type Queryable = pg.Pool | pg.PoolClient;

function bind(q: Queryable): Pick<Db, 'all' | 'get' | 'run'> {
  return {
    all: async <T = Row>(sql: string, params: readonly Param[] = []) =>
      (await q.query(numberPlaceholders(sql), params as Param[])).rows as T[],
    get: async <T = Row>(sql: string, params: readonly Param[] = []) =>
      (await q.query(numberPlaceholders(sql), params as Param[])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) =>
      (await q.query(numberPlaceholders(sql), params as Param[])).rowCount ?? 0,
  };
}

/** PostgreSQL through a `pg` pool; the choice for several server replicas. */
export class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly q: Pick<Db, 'all' | 'get' | 'run'>;

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
    this.q = bind(this.pool);
  }

  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.q.all<T>(sql, params);
  }

  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    return this.q.get<T>(sql, params);
  }

  run(sql: string, params?: readonly Param[]): Promise<number> {
    return this.q.run(sql, params);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const bound = bind(client);
    const tx: Db = {
      kind: 'postgres',
      ...bound,
      transaction: (inner) => inner(tx),
      jsonText: (c) => this.jsonText(c),
      ping: async () => true,
      close: async () => undefined,
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  jsonText(column: string): string {
    return `((${column})::jsonb ->> ?)`;
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs `fn` while holding a session advisory lock, so only one replica does it. With `wait` it
   * queues for the lock (migrations); without, it skips the run when another replica has it.
   */
  async withAdvisoryLock<T>(
    key: number,
    fn: () => Promise<T>,
    opts: { wait?: boolean } = {},
  ): Promise<T | undefined> {
    const client = await this.pool.connect();
    try {
      if (opts.wait) {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
      } else {
        const got = (await client.query('SELECT pg_try_advisory_lock($1) AS ok', [key])).rows[0] as {
          ok: boolean;
        };
        if (!got.ok) return undefined;
      }
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
