import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
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
import { transferConfigSchema, transferExporter } from './index';

// The transfer exporter's golden exposition (exporters/transfer/fixtures/e2e-output.prom): three
// participants on a trading calendar, a scripted event sequence posted to POST /api/v1/events and
// written to a transfer log at fixed event times, a drop folder holding one of its two expected
// files, and one probe of each kind against loopback servers started here. The clock is frozen at
// GOLDEN_FROZEN_CLOCK (inside the morning session) and passed to the exporter as its `now`.
// `npm run golden` rewrites the file; docs/metrics.md explains what is normalised and why.

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'e2e-output.prom');
const TLS = path.join(__dirname, 'fixtures', 'golden-tls');
const TOKEN = 'golden-transfer-token-0123456789';
const T0 = GOLDEN_FROZEN_CLOCK;
const at = (secondsBefore: number) => new Date(T0 - secondsBefore * 1000).toISOString();

const RULES = mergeRules(COMMON_GOLDEN_RULES, {
  // probe timings and the train's round trips measure this machine's loopback, not the inputs
  volatileValues: [
    /^opsdesk_transfer_probe_(phase_)?duration_seconds$/,
    /^opsdesk_transfer_train_rtt_seconds$/,
  ],
});

/** The scripted sequence: what broker_a and broker_b report over the ingest API. */
const POSTED = [
  {
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'in',
    bytes: 512,
    latency: 0.012,
    time: at(50),
  },
  {
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'in',
    bytes: 640,
    latency: 0.031,
    time: at(40),
  },
  {
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'out',
    bytes: 128,
    latency: 0.004,
    time: at(40),
  },
  {
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'out',
    outcome: 'failed',
    reason: 'timeout',
    latency: 0.5,
    time: at(30),
  },
  // a reason not in failure_reasons is counted as "other"
  {
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'in',
    outcome: 'failed',
    reason: 'teapot',
    time: at(20),
  },
  {
    participant: 'broker_b',
    channel: 'fix_gateway',
    direction: 'in',
    bytes: 220,
    latency: 0.002,
    time: at(10),
  },
  // refused and counted as dropped: not in the config, and timed too far ahead of the exporter
  { participant: 'mallory', channel: 'orders_api', direction: 'in', time: at(10) },
  {
    participant: 'broker_b',
    channel: 'fix_gateway',
    direction: 'out',
    time: new Date(T0 + 3_600_000).toISOString(),
  },
];
/** What the platform's gateway log holds for broker_b (read from the start of the file). */
const LOGGED = [
  { direction: 'out', bytes: 180, latency: 0.003, time: at(9) },
  { direction: 'out', bytes: 90, latency: 0.07, time: at(5) },
  { direction: 'in', outcome: 'failed', reason: 'rejected', time: at(3) },
];

let dir: string;
const servers: Array<{ close(): unknown }> = [];
const listenOn = async (s: net.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return (s.address() as AddressInfo).port;
};

