import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { isDeepStrictEqual, promisify } from 'node:util';
import fc from 'fast-check';
import { buildOpenApi } from './openapi';
import { allRoutes, VERSION } from '../server';
import { startTestServer, storeFingerprint, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';
import type { Role } from '../auth/roles';

let s: TestServer;
const tokens: Record<Role, string> = { viewer: '', editor: '', admin: 'odk_test-admin-token-0123456789' };
/** a backup host's token (scope backups:ingest): only the routes listing that scope take it */
let ingestToken = '';
let incident = '';

beforeAll(async () => {
  s = await startTestServer('sqlite');
  for (const role of ['viewer', 'editor'] as const) {
    const r = await s.api<{ token: string }>('POST', '/api/v1/tokens', { name: `t-${role}`, role });
    tokens[role] = r.body.token;
  }
  ingestToken = (
    await s.api<{ token: string }>('POST', '/api/v1/tokens', {
      name: 't-ingest',
      role: 'editor',
      scope: 'backups:ingest',
    })
  ).body.token;
  incident = (
    await s.api<{ number: string }>('POST', '/api/v1/incidents', { title: 'Contract test', severity: 'P3' })
  ).body.number;
});
afterAll(() => s.stop());

describe('OpenAPI', () => {
  test('the committed openapi.json is what the schemas generate, and it is valid OpenAPI 3.1', async () => {
    const generated = buildOpenApi(allRoutes(s.ctx), VERSION);
    const committed = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
    ) as unknown;
    // regenerate with: npm run openapi -w server
    expect(committed).toEqual(generated);
    const served = await (await fetch(`${s.url}/api/v1/openapi.json`)).json();
    expect(served).toEqual(generated);
    const server = path.join(__dirname, '..', '..');
    // asynchronously: a blocked event loop would let the server drop the client's kept-alive socket
    const check = await promisify(execFile)(
      process.execPath,
      [path.join(server, 'scripts', 'validate-openapi.mjs'), path.join(server, 'openapi.json')],
      { encoding: 'utf8' },
    ).catch((err: { stderr?: string }) => ({ stderr: err.stderr ?? String(err) }));
    expect(check.stderr).toBe('');
  });

  test('a named shape is written once, in components.schemas, and referenced everywhere else', () => {
    const doc = buildOpenApi(allRoutes(s.ctx), VERSION) as {
      components: { schemas: Record<string, unknown> };
      paths: unknown;
    };
    const named = Object.entries(doc.components.schemas);
    const copies: string[] = [];
    const visit = (node: unknown, at: string, root: string | undefined) => {
      if (node === null || typeof node !== 'object') return;
      for (const [id, schema] of named)
        if (id !== root && isDeepStrictEqual(node, schema)) copies.push(`${at} repeats ${id}`);
      for (const [k, v] of Object.entries(node)) visit(v, `${at}/${k}`, undefined);
    };
    visit(doc.paths, '#/paths', undefined);
    for (const [id, schema] of named) visit(schema, `#/components/schemas/${id}`, id);
    expect(copies).toEqual([]);
    const refs: string[] = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[A-Za-z]+"/g) ?? [];
    for (const id of [
      'Incident',
      'IncidentPage',
      'Alert',
      'TimelineEntry',
      'SlaGoal',
      'SlaReport',
      'Token',
      'Error',
      'NextCursor',
      'Shift',
      'Override',
      'Handover',
      'Person',
    ])
      expect([id, refs.includes(`"$ref":"#/components/schemas/${id}"`)]).toEqual([id, true]);
  });
});

const fill = (p: string) =>
  p.replace(':id', incident).replace(':action', 'acknowledge').replace(':name', 'nobody');

