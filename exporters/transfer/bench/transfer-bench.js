#!/usr/bin/env node
// Transfer exporter benchmark.   npm run bench -w exporters/transfer
//  1. ingest: events/s through POST /api/v1/events in NDJSON batches of 1000 (the exporter is one
//     Node process, so one core), with /metrics latency measured while it ingests ~10 000 series;
//  2. CPU per 1000 TCP and 1000 HTTP probes against prometheus-blackbox-exporter doing the same
//     probes in the same run, both against the same local target (a separate process).
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  cpuSeconds,
  freePort,
  machineSummary: machine,
  percentile,
  timedRequest: request,
  waitReady,
} = require('@opsdesk/testing');

const TOKEN = 'transfer-bench-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' };
const PARTICIPANTS = 115; // × 2 channels × 2 directions × ~22 series ≈ 10 000 series
const BATCHES = Number(process.env.BENCH_BATCHES || 2000); // × 1000 events
const PROBES = Number(process.env.BENCH_PROBES || 1000);
const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-transfer-exporter.js');

function config() {
  let y = `tokens: ["${TOKEN}"]\nparticipants:\n`;
  for (let p = 0; p < PARTICIPANTS; p++)
    y += `  - name: p${p}\n    channels:\n      - { name: api, kind: api, expect: { max_silence: 1m } }\n      - { name: gw, kind: gateway, expect: { max_silence: 1m } }\n`;
  return y;
}

function batch(n) {
  let body = '';
  for (let i = 0; i < 1000; i++) {
    const k = n * 1000 + i;
    body += `{"participant":"p${k % PARTICIPANTS}","channel":"${k % 3 ? 'api' : 'gw'}","direction":"${k % 2 ? 'in' : 'out'}","bytes":${200 + (k % 800)},"latency":${((k % 97) / 1000).toFixed(3)}${k % 50 ? '' : ',"outcome":"failed","reason":"timeout"'}}\n`;
  }
  return body;
}

async function ingest(dir) {
  writeFileSync(path.join(dir, 'channels.yml'), config());
  const port = await freePort();
  const child = spawn(
    BIN,
    ['--config', path.join(dir, 'channels.yml'), '--listen', `127.0.0.1:${port}`, '--log-level', 'warn'],
    {
      stdio: 'ignore',
    },
  );
  try {
    await waitReady(`http://127.0.0.1:${port}/-/ready`, { child });
    const bodies = Array.from({ length: 20 }, (_, i) => batch(i));
    // /metrics scraped every 100 ms while the batches go in
    const lat = [];
    let ingesting = true;
    const scraper = (async () => {
      while (ingesting) {
        lat.push((await request(port, 'GET', '/metrics')).ms);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = process.hrtime.bigint();
    for (let i = 0; i < BATCHES; i++) {
      const r = await request(port, 'POST', '/api/v1/events', bodies[i % bodies.length], AUTH);
      if (r.status !== 200) throw new Error(`ingest → ${r.status}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    ingesting = false;
    await scraper;
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const series = text.split('\n').filter((l) => l.startsWith('opsdesk_transfer_')).length;
    lat.sort((a, b) => a - b);
    return {
      eventsPerSecond: (BATCHES * 1000) / seconds,
      series,
      scrapes: lat.length,
      p50: percentile(lat, 0.5),
      p99: percentile(lat, 0.99),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** CPU seconds our probe code uses for PROBES probes of one kind, in a process of its own. */
function ourProbes(kind, target) {
  const script = `
    const { runProbe, probeSchema } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'index.js'))});
    const probe = probeSchema.parse(${JSON.stringify(kind === 'tcp' ? { kind, target } : { kind, url: `http://${target}/health` })});
    (async () => {
      for (let i = 0; i < 20; i++) await runProbe(probe); // warm up
      const before = process.cpuUsage();
      for (let i = 0; i < ${PROBES}; i++) {
        const r = await runProbe(probe);
        if (!r.ok) throw new Error(r.error);
      }
      const d = process.cpuUsage(before);
      console.log((d.user + d.system) / 1e6);
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

/** CPU seconds blackbox_exporter uses for PROBES /probe requests of one module. */
async function blackboxProbes(bb, module, target) {
  const q = `/probe?module=${module}&target=${encodeURIComponent(module === 'tcp_connect' ? target : `http://${target}/health`)}`;
  for (let i = 0; i < 20; i++) await request(bb.port, 'GET', q);
  const before = cpuSeconds(bb.pid);
  for (let i = 0; i < PROBES; i++) {
    const r = await request(bb.port, 'GET', q);
    if (r.status !== 200) throw new Error(`blackbox → ${r.status}`);
  }
  return cpuSeconds(bb.pid) - before;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-transfer-bench-'));
  const children = [];
  try {
    const ing = await ingest(dir);
    // the probes' target: a separate process, so neither side pays for it
    const targetPort = await freePort();
    children.push(
      spawn(
        process.execPath,
        [
          '-e',
          `require('node:http').createServer((q, s) => s.end('{"status":"UP"}')).listen(${targetPort}, '127.0.0.1')`,
        ],
        { stdio: 'ignore' },
      ),
    );
    await waitReady(`http://127.0.0.1:${targetPort}/health`);
    const target = `127.0.0.1:${targetPort}`;
    writeFileSync(
      path.join(dir, 'blackbox.yml'),
      'modules:\n  tcp_connect: { prober: tcp, timeout: 5s }\n  http_2xx: { prober: http, timeout: 5s }\n',
    );
    const bbPort = await freePort();
    const bbChild = spawn(
      'prometheus-blackbox-exporter',
      [`--config.file=${path.join(dir, 'blackbox.yml')}`, `--web.listen-address=127.0.0.1:${bbPort}`],
      { stdio: 'ignore' },
    );
    children.push(bbChild);
    await waitReady(`http://127.0.0.1:${bbPort}/metrics`, { child: bbChild });
    const bb = { port: bbPort, pid: bbChild.pid };
    const rows = [];
    for (const [kind, module] of [
      ['tcp', 'tcp_connect'],
      ['http', 'http_2xx'],
    ]) {
      const ours = ourProbes(kind, target);
      const theirs = await blackboxProbes(bb, module, target);
      rows.push({ kind, ours, theirs });
    }
    const bbVersion = spawnSync('prometheus-blackbox-exporter', ['--version'], { encoding: 'utf8' });
    console.log(`\nTransfer exporter benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${machine()}`);
    console.log(`peer: ${(bbVersion.stdout + bbVersion.stderr).split('\n')[0]}\n`);
    console.log(
      `ingest, NDJSON batches of 1000:  ${Math.round(ing.eventsPerSecond).toLocaleString('en')} events/s (target ≥ 200 000)`,
    );
    console.log(
      `/metrics during ingest (${ing.series.toLocaleString('en')} series, ${ing.scrapes} scrapes): p50 ${ing.p50.toFixed(1)} ms, p99 ${ing.p99.toFixed(1)} ms (target p99 < 100 ms)`,
    );
    for (const r of rows)
      console.log(
        `CPU per 1000 ${r.kind.toUpperCase()} probes: ${((r.ours * 1000) / PROBES).toFixed(3)} s vs blackbox_exporter ${((r.theirs * 1000) / PROBES).toFixed(3)} s → ratio ${(r.ours / r.theirs).toFixed(2)} (target ≤ 1.5)`,
      );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
