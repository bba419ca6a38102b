// `npm start`'s records for the domains that hold no live feed of their own: once the stack is up,
// the demo host's Trivy report is imported, the daily inspection is run and signed, a real restic backup and restore test of a small data
// set run through opsdesk-backup, and a patch plan for the demo host moves through its gates. Every
// record goes through the server's API, as a team's own tools would write it; a restart imports the
// same report again (nothing changes: findings are deduplicated) and adds one more backup run.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const SERVER = 'http://localhost:9744';
const DEMO_HOST = 'localhost:9741';
const PLAN_TITLE = 'Demo: security updates of the demo host';

/** A request to the server; resolves with { status, body } and never throws on an HTTP status. */
async function call(token, method, url, body) {
  const res = await fetch(`${SERVER}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** The error message of a refused request, for the log. */
const why = (r) => (r.body && r.body.error ? r.body.error.message : `HTTP ${r.status}`);

/**
 * A token kept in data/run/<file> (created once, replaced when the server no longer knows it).
 * The approver's token is named after the person (zhao.liu): a patch plan is approved by a person
 * acting as themselves, never by a shared token (docs/patches.md, four eyes).
 */
async function keptToken(run, adminToken, file, spec) {
  const at = path.join(run, file);
  if (existsSync(at)) {
    const kept = readFileSync(at, 'utf8').trim();
    const check = await call(kept, 'GET', '/api/v1/backups/policies');
    if (check.status !== 401) return at;
  }
  // a name the server already has (a token from an earlier database) gets a suffix
  let created = await call(adminToken, 'POST', '/api/v1/tokens', spec);
  if (created.status === 409)
    created = await call(adminToken, 'POST', '/api/v1/tokens', {
      ...spec,
      name: `${spec.name}-${Date.now()}`,
    });
  if (created.status !== 201) throw new Error(`cannot create the token ${spec.name}: ${why(created)}`);
  writeFileSync(at, created.body.token, { mode: 0o600 });
  return at;
}

async function importTrivyReport(root, adminToken, log) {
  const report = JSON.parse(readFileSync(path.join(root, 'demo', 'fixtures', 'trivy-demo.json'), 'utf8'));
  const r = await call(adminToken, 'POST', '/api/v1/vulnerabilities/imports', {
    scanner: 'trivy',
    asset: DEMO_HOST,
    report,
  });
  if (r.status !== 201 && r.status !== 200) return log(`vulnerability import refused: ${why(r)}`);
  const i = r.body.import;
  log(
    `imported the demo host's Trivy report: ${i.created} new findings, ${i.unchanged} unchanged (Vulnerabilities page)`,
  );
}

async function backupAndRestoreTest(root, run, adminToken, log) {
  const tokenFile = await keptToken(run, adminToken, 'backup-ingest-token', {
    name: 'demo-backup-host',
    role: 'editor',
    scope: 'backups:ingest',
  });
  const { runBackupDemo } = require('@opsdesk/backup-agent');
  const result = await runBackupDemo({ root, serverUrl: SERVER, tokenFile, policy: 'demo-files', log });
  if (result.skipped) return undefined;
  const runs = await call(adminToken, 'GET', '/api/v1/backups/runs?policy=demo-files&limit=1');
  return runs.body.runs && runs.body.runs[0];
}

/**
 * Waits (bounded: 3 min) until the server has collected the demo host through Prometheus, whose first
 * scrape and the exporter's first package check come after the server starts; its pending list.
 */