describe('role matrix', () => {
  const routes = () => allRoutes(s.ctx);
  test('every route × (no token, viewer, editor, admin)', async () => {
    const rank: Role[] = ['viewer', 'editor', 'admin'];
    const table: string[] = [];
    for (const r of routes()) {
      const url = fill(r.path);
      // a body that is never valid, so an allowed call is refused by validation and changes nothing
      const body = r.method === 'get' || r.method === 'delete' ? undefined : { __invalid__: true };
      const none = await s.api('' + r.method.toUpperCase(), url, body, null);
      const row = [`${r.method.toUpperCase()} ${r.path}`, String(none.status)];
      expect([r.path, none.status]).toEqual([r.path, 401]);
      for (const role of rank) {
        const res = await s.api(r.method.toUpperCase(), url, body, tokens[role]);
        row.push(String(res.status));
        if (rank.indexOf(role) < rank.indexOf(r.role))
          expect([r.path, role, res.status]).toEqual([r.path, role, 403]);
        else {
          expect([r.path, role, res.status === 401 || res.status === 403 || res.status >= 500]).toEqual([
            r.path,
            role,
            false,
          ]);
        }
      }
      // the scoped token: refused (403, naming its scope) on every route that does not list it
      const scoped = await s.api<{ error?: { message: string } }>(
        r.method.toUpperCase(),
        url,
        body,
        ingestToken,
      );
      row.push(String(scoped.status));
      if (r.scopes?.includes('backups:ingest'))
        expect([
          r.path,
          'ingest',
          scoped.status === 401 || scoped.status === 403 || scoped.status >= 500,
        ]).toEqual([r.path, 'ingest', false]);
      else {
        expect([r.path, 'ingest', scoped.status]).toEqual([r.path, 'ingest', 403]);
        expect(scoped.body.error?.message).toContain(
          'has scope backups:ingest, which may call only POST /api/v1/backups/runs',
        );
      }
      table.push(row.join('  '));
    }
    expect(table.length).toBe(routes().length);
    expect(
      routes()
        .filter((r) => r.scopes?.length)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['post /api/v1/backups/runs', 'post /api/v1/backups/restore-tests']);
  });
});

