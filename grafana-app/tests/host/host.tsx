/* eslint-disable @typescript-eslint/no-explicit-any -- test equipment poking at Grafana's untyped boot data */
/**
 * The browser side of the test host: loads dist/module.js the way Grafana loads an app plugin
 * (SystemJS with its AMD extra, shared modules supplied from the real packages), sets the runtime
 * services a plugin uses (backendSrv, the location service, config with the signed-in user, a
 * data-source list) and renders the plugin's root page or config page under Grafana's URLs.
 * Built with esbuild into tests/host/dist/host.js by tests/host/build.js.
 */
import React, { Suspense, useEffect, useState } from 'react';
import * as ReactAll from 'react';
import * as ReactDOMAll from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactRouterAll from 'react-router';
import { Route, Router, Routes } from 'react-router-dom';
import * as rxjs from 'rxjs';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as lodash from 'lodash';
import i18next from 'i18next';
import * as grafanaData from '@grafana/data';
import * as grafanaUi from '@grafana/ui';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaRuntimeUnstable from '@grafana/runtime/unstable';
import type { AppPlugin, AppPluginMeta } from '@grafana/data';
// Last: SystemJS's AMD `define` must not exist while the libraries above initialise (lodash, for
// one, registers itself with AMD instead of module.exports when it sees define.amd).
import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';

declare const System: {
  set(id: string, mod: unknown): void;
  import(id: string): Promise<{ plugin: AppPlugin }>;
  constructor: { prototype: { resolve(id: string, parent?: string): string } };
};

const PLUGIN_ID = 'opsdesk-ops-app';
const SHARED: Record<string, unknown> = {
  react: ReactAll,
  'react-dom': ReactDOMAll,
  'react/jsx-runtime': jsxRuntime,
  'react-router': ReactRouterAll,
  rxjs,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  lodash,
  i18next,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/runtime/unstable': grafanaRuntimeUnstable,
};
// `__useDefault` makes SystemJS's AMD extra hand the object itself to the plugin, prototype and all
// (System.set alone would copy own properties only, losing e.g. i18next's methods).
for (const [name, mod] of Object.entries(SHARED)) System.set(`app:${name}`, { __useDefault: true, default: mod });
const resolve = System.constructor.prototype.resolve;
System.constructor.prototype.resolve = function (id: string, parent?: string) {
  return id in SHARED ? `app:${id}` : resolve.call(this, id, parent);
};

/** Who is "signed in", in which language and theme: from the URL, remembered in cookies across full page loads. */
function setting(name: string, fallback: string): string {
  const fromUrl = new URLSearchParams(location.search).get(name);
  if (fromUrl) {
    document.cookie = `host_${name}=${fromUrl}; path=/`;
    return fromUrl;
  }
  const m = new RegExp(`(?:^|; )host_${name}=([^;]*)`).exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : fallback;
}
const role = setting('role', 'Editor') as 'Viewer' | 'Editor' | 'Admin';
const lang = setting('lang', 'en-US');
const mode = setting('theme', 'dark') as 'dark' | 'light';

class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly data: unknown
  ) {
    super(`${status} ${statusText}`);
  }
}

/** backendSrv over window.fetch, with Grafana's behaviour: params in the query, JSON bodies, errors as {status, data}. */
const backendSrv = {
  fetch<T>(options: { url: string; method?: string; params?: Record<string, string>; data?: unknown }) {
    return rxjs.from(
      (async () => {
        const qs =
          options.params && Object.keys(options.params).length ? `?${new URLSearchParams(options.params)}` : '';
        let res: Response;
        try {
          res = await window.fetch(`${options.url}${qs}`, {
            method: options.method ?? 'GET',
            headers: options.data !== undefined ? { 'content-type': 'application/json' } : {},
            body: options.data !== undefined ? JSON.stringify(options.data) : undefined,
          });
        } catch (err) {
          throw new FetchError(0, 'network error', { message: String(err) });
        }
        const text = await res.text();
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON
        }
        if (!res.ok) throw new FetchError(res.status, res.statusText, data);
        return {
          data: data as T,
          status: res.status,
          statusText: res.statusText,
          ok: true,
          headers: res.headers,
          redirected: false,
          type: res.type,
          url: res.url,
          config: options,
        };
      })()
    );
  },
};

