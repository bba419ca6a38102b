import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { silentLogger } from '@opsdesk/testing';
import { collectOnce, sampleOf } from '@opsdesk/exporter-core';
import { runSqlCheck, sqlCheckSchema, sqlChecksCollector } from './sql-checks';

const PG = process.env.OPSDESK_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const MARIADB = process.env.OPSDESK_TEST_MARIADB ?? 'mysql://root@127.0.0.1:3306/test';
const QUERY =
  "SELECT status, COUNT(*) AS value FROM orders WHERE status <> 'settled' GROUP BY status ORDER BY status";
const ROWS: Array<[string, string]> = [
  ['1', 'new'],
  ['2', 'new'],
  ['3', 'matched'],
  ['4', 'settled'],
];
const check = (driver: string, dsn: string, query = QUERY) =>
  sqlCheckSchema.parse({ name: 'orders_open', driver, dsn, query, label_columns: ['status'], timeout: '2s' });

test('SQLite: a read-only query becomes a gauge per label value; writes are refused', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-sql-'));
  const file = path.join(dir, 'orders.db');
  const db = new Database(file);
  db.exec('CREATE TABLE orders (id TEXT, status TEXT)');
  for (const [id, status] of ROWS) db.prepare('INSERT INTO orders VALUES (?, ?)').run(id, status);
  db.close();
  expect(await runSqlCheck(check('sqlite', file))).toEqual([
    { status: 'matched', value: 1 },
    { status: 'new', value: 2 },
  ]);
  await expect(runSqlCheck(check('sqlite', file, 'DELETE FROM orders RETURNING id'))).rejects.toThrow(
    'the query of SQL check orders_open writes to the database; SQL checks run read-only queries only',
  );
  const after = new Database(file, { readonly: true });
  expect(after.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: ROWS.length });
  after.close();
  rmSync(dir, { recursive: true, force: true });
});

test('PostgreSQL: read-only session, statement timeout', async () => {
  const schema = `flow_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.orders (id text, status text)`);
  for (const [id, status] of ROWS)
    await admin.query(`INSERT INTO ${schema}.orders VALUES ($1, $2)`, [id, status]);
  const dsn = `${PG}?options=-c%20search_path%3D${schema}`;
  try {
    expect(await runSqlCheck(check('postgres', dsn))).toEqual([
      { status: 'matched', value: '1' },
      { status: 'new', value: '2' },
    ]);
    await expect(runSqlCheck(check('postgres', dsn, 'DELETE FROM orders'))).rejects.toThrow(/read-only/);
    await expect(runSqlCheck(check('postgres', dsn, 'SELECT pg_sleep(5)'))).rejects.toThrow(
      /statement timeout/,
    );
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});

test('MariaDB: read-only session', async () => {
  const table = `orders_${randomBytes(4).toString('hex')}`;
  const conn = await mysql.createConnection({ uri: MARIADB });
  await conn.query(`CREATE TABLE ${table} (id VARCHAR(10), status VARCHAR(20))`);
  for (const [id, status] of ROWS) await conn.query(`INSERT INTO ${table} VALUES (?, ?)`, [id, status]);
  try {
    const rows = await runSqlCheck(check('mysql', MARIADB, QUERY.replace('orders', table)));
    expect(rows.map((r) => [r.status, Number(r.value)])).toEqual([
      ['matched', 1],
      ['new', 2],
    ]);
    await expect(runSqlCheck(check('mysql', MARIADB, `DELETE FROM ${table}`))).rejects.toThrow(/READ ONLY/i);
  } finally {
    await conn.query(`DROP TABLE ${table}`);
    await conn.end();
  }
});

test('a failing check reports success 0 and does not hide the others', async () => {
  jest.useFakeTimers();
  const good = sqlCheckSchema.parse({ name: 'good', driver: 'sqlite', dsn: 'x', query: 'q' });
  const bad = sqlCheckSchema.parse({ name: 'bad', driver: 'sqlite', dsn: 'y', query: 'q' });
  const collector = sqlChecksCollector([good, bad], silentLogger, async (c) => {
    if (c.name === 'bad') throw new Error('connection refused');
    return [{ value: 7 }];
  });
  try {
    collector.start?.();
    await jest.advanceTimersByTimeAsync(0); // the first runs answer at once
    const sink = await collectOnce(collector);
    expect(sampleOf(sink, 'opsdesk_flow_sql_check_success', { check: 'good' })).toBe(1);
    expect(sampleOf(sink, 'opsdesk_flow_sql_check_success', { check: 'bad' })).toBe(0);
    expect(sampleOf(sink, 'opsdesk_flow_sql_good')).toBe(7);
  } finally {
    collector.stop?.();
    jest.useRealTimers();
  }
});

test('each check runs on its own timer: one that hangs fails at its timeout and never delays the others', async () => {
  jest.useFakeTimers({ now: Date.UTC(2026, 11, 1, 1, 30) });
  const started = Date.now();
  const fast = sqlCheckSchema.parse({
    name: 'fast',
    driver: 'sqlite',
    dsn: 'x',
    query: 'q',
    interval: '10s',
  });
  const hung = sqlCheckSchema.parse({ name: 'hung', driver: 'sqlite', dsn: 'y', query: 'q', timeout: '5s' });
  let fastRuns = 0;
  const collector = sqlChecksCollector([fast, hung], silentLogger, (c) =>
    c.name === 'hung' ? new Promise<never>(() => {}) : Promise.resolve([{ value: ++fastRuns }]),
  );
  const sample = async (name: string, labels?: Record<string, string>) =>
    sampleOf(await collectOnce(collector), name, labels);
  try {
    collector.start?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(await sample('opsdesk_flow_sql_fast')).toBe(1);
    expect(await sample('opsdesk_flow_sql_check_success', { check: 'hung' })).toBe(0); // no answer yet
    // the hung check is given its timeout plus a second for the driver's own statement timeout
    await jest.advanceTimersByTimeAsync(6_000 - 1);
    expect(await sample('opsdesk_flow_sql_check_duration_seconds', { check: 'hung' })).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(await sample('opsdesk_flow_sql_check_duration_seconds', { check: 'hung' })).toBe(6);
    expect(await sample('opsdesk_flow_sql_check_success', { check: 'hung' })).toBe(0);
    await jest.advanceTimersByTimeAsync(4_000); // 10 s: the fast check's second run, on time
    expect(fastRuns).toBe(2);
    expect(await sample('opsdesk_flow_sql_fast')).toBe(2);
    expect(await sample('opsdesk_flow_sql_check_success', { check: 'fast' })).toBe(1);
    expect(await sample('opsdesk_flow_sql_check_last_success_timestamp_seconds', { check: 'fast' })).toBe(
      (started + 10_000) / 1000,
    );
  } finally {
    collector.stop?.();
    jest.useRealTimers();
  }
});

test('a check may not take the name of a series every check exports about itself', () => {
  const r = sqlCheckSchema.safeParse({
    name: 'check_success',
    driver: 'sqlite',
    dsn: 'x.db',
    query: 'SELECT 1',
  });
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.message).toBe(
    'opsdesk_flow_sql_check_success is a series every SQL check exports about itself; choose another name',
  );
  expect(
    sqlCheckSchema.safeParse({ name: 'orders_open', driver: 'sqlite', dsn: 'x.db', query: 'SELECT 1' })
      .success,
  ).toBe(true);
});
