import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, Param, Row } from './db';

/**
 * SQLite through better-sqlite3: WAL, synchronous=FULL (a webhook is acknowledged only once its
 * transaction is on disk), one connection. Statements are synchronous; a transaction holds a lock
 * so that statements of other requests wait instead of running inside it.
 */
export class SqliteDb implements Db {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private lock: Promise<void> = Promise.resolve();
  private inTransaction = false;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  get raw(): Database.Database {
    return this.db;
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  private async outside<T>(fn: () => T): Promise<T> {
    if (this.inTransaction) await this.lock;
    return fn();
  }

  all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.outside(() => this.prepare(sql).all(...params) as T[]);
  }

  get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return this.outside(() => this.prepare(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: readonly Param[] = []): Promise<number> {
    return this.outside(() => this.prepare(sql).run(...params).changes);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise((r) => (release = r));
    await previous;
    this.inTransaction = true;
    const tx: Db = {
      kind: 'sqlite',
      all: async <R = Row>(sql: string, params: readonly Param[] = []) =>
        this.prepare(sql).all(...params) as R[],
      get: async <R = Row>(sql: string, params: readonly Param[] = []) =>
        this.prepare(sql).get(...params) as R | undefined,
      run: async (sql: string, params: readonly Param[] = []) => this.prepare(sql).run(...params).changes,
      transaction: (inner) => inner(tx),
      jsonText: (c) => this.jsonText(c),
      ping: async () => true,
      close: async () => undefined,
    };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.inTransaction = false;
      release();
    }
  }

  jsonText(column: string): string {
    return `json_extract(${column}, '$.' || json_quote(?))`;
  }

  async ping(): Promise<boolean> {
    return this.db.open && this.db.prepare('SELECT 1 AS ok').get() !== undefined;
  }

  /** Online backup to a file (SQLite's backup API: consistent while the server keeps writing). */
  async backup(to: string): Promise<void> {
    await this.db.backup(to);
  }

  async close(): Promise<void> {
    await this.lock;
    this.db.close();
  }
}
