import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-flow-exporter.js');
const TOKEN = 'flow-test-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' };

let dir: string;
let exp: RunningService & { url: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-flow-'));
  writeFileSync(
    path.join(dir, 'flows.yml'),
    `tokens: ["\${FLOW_TOKEN}"]
ingest: { max_body_bytes: 65536 }
logs:
  - { path: '\${FLOW_LOG}', from: start, poll: 100ms }
flows:
  - name: order
    failure_reasons: [limit_exceeded]
    steps:
      - { name: received, time_limit: 1s }
      - { name: risk_check, time_limit: 1s, next: [matched, rejected] }
      - { name: rejected, terminal: failure }
      - { name: matched }
      - { name: settled, terminal: success }
`,
  );
  const port = await freePort();
  exp = {
    ...(await startService({
      command: BIN,
      args: ['--config', path.join(dir, 'flows.yml'), '--listen', `127.0.0.1:${port}`],
      env: { FLOW_TOKEN: TOKEN, FLOW_LOG: path.join(dir, 'events.log') },
      readyUrl: `http://127.0.0.1:${port}/-/ready`,
    })),
    url: `http://127.0.0.1:${port}`,
  };
});
afterAll(async () => {
  await exp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string> = AUTH) =>
  fetch(`${exp.url}/api/v1/events`, { method: 'POST', headers, body });
const metrics = async () => parseExposition(await (await fetch(`${exp.url}/metrics`)).text());

test('NDJSON and JSON arrays are counted; a bad line is a 400 naming it while the others count', async () => {
  const ok = await post(
    '{"instance":"A","flow":"order","step":"received"}\n{"instance":"A","flow":"order","step":"risk_check"}\n',
  );
  expect(ok.status).toBe(200);
  const arr = await post(JSON.stringify([{ instance: 'B', flow: 'order', step: 'received' }]), {
    ...AUTH,
    'content-type': 'application/json',
  });
  expect(await arr.json()).toEqual({ counts: { accepted: 1 } });
  const mixed = await post(
    '{"instance":"C","flow":"order","step":"received"}\n{"instance":"C","flow":"order","step":"risk_check","outcome":"maybe"}\n',
  );
  expect(mixed.status).toBe(400);
  const body = (await mixed.json()) as {
    error: { message: string; details: Array<{ line: number; error: string }> };
    counts: Record<string, number>;
  };
  expect(body.error.details).toEqual([
    { line: 2, error: expect.stringContaining('outcome'), reason: 'invalid' },
  ]);
  expect(body.counts).toEqual({ accepted: 1 });
  const m = await metrics();
  expect(m.get('opsdesk_flow_step_started_total{flow="order",step="received"}')).toBe(3);
  expect(m.get('opsdesk_flow_events_dropped_total{reason="invalid"}')).toBe(1);
  // histograms are served whole: buckets, +Inf, sum and count
  expect(m.get('opsdesk_flow_step_duration_seconds_bucket{flow="order",step="received",le="+Inf"}')).toBe(
    m.get('opsdesk_flow_step_duration_seconds_count{flow="order",step="received"}'),
  );
  expect(m.has('opsdesk_flow_step_duration_seconds_sum{flow="order",step="received"}')).toBe(true);
});

test('events appended to a tailed JSON-lines log are tracked like posted ones', async () => {
  const file = path.join(dir, 'events.log');
  writeFileSync(file, '{"instance":"L1","flow":"order","step":"received"}\nnot json\n');
  await waitFor('the log to be read', async () =>
    (await metrics()).get(`opsdesk_flow_log_readable{path="${file}"}`) === 1 ? true : undefined,
  );
  appendFileSync(file, '{"instance":"L1","flow":"order","step":"risk_check"}\n');
  await waitFor('the appended line', async () =>
    (await metrics()).get(`opsdesk_flow_log_lines_total{path="${file}",result="accepted"}`) === 2
      ? true
      : undefined,
  );
  const m = await metrics();
  expect(m.get(`opsdesk_flow_log_lines_total{path="${file}",result="invalid"}`)).toBe(1);
  expect(m.get('opsdesk_flow_step_completed_total{flow="order",step="received"}')).toBeGreaterThanOrEqual(1);
});

test('no or a wrong token is a 401; a body over the limit a 413', async () => {
  expect((await post('{}', { 'content-type': 'application/x-ndjson' })).status).toBe(401);
  expect((await post('{}', { authorization: 'Bearer not-a-configured-token-0123456789' })).status).toBe(401);
  const big = await post('{"instance":"X","flow":"order","step":"received"}\n'.repeat(2000));
  expect(big.status).toBe(413);
});

test('stuck instances appear in the metrics and in GET /api/v1/flows', async () => {
  type Flows = {
    flows: Array<{
      steps: Array<{ step: string; stuckInstances: Array<{ instance: string; since: string }> }>;
    }>;
  };
  const stuckIn = async (step: string) =>
    ((await (await fetch(`${exp.url}/api/v1/flows`)).json()) as Flows).flows[0]!.steps.find(
      (s) => s.step === step,
    )!.stuckInstances;
  // S1 entered risk_check (time limit 1 s) 5 s ago by its own event time: stuck at once, no waiting
  const entered = Date.now() - 5000;
  await post(
    `{"instance":"S1","flow":"order","step":"received","time":${entered - 1000}}\n{"instance":"S1","flow":"order","step":"risk_check","time":${entered}}\n`,
  );
  const m = await metrics();
  expect(m.get('opsdesk_flow_step_stuck{flow="order",step="risk_check"}')).toBeGreaterThanOrEqual(1);
  expect(await stuckIn('risk_check')).toContainEqual({
    instance: 'S1',
    since: new Date(entered).toISOString(),
  });
  // A's events (first test) carried no time: stamped on arrival, it is stuck once its 1 s has passed
  await waitFor('A stuck in risk_check', async () =>
    (await stuckIn('risk_check')).some((i) => i.instance === 'A') ? true : undefined,
  );
});

test('fuzz: thousands of random bodies never make a 5xx and never lower a counter', async () => {
  await fuzzIngest(
    post,
    `${exp.url}/metrics`,
    fc
      .record({
        instance: fc.string({ maxLength: 300 }),
        flow: fc.constantFrom('order', 'x', ''),
        step: fc.constantFrom('received', 'matched', 'settled', '??'),
        outcome: fc.constantFrom('ok', 'failed', 'nope'),
        time: fc.oneof(fc.integer(), fc.string()),
      })
      .map((v) => JSON.stringify(v)),
  );
});

test('an event timed past the skew is dropped as future and cannot hide a stuck instance', async () => {
  const res = await post(
    '{"instance":"F1","flow":"order","step":"received"}\n{"instance":"F1","flow":"order","step":"risk_check","time":9e15}\n',
  );
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { details: Array<{ line: number; reason: string }> } };
  expect(body.error.details).toEqual([expect.objectContaining({ line: 2, reason: 'future' })]);
  expect((await metrics()).get('opsdesk_flow_events_dropped_total{reason="future"}')).toBeGreaterThanOrEqual(
    1,
  );
  // F1 is still in received, where it becomes stuck after the step's 1 s
  await waitFor('F1 stuck in received', async () => {
    const flows = (await (await fetch(`${exp.url}/api/v1/flows?limit=1000`)).json()) as {
      flows: Array<{ steps: Array<{ step: string; stuckInstances: Array<{ instance: string }> }> }>;
    };
    const received = flows.flows[0]!.steps.find((s) => s.step === 'received')!;
    return received.stuckInstances.some((i) => i.instance === 'F1') ? true : undefined;
  });
});

