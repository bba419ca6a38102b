/**
 * The built plugin in Debian's Chromium, inside the test host (tests/host), in front of a real
 * opsdesk-server with a real SQLite file. Screenshots of every page, light and dark, go to
 * tests/artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeWithPrograms, freePort, startService, type RunningService } from '@opsdesk/testing';
import { startTestHost, type TestHost } from './host/server';

const APP = path.join(__dirname, '..');
const DIST = path.join(APP, 'dist');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const SERVER_BIN = path.join(APP, '..', 'server', 'bin', 'opsdesk-server.js');
const ADMIN = 'odk_browser-test-admin-token-01234';
const BASE = '/a/opsdesk-ops-app';

describeWithPrograms({ chromium: 'chromium' }, 'the app in a browser', () => {
  let dir: string;
  let db: string;
  let server: RunningService & { url: string };
  let host: TestHost;
  let browser: Browser;
  const tokens: Record<string, string> = {};

  const startServer = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const svc = await startService({
      command: process.execPath,
      args: [SERVER_BIN, '--database', db, '--listen', `127.0.0.1:${port}`],
      env: { OPSDESK_BOOTSTRAP_TOKEN: ADMIN },
      readyUrl: `${url}/-/ready`,
    });
    return { ...svc, url };
  };
  const api = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as T;
  };
  const open = async (p: string, opts: { role?: string; lang?: string; theme?: string } = {}): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (err) => console.warn(`page error: ${err.message}`));
    const q = new URLSearchParams({
      role: opts.role ?? 'Editor',
      lang: opts.lang ?? 'en-US',
      theme: opts.theme ?? 'dark',
    });
    await page.goto(`${host.url}${p}${p.includes('?') ? '&' : '?'}${q}`);
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    // the plugin as `npm run build -w grafana-app` makes it, and the host page around it
    execFileSync('npm', ['run', 'build'], { cwd: APP, stdio: 'ignore' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- build.js is a plain CommonJS script
    await require('./host/build.js')();
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-browser-'));
    db = path.join(dir, 'opsdesk.db');
    execFileSync(process.execPath, [SERVER_BIN, 'migrate', '--database', db]);
    // 10 000 stored incidents, so the first page is measured against a realistic table
    const sqlite = new Database(db);
    const insert = sqlite.prepare(
      'INSERT INTO incidents (id, number, title, severity, status, service, source, labels, occurred_at, detected_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    );
    const t0 = Date.now() - 10_000 * 600_000;
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const at = t0 + i * 600_000;
        insert.run(
          randomUUID(),
          `INC-2025-${String(i).padStart(5, '0')}`,
          `Historic incident ${i}`,
          `P${1 + (i % 4)}`,
          'closed',
          ['gateway', 'clearing', 'settlement'][i % 3],
          'manual',
          '{}',
          at,
          at,
          at,
          at
        );
      }
    })();
    sqlite.close();
    server = await startServer();
    for (const role of ['viewer', 'editor']) {
      tokens[role] = (await api<{ token: string }>('POST', '/api/v1/tokens', { name: `grafana-${role}`, role })).token;
    }
    host = await startTestHost({
      distDir: DIST,
      hostDir: path.join(__dirname, 'host'),
      settings: {
        jsonData: { serverUrl: server.url, prometheusUid: 'prometheus' },
        secureJsonData: { viewerToken: tokens.viewer, editorToken: tokens.editor },
      },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the incidents page shows its first page with 10 000 incidents stored', async () => {
    // cold: a new tab loading the host (Grafana's part), the plugin and the page
    const cold = Date.now();
    const page = await open(`${BASE}/incidents`);
    await page.getByTestId('incidents-table').waitFor();
    await page.getByText('Historic incident 9999').waitFor();
    const coldMs = Date.now() - cold;
    // warm: navigating to the page inside Grafana, as a user does from the overview
    const navigate = (to: string) =>
      page.evaluate((p) => (window as unknown as { __navigate(p: string): void }).__navigate(p), to);
    await navigate('/a/opsdesk-ops-app/overview');
    await page.getByTestId('overview').waitFor();
    const warm = Date.now();
    await navigate('/a/opsdesk-ops-app/incidents');
    await page.getByText('Historic incident 9999').waitFor();
    console.log(
      `incidents page, first page of 50 with 10 000 incidents stored: ${Date.now() - warm} ms navigating within Grafana; ` +
        `${coldMs} ms in a new tab, including the test host's own 8 MB bundle (target < 1500 ms)`
    );
    expect(await page.locator('[data-testid="incidents-table"] tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Historic incident 9949').waitFor();
    expect(page.url()).toContain('cursor=');
    await page.close();
  });

  test('an Editor creates, acknowledges, resolves, reviews and closes an incident', async () => {
    const page = await open(`${BASE}/incidents`);
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Order gateway rejects logins');
    await page.getByLabel('Service', { exact: true }).last().fill('gateway');
    await page.getByRole('button', { name: 'Create' }).click();
    await page
      .getByRole('link', { name: /INC-\d{4}-\d{4}/ })
      .first()
      .waitFor();
    await page.getByText('Order gateway rejects logins').click({ trial: true });
    const link = page.getByRole('row', { name: /Order gateway rejects logins/ }).getByRole('link');
    await link.click();
    await page.getByTestId('incident-page').waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Close' }).waitFor();
    await page.getByLabel('Summary').fill('Certificate of the login gateway expired');
    await page.getByLabel('Root cause').fill('No alert on certificate expiry');
    await page.getByRole('button', { name: 'Add action item' }).click();
    await page.getByLabel('Action', { exact: true }).fill('Alert 30 days before expiry');
    await page.getByLabel('Owner').fill('li.si');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByText('Saved.').waitFor();
    await shot(page, 'incident-editor-dark');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    await page.getByText('wrote the post-incident review').waitFor();
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('changed the status from Resolved to Closed');
    await page.close();
  });

  test('409 and 422 say what to do', async () => {
    const p2 = await api<{ number: string }>('POST', '/api/v1/incidents', {
      title: 'Clearing batch stuck',
      severity: 'P2',
    });
    await api('POST', `/api/v1/incidents/${p2.number}/acknowledge`, {});
    const page = await open(`${BASE}/incidents/${p2.number}`);
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    // someone else resolves it meanwhile; the stale button gets a 409
    await api('POST', `/api/v1/incidents/${p2.number}/resolve`, {});
    await page.getByRole('button', { name: 'Mitigated' }).click();
    await page.getByText('The incident changed meanwhile').waitFor();
    await page.getByText(/cannot mitigate an incident that is resolved/).waitFor();
    await page.reload();
    // a P2 needs a review before it closes: 422
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('The server did not accept the input').waitFor();
    await page
      .getByText(/post-incident review/)
      .first()
      .waitFor();
    // a new incident without a title: 400 from validation
    const list = await open(`${BASE}/incidents`);
    await list.getByRole('button', { name: 'New incident' }).click();
    await list.getByRole('button', { name: 'Create' }).click();
    await list.getByText('The server did not accept the input').waitFor();
    await list.close();
    await page.close();
  });

  test('a Viewer sees no way to change anything, and the proxy refuses writes with 403', async () => {
    const page = await open(`${BASE}/incidents`, { role: 'Viewer' });
    await page.getByTestId('incidents-table').waitFor();
    expect(await page.getByRole('button', { name: 'New incident' }).count()).toBe(0);
    const number = (
      await api<{ incidents: Array<{ number: string }> }>('GET', '/api/v1/incidents?status=resolved&limit=1')
    ).incidents[0]!.number;
    await page.goto(`${host.url}${BASE}/incidents/${number}`);
    await page.getByTestId('incident-page').waitFor();
    expect(await page.getByRole('button', { name: /Reopen|Close|Acknowledge|Resolve/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save review' }).count()).toBe(0);
    const status = await page.evaluate(async (n) => {
      const res = await fetch(`/api/plugin-proxy/opsdesk-ops-app/api/v1/incidents/${n}/reopen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    }, number);
    expect(status).toBe(403);
    expect(host.log.some((l) => l.role === 'Viewer' && l.status === 403)).toBe(true);
    // the Alertmanager receiver is not reachable through the proxy at all
    const hook = await page.evaluate(
      async () =>
        (await fetch('/api/plugin-proxy/opsdesk-ops-app/api/v1/alertmanager/webhook', { method: 'POST', body: '{}' }))
          .status
    );
    expect(hook).toBe(404);
    await page.close();
  });

  test('Simplified Chinese', async () => {
    const page = await open(`${BASE}/incidents`, { lang: 'zh-Hans' });
    await page.getByRole('button', { name: '新建事件' }).waitFor();
    await page.getByText('发现时间').first().waitFor();
    await shot(page, 'incidents-zh-Hans-dark');
    const sla = await open(`${BASE}/sla`, { lang: 'zh-Hans', theme: 'light' });
    await sla.getByText('近 12 个月达标率').waitFor();
    await shot(sla, 'sla-zh-Hans-light');
    await sla.close();
    await page.close();
  });

  test('screenshots of every page in light and dark', async () => {
    const number = (
      await api<{ incidents: Array<{ number: string }> }>('GET', '/api/v1/incidents?q=Order%20gateway&limit=1')
    ).incidents[0]!.number;
    for (const theme of ['light', 'dark']) {
      const pages: Array<[string, string, string]> = [
        ['overview', `${BASE}/overview`, 'overview'],
        ['incidents', `${BASE}/incidents`, 'incidents-table'],
        ['incident', `${BASE}/incidents/${number}`, 'incident-page'],
        ['sla', `${BASE}/sla`, 'sla-report'],
      ];
      for (const [name, url, testId] of pages) {
        const page = await open(url, { theme });
        await page.getByTestId(testId).waitFor();
        await page.waitForTimeout(300);
        await shot(page, `${name}-${theme}`);
        await page.close();
      }
      const config = await open('/plugins/opsdesk-ops-app', { theme, role: 'Admin' });
      await config.getByRole('button', { name: 'Test connection' }).click();
      await config.getByText(/Connected: OpsDesk server/).waitFor();
      await shot(config, `config-${theme}`);
      await config.close();
    }
  });

  test('a 403 from the server (editor token with too low a role) says what to do', async () => {
    const editorToken = host.settings.secureJsonData.editorToken!;
    host.settings.secureJsonData.editorToken = tokens.viewer!;
    const p3 = await api<{ number: string }>('POST', '/api/v1/incidents', { title: 'Report job slow', severity: 'P3' });
    const page = await open(`${BASE}/incidents/${p3.number}`);
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('You are not allowed to do this').waitFor();
    await page.getByText(/needs the editor role/).waitFor();
    host.settings.secureJsonData.editorToken = editorToken;
    await page.close();
  });

  test('module.js stays small: pages load on demand', () => {
    const size = statSync(path.join(DIST, 'module.js')).size;
    console.log(`dist/module.js: ${(size / 1024).toFixed(1)} KiB minified (target ≤ 200 KB)`);
    expect(size).toBeLessThanOrEqual(200 * 1000);
  });

  test('401 and a server that is down each show what to do', async () => {
    const good = host.settings.secureJsonData.viewerToken!;
    host.settings.secureJsonData.viewerToken = 'odk_wrong';
    const page = await open(`${BASE}/incidents`);
    await page.getByText('The server refused the plugin token').waitFor();
    const config = await open('/plugins/opsdesk-ops-app', { role: 'Admin' });
    await config.getByRole('button', { name: 'Test connection' }).click();
    await config.getByText(/refused the viewer token \(401\)/).waitFor();
    host.settings.secureJsonData.viewerToken = good;

    await server.stop();
    await page.reload();
    await page.getByText('The OpsDesk server cannot be reached').waitFor();
    await shot(page, 'incidents-server-down-dark');
    await config.getByRole('button', { name: 'Test connection' }).click();
    await config.getByText(/cannot be reached from Grafana/).waitFor();
    await config.close();
    await page.close();
  });
});
