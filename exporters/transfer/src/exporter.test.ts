import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  describeWithPrograms,
  fuzzIngest,
  scrapeWithPrometheus,
  freePort,
  parseExposition,
  startService,
  waitFor,
  type RunningService,
  anyEventTime,
} from '@opsdesk/testing';

const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-transfer-exporter.js');
const TOKEN = 'transfer-test-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' };

let dir: string;
let exp: RunningService & { url: string };
let target: http.Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-transfer-'));
  target = http.createServer((_req, res) => res.end('{"status":"UP"}'));
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const targetPort = (target.address() as AddressInfo).port;
  writeFileSync(
    path.join(dir, 'channels.yml'),
    `tokens: ["\${TRANSFER_TOKEN}"]
ingest: { max_body_bytes: 65536 }
participants:
  - name: broker_a
    channels:
      - name: orders_api
        kind: api
        expect: { max_silence: 2s, min_success_ratio: 0.99, max_latency: 500ms }
        probes:
          - { kind: http, url: 'http://127.0.0.1:${targetPort}/health', body_match: UP, interval: 1s }
          - { kind: tcp, target: '127.0.0.1:${await freePort()}', interval: 1s }
  - name: fund_c
    channels:
      - { name: sftp_drop, kind: sftp, directions: [out] }
`,
  );
  const port = await freePort();
  exp = {
    ...(await startService({
      command: BIN,
      args: ['--config', path.join(dir, 'channels.yml'), '--listen', `127.0.0.1:${port}`],
      env: { TRANSFER_TOKEN: TOKEN },
      readyUrl: `http://127.0.0.1:${port}/-/ready`,
    })),
    url: `http://127.0.0.1:${port}`,
  };
});
afterAll(async () => {
  await exp?.stop();
  target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string> = AUTH) =>
  fetch(`${exp.url}/api/v1/events`, { method: 'POST', headers, body });
const metrics = async () => parseExposition(await (await fetch(`${exp.url}/metrics`)).text());
const A = 'participant="broker_a",channel="orders_api"';

test('events count per participant, channel and direction; a bad line is a 400 naming it; unknown channels are dropped', async () => {
  const res = await post(
    [
      '{"participant":"broker_a","channel":"orders_api","direction":"in","bytes":512,"latency":0.012}',
      '{"participant":"broker_a","channel":"orders_api","direction":"in","bytes":"many"}',
      '{"participant":"broker_a","channel":"orders_api","direction":"out","outcome":"failed","reason":"timeout"}',
      '{"participant":"mallory","channel":"orders_api","direction":"in"}',
    ].join('\n'),
  );
  expect(res.status).toBe(400);
  const body = (await res.json()) as {
    error: { details: Array<{ line: number; error: string }> };
    counts: Record<string, number>;
  };
  expect(body.error.details).toEqual([
    { line: 2, error: expect.stringContaining('bytes'), reason: 'invalid' },
  ]);
  expect(body.counts).toEqual({ accepted: 2, unknown_participant: 1 });
  const m = await metrics();
  expect(m.get(`opsdesk_transfer_messages_total{${A},direction="in"}`)).toBe(1);
  expect(m.get(`opsdesk_transfer_bytes_total{${A},direction="in"}`)).toBe(512);
  expect(m.get(`opsdesk_transfer_failures_total{${A},direction="out",reason="timeout"}`)).toBe(1);
  expect(m.get(`opsdesk_transfer_latency_seconds_count{${A},direction="in"}`)).toBe(1);
  expect(m.get('opsdesk_transfer_events_dropped_total{reason="unknown_participant"}')).toBe(1);
  expect(m.get('opsdesk_transfer_events_dropped_total{reason="invalid"}')).toBe(1);
  expect(m.get(`opsdesk_transfer_expected_max_latency_seconds{${A}}`)).toBe(0.5);
  expect([...m.keys()].some((k) => k.includes('mallory'))).toBe(false);
});

test('no or a wrong token is a 401; a body over the limit a 413', async () => {
  expect((await post('{}', { 'content-type': 'application/x-ndjson' })).status).toBe(401);
  expect((await post('{}', { authorization: 'Bearer not-a-configured-token-0123456789' })).status).toBe(401);
  const big = await post('{"participant":"fund_c","channel":"sftp_drop","direction":"out"}\n'.repeat(2000));
  expect(big.status).toBe(413);
});

test('silence is an interruption; probes locate the failing phase; GET /api/v1/channels says so', async () => {
  await waitFor('the interruption and both probes', async () => {
    const m = await metrics();
    return m.get(`opsdesk_transfer_interrupted{${A},direction="out"}`) === 1 &&
      m.get(`opsdesk_transfer_probe_success{${A},probe="http"}`) === 1 &&
      m.get(`opsdesk_transfer_probe_failed_phase{${A},probe="tcp",phase="connect"}`) === 1
      ? true
      : undefined;
  });
  const status = (await (await fetch(`${exp.url}/api/v1/channels`)).json()) as {
    channels: Array<{
      participant: string;
      channel: string;
      state: string;
      directions: Array<{ direction: string; interrupted: boolean; interruptedSince: string | null }>;
      probes: Array<{ probe: string; ok: boolean; failedPhase: string | null }>;
    }>;
  };
  const api = status.channels.find((c) => c.channel === 'orders_api')!;
  expect(api.state).toBe('down');
  expect(api.directions.find((d) => d.direction === 'out')).toMatchObject({
    interrupted: true,
    interruptedSince: expect.any(String),
  });
  expect(api.probes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ probe: 'http', ok: true }),
      expect.objectContaining({ probe: 'tcp', ok: false, failedPhase: 'connect' }),
    ]),
  );
  // no max_silence on the SFTP drop: never interrupted, and no interruption series for it
  const m = await metrics();
  expect(
    m.has('opsdesk_transfer_interrupted{participant="fund_c",channel="sftp_drop",direction="out"}'),
  ).toBe(false);
});

