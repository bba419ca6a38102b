import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { sql, type Kysely } from 'kysely';
import { serverConfigSchema, type ServerConfig } from '../config';
import { PostgresDb } from '../db';
import { startServer, type RunningServer } from '../server';
import { freshDatabase, type DatabaseKind, type TestDatabase } from './databases';

export const ADMIN_TOKEN = 'odk_test-admin-token-0123456789';

export interface TestServer extends RunningServer {
  database: TestDatabase;
  /** JSON request with the admin token unless another is given */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** An in-process server on a free loopback port over a fresh database, with an admin token. */
export async function startTestServer(
  kind: DatabaseKind,
  config: Record<string, unknown> = {},
): Promise<TestServer> {
  const database = await freshDatabase(kind);
  const parsed: ServerConfig = serverConfigSchema.parse({
    http: { rate_limit: { per_second: 100_000, burst: 100_000 } },
    ...config,
  });
  const running = await startServer(parsed, {
    listen: `127.0.0.1:${await freePort()}`,
    database: database.url,
    log: createLogger('test', 'error', { write: () => undefined } as never),
    bootstrapToken: ADMIN_TOKEN,
  });
  return {
    ...running,
    database,
    async api<T>(method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN) {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${running.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}

/**
 * Everything the database holds, as text, to show that a refused request stored nothing: every
 * table of the schema (new ones included without a list to update), rows in key order; a token's
 * last use is left out (reading records it).
 */
export async function storeFingerprint(db: TestServer['ctx']['db']): Promise<string> {
  // Kysely lists the tables of every schema on PostgreSQL; each test server has its own
  const schema = db instanceof PostgresDb ? await db.currentSchema() : undefined;
  const tables = (await db.kysely.introspection.getTables({ withInternalKyselyTables: true }))
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .sort();
  const anyTable = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const parts: string[] = [];
  for (const name of tables) {
    const rows = await anyTable
      .selectFrom(name)
      .selectAll()
      .orderBy(sql`1`)
      .execute();
    parts.push(`${name} ${JSON.stringify(rows.map((r) => ({ ...r, last_used_at: null })))}`);
  }
  return parts.join('\n');
}