beforeAll(() => {
  jest.useFakeTimers({ now: T0, doNotFake: [...ONLY_DATE_FAKED] });
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-golden-transfer-'));
});
afterAll(() => {
  jest.useRealTimers();
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the transfer exporter fed the scripted sequence serves exactly exporters/transfer/fixtures/e2e-output.prom', async () => {
  const health = await listenOn(http.createServer((_req, res) => res.end('{"status":"UP"}')));
  const gateway = await listenOn(net.createServer((socket) => socket.end()));
  const secure = await listenOn(
    tls.createServer(
      { key: readFileSync(path.join(TLS, 'key.pem')), cert: readFileSync(path.join(TLS, 'cert.pem')) },
      (socket) => socket.end(),
    ),
  );
  const closedPort = await freePort(); // nothing listens: the tcp probe fails in its connect phase

  const drop = path.join(dir, 'drop', 'fund_c');
  mkdirSync(drop, { recursive: true });
  const settlement = path.join(drop, 'SETTLE_20261126.csv');
  writeFileSync(settlement, 'account,amount\nF001,1200.50\n');
  utimesSync(settlement, new Date(T0 - 1_800_000), new Date(T0 - 1_800_000)); // delivered 09:30 local
  writeFileSync(path.join(dir, 'gateway.log'), LOGGED.map((e) => JSON.stringify(e)).join('\n') + '\n');

  const config = transferConfigSchema.parse({
    tokens: [TOKEN],
    calendars: [
      {
        name: 'trading',
        timezone: 'Asia/Shanghai',
        hours: { weekdays: '09:15-11:30,13:00-15:00' },
        holidays: { builtin: 'cn' },
      },
    ],
    logs: [
      {
        path: 'gateway.log', // relative, as written it is the label value
        from: 'start',
        poll: '100ms',
        set: { participant: 'broker_b', channel: 'fix_gateway' },
      },
    ],
    participants: [
      {
        name: 'broker_a',
        channels: [
          {
            name: 'orders_api',
            kind: 'api',
            calendar: 'trading',
            expect: { max_silence: '2m', min_success_ratio: 0.99, max_latency: '500ms' },
            probes: [
              { kind: 'http', url: `http://127.0.0.1:${health}/health`, body_match: 'UP', interval: '1h' },
              { kind: 'tcp', target: `127.0.0.1:${closedPort}`, interval: '1h' },
            ],
          },
        ],
      },
      {
        name: 'broker_b',
        channels: [
          {
            name: 'fix_gateway',
            kind: 'gateway',
            calendar: 'trading',
            expect: { max_silence: '1m', min_success_ratio: 0.995, min_messages: { count: 1000, per: '5m' } },
            probes: [
              { kind: 'train', target: `127.0.0.1:${gateway}`, count: 5, spacing: '10ms', interval: '1h' },
              { kind: 'tls', target: `127.0.0.1:${secure}`, insecure_skip_verify: true, interval: '1h' },
            ],
          },
        ],
      },
      {
        name: 'fund_c',
        channels: [
          {
            name: 'sftp_drop',
            kind: 'sftp',
            directions: ['out'],
            calendar: 'trading',
            expect: { min_success_ratio: 1 },
            drop: {
              path: 'drop/fund_c',
              poll: '1h',
              files: [
                { name: 'settlement', pattern: 'SETTLE_{YYYYMMDD}.csv', deadline: '09:45' },
                { name: 'positions', pattern: 'POS_{YYYYMMDD}.csv', deadline: '09:50' },
              ],
            },
          },
        ],
      },
    ],
  });
  const exporter = await startExporter(transferExporter, config, {
    listen: `127.0.0.1:${await freePort()}`,
    log: silentLogger,
    // relative paths in the config are taken from its folder, as for a real channels.yml there
    configFile: path.join(dir, 'channels.yml'),
    now: () => Date.now(),
  });
  try {
    const res = await fetch(`${exporter.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      // one line the schema refuses, counted as invalid; the others are taken
      body: [...POSTED.map((e) => JSON.stringify(e)), '{"participant":"broker_a","bytes":"many"}'].join('\n'),
    });
    expect(res.status).toBe(400);
    // the probes run once at start (their interval is an hour), the drop folder is polled once and
    // the log is read to its end: scrape when all of that has landed
    await expectGoldenScrape(`${exporter.url}/metrics`, {
      file: GOLDEN,
      rules: RULES,
      source: 'transfer /metrics',
      landed: [
        'opsdesk_transfer_probe_success{participant="broker_a",channel="orders_api",probe="http"}',
        'opsdesk_transfer_probe_success{participant="broker_a",channel="orders_api",probe="tcp"}',
        'opsdesk_transfer_probe_success{participant="broker_b",channel="fix_gateway",probe="train"}',
        'opsdesk_transfer_probe_success{participant="broker_b",channel="fix_gateway",probe="tls"}',
        'opsdesk_transfer_file_present{participant="fund_c",channel="sftp_drop",file="settlement"} 1',
        'opsdesk_transfer_failures_total{participant="broker_b",channel="fix_gateway",direction="in",reason="rejected"} 1',
      ],
    });
  } finally {
    await exporter.close();
  }
});