test('property: after any accepted events (any time, any instance id) no API answers 5xx', async () => {
  const time = anyEventTime();
  const event = fc.record(
    {
      instance: fc.oneof(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.constantFrom('__proto__', 'constructor'),
      ),
      flow: fc.constantFrom('order', 'toString'),
      step: fc.constantFrom('received', 'risk_check', 'rejected', 'matched', 'settled', '__proto__'),
      outcome: fc.constantFrom('ok', 'failed'),
      reason: fc.constantFrom('limit_exceeded', 'hasOwnProperty', '__proto__'),
      time,
    },
    { requiredKeys: ['instance', 'flow', 'step'] },
  );
  const cursor = fc.oneof(fc.string(), fc.base64String(), fc.constant('WzEsIngiXQ'));
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 10 }), cursor, async (events, c) => {
      const res = await post(events.map((e) => JSON.stringify(e)).join('\n'));
      await res.arrayBuffer();
      if (res.status >= 500) return false;
      for (const p of [
        '/api/v1/flows',
        '/api/v1/flows?limit=1000',
        `/api/v1/flows/order/steps/received/stuck?cursor=${encodeURIComponent(c)}`,
        '/api/v1/flows/order/steps/__proto__/stuck',
        '/api/v1/flows/constructor/steps/x/stuck',
        '/metrics',
        '/-/ready',
      ]) {
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
        await scrapeWithPrometheus(exp.url, 'opsdesk_flow_step_started_total{flow="order",step="received"}'),
      ).toBeGreaterThanOrEqual(3);
    });
  },
);