test('fuzz: random bodies never make a 5xx and never lower a counter', async () => {
  await fuzzIngest(
    post,
    `${exp.url}/metrics`,
    fc
      .record({
        participant: fc.constantFrom('broker_a', 'fund_c', '', 'x'.repeat(200)),
        channel: fc.constantFrom('orders_api', 'sftp_drop', '??'),
        direction: fc.constantFrom('in', 'out', 'up'),
        bytes: fc.oneof(fc.integer(), fc.double(), fc.string()),
        outcome: fc.constantFrom('ok', 'failed', 'maybe'),
        reason: fc.string({ maxLength: 120 }),
        latency: fc.oneof(fc.double(), fc.constant(-1)),
      })
      .map((v) => JSON.stringify(v)),
  );
});

test('an event timed past the skew (epoch microseconds) is dropped as future and cannot silence an interruption', async () => {
  const before = (await metrics()).get('opsdesk_transfer_events_dropped_total{reason="future"}') ?? 0;
  const res = await post(
    '{"participant":"broker_a","channel":"orders_api","direction":"in","time":9e15}\n' +
      '{"participant":"broker_a","channel":"orders_api","direction":"in","time":"2099-01-01T00:00:00Z"}\n',
  );
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { details: Array<{ reason: string; error: string }> } };
  expect(body.error.details.map((d) => d.reason)).toEqual(['future', 'future']);
  expect(body.error.details[0]!.error).toContain('ahead of this exporter');
  expect((await metrics()).get('opsdesk_transfer_events_dropped_total{reason="future"}')).toBe(before + 2);
  // silence after the last real message still becomes an interruption (max_silence 2s)
  await waitFor('interrupted', async () =>
    (await metrics()).get(`opsdesk_transfer_interrupted{${A},direction="in"}`) === 1 ? true : undefined,
  );
  const channels = (await (await fetch(`${exp.url}/api/v1/channels`)).json()) as {
    channels: Array<{ participant: string; directions: Array<{ lastMessage: string | null }> }>;
  };
  for (const ch of channels.channels)
    for (const d of ch.directions)
      expect(d.lastMessage === null || Date.parse(d.lastMessage) <= Date.now()).toBe(true);
});

test('property: after any accepted events (any time, any field) no API answers 5xx', async () => {
  const time = anyEventTime();
  const event = fc.record(
    {
      participant: fc.constantFrom('broker_a', 'fund_c', '__proto__', 'constructor'),
      channel: fc.constantFrom('orders_api', 'sftp_drop', 'toString'),
      direction: fc.constantFrom('in', 'out'),
      bytes: fc.nat(),
      outcome: fc.constantFrom('ok', 'failed'),
      reason: fc.constantFrom('timeout', '__proto__', 'hasOwnProperty'),
      latency: fc.double({ min: 0, max: 1e308, noNaN: true }),
      time,
    },
    { requiredKeys: ['participant', 'channel', 'direction'] },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 10 }), async (events) => {
      const res = await post(events.map((e) => JSON.stringify(e)).join('\n'));
      await res.arrayBuffer();
      if (res.status >= 500) return false;
      for (const p of ['/api/v1/channels', '/metrics', '/-/ready', '/-/healthy']) {
        const r = await fetch(`${exp.url}${p}`);
        await r.arrayBuffer();
        if (r.status >= 500) return false;
      }
      return true;
    }),
    { numRuns: 100 },
  );
});

describeWithPrograms(
  { promtool: 'prometheus', prometheus: 'prometheus' },
  'with the Prometheus tools',
  () => {
    test('promtool check metrics finds nothing; the real Prometheus scrapes it', async () => {
      expect(
        await scrapeWithPrometheus(exp.url, `opsdesk_transfer_bytes_total{${A},direction="in"}`),
      ).toBeGreaterThanOrEqual(512);
    });
  },
);
