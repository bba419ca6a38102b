/**
 * The node side of the test host: the part of Grafana's HTTP server an app plugin meets, written
 * from Grafana's source (see tests/README.md): sign-in sessions and org roles, the plugin settings
 * API, the static files of the plugin, and the plugin proxy, whose route matching, role checks,
 * upstream URL and headers come from tests/grafana/pluginproxy.ts (a port of Grafana's rules),
 * under an optional sub-path (`root_url` …/grafana/ with `serve_from_sub_path`).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decide, roleIncludes, type OrgRole, type PluginRoute, type SignedInUser } from '../grafana/pluginproxy';

const PLUGIN_ID = 'opsdesk-ops-app';

export interface HostSettings {
  jsonData: Record<string, string>;
  secureJsonData: Record<string, string>;
}

export interface HostUser {
  id: number;
  login: string;
  name: string;
  email: string;
  role: OrgRole;
  isGrafanaAdmin?: boolean;
}

/** The users of the test org, signed in with ?user=<login> (a session cookie after that). */
export const HOST_USERS: HostUser[] = [
  { id: 1, login: 'admin', name: 'Org Admin', email: 'admin@example.com', role: 'Admin', isGrafanaAdmin: true },
  { id: 2, login: 'li.si', name: 'Li Si', email: 'li.si@example.com', role: 'Editor' },
  { id: 3, login: 'wang.wu', name: 'Wang Wu', email: 'wang.wu@example.com', role: 'Viewer' },
  // a Grafana server admin who is only a Viewer in this org
  { id: 4, login: 'root', name: 'Server Admin', email: 'root@example.com', role: 'Viewer', isGrafanaAdmin: true },
];

export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number;
  login: string;
  /** the headers the server received (for forwarded requests) */
  upstreamHeaders?: Record<string, string>;
}

