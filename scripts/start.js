#!/usr/bin/env node
// `npm start`: runs every OpsDesk component that exists in this checkout, natively, with its
// example config, and stops them all on Ctrl-C. (`npm start` has already built them.)
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const components = [
  {
    name: 'host exporter',
    bin: 'exporters/host/bin/opsdesk-host-exporter.js',
    args: ['--config', 'exporters/host/host.example.yml'],
    url: 'http://localhost:9741/metrics',
  },
  {
    name: 'server',
    bin: 'server/bin/opsdesk-server.js',
    args: ['--config', 'server/server.example.yml', '--database', 'data/opsdesk.db'],
    url: 'http://localhost:9744/api/v1/openapi.json',
    env: { OPSDESK_BOOTSTRAP_TOKEN: process.env.OPSDESK_BOOTSTRAP_TOKEN ?? 'opsdesk-local-admin-token' },
  },
].filter((c) => existsSync(path.join(root, c.bin)));

const children = components.map((c) => {
  const child = spawn(process.execPath, [c.bin, ...c.args], {
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
  return child;
});

console.log('\nOpsDesk is running:');
for (const c of components) console.log(`  ${c.name.padEnd(16)} ${c.url}`);
if (components.some((c) => c.name === 'server') && !process.env.OPSDESK_BOOTSTRAP_TOKEN) {
  console.log(
    '\n  server admin token (first start only): opsdesk-local-admin-token; set OPSDESK_BOOTSTRAP_TOKEN to choose your own',
  );
}
console.log(
  '\nPoint a Prometheus at these targets (see README "Run without Docker"). Ctrl-C stops everything.\n',
);

let stopping = false;
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