async function collectedHost(adminToken) {
  for (let i = 0; i < 90; i++) {
    await call(adminToken, 'POST', '/api/v1/patches/collect');
    const r = await call(adminToken, 'GET', `/api/v1/patches/hosts/${encodeURIComponent(DEMO_HOST)}`);
    if (r.status === 200 && r.body.host.collectedAt) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return undefined;
}

async function patchPlan(run, adminToken, backupRun, log) {
  const existing = await call(adminToken, 'GET', '/api/v1/patches/plans?limit=200');
  if ((existing.body.plans || []).some((p) => p.title === PLAN_TITLE)) return;
  const host = await collectedHost(adminToken);
  if (!host) return log(`patch plan skipped: the server has not collected ${DEMO_HOST} (is Prometheus up?)`);
  const pending = host.packages.filter((p) => p.security).concat(host.packages);
  const packages = pending.length ? [pending[0].name] : [];
  if (!packages.length) return log(`patch plan skipped: ${DEMO_HOST} has no pending package`);
  const approverFile = await keptToken(run, adminToken, 'demo-approver-token', {
    name: 'zhao.liu',
    role: 'editor',
  });
  const approver = readFileSync(approverFile, 'utf8').trim();
  const created = await call(adminToken, 'POST', '/api/v1/patches/plans', {
    title: PLAN_TITLE,
    hostGroup: 'demo-hosts',
    packages,
    postInstallChecks: [
      { name: 'host exporter up', expr: `up{instance="${DEMO_HOST}"} == 1`, expect: 'non_empty' },
    ],
  });
  if (created.status !== 201) return log(`patch plan refused: ${why(created)}`);
  const id = created.body.id;
  const now = Date.now();
  const steps = [
    [
      adminToken,
      'test',
      { testHosts: [DEMO_HOST], result: 'passed', evidence: 'installed on the demo host first' },
    ],
    [approver, 'approve', { approver: 'zhao.liu' }],
    [
      adminToken,
      'schedule',
      { start: new Date(now).toISOString(), end: new Date(now + 2 * 3_600_000).toISOString() },
    ],
    [
      adminToken,
      'install',
      backupRun
        ? {
            backup: { backupRunId: backupRun.id },
            notes: 'the demo records the install; nothing is installed',
          }
        : { backup: { tool: 'restic', snapshotId: 'none' }, notes: 'no demo backup ran (restic missing)' },
    ],
    // refused while the host still reports the package pending: the demo installs nothing
    [adminToken, 'verify', {}],
  ];
  for (const [token, action, body] of steps) {
    const r = await call(token, 'POST', `/api/v1/patches/plans/${id}/${action}`, body);
    if (r.status >= 300) {
      log(`patch plan ${created.body.number}: ${action} refused, as its gate says: ${why(r)}`);
      return;
    }
  }
  log(`patch plan ${created.body.number} went through every gate`);
}

/**
 * The demo daily inspection (巡检), run once per start against the running stack: it waits (bounded:
 * 2 min) until Prometheus has scraped the host exporter twice (a rate needs two samples), so the
 * metric items hold real values; li.si
 * records the manual items and signs as the inspector (巡检人), zhao.liu reviews and signs (复核人),
 * which completes the run and stores its HTML, PDF and Excel reports. A schedule runs it at 08:30 on
 * the working days of the 5x8 service calendar from then on.
 */
async function dailyInspection(root, run, adminToken, log) {
  for (let i = 0; ; i++) {
    const r = await fetch(
      `http://localhost:9090/api/v1/query?query=${encodeURIComponent('rate(opsdesk_host_cpu_seconds_total[5m])')}`,
    )
      .then((res) => res.json())
      .catch(() => undefined);
    if (r && r.data && r.data.result && r.data.result.length) break;
    if (i >= 60)
      return log('daily inspection skipped: Prometheus has not scraped the host exporter (is it up?)');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const inspector = readFileSync(
    await keptToken(run, adminToken, 'demo-inspector-token', { name: 'li.si', role: 'editor' }),
    'utf8',
  ).trim();
  const reviewer = readFileSync(
    await keptToken(run, adminToken, 'demo-approver-token', { name: 'zhao.liu', role: 'editor' }),
    'utf8',
  ).trim();
  const schedules = await call(adminToken, 'GET', '/api/v1/inspections/schedules');
  if (
    schedules.status === 200 &&
    !(schedules.body.schedules || []).some((x) => x.name === 'daily-trading-0830')
  ) {
    const created = await call(adminToken, 'POST', '/api/v1/inspections/schedules', {
      name: 'daily-trading-0830',
      template: 'daily-trading',
      calendar: '5x8',
      times: ['08:30'],
      days: 'working',
      inspector: 'li.si',
      reviewer: 'zhao.liu',
    });
    if (created.status >= 300) log(`inspection schedule refused: ${why(created)}`);
  }
  const started = await call(inspector, 'POST', '/api/v1/inspections/runs', {
    template: 'daily-trading',
    inspector: 'li.si',
    reviewer: 'zhao.liu',
  });
  if (started.status !== 201) return log(`daily inspection refused: ${why(started)}`);
  const r = started.body;
  for (const item of r.items.filter((i) => i.kind === 'manual')) {
    const done = await call(inspector, 'POST', `/api/v1/inspections/runs/${r.id}/items/${item.key}`, {
      result: 'normal',
      note: '演示：已人工核查',
      ...(item.evidenceRequired
        ? { evidence: [{ name: '演示记录', url: 'https://example.com/demo-evidence' }] }
        : {}),
    });
    if (done.status !== 200) return log(`daily inspection ${r.number}: ${item.key} refused: ${why(done)}`);
  }
  for (const [token, role] of [
    [inspector, 'inspector'],
    [reviewer, 'reviewer'],
  ]) {
    const signed = await call(token, 'POST', `/api/v1/inspections/runs/${r.id}/sign`, { role });
    if (signed.status !== 200)
      return log(`daily inspection ${r.number}: the ${role} could not sign: ${why(signed)}`);
  }
  const s = r.summary;
  log(
    `daily inspection ${r.number} signed: ${s.normal} normal, ${s.warning} warning, ${s.critical} critical, ${s.error} error of ${s.total} items; ` +
      `report ${SERVER}/api/v1/inspections/runs/${r.number}/report.pdf (and .xlsx, .html; Inspections page)`,
  );
}

/** Seeds the demo's records; each part on its own, so one that fails does not hold up the others. */
async function seedDemoRecords({ root, run, adminToken, log }) {
  const parts = [
    ['vulnerabilities', () => importTrivyReport(root, adminToken, log)],
    ['daily inspection', () => dailyInspection(root, run, adminToken, log)],
    [
      'backups and patch plan',
      async () => patchPlan(run, adminToken, await backupAndRestoreTest(root, run, adminToken, log), log),
    ],
  ];
  for (const [name, part] of parts) await part().catch((err) => log(`demo ${name}: ${err.message}`));
}

module.exports = { seedDemoRecords };
