import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { serverConfigSchema } from '../config';
import { startServer } from '../server';
import { DATABASE_KINDS, freshDatabase } from '../testing/databases';
import { webhookPayload } from '../testing/alerts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../testing/server';

const quiet = () => createLogger('test', 'error', { write: () => undefined } as never);

/**
 * X-Grafana-Context as Grafana's plugin proxy sets it (pkg/api/pluginproxy/pluginproxy.go:
 * json.Marshal of *user.SignedInUser, pkg/services/user/identity.go, whose fields have no json tags).
 */
const grafanaContext = (login: string) =>
  JSON.stringify({
    UserID: 7,
    OrgID: 1,
    OrgName: 'Main Org.',
    OrgRole: 'Editor',
    Login: login,
    Name: login.toUpperCase(),
    Email: `${login}@example.com`,
    AuthenticatedBy: 'password',
    ApiKeyID: 0,
    IsServiceAccount: false,
    IsGrafanaAdmin: false,
    IsAnonymous: false,
    IsDisabled: false,
    HelpFlags1: 0,
    LastSeenAt: '2026-12-01T08:00:00Z',
    Teams: [],
  });

describe.each(DATABASE_KINDS)('tokens and identity on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.stop());

  const token = async (name: string, role: string, grafanaPlugin?: boolean) => {
    const r = await s.api<{ token: string; grafanaPlugin: boolean }>('POST', '/api/v1/tokens', {
      name,
      role,
      ...(grafanaPlugin === undefined ? {} : { grafanaPlugin }),
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const activeAdmins = async () =>
    Number(
      (
        await s.ctx.db.kysely
          .selectFrom('tokens')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('role', '=', 'admin')
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
      )?.n,
    );

  test('only a Grafana plugin token may name the Grafana user in the timeline', async () => {
    const direct = await token('ci-bot', 'editor');
    const plugin = await token('grafana-app', 'editor', true);
    expect(plugin.grafanaPlugin).toBe(true);
    expect(direct.grafanaPlugin).toBe(false);
    const incident = (
      await s.api<{ number: string }>('POST', '/api/v1/incidents', { title: 'Who', severity: 'P4' })
    ).body.number;
    const comment = (secret: string, headers: Record<string, string>) =>
      fetch(`${s.url}/api/v1/incidents/${incident}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ text: 'hello' }),
      }).then(async (r) => ((await r.json()) as { actor: string }).actor);
    // a direct client cannot write another person's name
    expect(await comment(direct.token, { 'x-grafana-context': grafanaContext('alice') })).toBe('ci-bot');
    expect(await comment(direct.token, { 'x-grafana-user': 'alice' })).toBe('ci-bot');
    expect(await comment(ADMIN_TOKEN, { 'x-grafana-user': 'alice' })).toBe('bootstrap');
    // the plugin's token: Grafana's context (Login), or X-Grafana-User with send_user_header
    expect(await comment(plugin.token, { 'x-grafana-context': grafanaContext('alice') })).toBe(
      'alice via grafana-app',
    );
    expect(await comment(plugin.token, { 'x-grafana-user': 'bob' })).toBe('bob via grafana-app');
    expect(await comment(plugin.token, { 'x-grafana-org-id': '2' })).toBe('grafana-app');
    expect(await comment(plugin.token, { 'x-grafana-context': '{not json' })).toBe('grafana-app');
    const listed = await s.api<{ tokens: Array<{ name: string; grafanaPlugin: boolean }> }>(
      'GET',
      '/api/v1/tokens',
    );
    expect(listed.body.tokens.filter((t) => t.grafanaPlugin).map((t) => t.name)).toEqual(['grafana-app']);
  });

  test('a backups:ingest token reaches only the ingest routes; it must be an editor, not the plugin token', async () => {
    const created = await s.api<{ token: string; scope: string | null; role: string }>(
      'POST',
      '/api/v1/tokens',
      {
        name: 'backup-db-1',
        role: 'editor',
        scope: 'backups:ingest',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope: 'backups:ingest', role: 'editor' });
    const refused = await s.api<{ error: { message: string } }>(
      'GET',
      '/api/v1/incidents',
      undefined,
      created.body.token,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'token backup-db-1 has scope backups:ingest, which may call only POST /api/v1/backups/runs, POST /api/v1/backups/restore-tests; use an ordinary token for GET /api/v1/incidents',
    );
    // an ingest route takes it (here the policy is unknown: 422, past the authorisation)
    const ingest = await s.api<{ error: { code: string } }>(
      'POST',
      '/api/v1/backups/runs',
      {
        id: 'run-0000-0001',
        policy: 'none',
        tool: 'restic',
        startedAt: '2026-11-30T01:00:00Z',
        finishedAt: '2026-11-30T01:01:00Z',
        exitCode: 0,
        result: 'success',
      },
      created.body.token,
    );
    expect([ingest.status, ingest.body.error.code]).toEqual([422, 'unknown_policy']);
    // and an ordinary editor token still reaches the ingest routes
    const editor = await token('backup-editor', 'editor');
    const byEditor = await s.api<{ error: { code: string } }>(
      'POST',
      '/api/v1/backups/runs',
      {},
      editor.token,
    );
    expect(byEditor.status).toBe(400);
    for (const bad of [
      { name: 'backup-viewer', role: 'viewer', scope: 'backups:ingest' },
      { name: 'backup-admin', role: 'admin', scope: 'backups:ingest' },
      { name: 'backup-plugin', role: 'editor', scope: 'backups:ingest', grafanaPlugin: true },
    ]) {
      const r = await s.api<{ error: { message: string } }>('POST', '/api/v1/tokens', bad);
      expect([bad.name, r.status]).toEqual([bad.name, 422]);
    }
    const unknownScope = await s.api<{ error: { message: string } }>('POST', '/api/v1/tokens', {
      name: 'x-scope',
      role: 'editor',
      scope: 'incidents:write',
    });
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.body.error.message).toContain('body scope');
    const listed = await s.api<{ tokens: Array<{ name: string; scope: string | null }> }>(
      'GET',
      '/api/v1/tokens',
    );
    expect(listed.body.tokens.filter((t) => t.scope !== null).map((t) => t.name)).toEqual(['backup-db-1']);
  });

  // last: it revokes the bootstrap token the other tests use
  test('two admins revoking each other at once never leave zero', async () => {
    // leave exactly two admins, a-0 and b-0, then let them revoke each other; ten rounds
    const first = await token('admin-a-0', 'admin');
    const second = await token('admin-b-0', 'admin');
    expect((await s.api('DELETE', '/api/v1/tokens/bootstrap', undefined, first.token)).status).toBe(200);
    let pair = { a: first.token, b: second.token };
    for (let round = 0; round < 10; round++) {
      const [ra, rb] = await Promise.all([
        s.api('DELETE', `/api/v1/tokens/admin-b-${round}`, undefined, pair.a),
        s.api('DELETE', `/api/v1/tokens/admin-a-${round}`, undefined, pair.b),
      ]);
      const statuses = [ra.status, rb.status].sort();
      // one revocation wins; the other is refused as the last admin (409), or its own token is
      // already revoked by the time it is checked (401)
      expect([round, statuses.filter((x) => x === 200).length]).toEqual([round, 1]);
      expect([round, statuses.every((x) => x === 200 || x === 409 || x === 401)]).toEqual([round, true]);
      expect([round, await activeAdmins()]).toEqual([round, 1]);
      const survivor = ra.status === 200 ? pair.a : pair.b;
      const other = await s.api<{ token: string }>(
        'POST',
        '/api/v1/tokens',
        { name: ra.status === 200 ? `admin-b-${round + 1}` : `admin-a-${round + 1}`, role: 'admin' },
        survivor,
      );
      const renamed = await s.api<{ token: string }>(
        'POST',
        '/api/v1/tokens',
        { name: ra.status === 200 ? `admin-a-${round + 1}` : `admin-b-${round + 1}`, role: 'admin' },
        survivor,
      );
      // the survivor hands over to a fresh pair, and revokes itself (there are three admins now)
      const survivorName = ra.status === 200 ? `admin-a-${round}` : `admin-b-${round}`;
      expect(
        (await s.api('DELETE', `/api/v1/tokens/${survivorName}`, undefined, renamed.body.token)).status,
      ).toBe(200);
      pair =
        ra.status === 200
          ? { a: renamed.body.token, b: other.body.token }
          : { a: other.body.token, b: renamed.body.token };
    }
    const last = await s.api<{ tokens: Array<{ name: string; role: string; revokedAt: string | null }> }>(
      'GET',
      '/api/v1/tokens',
      undefined,
      pair.a,
    );
    expect(last.body.tokens.filter((t) => t.role === 'admin' && t.revokedAt === null)).toHaveLength(2);
  });
});

describe('rate limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    // the test server's own limit is high; tighten it as a reload would
    s.ctx.config = {
      ...s.ctx.config,
      http: { ...s.ctx.config.http, rate_limit: { per_second: 0.01, burst: 5 } },
    };
  });
  afterAll(() => s.stop());

  test('keyed by the authenticated token, not reset by junk tokens, never on the Alertmanager receiver', async () => {
    const statuses = async (n: number, secret: string | null, path = '/api/v1/incidents') => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await s.api('GET', path, undefined, secret)).status);
      return out;
    };
    expect(await statuses(6, ADMIN_TOKEN)).toEqual([200, 200, 200, 200, 200, 429]);
    // varying the header does not escape: Bearer with other spacing or case is the same token
    const variant = await fetch(`${s.url}/api/v1/incidents`, {
      headers: { authorization: `bearer   ${ADMIN_TOKEN}` },
    });
    expect(variant.status).toBe(429);
    // junk tokens share one bucket per address: 5 answers 401, then 429, and the real token stays limited
    const junk = [];
    for (let i = 0; i < 30; i++)
      junk.push(
        (await s.api('GET', '/api/v1/incidents', undefined, `odk_junk-${i}-${'x'.repeat(20)}`)).status,
      );
    expect(junk.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(junk.slice(5))).toEqual(new Set([429]));
    expect(await statuses(1, ADMIN_TOKEN)).toEqual([429]);
    const limited = await s.api<{ error: { message: string } }>('GET', '/api/v1/incidents');
    expect(limited.body.error.message).toContain('with token bootstrap');
    // the receiver is never rate limited (Alertmanager drops what a 4xx refuses)
    for (let i = 0; i < 20; i++) {
      const r = await s.api(
        'POST',
        '/api/v1/alertmanager/webhook',
        webhookPayload({ alertname: 'R' }, [
          { labels: { alertname: 'R', n: String(i) }, startsAt: '2026-11-30T00:00:00Z' },
        ]),
      );
      expect([i, r.status]).toEqual([i, 200]);
    }
  });
});

describe.each(DATABASE_KINDS)('OPSDESK_BOOTSTRAP_TOKEN on %s', (kind) => {
  test('restarts with the same value always start, even once it is revoked and no admin is left', async () => {
    const database = await freshDatabase(kind);
    const start = async () =>
      startServer(serverConfigSchema.parse({}), {
        listen: `127.0.0.1:${await freePort()}`,
        database: database.url,
        log: quiet(),
        bootstrapToken: ADMIN_TOKEN,
      });
    try {
      // replicas starting together on a fresh database (PostgreSQL): one bootstrap token
      const first = kind === 'postgres' ? await Promise.all([start(), start()]) : [await start()];
      for (const r of first) await r.close();
      const again = await start();
      const names = await again.ctx.db.kysely.selectFrom('tokens').select('name').execute();
      expect(names.map((n) => n.name)).toEqual(['bootstrap']);
      // an operator made another admin, revoked bootstrap, then lost the other one by hand
      await again.ctx.db.kysely
        .updateTable('tokens')
        .set({ revoked_at: 1 })
        .where('name', '=', 'bootstrap')
        .execute();
      await again.close();
      const third = await start();
      expect(
        await fetch(`${third.url}/api/v1/incidents`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        }).then((r) => r.status),
      ).toBe(401); // a revoked secret stays revoked
      await third.close();
    } finally {
      await database.drop();
    }
  });
});
