import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { sql, type Kysely } from 'kysely';
import { serverConfigSchema, type ServerConfig } from '../config';
import { buildOpenApi } from '../http/openapi';
import { allRoutes, startServer, VERSION, type RunningServer } from '../server';
import { recordViolations, ResponseContract } from './contract';
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

/**
 * An in-process server on a free loopback port over a fresh database, with an admin token.
 * Every JSON response it sends is checked against the OpenAPI document: a status the route does
 * not document, or a body its schema refuses, fails the request's api() call (or stop(), for
 * requests made another way), naming the route, the status and the schema error.
 */
export async function startTestServer(
  kind: DatabaseKind,
  config: Record<string, unknown> = {},
): Promise<TestServer> {
  const database = await freshDatabase(kind);
  const parsed: ServerConfig = serverConfigSchema.parse({
    http: { rate_limit: { per_second: 100_000, burst: 100_000 } },
    ...config,
  });
  const violations: string[] = [];
  let reported = 0;
  let contract: ResponseContract | undefined;
  const throwViolations = () => {
    if (violations.length <= reported) return;
    const found = violations.slice(reported);
    reported = violations.length;
    throw new Error(`response contract (server/openapi.json):\n${found.join('\n')}`);
  };
  const running = await startServer(parsed, {
    listen: `127.0.0.1:${await freePort()}`,
    database: database.url,
    log: createLogger('test', 'error', { write: () => undefined } as never),
    bootstrapToken: ADMIN_TOKEN,
    onJsonResponse: recordViolations(
      () => (contract ??= new ResponseContract(buildOpenApi(allRoutes(running.ctx), VERSION))),
      violations,
    ),
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
      throwViolations();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      await running.close();
      await database.drop();
      throwViolations();
    },
  };
}

/**
 * Everything the database holds, as text, to show that a refused request stored nothing: every
 * table of the schema (new ones included without a list to update), rows in key order; a token's
 * last use is left out (reading records it).
 */
export async function storeFingerprint(db: TestServer['ctx']['db']): Promise<string> {
  const tables = (await db.kysely.introspection.getTables({ withInternalKyselyTables: true }))
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
