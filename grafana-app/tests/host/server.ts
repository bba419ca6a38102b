/**
 * The node side of the test host: serves the page, the built plugin (dist/) and the host bundle,
 * keeps the plugin settings Grafana would keep (jsonData, secureJsonData), and applies the routes
 * of dist/plugin.json the way Grafana's plugin proxy does: the first route whose path prefixes the
 * request path and whose method matches; reqRole checked against the signed-in role; URL and
 * headers templated from {{ .JsonData.x }} and {{ .SecureJsonData.x }}; the rest of the path and
 * the query appended to the route URL. See tests/README.md for what it does not emulate.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PLUGIN_ID = 'opsdesk-ops-app';
const ROLE_RANK = { Viewer: 0, Editor: 1, Admin: 2 } as const;
type Role = keyof typeof ROLE_RANK;

interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: Role;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface HostSettings {
  jsonData: Record<string, string>;
  secureJsonData: Record<string, string>;
}

export interface TestHost {
  url: string;
  settings: HostSettings;
  /** requests the proxy refused or forwarded, for assertions */
  log: Array<{ method: string; path: string; status: number; role: Role }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.md': 'text/markdown',
  '.map': 'application/json',
};

function template(text: string, s: HostSettings): string {
  return text.replace(
    /\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g,
    (_m, kind: string, key: string) => (kind === 'JsonData' ? s.jsonData[key] : s.secureJsonData[key]) ?? ''
  );
}

function roleOf(req: IncomingMessage): Role {
  const m = /(?:^|; )host_role=(\w+)/.exec(req.headers.cookie ?? '');
  return m && m[1] in ROLE_RANK ? (m[1] as Role) : 'Editor';
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function send(res: ServerResponse, status: number, data: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}

// Grafana's index.html sets window.grafanaBootData before any module runs; so does this page,
// from ?role=&lang=&theme= (remembered in cookies across full page loads).
const BOOT = `(function () {
  function get(n, d) {
    var u = new URLSearchParams(location.search).get(n);
    if (u) { document.cookie = 'host_' + n + '=' + u + '; path=/'; return u; }
    var m = new RegExp('(?:^|; )host_' + n + '=([^;]*)').exec(document.cookie);
    return m ? decodeURIComponent(m[1]) : d;
  }
  var role = get('role', 'Editor'), lang = get('lang', 'en-US'), theme = get('theme', 'dark');
  window.grafanaBootData = {
    settings: { appSubUrl: '', appUrl: location.origin + '/', buildInfo: { version: '13.1.1' }, featureToggles: {}, datasources: {}, panels: {} },
    user: { orgRole: role, language: lang, login: role.toLowerCase(), isGrafanaAdmin: role === 'Admin', theme: theme, orgId: 1, isSignedIn: true },
    navTree: [],
  };
})();`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>OpsDesk test host</title><base href="/">
<script>${BOOT}</script>
<link rel="stylesheet" href="/public/build/host.css"></head>
<body><div id="root"></div><script src="/public/build/host.js"></script></body></html>`;

export async function startTestHost(opts: {
  distDir: string;
  hostDir: string;
  settings: HostSettings;
}): Promise<TestHost> {
  const routes = (JSON.parse(readFileSync(path.join(opts.distDir, 'plugin.json'), 'utf8')) as { routes: PluginRoute[] })
    .routes;
  const host: Omit<TestHost, 'url' | 'close'> = { settings: opts.settings, log: [] };

  const serveFile = (res: ServerResponse, file: string) => {
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, { message: 'not found' });
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };

  const proxy = async (req: IncomingMessage, res: ServerResponse, rest: string, query: string) => {
    const role = roleOf(req);
    const method = req.method ?? 'GET';
    const route = routes.find((r) => rest.startsWith(r.path) && (!r.method || r.method === method));
    if (!route) {
      host.log.push({ method, path: rest, status: 404, role });
      return send(res, 404, { message: 'Not found' });
    }
    if (route.reqRole && ROLE_RANK[role] < ROLE_RANK[route.reqRole]) {
      host.log.push({ method, path: rest, status: 403, role });
      return send(res, 403, { message: 'plugin proxy route access denied' });
    }
    const target = template(route.url, host.settings) + rest.slice(route.path.length) + query;
    const headers: Record<string, string> = { 'x-grafana-user': role.toLowerCase() };
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    for (const h of route.headers ?? []) headers[h.name.toLowerCase()] = template(h.content, host.settings);
    const payload = method === 'GET' ? undefined : await body(req);
    try {
      const upstream = await fetch(target, { method, headers, body: payload?.length ? payload : undefined });
      const text = Buffer.from(await upstream.arrayBuffer());
      host.log.push({ method, path: rest, status: upstream.status, role });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    } catch (err) {
      // Grafana answers 502 when the upstream of a plugin route does not answer
      host.log.push({ method, path: rest, status: 502, role });
      send(res, 502, { message: `Bad Gateway: ${(err as Error).message}` });
    }
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const p = url.pathname;
    try {
      if (p === `/api/plugins/${PLUGIN_ID}/settings`) {
        if (req.method === 'POST') {
          const update = JSON.parse((await body(req)).toString() || '{}') as Partial<HostSettings>;
          host.settings.jsonData = { ...host.settings.jsonData, ...(update.jsonData ?? {}) };
          host.settings.secureJsonData = { ...host.settings.secureJsonData, ...(update.secureJsonData ?? {}) };
          return send(res, 200, { message: 'Plugin settings updated' });
        }
        return send(res, 200, {
          id: PLUGIN_ID,
          name: 'OpsDesk',
          type: 'app',
          enabled: true,
          pinned: true,
          jsonData: host.settings.jsonData,
          secureJsonFields: Object.fromEntries(Object.keys(host.settings.secureJsonData).map((k) => [k, true])),
          info: {},
        });
      }
      if (p.startsWith(`/api/plugin-proxy/${PLUGIN_ID}/`))
        return await proxy(req, res, p.slice(`/api/plugin-proxy/${PLUGIN_ID}/`.length), url.search);
      if (p.startsWith(`/public/plugins/${PLUGIN_ID}/`))
        return serveFile(res, path.join(opts.distDir, path.normalize(p.slice(`/public/plugins/${PLUGIN_ID}/`.length))));
      if (p.startsWith('/public/build/img/icons/')) {
        // @grafana/ui's icon SVGs, where Grafana serves them
        const icons = path.join(
          path.dirname(require.resolve('@grafana/ui/package.json')),
          'dist',
          'public',
          'img',
          'icons'
        );
        return serveFile(res, path.join(icons, path.normalize(p.slice('/public/build/img/icons/'.length))));
      }
      if (p.startsWith('/public/build/')) return serveFile(res, path.join(opts.hostDir, 'dist', path.basename(p)));
      if (p === '/' || p.startsWith('/a/') || p.startsWith('/plugins/')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(PAGE);
      }
      send(res, 404, { message: 'not found' });
    } catch (err) {
      send(res, 500, { message: String(err) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...host,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
