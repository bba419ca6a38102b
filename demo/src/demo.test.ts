import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, parseExposition, startService, waitFor, type RunningService } from '@opsdesk/testing';
import { startDemo } from './index';

// The demo against the real flow exporter, with short time limits so a stuck step shows quickly.
const FLOW_BIN = path.join(__dirname, '..', '..', 'exporters', 'flow', 'bin', 'opsdesk-flow-exporter.js');
const TOKEN = 'demo-test-token-0123456789';

let dir: string;
let exporter: RunningService & { url: string };
let demo: Awaited<ReturnType<typeof startDemo>>;
const metric = async (name: string) =>
  parseExposition(await (await fetch(`${exporter.url}/metrics`)).text()).get(name) ?? 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-demo-'));
  writeFileSync(
    path.join(dir, 'flows.yml'),
    `tokens: ["${TOKEN}"]
flows:
  - name: order
    failure_reasons: [rejected]
    steps:
      - { name: received, time_limit: 2s }
      - { name: risk_check, time_limit: 2s, next: [matched, rejected] }
      - { name: rejected, terminal: failure }
      - { name: matched, time_limit: 3s }
      - { name: cleared, time_limit: 1s }
      - { name: settled, terminal: success }
`,
  );
  const port = await freePort();
  exporter = {
    ...(await startService({
      command: FLOW_BIN,
      args: ['--config', path.join(dir, 'flows.yml'), '--listen', `127.0.0.1:${port}`],
      readyUrl: `http://127.0.0.1:${port}/-/ready`,
    })),
    url: `http://127.0.0.1:${port}`,
  };
  demo = await startDemo({
    flowExporterUrl: exporter.url,
    token: TOKEN,
    rate: 50,
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await demo?.stop();
  await exporter?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('orders flow through to settlement', async () => {
  await waitFor(
    'settled orders',
    async () => ((await metric('opsdesk_flow_completed_total{flow="order"}')) > 10 ? true : undefined),
    { timeoutMs: 20_000 },
  );
});

test('a stuck step shows in the stuck gauge; a failure burst in the failures', async () => {
  const put = (patch: object) => fetch(`${demo.url}/faults`, { method: 'PUT', body: JSON.stringify(patch) });
  expect((await put({ stuck_step: 'nowhere' })).status).toBe(400);
  await put({ stuck_step: 'cleared' });
  await waitFor(
    'stuck instances in cleared',
    async () =>
      (await metric('opsdesk_flow_step_stuck{flow="order",step="cleared"}')) > 0 ? true : undefined,
    { timeoutMs: 20_000 },
  );
  const failedBefore = await metric('opsdesk_flow_failed_total{flow="order",reason="rejected"}');
  await put({ stuck_step: null, failure_burst: true });
  await waitFor(
    'a failure burst',
    async () =>
      (await metric('opsdesk_flow_failed_total{flow="order",reason="rejected"}')) > failedBefore + 20
        ? true
        : undefined,
    { timeoutMs: 20_000 },
  );
  await put({ failure_burst: false });
});

test('the journey target: login then an order; down when the fault is on', async () => {
  const login = (await (await fetch(`${demo.url}/api/login`, { method: 'POST' })).json()) as {
    token: string;
  };
  const order = await fetch(`${demo.url}/api/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.token}` },
  });
  expect(order.status).toBe(201);
  await fetch(`${demo.url}/faults`, { method: 'PUT', body: '{"journey_down":true}' });
  expect((await fetch(`${demo.url}/api/login`, { method: 'POST' })).status).toBe(503);
});
