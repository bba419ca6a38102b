#!/usr/bin/env node
// `npm start`: runs every OpsDesk component that exists in this checkout, natively, with its
// example config, plus Prometheus and Alertmanager when they are on PATH (with the provisioning
// files rewritten for localhost), and stops them all on Ctrl-C. (`npm start` has already built.)
// The server runs with the demo's channels, people and rosters (demo/server.demo.yml): two local
// stand-ins for WeCom group robots receive its notifications and print one line per message.
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync, accessSync, constants } = require('node:fs');
const path = require('node:path');
// built by `npm start` before this runs (lib/ is below scripts/, so scripts may import it)
const { startRobot, waitReady } = require('@opsdesk/testing');
const { localAlertmanagerConfig } = require('./local-alertmanager');
const { forLocalhost, localPrometheusConfig } = require('./local-provisioning');
const { seedDemoRecords } = require('./demo-records');

const root = path.join(__dirname, '..');
const run = path.join(root, 'data', 'run');
mkdirSync(run, { recursive: true });
const adminToken = process.env.OPSDESK_BOOTSTRAP_TOKEN ?? 'opsdesk-local-admin-token';
const flowToken = process.env.OPSDESK_FLOW_TOKEN ?? 'opsdesk-local-flow-token';
const transferToken = process.env.OPSDESK_TRANSFER_TOKEN ?? 'opsdesk-local-transfer-token';

function onPath(names) {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      try {
        accessSync(path.join(dir, name), constants.X_OK);
        return path.join(dir, name);
      } catch {
        // keep looking
      }
    }
  }
  return undefined;
}

// the server config with the demo's channels, people, roster and escalation policies, when the demo is built
const demoConfigModule = path.join(root, 'demo/dist/server-config.js');
const demoConfig = existsSync(demoConfigModule) ? require(demoConfigModule) : undefined;
if (demoConfig) writeFileSync(path.join(run, 'server.yml'), demoConfig.demoServerConfig(root));
const robots = [];

/**
 * Local stand-ins for the demo's two WeCom group robots (lib/testing: they check each request as
 * WeCom documents it and answer as WeCom does); each accepted message is one line of the log.
 */
async function startDemoRobots(c) {
  for (const [channel, label] of [
    ['team', '团队群'],
    ['oncall', '值班群'],
  ]) {
    const robot = await startRobot({
      platform: 'wecom',
      log: (line) => console.log(`opsdesk demo robot ${channel} (${label}) ${line}`),
    });
    robots.push({ channel, robot });
    c.env[demoConfig.DEMO_ROBOT_ENV[channel]] = robot.url;
  }
}

const components = [
  {
    name: 'host exporter',
    command: path.join(root, 'exporters/host/bin/opsdesk-host-exporter.js'),
    args: ['--config', 'exporters/host/host.example.yml'],
    url: 'http://localhost:9741/metrics',
    exists: existsSync(path.join(root, 'exporters/host/bin/opsdesk-host-exporter.js')),
  },
  {
    name: 'transfer exporter',
    command: path.join(root, 'exporters/transfer/bin/opsdesk-transfer-exporter.js'),
    args: ['--config', 'exporters/transfer/channels.example.yml'],
    url: 'http://localhost:9742/api/v1/channels',
    ready: 'http://localhost:9742/-/ready',
    env: { OPSDESK_TRANSFER_TOKEN: transferToken },
    exists: existsSync(path.join(root, 'exporters/transfer/bin/opsdesk-transfer-exporter.js')),
  },
  {
    name: 'flow exporter',
    command: path.join(root, 'exporters/flow/bin/opsdesk-flow-exporter.js'),
    args: ['--config', 'exporters/flow/flows.example.yml'],
    url: 'http://localhost:9743/api/v1/flows',
    ready: 'http://localhost:9743/-/ready',
    env: { OPSDESK_FLOW_TOKEN: flowToken },
    exists: existsSync(path.join(root, 'exporters/flow/bin/opsdesk-flow-exporter.js')),
  },
  {
    name: 'server',
    command: process.execPath,
    args: [
      'server/bin/opsdesk-server.js',
      '--config',
      demoConfig ? path.join(run, 'server.yml') : 'server/server.example.yml',
      '--database',
      'data/opsdesk.db',
    ],
    url: 'http://localhost:9744/api/v1/openapi.json',
    ready: 'http://localhost:9744/-/ready',
    env: { OPSDESK_BOOTSTRAP_TOKEN: adminToken },
    // the demo robots' addresses, set once they listen
    before: demoConfig ? startDemoRobots : undefined,
    exists: existsSync(path.join(root, 'server/bin/opsdesk-server.js')),
  },
  {
    name: 'demo',
    command: process.execPath,
    args: [
      'demo/bin/opsdesk-demo.js',
      '--flow-exporter',
      'http://localhost:9743',
      '--orders-db',
      'data/demo/orders.db',
    ],
    url: 'http://localhost:9750/faults',
    env: { OPSDESK_FLOW_TOKEN: flowToken, OPSDESK_TRANSFER_TOKEN: transferToken },
    // the alert_storm fault posts to the server's webhook with an editor token of its own
    before: async (c) => {
      c.env.OPSDESK_DEMO_SERVER_TOKEN = await ensureToken('demo-token', 'demo');
    },
    exists: existsSync(path.join(root, 'demo/bin/opsdesk-demo.js')),
  },
];

