import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startExporter } from '@opsdesk/exporter-core';
import {
  COMMON_GOLDEN_RULES,
  expectGoldenScrape,
  freePort,
  GOLDEN_FROZEN_CLOCK,
  mergeRules,
  ONLY_DATE_FAKED,
  silentLogger,
} from '@opsdesk/testing';
import { flowConfigSchema, flowExporter } from './index';

// The flow exporter's golden exposition (exporters/flow/fixtures/e2e-output.prom): an order flow on
// a trading calendar fed a scripted event sequence (POST /api/v1/events and a tailed log) at fixed
// event times, a SQL check on a SQLite database made here, and a synthetic journey against a
// loopback server. The clock is frozen at GOLDEN_FROZEN_CLOCK and passed to the exporter as `now`.
// `npm run golden` rewrites the file; docs/metrics.md explains what is normalised and why.

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'e2e-output.prom');
const TOKEN = 'golden-flow-token-0123456789';
const T0 = GOLDEN_FROZEN_CLOCK;
const at = (secondsBefore: number) => new Date(T0 - secondsBefore * 1000).toISOString();

const RULES = mergeRules(COMMON_GOLDEN_RULES, {
  // how long the loopback journey and the SQLite query took on this machine
  volatileValues: [
    /^opsdesk_flow_journey_step_duration_seconds$/,
    /^opsdesk_flow_sql_check_duration_seconds$/,
  ],
});

const order = (instance: string, step: string, secondsBefore: number, extra: object = {}) => ({
  instance,
  flow: 'order',
  step,
  time: at(secondsBefore),
  ...extra,
});

/** The scripted sequence posted to the ingest API. */
const POSTED = [
  // ORD-1 goes all the way to settlement
  order('ORD-1', 'received', 900),
  order('ORD-1', 'risk_check', 899),
  order('ORD-1', 'matched', 897),
  order('ORD-1', 'cleared', 840),
  order('ORD-1', 'settled', 600),
  // ORD-2 fails the risk check
  order('ORD-2', 'received', 500),
  order('ORD-2', 'risk_check', 499, { outcome: 'failed', reason: 'limit_exceeded' }),
  // ORD-3 is matched and has waited past matched's one-minute limit: stuck
  order('ORD-3', 'received', 300),
  order('ORD-3', 'risk_check', 299),
  order('ORD-3', 'matched', 240),
  // refused: a flow that is not configured, and an event from an hour ahead
  { instance: 'X-1', flow: 'payment', step: 'received', time: at(10) },
  order('ORD-9', 'received', -3600),
];
/** What the gateway log holds: ORD-4 and ORD-5 in progress. */
const LOGGED = [
  order('ORD-4', 'received', 30),
  order('ORD-4', 'risk_check', 29),
  order('ORD-5', 'received', 2),
];

let dir: string;
let platform: http.Server;
beforeAll(async () => {
  jest.useFakeTimers({ now: T0, doNotFake: [...ONLY_DATE_FAKED] });
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-golden-flow-'));
  // the platform's login and order endpoints, for the journey
  platform = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/login') res.end('{"token":"t-1"}');
    else if (req.url === '/api/orders' && req.headers.authorization === 'Bearer t-1') {
      res.statusCode = 201;
      res.end('{"order":{"status":"accepted"}}');
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
});
afterAll(() => {
  jest.useRealTimers();
  platform.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the flow exporter fed the scripted sequence serves exactly exporters/flow/fixtures/e2e-output.prom', async () => {
  const db = new Database(path.join(dir, 'orders.db'));
  db.exec(
    "CREATE TABLE orders (id TEXT, status TEXT); INSERT INTO orders VALUES ('ORD-3', 'matched'), ('ORD-4', 'risk_check'), ('ORD-5', 'received'), ('ORD-1', 'settled')",
  );
  db.close();
  writeFileSync(path.join(dir, 'gateway.log'), LOGGED.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;

  const config = flowConfigSchema.parse({
    tokens: [TOKEN],
    logs: [{ path: 'gateway.log', from: 'start', poll: '100ms' }],
    flows: [
      {
        name: 'order',
        time_limit: '30m',
        failure_reasons: ['rejected', 'limit_exceeded'],
        calendar: {
          name: 'trading',
          timezone: 'Asia/Shanghai',
          hours: { weekdays: '09:15-11:30,13:00-15:00' },
          holidays: { builtin: 'cn' },
        },
        steps: [
          { name: 'received', time_limit: '5s' },
          { name: 'risk_check', time_limit: '2s', next: ['matched', 'rejected'] },
          { name: 'rejected', terminal: 'failure' },
          { name: 'matched', time_limit: '1m' },
          { name: 'cleared', time_limit: '10m' },
          { name: 'settled', terminal: 'success' },
        ],
      },
    ],
    sql_checks: [
      {
        name: 'orders_open',
        help: 'Orders not yet settled or rejected, by status, from the orders table.',
        driver: 'sqlite',
        dsn: 'orders.db',
        query:
          "SELECT status, COUNT(*) AS value FROM orders WHERE status NOT IN ('settled', 'rejected') GROUP BY status",
        label_columns: ['status'],
        interval: '1h',
      },
    ],
    journeys: [
      {
        name: 'place_order',
        interval: '1h',
        steps: [
          {
            name: 'login',
            request: { method: 'POST', url: `${platformUrl}/api/login` },
            expect: { status: 200, json: { token: { exists: true } } },
            extract: { token: 'token' },
          },
          {
            name: 'order',
            request: {
              method: 'POST',
              url: `${platformUrl}/api/orders`,
              headers: { authorization: 'Bearer {{token}}' },
              json: { symbol: '600000', qty: 100 },
            },
            expect: { status: 201, json: { 'order.status': { equals: 'accepted' } } },
          },
        ],
      },
    ],
  });
  const exporter = await startExporter(flowExporter, config, {
    listen: `127.0.0.1:${await freePort()}`,
    log: silentLogger,
    configFile: path.join(dir, 'flows.yml'),
    now: () => Date.now(),
  });
  try {
    const res = await fetch(`${exporter.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      // one line the schema refuses, counted as invalid; the others are taken
      body: [...POSTED.map((e) => JSON.stringify(e)), '{"instance":"ORD-7","flow":"order"}'].join('\n'),
    });
    expect(res.status).toBe(400);
    await expectGoldenScrape(`${exporter.url}/metrics`, {
      file: GOLDEN,
      rules: RULES,
      source: 'flow /metrics',
      landed: [
        'opsdesk_flow_journey_success{journey="place_order"}',
        'opsdesk_flow_sql_check_success{check="orders_open"}',
        'opsdesk_flow_step_in_progress{flow="order",step="received"} 1',
      ],
    });
  } finally {
    await exporter.close();
  }
});
