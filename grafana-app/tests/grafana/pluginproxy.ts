/**
 * What Grafana's plugin proxy does with a request to /api/plugin-proxy/<plugin id>/<path>, from
 * `pkg/api/plugin_proxy.go`, `pkg/api/pluginproxy/pluginproxy.go`, `pkg/util/proxyutil` and
 * `pkg/util/url.go` (Grafana 12.x / 13.x):
 *
 * - the proxy path is the request's *escaped* path after `^/api/plugin-proxy/([\w\-]+)/?`;
 * - routes are tried in plugin.json order; a route whose method is set (and not `*`) must equal the
 *   request's; its `path` goes through the `pkg/web` tree ({@link Tree}); the first match wins;
 * - the matched route's `reqRole` is checked against the org role (Admin ⊃ Editor ⊃ Viewer; being a
 *   Grafana server admin does not count): a failure answers 403 "plugin proxy route access denied"
 *   and later routes are not tried; no match answers 404 "plugin route match not found";
 * - the upstream path is `JoinURLFragments(url.path, rest)`, where rest is the `*` capture or ""
 *   (so a route without `*` forwards to its url exactly); the query is the request's own; the
 *   query of the route's url is dropped;
 * - `{{ .JsonData.x }}` / `{{ .SecureJsonData.x }}` are Go templates: a missing secure value
 *   renders "", a missing jsonData value renders "<no value>";
 * - request headers: Cookie and the headers Grafana authenticated the user with are removed,
 *   Origin and Referer removed (Referer kept as X-Grafana-Referer), X-Forwarded-Host/Port/Proto
 *   removed, X-Forwarded-For appended, X-Grafana-Context set to the signed-in user as JSON,
 *   X-Grafana-User removed unless `send_user_header`, then the route's headers set; every other
 *   browser header (an Authorization the page sent itself, X-Grafana-Org-Id) passes through;
 * - response: Set-Cookie removed, `Content-Security-Policy: sandbox` added; an upstream that does
 *   not answer is a 502 (a timeout 504).
 */
import { Tree } from './tree';

export type OrgRole = 'Viewer' | 'Editor' | 'Admin' | 'None';

export interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: OrgRole;
  reqAction?: string;
  url?: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface PluginSettings {
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

/** Grafana's user.SignedInUser as encoding/json writes it (no json tags, so Go field names). */
export interface SignedInUser {
  UserID: number;
  UserUID: string;
  OrgID: number;
  OrgName: string;
  OrgRole: OrgRole;
  Login: string;
  Name: string;
  Email: string;
  IsGrafanaAdmin: boolean;
  IsAnonymous: boolean;
  IsServiceAccount: boolean;
}

export type ProxyDecision =
  | { status: 404 | 403 | 502; message: string; route?: PluginRoute }
  | { status: 'forward'; route: PluginRoute; url: string; headers: Record<string, string> };

const PROXY_PREFIX = /^\/api\/plugin-proxy\/([\w-]+)\/?/;

/** org.RoleType.Includes */
export function roleIncludes(have: OrgRole, want: OrgRole): boolean {
  if (have === 'Admin') return true;
  if (have === 'Editor') return want !== 'Admin';
  if (have === 'Viewer') return want === 'Viewer' || want === 'None';
  return want === 'None';
}

/** util.JoinURLFragments */
export function joinUrlFragments(a: string, b: string): string {
  if (b.length === 0) return a;
  const aslash = a.endsWith('/');
  const bslash = b.startsWith('/');
  if (aslash && bslash) return a + b.slice(1);
  if (!aslash && !bslash) return `${a}/${b}`;
  return a + b;
}

/** interpolateString: Go text/template over {JsonData, SecureJsonData}. */
export function interpolate(text: string, s: PluginSettings): string {
  return text.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_m, kind: string, key: string) => {
    if (kind === 'SecureJsonData') return s.secureJsonData[key] ?? '';
    const v = s.jsonData[key];
    return v === undefined || v === null ? '<no value>' : String(v);
  });
}

/** url.Parse's scheme://host and Path (the path is "" for http://host, "/" for http://host/). */
function parseGoUrl(raw: string): { origin: string; path: string } | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/.exec(raw);
  return m ? { origin: m[1]!, path: m[2]! } : undefined;
}

/** url.URL.EscapedPath for a path Grafana set itself: unreserved characters and $&+,/:;=@ stay. */
function escapePath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@]/g, (c) => encodeURIComponent(c));
}

/** The path the proxy matches: the escaped request path without /api/plugin-proxy/<id>/. */
export function proxyPathOf(escapedRequestPath: string): string {
  return escapedRequestPath.replace(PROXY_PREFIX, '');
}

/**
 * Route selection and the upstream request, for a request already authenticated as `user`.
 * `requestHeaders` are the browser's (lower-case names); `authHeaders` those Grafana used to sign
 * the user in (for a browser session: none besides the cookie).
 */
export function decide(opts: {
  routes: PluginRoute[];
  settings: PluginSettings;
  method: string;
  escapedPath: string;
  rawQuery: string;
  user: SignedInUser;
  requestHeaders?: Record<string, string>;
  authHeaders?: string[];
  remoteAddr?: string;
  sendUserHeader?: boolean;
}): ProxyDecision {
  const proxyPath = proxyPathOf(opts.escapedPath);
  for (const route of opts.routes) {
    if (route.method && route.method !== '*' && route.method !== opts.method) continue;
    const m = new Tree(route.path).match(proxyPath);
    if (!m) continue;
    if (route.reqAction) {
      // RBAC actions on routes are not used by this plugin; refuse rather than guess.
      return { status: 403, message: 'plugin proxy route access denied', route };
    }
    if (route.reqRole && ['Viewer', 'Editor', 'Admin', 'None'].includes(route.reqRole)) {
      if (!roleIncludes(opts.user.OrgRole, route.reqRole))
        return { status: 403, message: 'plugin proxy route access denied', route };
    }
    const rest = m.params['*'] ?? '';
    const target = parseGoUrl(interpolate(route.url ?? '', opts.settings));
    if (!target) return { status: 502, message: 'Bad Gateway: the route URL has no scheme and host', route };
    const path = escapePath(joinUrlFragments(target.path, rest));
    const url = `${target.origin}${path.startsWith('/') ? path : `/${path}`}${opts.rawQuery ? `?${opts.rawQuery}` : ''}`;

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.requestHeaders ?? {})) headers[k.toLowerCase()] = v;
    for (const name of ['cookie', 'set-cookie', ...(opts.authHeaders ?? []).map((h) => h.toLowerCase())])
      delete headers[name];
    headers['x-grafana-referer'] = headers.referer ?? '';
    for (const name of ['origin', 'referer', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto'])
      delete headers[name];
    if (opts.remoteAddr)
      headers['x-forwarded-for'] = headers['x-forwarded-for']
        ? `${headers['x-forwarded-for']}, ${opts.remoteAddr}`
        : opts.remoteAddr;
    headers['x-grafana-context'] = JSON.stringify(opts.user);
    delete headers['x-grafana-user'];
    if (opts.sendUserHeader && !opts.user.IsAnonymous) headers['x-grafana-user'] = opts.user.Login;
    for (const h of route.headers ?? []) headers[h.name.toLowerCase()] = interpolate(h.content, opts.settings);
    return { status: 'forward', route, url, headers };
  }
  return { status: 404, message: 'plugin route match not found' };
}
