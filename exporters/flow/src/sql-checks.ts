import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { duration, type Logger } from '@opsdesk/runtime';
import { z } from 'zod';

/** Names whose opsdesk_flow_sql_<name> every check already exports about itself. */
const RESERVED = ['check_success', 'check_duration_seconds', 'check_last_success_timestamp_seconds'];

const metricName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'expected a lowercase name with digits and underscores; it becomes opsdesk_flow_sql_<name>',
  )
  .refine((n) => !RESERVED.includes(n), {
    error: (issue) =>
      `opsdesk_flow_sql_${String(issue.input)} is a series every SQL check exports about itself; choose another name`,
  });

export const sqlCheckSchema = z.strictObject({
  name: metricName,
  help: z.string().default(''),
  driver: z.enum(['postgres', 'mysql', 'sqlite']),
  /** postgres:// or mysql:// URL, or a SQLite file path; use ${ENV} for the password */
  dsn: z.string().min(1),
  query: z.string().min(1),
  value_column: z.string().default('value'),
  /** columns whose values become labels (bounded by limits.max_series_per_metric) */
  label_columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).default([]),
  interval: duration({ min: '1s' }).default(60_000),
  timeout: duration({ min: '100ms', max: '5m' }).default(10_000),
});
export type SqlCheck = z.output<typeof sqlCheckSchema>;

type Row = Record<string, unknown>;

/** The check with a SQLite database file taken from the config file's folder; URLs stay as they are. */
export function withResolvedDsn(check: SqlCheck, resolvePath: (p: string) => string): SqlCheck {
  return check.driver === 'sqlite' && check.dsn !== ':memory:'
    ? { ...check, dsn: resolvePath(check.dsn) }
    : check;
}

type Driver = SqlCheck['driver'];
type Runner = (check: SqlCheck) => Promise<Row[]>;

/*
 * The drivers are loaded by the factory of the first check that needs one, never at start-up: a
 * flow exporter without SQL checks (most of them) does not carry pg, mysql2 and better-sqlite3's
 * native module in its memory.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const DRIVERS: Record<Driver, () => Runner> = {
  postgres() {
    const pg = require('pg') as typeof import('pg');
    return async (check) => {
      const client = new pg.Client({
        connectionString: check.dsn,
        statement_timeout: check.timeout,
        connectionTimeoutMillis: check.timeout,
      });
      await client.connect();
      try {
        await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
        return (await client.query(check.query)).rows as Row[];
      } finally {
        await client.end().catch(() => undefined);
      }
    };
  },
  mysql() {
    const mysql = require('mysql2/promise') as typeof import('mysql2/promise');
    return async (check) => {
      const conn = await mysql.createConnection({ uri: check.dsn, connectTimeout: check.timeout });
      try {
        await conn.query('SET SESSION TRANSACTION READ ONLY');
        await conn
          .query(`SET SESSION max_statement_time = ${Math.ceil(check.timeout / 1000)}`)
          .catch(() => conn.query(`SET SESSION max_execution_time = ${check.timeout}`));
        const [rows] = await conn.query({ sql: check.query, timeout: check.timeout });
        return rows as Row[];
      } finally {
        await conn.end().catch(() => undefined);
      }
    };
  },
  sqlite() {
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    return async (check) => {
      const db = new Database(check.dsn, { readonly: true, fileMustExist: true, timeout: check.timeout });
      try {
        db.pragma('query_only = ON');
        const stmt = db.prepare(check.query);
        if (!stmt.readonly)
          throw new Error(
            `the query of SQL check ${check.name} writes to the database; SQL checks run read-only queries only`,
          );
        return stmt.all() as Row[];
      } finally {
        db.close();
      }
    };
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The runner of one driver; the driver is loaded on the first call (require keeps it after that). */
export function sqlRunner(driver: Driver): Runner {
  return DRIVERS[driver]();
}

/** Runs the query on a read-only connection with a statement timeout; a new connection per run keeps a hung database from holding the others. */
export function runSqlCheck(check: SqlCheck): Promise<Row[]> {
  return sqlRunner(check.driver)(check);
}

const SUCCESS = gaugeDescriptor(
  'opsdesk_flow_sql_check_success',
  '1 when the SQL check last ran within its timeout and returned rows it could read; the log says why not.',
  ['check'],
);
const DURATION = gaugeDescriptor(
  'opsdesk_flow_sql_check_duration_seconds',
  'How long the last run of the SQL check took, seconds.',
  ['check'],
);
const LAST_SUCCESS = gaugeDescriptor(
  'opsdesk_flow_sql_check_last_success_timestamp_seconds',
  'When the SQL check last succeeded, Unix seconds.',
  ['check'],
);

/**
 * Scheduled SQL checks against the platform's own database, each in the background on its own
 * timer: a failed or slow one sets its success gauge to 0 and never holds up the others or a scrape.
 */
export function sqlChecksCollector(
  checks: readonly SqlCheck[],
  log: Logger,
  run?: (c: SqlCheck) => Promise<Row[]>,
): Collector {
  const tasks = checks.map((c) => {
    // the check's driver is loaded here, when the exporter is made, so a missing one fails at start
    const runCheck = run ?? sqlRunner(c.driver);
    return new BackgroundTask<Row[]>({
      name: `sql/${c.name}`,
      intervalMs: c.interval,
      timeoutMs: c.timeout + 1000,
      log,
      run: () => runCheck(c),
    });
  });
  // the value of each check is its own metric, named and described by its config
  const values = checks.map((c) =>
    gaugeDescriptor(
      `opsdesk_flow_sql_${c.name}`,
      c.help || `Value of the SQL check ${c.name} (column ${c.value_column}).`,
      c.label_columns,
    ),
  );
  return backgroundCollector({
    name: 'sql',
    tasks,
    log,
    collect({ sink }) {
      checks.forEach((c, i) => {
        const t = tasks[i]!;
        sink.add(SUCCESS, t.lastSuccessMs !== undefined && !t.lastRunFailed ? 1 : 0, c.name);
        if (t.lastDurationMs !== undefined) sink.add(DURATION, t.lastDurationMs / 1000, c.name);
        if (t.lastSuccessMs !== undefined) sink.add(LAST_SUCCESS, t.lastSuccessMs / 1000, c.name);
        const rows = t.value;
        if (!rows) return;
        for (const row of rows) {
          const v = Number(row[c.value_column]);
          if (Number.isFinite(v))
            sink.add(values[i]!, v, ...c.label_columns.map((l) => String(row[l] ?? '')));
        }
      });
    },
  });
}