export interface TestHost {
  url: string;
  /** '' or e.g. '/grafana' */
  subPath: string;
  orgId: number;
  settings: HostSettings;
  /** requests the proxy refused or forwarded, for assertions */
  log: ProxyLogEntry[];
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

function signedInUser(u: HostUser, orgId: number): SignedInUser {
  return {
    UserID: u.id,
    UserUID: `uid-${u.id}`,
    OrgID: orgId,
    OrgName: orgId === 1 ? 'Main Org.' : `Org ${orgId}`,
    OrgRole: u.role,
    Login: u.login,
    Name: u.name,
    Email: u.email,
    IsGrafanaAdmin: Boolean(u.isGrafanaAdmin),
    IsAnonymous: false,
    IsServiceAccount: false,
  };
}

/** Grafana's index.html: window.grafanaBootData before any module, and <base href> at the sub-path. */
function page(opts: { subPath: string; user: HostUser; orgId: number; lang: string; theme: string }): string {
  const boot = {
    settings: {
      appSubUrl: opts.subPath,
      appUrl: `http://grafana.example${opts.subPath}/`,
      buildInfo: { version: '13.1.1' },
      featureToggles: {},
      datasources: {},
      panels: {},
    },
    user: {
      id: opts.user.id,
      login: opts.user.login,
      name: opts.user.name,
      orgId: opts.orgId,
      orgRole: opts.user.role,
      isGrafanaAdmin: Boolean(opts.user.isGrafanaAdmin),
      isSignedIn: true,
      language: opts.lang,
      theme: opts.theme,
    },
    navTree: [],
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>OpsDesk test host</title><base href="${opts.subPath}/">
<script>window.grafanaBootData = ${JSON.stringify(boot).replace(/</g, '\\u003c')};</script>
<link rel="stylesheet" href="public/build/host.css"></head>
<body><div id="root"></div><script src="public/build/host.js"></script></body></html>`;
}

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        return [c.slice(0, i), decodeURIComponent(c.slice(i + 1))];
      })
  );
}

export async function startTestHost(opts: {
  distDir: string;
  hostDir: string;
  settings: HostSettings;
  subPath?: string;
  orgId?: number;
  /** the React the host shares with the plugin: 18 as Grafana 13.1, 19 as Grafana 13.2+ */
  react?: 18 | 19;
}): Promise<TestHost> {
  const subPath = opts.subPath ?? '';
  const orgId = opts.orgId ?? 1;
  const pluginJson = JSON.parse(readFileSync(path.join(opts.distDir, 'plugin.json'), 'utf8')) as {
    routes: PluginRoute[];
    languages?: string[];
    info: { version: string };
  };
  const host: Omit<TestHost, 'url' | 'close'> = { subPath, orgId, settings: opts.settings, log: [] };
  const bundle = opts.react === 19 ? 'host-react19' : 'host';

  // Grafana's caching of static files (a production build): public/build for a year (mapStatic in
  // pkg/api/http_server.go), plugin files for an hour (getPluginAssets in pkg/api/plugins.go, through
  // http.ServeContent, so a revalidation with If-Modified-Since gets 304). A new tab then takes
  // Grafana's bundle from the browser's cache, as it does in front of a real Grafana.
  const serveFile = (req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string) => {
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, { message: 'Not found' });
    const modified = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (Number.isFinite(since) && modified.getTime() <= since) {
      res.writeHead(304, { 'cache-control': cacheControl, 'last-modified': modified.toUTCString() });
      return res.end();
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      'last-modified': modified.toUTCString(),
    });
    createReadStream(file).pipe(res);
  };
  const BUILD_CACHE = 'public, max-age=31536000';
  const PLUGIN_CACHE = 'public, max-age=3600';

  // GET /api/plugins/:id/settings: the plugin's meta as Grafana's frontend receives it, secrets as
  // secureJsonFields only, and (Grafana >= 12.1) the translation files named by plugin.json.
  const meta = () => ({
    id: PLUGIN_ID,
    name: 'OpsDesk',
    type: 'app',
    enabled: true,
    pinned: true,
    info: pluginJson.info,
    jsonData: host.settings.jsonData,
    secureJsonFields: Object.fromEntries(
      Object.entries(host.settings.secureJsonData)
        .filter(([, v]) => v !== '')
        .map(([k]) => [k, true])
    ),
    translations: Object.fromEntries(
      (pluginJson.languages ?? []).map((lang) => [
        lang,
        `public/plugins/${PLUGIN_ID}/locales/${lang}/${PLUGIN_ID}.json`,
      ])
    ),
  });

  const proxy = async (
    req: IncomingMessage,
    res: ServerResponse,
    user: HostUser,
    escapedPath: string,
    query: string
  ) => {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const d = decide({
      routes: pluginJson.routes,
      settings: host.settings,
      method,
      escapedPath,
      rawQuery: query.replace(/^\?/, ''),
      user: signedInUser(user, orgId),
      requestHeaders: headers,
      remoteAddr: req.socket.remoteAddress,
    });
    const rest = escapedPath.replace(/^\/api\/plugin-proxy\/[\w-]+\/?/, '');
    if (d.status !== 'forward') {
      host.log.push({ method, path: rest, status: d.status, login: user.login });
      return send(res, d.status, { message: d.message });
    }
    delete d.headers.host;
    delete d.headers['content-length'];
    delete d.headers.connection;
    const payload = method === 'GET' || method === 'HEAD' ? undefined : await body(req);
    try {
      const upstream = await fetch(d.url, { method, headers: d.headers, body: payload?.length ? payload : undefined });
      const text = Buffer.from(await upstream.arrayBuffer());
      host.log.push({ method, path: rest, status: upstream.status, login: user.login, upstreamHeaders: d.headers });
      // proxyutil: Set-Cookie dropped, the response sandboxed
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
        'content-security-policy': 'sandbox',
      });
      res.end(text);
    } catch {
      host.log.push({ method, path: rest, status: 502, login: user.login });
      res.writeHead(502);
      res.end();
    }
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    // serve_from_sub_path: Grafana answers only under its sub-path and routes what follows it
    if (subPath && !url.pathname.startsWith(`${subPath}/`)) return send(res, 404, { message: 'Not found' });
    const escaped = (req.url ?? '/').split('?')[0]!.slice(subPath.length) || '/';
    const p = url.pathname.slice(subPath.length) || '/';
    const jar = cookies(req);
    const login = url.searchParams.get('user') ?? jar.grafana_session;
    const user = HOST_USERS.find((u) => u.login === login);
    try {
      if (p.startsWith('/public/plugins/' + PLUGIN_ID + '/'))
        return serveFile(
          req,
          res,
          path.join(opts.distDir, path.normalize(p.slice(`/public/plugins/${PLUGIN_ID}/`.length))),
          PLUGIN_CACHE
        );
      if (p.startsWith('/public/build/img/icons/')) {
        // @grafana/ui's icon SVGs, where Grafana serves them
        const icons = path.join(
          path.dirname(require.resolve('@grafana/ui/package.json')),
          'dist',
          'public',
          'img',
          'icons'
        );
        return serveFile(
          req,
          res,
          path.join(icons, path.normalize(p.slice('/public/build/img/icons/'.length))),
          BUILD_CACHE
        );
      }
      if (p.startsWith('/public/build/')) {
        const name = path.basename(p).replace(/^host\./, `${bundle}.`);
        return serveFile(req, res, path.join(opts.hostDir, 'dist', name), BUILD_CACHE);
      }
      if (!user) {
        if (p.startsWith('/api/')) return send(res, 401, { message: 'Unauthorized' });
        res.writeHead(302, { location: `${subPath}/login` });
        return res.end();
      }
      if (p === '/api/login/ping') return send(res, 200, { message: 'Logged in' });
      if (p === `/api/plugins/${PLUGIN_ID}/settings`) {
        if (req.method === 'POST') {
          // plugins:write, which only an Org Admin holds (Grafana answers 403 from its RBAC middleware)
          if (!roleIncludes(user.role, 'Admin'))
            return send(res, 403, {
              accessErrorId: 'ACE0000000001',
              message: "You'll need additional permissions to perform this action. Permissions needed: plugins:write",
              title: 'Access denied',
            });
          const update = JSON.parse((await body(req)).toString() || '{}') as Partial<HostSettings>;
          // pluginsettings service: jsonData is replaced, secureJsonData merged key by key
          host.settings.jsonData = { ...(update.jsonData ?? {}) };
          host.settings.secureJsonData = { ...host.settings.secureJsonData, ...(update.secureJsonData ?? {}) };
          return send(res, 200, { message: 'Plugin settings updated' });
        }
        return send(res, 200, meta());
      }
      if (p.startsWith(`/api/plugin-proxy/${PLUGIN_ID}/`) || p === `/api/plugin-proxy/${PLUGIN_ID}`)
        return await proxy(req, res, user, escaped, url.search);
      if (p === '/' || p.startsWith('/a/') || p.startsWith('/plugins/') || p.startsWith('/explore')) {
        const lang = url.searchParams.get('lang') ?? jar.host_lang ?? 'en-US';
        const theme = url.searchParams.get('theme') ?? jar.host_theme ?? 'dark';
        res.writeHead(200, {
          'content-type': 'text/html',
          'set-cookie': [
            `grafana_session=${encodeURIComponent(user.login)}; Path=${subPath || '/'}; HttpOnly`,
            `host_lang=${lang}; Path=${subPath || '/'}`,
            `host_theme=${theme}; Path=${subPath || '/'}`,
          ],
        });
        return res.end(page({ subPath, user, orgId, lang, theme }));
      }
      send(res, 404, { message: 'Not found' });
    } catch (err) {
      send(res, 500, { message: String(err) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...host,
    url: `http://127.0.0.1:${port}${subPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
