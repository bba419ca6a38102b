import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import { transactionDb, type Db } from './db';
import type { Tables } from './tables';

/**
 * Kysely's SQLite driver, with transactions that take the write lock when they begin
 * (BEGIN IMMEDIATE): a transaction that reads and then writes can otherwise fail with SQLITE_BUSY
 * at its first write, without waiting, when another process (the CLI) holds the lock.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}

/** SQLite runs DDL inside a transaction, so a migration is applied whole or not at all. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class OpsdeskSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * better-sqlite3 with its prepared statements kept: the builder produces the same SQL text for the
 * same query shape, and preparing it again on every request costs more than running it.
 */
function cachingDatabase(db: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let st = statements.get(sql);
      if (!st) {
        st = db.prepare(sql);
        if (statements.size > 500) statements.clear();
        statements.set(sql, st);
      }
      return st as unknown as SqliteStatement;
    },
  };
}

/**
 * SQLite through better-sqlite3: WAL, synchronous=FULL (a webhook is acknowledged only once its
 * transaction is on disk), one connection. Kysely serialises the connection: a transaction holds
 * it, so statements of other requests wait instead of running inside it.
 */
export class SqliteDb implements Db {
  readonly kind = 'sqlite' as const;
  readonly kysely: Kysely<Tables>;
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.kysely = new Kysely<Tables>({
      dialect: new OpsdeskSqliteDialect({ database: cachingDatabase(this.db) }),
    });
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute((trx) => fn(transactionDb('sqlite', trx)));
  }

  /** Asks the file directly, so that /-/ready answers while a long transaction holds the connection. */
  async ping(): Promise<boolean> {
    return this.db.open && this.db.prepare('SELECT 1 AS ok').get() !== undefined;
  }

  /** Online backup to a file (SQLite's backup API: consistent while the server keeps writing). */
  async backup(to: string): Promise<void> {
    await this.db.backup(to);
  }

  /** Waits for the statements queued on the connection, then closes the file. */
  async close(): Promise<void> {
    // taking the connection waits for the transaction that holds it (closing would roll it back)
    await this.kysely.connection().execute(async () => undefined);
    await this.kysely.destroy();
  }
}

/** Tables of a SQLite file, for the CLI's restore check; opened read-only, never migrated. */
export function sqliteTables(file: string): string[] {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
  } finally {
    probe.close();
  }
}

/**
 * A self-contained copy of a live SQLite file, its WAL included (a server killed without a
 * checkpoint leaves its latest transactions in `<file>-wal` only), checked with integrity_check.
 */
export function copySqliteFile(file: string, to: string): void {
  const live = new Database(file, { fileMustExist: true });
  try {
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.prepare('VACUUM INTO ?').run(to);
  } finally {
    live.close();
  }
  const check = new Database(to, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`integrity_check of the copy: ${String(ok)}`);
  } finally {
    check.close();
  }
}
