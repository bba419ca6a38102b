/* eslint-disable @typescript-eslint/no-explicit-any -- test equipment poking at Grafana's untyped boot data */
/**
 * The browser side of the test host: loads dist/module.js the way Grafana loads an app plugin
 * (SystemJS with its AMD extra, shared modules supplied from the real packages, translations
 * preloaded), sets the runtime services a plugin uses (backendSrv as Grafana's behaves, the
 * location service, config with the signed-in user, locationUtil, PluginPage, a data-source list)
 * and renders the plugin's root page or config page under Grafana's URLs and sub-path.
 * Built with esbuild into tests/host/dist/host.js (React 18) and host-react19.js by build.js.
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
// @grafana/runtime's internal export, which Grafana's own frontend uses to render PluginPage
import { setPluginPage } from '@grafana/runtime/components/PluginPage';
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
/** performance mark set when the host's part is done; the browser test measures the plugin from it */
const HOST_BOOTED_MARK = 'opsdesk-host-booted';
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

// Who is signed in, in which org, language and theme: Grafana's index.html puts it in
// window.grafanaBootData (the host's server writes it from the session).
const boot = (window as any).grafanaBootData as {
  settings: { appSubUrl: string };
  user: {
    orgId: number;
    orgRole: string;
    language: string;
    theme: 'dark' | 'light';
    login: string;
    isSignedIn: boolean;
  };
};
const subPath = boot.settings.appSubUrl;
const lang = boot.user.language;
const mode = boot.user.theme;

class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly data: unknown
  ) {
    super(`${status} ${statusText}`);
  }
}

/** Grafana's toasts (appEvents alertSuccess / alertError), so a test can count them. */
function toast(kind: 'success' | 'error', text: string) {
  const el = document.createElement('div');
  el.dataset.testid = 'host-toast';
  el.dataset.kind = kind;
  el.textContent = text;
  document.getElementById('host-toasts')?.appendChild(el);
}

type Request = {
  url: string;
  method?: string;
  params?: Record<string, string>;
  data?: unknown;
  headers?: Record<string, string>;
  retry?: number;
  showSuccessAlert?: boolean;
  showErrorAlert?: boolean;
};

/**
 * backendSrv.fetch as Grafana's backend_srv.ts behaves (parseRequestOptions, handleStreamError):
 * a local URL loses its leading slash so it resolves under <base href> (the sub-path), carries
 * X-Grafana-Org-Id, and an Authorization header the caller set is sent as X-DS-Authorization; a
 * 401 on the first attempt pings /api/login/ping and sends the request again; a non-GET answer
 * with a message shows a success toast unless showSuccessAlert is false; errors come as
 * {status, statusText, data}.
 */
async function send(options: Request): Promise<Response> {
  const local = !/^https?:/.test(options.url);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let url = options.url;
  if (local) {
    headers['X-Grafana-Org-Id'] = String(boot.user.orgId);
    if (url.startsWith('/')) url = url.slice(1);
    if (headers.Authorization) {
      headers['X-DS-Authorization'] = headers.Authorization;
      delete headers.Authorization;
    }
  }
  if (options.data !== undefined) headers['content-type'] = 'application/json';
  const qs = options.params && Object.keys(options.params).length ? `?${new URLSearchParams(options.params)}` : '';
  return window.fetch(new URL(`${url}${qs}`, document.baseURI).toString(), {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: options.data !== undefined ? JSON.stringify(options.data) : undefined,
  });
}

const backendSrv = {
  fetch<T>(options: Request) {
    return rxjs.from(
      (async () => {
        const retry = options.retry ?? 0;
        let res: Response;
        try {
          res = await send(options);
          if (res.status === 401 && !/^https?:/.test(options.url) && retry === 0 && boot.user.isSignedIn) {
            const ping = await window.fetch(new URL('api/login/ping', document.baseURI).toString());
            if (ping.ok) res = await send(options);
          }
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
        if (!res.ok) {
          const message = (data as { message?: string })?.message;
          if (options.showErrorAlert !== false && message) toast('error', message);
          throw new FetchError(res.status, res.statusText, data);
        }
        const message = (data as { message?: string } | undefined)?.message;
        if ((options.method ?? 'GET') !== 'GET' && options.showSuccessAlert !== false && message)
          toast('success', message);
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

/** Grafana's page chrome as far as a plugin page sets it: the breadcrumb of pageNav. */
function HostPluginPage({ pageNav, children }: { pageNav?: { text: string }; children?: React.ReactNode }) {
  return (
    <>
      <nav data-testid="host-breadcrumb">OpsDesk{pageNav ? ` › ${pageNav.text}` : ''}</nav>
      {children}
    </>
  );
}

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
  cfg.appSubUrl = subPath;
  cfg.bootData = { ...(cfg.bootData ?? {}), user: { ...(cfg.bootData?.user ?? {}), ...boot.user } };
  // what Grafana's app.ts does at boot, so locationUtil.assureBaseUrl knows the sub-path
  grafanaData.locationUtil.initialize({
    config: cfg as never,
    getTimeRangeForUrl: () => ({ from: 'now-6h', to: 'now' }) as never,
    getVariablesUrlParams: () => ({}),
  });
  grafanaRuntime.setBackendSrv(backendSrv as never);
  setPluginPage(HostPluginPage as never);
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

  // Grafana's own frontend has booted (its bundle evaluated, services set): what follows is the app
  // plugin's load (settings, translations, module.js) and its page, the part the plugin answers for
  performance.mark(HOST_BOOTED_MARK);
  const settings = (await (await fetch(`api/plugins/${PLUGIN_ID}/settings`)).json()) as AppPluginMeta & {
    translations?: Record<string, string>;
  };
  // Grafana >= 12.1 (importer/addTranslationsToI18n): the translation file of the user's language
  // (else of the fallback language) goes into the plugin's namespace before its module runs.
  const translation = settings.translations?.[lang] ?? settings.translations?.['en-US'];
  if (translation && lang !== 'en-US') {
    const res = await fetch(translation);
    if (res.ok)
      i18next.addResourceBundle(
        settings.translations?.[lang] ? lang : 'en-US',
        PLUGIN_ID,
        await res.json(),
        true,
        false
      );
  }
  const { plugin } = await System.import(`${subPath}/public/plugins/${PLUGIN_ID}/module.js`);
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
            <a key={path} href={`a/${PLUGIN_ID}/${path}`}>
              {label}
            </a>
          ))}
          <a href={`plugins/${PLUGIN_ID}`}>Configuration</a>
          <span style={{ marginLeft: 'auto' }} data-testid="host-user">
            {boot.user.login} ({boot.user.orgRole}, org {boot.user.orgId}) · {lang} · {mode} · React {ReactAll.version}
          </span>
        </header>
        <div id="host-toasts" style={{ position: 'fixed', top: 8, right: 8, zIndex: 10 }} />
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
