#!/usr/bin/env node
// Measures the webhook body a real Alertmanager sends for one group of N alerts, to size the
// receiver's body limit (alertmanager.webhook_body_limit_bytes) from a measured worst case.
//
//   node server/bench/alertmanager-payload.js [N ...]      (default: 100 1000 5000)
//
// Each alert carries the labels a host alert has (alertname, severity, service, instance, job,
// env, …) and long annotations: a 200-character summary, a 4 KiB description and a runbook URL.
// Alertmanager (prometheus-alertmanager on PATH) groups them by alertname into one notification;
// a loopback HTTP server stands in for OpsDesk and records the size of each body it receives.
'use strict';
const { spawn } = require('node:child_process');
const http = require('node:http');
const { mkdtempSync, writeFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { freePort, waitReady } = require('@opsdesk/testing');

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const COUNTS = sizes.length ? sizes : [100, 1000, 5000];
const BIN = process.env.ALERTMANAGER ?? 'prometheus-alertmanager';

async function measure(n) {
  const dir = mkdtempSync(path.join(tmpdir(), 'am-payload-'));
  const [amPort, hookPort] = [await freePort(), await freePort()];
  let resolveBody;
  const got = new Promise((r) => (resolveBody = r));
  const hook = http
    .createServer((req, res) => {
      let bytes = 0;
      const chunks = [];
      req.on('data', (c) => {
        bytes += c.length;
        chunks.push(c);
      });
      req.on('end', () => {
        res.end('ok');
        const body = JSON.parse(Buffer.concat(chunks).toString());
        resolveBody({ bytes, alerts: body.alerts.length, truncated: body.truncatedAlerts });
      });
    })
    .listen(hookPort, '127.0.0.1');
  writeFileSync(
    path.join(dir, 'am.yml'),
    `route: {receiver: opsdesk, group_by: [alertname], group_wait: 15s, group_interval: 1m, repeat_interval: 1h}
receivers: [{name: opsdesk, webhook_configs: [{url: "http://127.0.0.1:${hookPort}/", send_resolved: true}]}]
`,
  );
  const am = spawn(
    BIN,
    [
      `--config.file=${path.join(dir, 'am.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: 'inherit' },
  );
  try {
    await waitReady(`http://127.0.0.1:${amPort}/-/ready`);
    const description = 'D'.repeat(4096);
    const alerts = Array.from({ length: n }, (_, i) => ({
      labels: {
        alertname: 'HostFilesystemFull',
        severity: 'critical',
        service: 'settlement',
        instance: `db-${String(i).padStart(5, '0')}.prod.example.internal:9741`,
        job: 'opsdesk-host',
        env: 'production',
        mountpoint: '/var/lib/postgresql',
        device: '/dev/mapper/vg0-data',
        fstype: 'xfs',
        team: 'ops',
      },
      annotations: {
        summary: 'S'.repeat(200),
        description,
        runbook_url:
          'https://git.example.internal/ops/opsdesk/-/blob/main/docs/runbooks.md#hostfilesystemfull',
      },
      generatorURL: `http://prometheus.example.internal:9090/graph?g0.expr=${'x'.repeat(300)}`,
    }));
    for (let i = 0; i < alerts.length; i += 500) {
      const res = await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts.slice(i, i + 500)),
      });
      if (!res.ok) throw new Error(`POST /api/v2/alerts: ${res.status} ${await res.text()}`);
    }
    const r = await Promise.race([
      got,
      new Promise((_, rej) => setTimeout(() => rej(new Error('no notification in 90 s')), 90_000)),
    ]);
    return r;
  } finally {
    await new Promise((r) => {
      am.once('exit', r);
      am.kill('SIGTERM');
    });
    hook.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  console.log('alerts\tbody bytes\tbytes/alert\tMiB');
  for (const n of COUNTS) {
    const r = await measure(n);
    console.log(
      `${r.alerts}\t${r.bytes}\t${Math.round(r.bytes / r.alerts)}\t${(r.bytes / 1048576).toFixed(2)}`,
    );
  }
  process.exit(0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
