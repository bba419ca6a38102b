/**
 * The routes of plugin.json against the rules of Grafana's plugin proxy (tests/grafana/, ported
 * from Grafana's source): first Grafana's own route-matching cases, then every call src/api/
 * makes, found in its source, must be forwarded to the server route it means, with the token its
 * method needs, and refused to a role that may not make it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiCalls } from './grafana/api-calls';
import { decide, type OrgRole, type PluginRoute, type SignedInUser } from './grafana/pluginproxy';
import { Tree } from './grafana/tree';

const APP = path.join(__dirname, '..');
const pluginJson = JSON.parse(readFileSync(path.join(APP, 'src', 'plugin.json'), 'utf8')) as { routes: PluginRoute[] };
const openapi = JSON.parse(readFileSync(path.join(APP, '..', 'server', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};

const SERVER = 'http://opsdesk-server:9744';
const settings = {
  jsonData: { serverUrl: SERVER, prometheusUid: 'prometheus' },
  secureJsonData: { viewerToken: 'viewer-secret', editorToken: 'editor-secret' },
};
const user = (role: OrgRole, extra: Partial<SignedInUser> = {}): SignedInUser => ({
  UserID: 7,
  UserUID: 'u7',
  OrgID: 2,
  OrgName: 'Client',
  OrgRole: role,
  Login: `someone-${role.toLowerCase()}`,
  Name: 'Someone',
  Email: 'someone@example.com',
  IsGrafanaAdmin: false,
  IsAnonymous: false,
  IsServiceAccount: false,
  ...extra,
});

describe("Grafana's route matching (pkg/web tree, pluginproxy_test.go's cases)", () => {
  // routes and expectations of TestPluginProxyRoutes in pkg/api/pluginproxy/pluginproxy_test.go
  const routes: PluginRoute[] = [
    { path: '', method: 'GET', url: 'http://localhost' },
    { path: 'some-api', method: 'GET', url: 'http://localhost/api' },
    { path: 'some-api/instances', method: 'GET', url: 'http://localhost/api/instances/' },
    { path: 'some-api/*', method: 'GET', url: 'http://localhost/api' },
    { path: 'some-api/instances/*', method: 'GET', url: 'http://localhost/api/instances' },
    { path: 'some-other-api/*', method: 'GET', url: 'http://localhost/api/v2' },
    { path: 'some-other-api/instances/*', method: 'GET', url: 'http://localhost/api/v2/instances' },
  ];
  test.each([
    ['/notexists', undefined],
    ['/', '/'],
    ['/some-api', '/api'],
    ['/some-api/instances', '/api/instances/'],
    ['/some-api/some/thing', '/api/some/thing'],
    ['/some-api/instances/instance-one', '/api/instances/instance-one'],
    ['/some-other-api/some/thing', '/api/v2/some/thing'],
    ['/some-other-api/instances/instance-one', '/api/v2/instances/instance-one'],
  ])('%s → %s', (proxyPath, expected) => {
    const d = decide({
      routes,
      settings,
      method: 'GET',
      escapedPath: `/api/plugin-proxy/some-app${proxyPath}`,
      rawQuery: '',
      user: user('Viewer'),
    });
    if (expected === undefined) {
      expect(d).toMatchObject({ status: 404, message: 'plugin route match not found' });
    } else {
      expect(d.status).toBe('forward');
      if (d.status === 'forward') expect(new URL(d.url).pathname).toBe(expected);
    }
  });

  test('a path is no prefix: only a trailing * takes the rest', () => {
    expect(new Tree('api/v1/incidents').match('api/v1/incidents/INC-1')).toBeUndefined();
    expect(new Tree('api/v1/incidents').match('/api/v1/incidents/')).toBeDefined();
    expect(new Tree('api/v1/incidents/*').match('api/v1/incidents')).toBeUndefined();
    expect(new Tree('api/v1/incidents/*').match('api/v1/incidents/INC-1/review')?.params['*']).toBe('INC-1/review');
    expect(new Tree('api/v1/:kind/x').match('api/v1/incidents/x')?.params[':kind']).toBe('incidents');
    expect(new Tree('api/v1/:id:int').match('api/v1/42')?.params[':id']).toBe('42');
    expect(new Tree('api/v1/:id:int').match('api/v1/abc')).toBeUndefined();
  });

  test('the first route that matches decides; a failed role check does not try later routes', () => {
    const routes: PluginRoute[] = [
      { path: 'x/*', reqRole: 'Editor', url: 'http://a' },
      { path: 'x/*', reqRole: 'Viewer', url: 'http://b' },
    ];
    const d = decide({
      routes,
      settings,
      method: 'GET',
      escapedPath: '/api/plugin-proxy/p/x/1',
      rawQuery: '',
      user: user('Viewer'),
    });
    expect(d).toMatchObject({ status: 403, message: 'plugin proxy route access denied' });
  });

  test('the org role decides, not being a Grafana server admin', () => {
    const routes: PluginRoute[] = [{ path: 'x', reqRole: 'Editor', url: 'http://a' }];
    const d = decide({
      routes,
      settings,
      method: 'POST',
      escapedPath: '/api/plugin-proxy/p/x',
      rawQuery: '',
      user: user('Viewer', { IsGrafanaAdmin: true }),
    });
    expect(d.status).toBe(403);
  });
});

describe('every call of src/api/ has a route', () => {
  const calls = apiCalls(path.join(APP, 'src', 'api'));
  const serverRoutes = Object.entries(openapi.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((method) => ({
      method: method.toUpperCase(),
      re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      p,
    }))
  );

  test('the calls are found in the source', () => {
    // the app reads, creates, transitions, comments, reviews, reports and removes overrides: every method is used
    expect(new Set(calls.map((c) => c.method))).toEqual(new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']));
    expect(calls.length).toBeGreaterThanOrEqual(12);
  });

  const cases = calls.flatMap((c) => c.paths.map((p) => [`${c.method} ${p} (${c.at})`, c, p] as const));
  test.each(cases)('%s', (_name, call, apiPath) => {
    const role: OrgRole = call.method === 'GET' ? 'Viewer' : 'Editor';
    const token = call.method === 'GET' ? 'viewer-secret' : 'editor-secret';
    const query = call.params.length ? `${call.params[0]}=1` : '';
    const base = {
      routes: pluginJson.routes,
      settings,
      method: call.method,
      escapedPath: `/api/plugin-proxy/opsdesk-ops-app/${apiPath}`,
      rawQuery: query,
      // a header the page might set itself must never reach the server in place of the route's token
      requestHeaders: { authorization: 'Bearer from-the-browser', 'x-grafana-org-id': '1' },
    };
    const d = decide({ ...base, user: user(role) });
    expect(d.status).toBe('forward');
    if (d.status !== 'forward') return;
    expect(d.url).toBe(`${SERVER}/${apiPath}${query ? `?${query}` : ''}`);
    expect(d.headers.authorization).toBe(`Bearer ${token}`);
    expect(d.route.reqRole).toBe(role);
    expect(JSON.parse(d.headers['x-grafana-context']!)).toMatchObject({ Login: 'someone-' + role.toLowerCase() });
    expect(d.headers['x-grafana-user']).toBeUndefined();
    // the server has this route (the OpenAPI document describes every route but itself)
    const server = serverRoutes.find((r) => r.method === call.method && r.re.test(`/${apiPath}`));
    if (apiPath !== 'api/v1/openapi.json') expect(server?.p).toBeDefined();
    if (role === 'Editor') expect(decide({ ...base, user: user('Viewer') }).status).toBe(403);
  });

  test('a call without a route fails this test', () => {
    const d = decide({
      routes: pluginJson.routes,
      settings,
      method: 'DELETE',
      escapedPath: '/api/plugin-proxy/opsdesk-ops-app/api/v1/incidents/INC-1',
      rawQuery: '',
      user: user('Admin'),
    });
    expect(d.status).toBe(404);
  });

  test("a roster's iCalendar link (an href, not a request()) reaches the feed with the viewer token", () => {
    const d = decide({
      routes: pluginJson.routes,
      settings,
      method: 'GET',
      escapedPath: '/api/plugin-proxy/opsdesk-ops-app/api/v1/oncall/rosters/ops/calendar.ics',
      rawQuery: '',
      user: user('Viewer'),
    });
    expect(d.status).toBe('forward');
    if (d.status !== 'forward') return;
    expect(d.url).toBe(`${SERVER}/api/v1/oncall/rosters/ops/calendar.ics`);
    expect(d.headers.authorization).toBe('Bearer viewer-secret');
    expect(openapi.paths['/api/v1/oncall/rosters/{name}/calendar.ics']?.get).toBeDefined();
  });

  test('the proxy never reaches the receiver or the token API', () => {
    for (const [method, p] of [
      ['POST', 'api/v1/alertmanager/webhook'],
      // the Alertmanager → IM bridge is Alertmanager's to call, with its own token
      ['POST', 'api/v1/alertmanager/notify/ops-wecom'],
      ['GET', 'api/v1/tokens'],
      ['POST', 'api/v1/tokens'],
      // backup runs and restore tests are reported by the backup jobs with their ingest token, not by Grafana users
      ['POST', 'api/v1/backups/runs'],
      ['POST', 'api/v1/backups/restore-tests'],
    ] as const) {
      const d = decide({
        routes: pluginJson.routes,
        settings,
        method,
        escapedPath: `/api/plugin-proxy/opsdesk-ops-app/${p}`,
        rawQuery: '',
        user: user('Admin'),
      });
      expect([method, p, d.status]).toEqual([method, p, 404]);
    }
  });
});
