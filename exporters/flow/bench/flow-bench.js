#!/usr/bin/env node
// Flow exporter benchmark: events/s into the tracker on one core, then the exporter process with
// 1 000 000 in-flight instances: its RSS and /metrics latency.   npm run bench -w exporters/flow
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { FlowTracker, flowConfigSchema } = require('../dist/index.js');
const { parseConfigText } = require('@opsdesk/runtime');
const {
  freePort,
  machineSummary: machine,
  rssMb,
  timedRequest: get,
  waitReady,
} = require('@opsdesk/testing');

const AUTH = { authorization: 'Bearer flow-bench-token-0123456789', 'content-type': 'application/x-ndjson' };
const request = (port, method, pathname, body) => get(port, method, pathname, body, AUTH);

const INSTANCES = Number(process.env.BENCH_INSTANCES || 1_000_000);
const FLOWS = `tokens: ["\${FLOW_TOKEN}"]
ingest: { max_in_flight: 2000000, max_body_bytes: 67108864 }
flows:
  - name: order
    failure_reasons: [limit_exceeded]
    steps:
      - { name: received, time_limit: 5s }
      - { name: risk_check, time_limit: 2s, next: [matched, rejected] }
      - { name: rejected, terminal: failure }
      - { name: matched, time_limit: 1m }
      - { name: cleared, time_limit: 10m }
      - { name: settled, terminal: success }
`;
const STEPS = ['received', 'risk_check', 'matched', 'cleared', 'settled'];

function trackerThroughput() {
  const config = parseConfigText(FLOWS, 'bench.yml', flowConfigSchema, { FLOW_TOKEN: 'x'.repeat(16) });
  const tracker = new FlowTracker(config.flows, { maxInFlight: 2_000_000, rememberFinishedMs: 600_000 });
  const events = [];
  const t0 = Date.now();
  for (let i = 0; i < 200_000; i++)
    for (let s = 0; s < STEPS.length; s++)
      events.push({
        instance: `ORD-${i}`,
        flow: 'order',
        step: STEPS[s],
        outcome: 'ok',
        time: t0 + i + s * 10,
      });
  const started = process.hrtime.bigint();
  for (const e of events) tracker.ingest(e);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events.length / seconds;
}

async function main() {
  const eventsPerSecond = trackerThroughput();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-flow-bench-'));
  writeFileSync(path.join(dir, 'flows.yml'), FLOWS);
  const port = await freePort();
  const child = spawn(
    path.join(__dirname, '..', 'bin', 'opsdesk-flow-exporter.js'),
    ['--config', path.join(dir, 'flows.yml'), '--listen', `127.0.0.1:${port}`, '--log-level', 'warn'],
    { env: { ...process.env, FLOW_TOKEN: 'flow-bench-token-0123456789' }, stdio: 'ignore' },
  );
  try {
    await waitReady(`http://127.0.0.1:${port}/-/ready`, { child });
    // 1 000 000 instances left in flight, spread over the steps, sent as NDJSON batches
    const now = Date.now();
    const batch = 20_000;
    const ingestStarted = Date.now();
    for (let i = 0; i < INSTANCES; i += batch) {
      let body = '';
      for (let j = i; j < Math.min(INSTANCES, i + batch); j++) {
        const step = STEPS[j % 4];
        body += `{"instance":"ORD-${j}","flow":"order","step":"${step}","time":${now - (j % 600) * 1000}}\n`;
      }
      const r = await request(port, 'POST', '/api/v1/events', body);
      if (r.status !== 200) throw new Error(`ingest → ${r.status}`);
    }
    const ingestSeconds = (Date.now() - ingestStarted) / 1000;
    const lat = [];
    for (let i = 0; i < 50; i++) lat.push((await request(port, 'GET', '/metrics')).ms);
    lat.sort((a, b) => a - b);
    const rss = rssMb(child.pid);
    console.log(`\nFlow exporter benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${machine()}\n`);
    console.log(
      `tracker, one core:                    ${Math.round(eventsPerSecond).toLocaleString('en')} events/s (target ≥ 100 000)`,
    );
    console.log(
      `HTTP ingest of ${INSTANCES.toLocaleString('en')} events in NDJSON batches of ${batch}: ${Math.round(INSTANCES / ingestSeconds).toLocaleString('en')} events/s`,
    );
    console.log(
      `RSS with ${INSTANCES.toLocaleString('en')} in flight:        ${rss.toFixed(0)} MB (target ≤ 300 MB)`,
    );
    console.log(
      `/metrics at that size: p50 ${lat[Math.floor(lat.length / 2)].toFixed(1)} ms, p99 ${lat[Math.floor(lat.length * 0.99)].toFixed(1)} ms (target p99 < 100 ms)`,
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