describe('fuzz', () => {
  // For each write route: a valid body, its required keys, whether unknown keys are refused, and the
  // text fields of unbounded length (a notification is never refused for its size).
  type Spec = { body: Record<string, unknown>; required: string[]; strict: boolean; unbounded?: string[] };
  const valid: Record<string, Spec> = {
    'POST /api/v1/incidents': {
      body: { title: 'x', severity: 'P2' },
      required: ['title', 'severity'],
      strict: true,
    },
    'PATCH /api/v1/incidents/:id': { body: { title: 'y' }, required: [], strict: true },
    'POST /api/v1/incidents/:id/:action': { body: { note: 'n' }, required: [], strict: true },
    'POST /api/v1/incidents/:id/comments': { body: { text: 'hello' }, required: ['text'], strict: true },
    'PUT /api/v1/incidents/:id/review': {
      body: { summary: 's', actionItems: [{ title: 't', owner: 'o', dueDate: '2026-12-31' }] },
      required: [],
      strict: true,
    },
    'POST /api/v1/alertmanager/webhook': {
      body: webhookPayload({ alertname: 'F' }, [
        { labels: { alertname: 'F' }, startsAt: '2026-11-26T00:00:00Z' },
      ]),
      required: ['version', 'groupKey', 'status', 'receiver', 'alerts'],
      strict: false, // Alertmanager may add fields; unknown ones are ignored
      unbounded: ['groupKey', 'externalURL'],
    },
    'POST /api/v1/oncall/overrides': {
      body: {
        roster: 'ops',
        layer: 'primary',
        person: 'alice',
        start: '2026-12-01T09:00:00+08:00',
        end: '2026-12-02T09:00:00+08:00',
        reason: 'sick',
      },
      required: ['roster', 'layer', 'person', 'start', 'end', 'reason'],
      strict: true,
    },
    'POST /api/v1/oncall/swaps': {
      body: {
        roster: 'ops',
        layer: 'primary',
        a: { person: 'alice', start: '2026-12-01T10:00:00+08:00' },
        b: { person: 'bob', start: '2026-12-02T10:00:00+08:00' },
      },
      required: ['roster', 'layer', 'a', 'b'],
      strict: true,
    },
    'POST /api/v1/oncall/handovers': {
      body: { roster: 'ops', layer: 'primary', to: 'bob', notes: 'n' },
      required: ['roster', 'layer', 'to'],
      strict: true,
    },
    'POST /api/v1/vulnerabilities/findings': {
      body: {
        asset: 'db1:9741',
        packageType: 'deb',
        packageName: 'openssl',
        installedVersion: '3.0.11-1~deb12u2',
        vulnerabilityId: 'CVE-2024-5535',
        severity: 'low',
      },
      required: ['asset', 'packageType', 'packageName', 'installedVersion', 'vulnerabilityId', 'severity'],
      strict: true,
    },
    'POST /api/v1/vulnerabilities/findings/:id/accept-risk': {
      body: { approver: 'alice', reason: 'r', expiresAt: '2026-12-30T00:00:00+08:00' },
      required: ['approver', 'reason', 'expiresAt'],
      strict: true,
    },
    'POST /api/v1/tokens': {
      body: { name: 'fuzz', role: 'viewer' },
      required: ['name', 'role'],
      strict: true,
    },
    'POST /api/v1/inspections/runs': {
      body: { template: 'daily', inspector: 'li.si', reviewer: 'zhang.san' },
      required: ['template'],
      strict: true,
    },
    'POST /api/v1/inspections/runs/:id/items/:key': {
      body: { result: 'abnormal', note: 'n', evidence: [{ name: 'e', url: 'https://example.com/e' }] },
      required: ['result'],
      strict: true,
    },
    'POST /api/v1/inspections/runs/:id/sign': {
      body: { role: 'inspector' },
      required: ['role'],
      strict: true,
    },
    'POST /api/v1/inspections/runs/:id/cancel': { body: { reason: 'r' }, required: ['reason'], strict: true },
    'POST /api/v1/inspections/runs/:id/items/:key/follow-up': {
      body: { kind: 'incident', severity: 'P3', title: 't' },
      required: ['severity'],
      strict: true,
    },
    'POST /api/v1/incidents/:id/verifications': {
      body: { template: 'after-repair' },
      required: ['template'],
      strict: true,
    },
  };
  const sqlish = fc.constantFrom(
    "'; DROP TABLE incidents; --",
    '" OR 1=1 --',
    '%',
    '\\',
    '\u0000',
    '💥',
    'P1\nP2',
  );
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

  /** A valid body with one thing broken: a value of the wrong type, a required key missing, an unknown key, or no object at all. */
  function broken(spec: Spec) {
    const keys = Object.keys(spec.body);
    const wrongType = fc
      .tuple(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), sqlish))
      .filter(([k, v]) => typeOf(v) !== typeOf(spec.body[k]));
    const options = [
      fc.oneof(fc.jsonValue(), sqlish).filter((v) => typeOf(v) !== 'object'),
      wrongType.map(([k, v]) => ({ ...spec.body, [k]: v })),
      fc
        .constantFrom(...keys.filter((k) => typeof spec.body[k] === 'string' && !spec.unbounded?.includes(k)))
        .map((k) => ({ ...spec.body, [k]: 'x'.repeat(20_001) })),
    ];
    if (spec.required.length)
      options.push(
        fc
          .constantFrom(...spec.required)
          .map((k) => Object.fromEntries(Object.entries(spec.body).filter(([x]) => x !== k))),
      );
    if (spec.strict)
      options.push(fc.tuple(sqlish, fc.jsonValue()).map(([k, v]) => ({ ...spec.body, [`zz${k}`]: v })));
    return fc.oneof(...options);
  }

  // a fixed budget of requests shared by the write routes (at least 100 each), so the test's time does
  // not grow with every domain added: it ran into its limit on a loaded CI machine at 400 per route
  const FUZZ_BUDGET = 12_000;
  test('thousands of broken bodies to every write endpoint: never a 5xx, never a change in the store', async () => {
    const before = await storeFingerprint(s.ctx.db);
    const writes = allRoutes(s.ctx).filter((r) => r.method !== 'get');
    const perRoute = Math.max(100, Math.floor(FUZZ_BUDGET / writes.length));
    let sent = 0;
    for (const r of writes) {
      const key = `${r.method.toUpperCase()} ${r.path}`;
      const spec = valid[key];
      const bodies = spec === undefined ? fc.constant(undefined) : broken(spec);
      const ids = fc.oneof(fc.constant(incident), sqlish, fc.string({ minLength: 1, maxLength: 20 }));
      await fc.assert(
        fc.asyncProperty(bodies, ids, async (body, id) => {
          let url = fill(r.path).replace(incident, encodeURIComponent(id));
          if (r.method === 'delete') url = `/api/v1/tokens/${encodeURIComponent(id)}`;
          const res = await s.api(
            r.method.toUpperCase(),
            url,
            body === undefined ? undefined : JSON.stringify(body),
          );
          sent++;
          // a DELETE names no existing token, every other body is broken: only a 4xx is right
          if (res.status < 400 || res.status >= 500) {
            throw new Error(
              `${key} ${url} with ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`,
            );
          }
          return true;
        }),
        { numRuns: r.method === 'delete' ? 100 : perRoute },
      );
    }
    expect(sent).toBeGreaterThan(2000);
    expect(await storeFingerprint(s.ctx.db)).toBe(before);
  }, 300_000);
});