const prometheus = onPath(['prometheus']);
if (prometheus) {
  writeFileSync(path.join(run, 'prometheus.yml'), localPrometheusConfig(root));
  components.push({
    name: 'prometheus',
    command: prometheus,
    args: [
      `--config.file=${path.join(run, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(root, 'data', 'prometheus')}`,
      '--web.listen-address=:9090',
      '--log.level=warn',
    ],
    url: 'http://localhost:9090',
    exists: true,
  });
}

const alertmanager = onPath(['prometheus-alertmanager', 'alertmanager']);
if (alertmanager) {
  // receivers may only point at what runs here: the IM slots (im-bridge) are emptied
  const { text, dropped } = localAlertmanagerConfig(
    forLocalhost(readFileSync(path.join(root, 'provisioning/alertmanager/alertmanager.yml'), 'utf8')),
    {
      token: path.join(run, 'alertmanager-token'),
      templates: path.join(root, 'provisioning/alertmanager/templates/*.tmpl'),
    },
  );
  writeFileSync(path.join(run, 'alertmanager.yml'), text);
  for (const d of dropped)
    console.log(
      `opsdesk: Alertmanager receiver ${d.receiver} sends nowhere here (${d.url || d.kind} does not run with npm start); data/run/alertmanager.yml says so`,
    );
  components.push({
    name: 'alertmanager',
    command: alertmanager,
    args: [
      `--config.file=${path.join(run, 'alertmanager.yml')}`,
      `--storage.path=${path.join(root, 'data', 'alertmanager')}`,
      '--web.listen-address=:9093',
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    url: 'http://localhost:9093',
    // the server's receivers and its bridge take an editor token from this file
    before: () => ensureToken('alertmanager-token', 'alertmanager'),
    exists: true,
  });
}

/**
 * An editor token on the server (Alertmanager's receivers, the demo's alert storm), created once and
 * kept in data/run/<file>. A kept token the server no longer knows (data/opsdesk.db deleted to
 * start the demo afresh) is replaced: Alertmanager would otherwise get 401 from every receiver.
 */
async function ensureToken(file, name) {
  const at = path.join(run, file);
  if (existsSync(at)) {
    const kept = readFileSync(at, 'utf8').trim();
    const check = await fetch('http://localhost:9744/api/v1/incidents?limit=1', {
      headers: { authorization: `Bearer ${kept}` },
    });
    if (check.status !== 401) return kept;
    console.log(`the ${name} token in ${at} is unknown to the server (a new database): creating another`);
  }
  const res = await fetch('http://localhost:9744/api/v1/tokens', {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${name}-local-${Date.now()}`, role: 'editor' }),
  });
  if (!res.ok) throw new Error(`cannot create the ${name} token: ${res.status} ${await res.text()}`);
  const { token } = await res.json();
  writeFileSync(at, token, { mode: 0o600 });
  return token;
}

let stopping = false;
const children = [];
function stop(code) {
  if (stopping) return;
  stopping = true;
  let left = children.filter((c) => c.exitCode === null).length;
  if (left === 0) process.exit(code);
  for (const child of children) {
    if (child.exitCode !== null) continue;
    child.once('exit', () => {
      if (--left === 0) process.exit(code);
    });
    child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 10_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function main() {
  const started = [];
  for (const c of components.filter((x) => x.exists)) {
    c.env = { ...c.env };
    if (c.before) await c.before(c);
    const child = spawn(c.command, c.args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...c.env },
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`opsdesk: ${c.name} exited (${signal ?? code}); stopping the rest`);
        stop(code || 1);
      }
    });
    children.push(child);
    // a first start migrates the database and a busy machine starts node slowly: a minute, not 10 s
    if (c.ready) await waitReady(c.ready, { child, timeoutMs: 60_000 });
    started.push(c);
  }
  console.log('\nOpsDesk is running:');
  for (const c of started) console.log(`  ${c.name.padEnd(16)} ${c.url}`);
  for (const { channel, robot } of robots)
    console.log(
      `  ${`robot ${channel}`.padEnd(16)} ${robot.url} (a WeCom stand-in; each message it receives is logged)`,
    );
  if (robots.length)
    console.log(
      `\n  The demo's channels: curl -X PUT localhost:9750/faults -d '{"alert_storm":30}' opens 30 incidents; their\n` +
        `  messages reach robot team in Chinese, one per incident, at most 20 a minute ({"alert_storm":0} resolves them).`,
    );
  if (!process.env.OPSDESK_BOOTSTRAP_TOKEN) {
    console.log(
      '\n  server admin token (first start only): opsdesk-local-admin-token; set OPSDESK_BOOTSTRAP_TOKEN to choose your own',
    );
  }
  if (!prometheus)
    console.log(
      '\n  Prometheus is not on PATH (apt-get install prometheus); the exporters still serve /metrics.',
    );
  if (!alertmanager) console.log('  Alertmanager is not on PATH (apt-get install prometheus-alertmanager).');
  console.log(
    '\nExisting Grafana: add Prometheus at http://localhost:9090 (uid "prometheus") and install the app from grafana-app (docs/grafana-app.md).',
  );
  console.log('Ctrl-C stops everything.\n');
  // the records of the domains without a live feed (vulnerabilities, backups, patch plans), through the API
  if (demoConfig && started.some((c) => c.name === 'server'))
    await seedDemoRecords({ root, run, adminToken, log: (line) => console.log(`opsdesk demo: ${line}`) });
}

main().catch((err) => {
  console.error(`opsdesk: ${err.message}`);
  stop(1);
});
