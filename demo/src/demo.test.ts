import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, parseExposition, startService, waitFor, type RunningService } from '@opsdesk/testing';
import { startDemo } from './index';

// The demo against the real flow exporter, with short time limits so a stuck step shows quickly.
const FLOW_BIN = path.join(__dirname, '..', '..', 'exporters', 'flow', 'bin', 'opsdesk-flow-exporter.js');
const TRANSFER_BIN = path.join(
  __dirname,
  '..',
  '..',
  'exporters',
  'transfer',
  'bin',
  'opsdesk-transfer-exporter.js',
);
const TOKEN = 'demo-test-token-0123456789';

let dir: string;
let exporter: RunningService & { url: string };
let transfer: RunningService & { url: string };
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
  writeFileSync(
    path.join(dir, 'channels.yml'),
    `tokens: ["${TOKEN}"]
participants:
  - name: broker_a
    channels: [{ name: orders_api, kind: api }]
  - name: broker_b
    channels: [{ name: fix_gateway, kind: gateway }]
  - name: fund_c
    channels:
      - name: sftp_drop
        kind: sftp
        directions: [out]
        drop:
          path: ${dir}/drop/fund_c
          poll: 1s
          files: [{ name: settlement, pattern: 'SETTLE_{YYYYMMDD}.csv', deadline: '16:30' }]
`,
  );
  const tport = await freePort();
  transfer = {
    ...(await startService({
      command: TRANSFER_BIN,
      args: ['--config', path.join(dir, 'channels.yml'), '--listen', `127.0.0.1:${tport}`],
      readyUrl: `http://127.0.0.1:${tport}/-/ready`,
    })),
    url: `http://127.0.0.1:${tport}`,
  };
  demo = await startDemo({
    flowExporterUrl: exporter.url,
    token: TOKEN,
    rate: 50,
    port: 0,
    host: '127.0.0.1',
    transfer: { exporterUrl: transfer.url, token: TOKEN, dropDir: path.join(dir, 'drop') },
  });
});
afterAll(async () => {
  await demo?.stop();
  await exporter?.stop();
  await transfer?.stop();
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

test('transfer channels: traffic, a participant outage and a late file show in the transfer exporter', async () => {
  const tmetric = async (name: string) =>
    parseExposition(await (await fetch(`${transfer.url}/metrics`)).text()).get(name) ?? 0;
  const B = 'opsdesk_transfer_messages_total{participant="broker_b",channel="fix_gateway",direction="in"}';
  const A = 'opsdesk_transfer_messages_total{participant="broker_a",channel="orders_api",direction="in"}';
  const FILE = 'opsdesk_transfer_file_present{participant="fund_c",channel="sftp_drop",file="settlement"}';
  await waitFor('broker_b traffic and the settlement file', async () =>
    (await tmetric(B)) > 20 && (await tmetric(FILE)) === 1 ? true : undefined,
  );
  const put = (patch: object) => fetch(`${demo.url}/faults`, { method: 'PUT', body: JSON.stringify(patch) });
  expect((await put({ transfer_outage: 'mallory' })).status).toBe(400);
  expect((await put({ transfer_loss: 2 })).status).toBe(400);
  await put({ transfer_outage: 'broker_b', late_file: true });
  await waitFor('the file to be gone', async () => ((await tmetric(FILE)) === 0 ? true : undefined));
  // broker_b is silent while broker_a carries on: B unchanged over a stretch in which A took at
  // least two batches (4 "in" messages each). A batch sent before the fault may still land at
  // first: then the stretch starts again, up to the deadline. Were the outage ignored, B would move
  // with every batch of A (they share one request) and this would time out.
  let since = { a: await tmetric(A), b: await tmetric(B) };
  await waitFor('broker_b silent while broker_a carries on', async () => {
    const now = { a: await tmetric(A), b: await tmetric(B) };
    if (now.b !== since.b) since = now;
    return now.b === since.b && now.a - since.a >= 8 ? true : undefined;
  });
  await put({ transfer_outage: null, late_file: false });
  await waitFor('the file to arrive', async () => ((await tmetric(FILE)) === 1 ? true : undefined));
  // message loss: half of broker_a's messages fail with timeout
  const FAIL =
    'opsdesk_transfer_failures_total{participant="broker_a",channel="orders_api",direction="in",reason="timeout"}';
  const [f0, m0] = [await tmetric(FAIL), await tmetric(A)];
  await put({ transfer_loss: 0.5 });
  await waitFor('broker_a messages under loss', async () =>
    (await tmetric(A)) - m0 > 60 ? true : undefined,
  );
  await put({ transfer_loss: 0 });
  const share = ((await tmetric(FAIL)) - f0) / ((await tmetric(A)) - m0);
  expect(share).toBeGreaterThan(0.25);
  expect(share).toBeLessThan(0.75);
});
