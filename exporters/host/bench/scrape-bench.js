#!/usr/bin/env node
// Scrape benchmark: this exporter against prometheus-node-exporter with the equivalent
// collectors, side by side in one run. Prints latency p50/p99 at concurrency 1 and 10, CPU
// seconds per 1000 scrapes, RSS after warm-up, and the ratio ours / node_exporter.
//   npm run bench -w exporters/host          (BENCH_SCRAPES=1000 by default)
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync, writeFileSync, rmSync } = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { cpuSeconds, freePort, machineSummary, rssBytes, waitReady } = require('@opsdesk/testing');

const SCRAPES = Number(process.env.BENCH_SCRAPES || 1000);
const WARMUP = 200;
const COLLECTORS = ['cpu', 'meminfo', 'diskstats', 'filesystem', 'netdev', 'loadavg', 'pressure', 'stat'];
const NODE_EXPORTER = process.env.NODE_EXPORTER || 'prometheus-node-exporter';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function scrape(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Prometheus asks for gzip; both exporters compress when asked.
    http
      .get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        res.on('data', () => undefined);
        res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
      })
      .on('error', reject);
  });
}

async function load(url, total, concurrency) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      latencies.push(await scrape(url));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { p50: q(0.5), p99: q(0.99) };
}

async function measure(target, concurrency) {
  const cpuBefore = cpuSeconds(target.pid);
  const lat = await load(target.url, SCRAPES, concurrency);
  const cpu = ((cpuSeconds(target.pid) - cpuBefore) * 1000) / SCRAPES;
  return { ...lat, cpuPer1000: cpu };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-bench-'));
  const config = path.join(dir, 'host.yml');
  const disabled = ['filefd', 'timesync', 'inventory', 'patches', 'systemd'];
  writeFileSync(config, `collectors:\n${disabled.map((c) => `  ${c}: { enabled: false }`).join('\n')}\n`);

  const ourPort = await freePort();
  const nodePort = await freePort();
  const ours = spawn(
    path.join(__dirname, '..', 'bin', 'opsdesk-host-exporter.js'),
    ['--config', config, '--listen', `127.0.0.1:${ourPort}`, '--log-level', 'warn'],
    { stdio: 'ignore' },
  );
  const peer = spawn(
    NODE_EXPORTER,
    [
      `--web.listen-address=127.0.0.1:${nodePort}`,
      '--collector.disable-defaults',
      ...COLLECTORS.map((c) => `--collector.${c}`),
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  const stopAll = () => {
    ours.kill('SIGTERM');
    peer.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stopAll);
  try {
    const targets = [
      { name: 'opsdesk-host-exporter', pid: ours.pid, url: `http://127.0.0.1:${ourPort}/metrics` },
      { name: 'node_exporter', pid: peer.pid, url: `http://127.0.0.1:${nodePort}/metrics` },
    ];
    await waitReady(targets[0].url, { child: ours });
    await waitReady(targets[1].url, { child: peer });
    const nodeVersion = execFileSync(NODE_EXPORTER, ['--version'], { encoding: 'utf8' }).split('\n')[0];

    for (const t of targets) await load(t.url, WARMUP, 4);
    const rss = targets.map((t) => rssBytes(t.pid));
    const results = {};
    // Alternate the two exporters so drift on the machine hits both alike.
    for (const concurrency of [1, 10]) {
      for (const t of targets) results[`${t.name}@${concurrency}`] = await measure(t, concurrency);
    }
    const rssAfter = targets.map((t) => rssBytes(t.pid));

    const fmt = (n, d = 2) => n.toFixed(d);
    console.log(`\nHost exporter scrape benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${machineSummary()}`);
    console.log(
      `peer: ${nodeVersion}; collectors: ${COLLECTORS.join(', ')}; ${SCRAPES} scrapes per run, gzip, keep-alive\n`,
    );
    const rows = [];
    for (const concurrency of [1, 10]) {
      const a = results[`opsdesk-host-exporter@${concurrency}`];
      const b = results[`node_exporter@${concurrency}`];
      rows.push([`p50 latency ms, c=${concurrency}`, a.p50, b.p50]);
      rows.push([`p99 latency ms, c=${concurrency}`, a.p99, b.p99]);
      rows.push([`CPU s / 1000 scrapes, c=${concurrency}`, a.cpuPer1000, b.cpuPer1000]);
    }
    rows.push(['RSS MB after warm-up', rss[0] / 2 ** 20, rss[1] / 2 ** 20]);
    rows.push(['RSS MB after the run', rssAfter[0] / 2 ** 20, rssAfter[1] / 2 ** 20]);
    console.log(
      `${'figure'.padEnd(30)} ${'ours'.padStart(10)} ${'node_exp'.padStart(10)} ${'ours/node'.padStart(10)}`,
    );
    for (const [label, a, b] of rows) {
      console.log(
        `${label.padEnd(30)} ${fmt(a).padStart(10)} ${fmt(b).padStart(10)} ${fmt(a / b).padStart(10)}`,
      );
    }
    const c1 = [results['opsdesk-host-exporter@1'], results['node_exporter@1']];
    const c10 = [results['opsdesk-host-exporter@10'], results['node_exporter@10']];
    const checks = [
      ['p50 ≤ 1.0× node_exporter (c=1 and c=10)', c1[0].p50 <= c1[1].p50 && c10[0].p50 <= c10[1].p50],
      ['p99 ≤ 2× node_exporter (c=1 and c=10)', c1[0].p99 <= 2 * c1[1].p99 && c10[0].p99 <= 2 * c10[1].p99],
      ['CPU per scrape ≤ 1.5× node_exporter (c=1)', c1[0].cpuPer1000 <= 1.5 * c1[1].cpuPer1000],
      ['RSS ≤ 60 MB', Math.max(rss[0], rssAfter[0]) <= 60 * 2 ** 20],
    ];
    console.log('\ntargets:');
    for (const [label, ok] of checks) console.log(`  ${ok ? 'met ' : 'MISS'}  ${label}`);
  } finally {
    stopAll();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