const prometheus = {
  uid: 'prometheus',
  name: 'Prometheus',
  type: 'prometheus',
  meta: { id: 'prometheus', name: 'Prometheus', info: { logos: { small: '' } } },
  jsonData: {},
  access: 'proxy',
  readOnly: false,
};

async function main() {
  const theme = grafanaData.createTheme({ colors: { mode } });
  const cfg = grafanaRuntime.config as unknown as Record<string, any>;
  cfg.theme2 = theme;
  cfg.bootData = {
    ...(cfg.bootData ?? {}),
    user: {
      ...(cfg.bootData?.user ?? {}),
      orgRole: role,
      isGrafanaAdmin: role === 'Admin',
      language: lang,
      login: role.toLowerCase(),
    },
  };
  grafanaRuntime.setBackendSrv(backendSrv as never);
  grafanaRuntime.setDataSourceSrv({
    getList: () => [prometheus],
    getInstanceSettings: () => prometheus,
    get: async () => {
      throw new Error('the test host has no data sources');
    },
    reload: async () => undefined,
  } as never);
  // Grafana's own i18next instance, set to the user's language before plugins load
  // (Grafana loads its own strings for the language first, so i18next resolves to it; one string
  // in a `grafana` namespace stands in for them.)
  await i18next.init({
    lng: lang,
    fallbackLng: 'en-US',
    supportedLngs: ['en-US', 'zh-Hans'],
    resources: { [lang]: { grafana: { host: { language: lang } } } },
    returnEmptyString: false,
  });

  const settings = (await (await fetch(`/api/plugins/${PLUGIN_ID}/settings`)).json()) as AppPluginMeta;
  const { plugin } = await System.import(`/public/plugins/${PLUGIN_ID}/module.js`);
  plugin.meta = settings;
  const history = grafanaRuntime.locationService.getHistory();

  function HostRouter({ children }: { children: React.ReactNode }) {
    const [loc, setLoc] = useState(history.location);
    useEffect(() => history.listen((l: any) => setLoc(l.location ?? l)), []);
    return (
      <Router location={loc} navigator={history as never}>
        {children}
      </Router>
    );
  }

  const Root = plugin.root!;
  const ConfigBody = plugin.configPages?.[0]?.body as React.ComponentType<any>;
  const nav = [
    ['overview', 'Overview'],
    ['incidents', 'Incidents'],
    ['sla', 'SLA'],
  ];
  createRoot(document.getElementById('root')!).render(
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
      <HostRouter>
        <header
          style={{
            display: 'flex',
            gap: 16,
            padding: '8px 16px',
            borderBottom: `1px solid ${theme.colors.border.weak}`,
            background: theme.colors.background.secondary,
          }}
        >
          <strong>OpsDesk test host</strong>
          {nav.map(([path, label]) => (
            <a key={path} href={`/a/${PLUGIN_ID}/${path}`}>
              {label}
            </a>
          ))}
          <a href={`/plugins/${PLUGIN_ID}`}>Configuration</a>
          <span style={{ marginLeft: 'auto' }} data-testid="host-user">
            {role} · {lang} · {mode}
          </span>
        </header>
        <main style={{ padding: 16 }}>
          <Suspense fallback={<grafanaUi.LoadingPlaceholder text="" />}>
            <Routes>
              <Route
                path={`/a/${PLUGIN_ID}/*`}
                element={
                  <Root
                    meta={settings}
                    basename={`/a/${PLUGIN_ID}`}
                    path={`/a/${PLUGIN_ID}`}
                    query={{}}
                    onNavChanged={() => undefined}
                  />
                }
              />
              <Route path={`/plugins/${PLUGIN_ID}`} element={<ConfigBody plugin={plugin} query={{}} />} />
            </Routes>
          </Suspense>
        </main>
      </HostRouter>
    </grafanaData.ThemeContext.Provider>
  );
  (window as any).__hostReady = true;
  (window as any).__i18next = i18next;
  // client-side navigation, as Grafana's nav does between pages of an app
  (window as any).__navigate = (to: string) => grafanaRuntime.locationService.push(to);
}

main().catch((err) => {
  document.body.innerHTML = `<pre id="host-error">${String(err?.stack ?? err)}</pre>`;
});
