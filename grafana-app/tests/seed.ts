/**
 * Test data for the browser suite, written through the server's API as a user's tools would
 * write it (the incident create route, transitions, comments, the Alertmanager webhook), never
 * with SQL: the rows, their SLA clocks and their timelines are what the server itself stores.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export interface ServerApi {
  url: string;
  token: string;
}

/** Attempts of one request the server's rate limit (http.rate_limit) may refuse before it fails. */
const RATE_LIMITED_ATTEMPTS = 20;

/**
 * One JSON request; any answer but the expected status fails, naming the call and the answer.
 * A 429 is waited out for its Retry-After and sent again, as a well-behaved client does: seeding
 * at full speed on a fast machine runs into the server's per-token rate limit (300/s by default).
 */
export async function call<T>(
  api: ServerApi,
  method: string,
  path: string,
  body?: unknown,
  status?: number
): Promise<T> {
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 429 || status === 429 || attempt === RATE_LIMITED_ATTEMPTS) break;
    await res.arrayBuffer();
    const wait = Number(res.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(wait) && wait > 0 ? wait : 1) * 1000));
  }
  const text = await res.text();
  if (status !== undefined ? res.status !== status : res.status >= 400) {
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs `task(i)` for i in [0, count), at most `concurrency` at a time; the first failure stops it. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const SERVICES = ['gateway', 'clearing', 'settlement'];
const MINUTE = 60_000;

/**
 * `count` closed incidents, ten minutes apart in the past: opened by hand, acknowledged, resolved
 * and closed (P3 and P4, which close without a review), every tenth with a comment. The server
 * takes requests from several clients at once, so they are sent `concurrency` at a time.
 */
export async function seedHistory(api: ServerApi, count: number, concurrency = 8): Promise<void> {
  const start = Date.now() - (count + 1) * 10 * MINUTE;
  await pool(count, concurrency, async (i) => {
    const at = new Date(start + i * 10 * MINUTE).toISOString();
    const inc = await call<{ number: string }>(
      api,
      'POST',
      '/api/v1/incidents',
      {
        title: `Historic incident ${i}`,
        severity: i % 2 ? 'P4' : 'P3',
        service: SERVICES[i % SERVICES.length],
        occurredAt: at,
        detectedAt: at,
      },
      201
    );
    const path = `/api/v1/incidents/${inc.number}`;
    await call(api, 'POST', `${path}/acknowledge`, {});
    if (i % 10 === 0) await call(api, 'POST', `${path}/comments`, { text: `Checked the ${SERVICES[i % 3]} logs` }, 201);
    await call(api, 'POST', `${path}/resolve`, { note: 'recovered' });
    await call(api, 'POST', `${path}/close`, {});
  });
}

/** One firing alert as Alertmanager's webhook (v4) sends it; answers the incident number. */
export async function fireAlert(
  api: ServerApi,
  alertname: string,
  opts: { annotations?: Record<string, string>; generatorURL?: string; truncatedAlerts?: number; service?: string }
): Promise<string> {
  const labels = { alertname, severity: 'warning', service: opts.service ?? 'gateway' };
  const res = await call<{ incident: string | null }>(api, 'POST', '/api/v1/alertmanager/webhook', {
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: opts.truncatedAlerts ?? 0,
    status: 'firing',
    receiver: 'opsdesk',
    groupLabels: { alertname },
    commonLabels: labels,
    commonAnnotations: opts.annotations ?? {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: opts.annotations ?? {},
        startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: opts.generatorURL ?? 'http://prometheus:9090/graph',
        fingerprint: createHash('sha256').update(alertname).digest('hex').slice(0, 16),
      },
    ],
  });
  if (!res.incident?.startsWith('INC-')) throw new Error(`the webhook opened no incident: ${JSON.stringify(res)}`);
  return res.incident;
}

/** A wall time of the roster's zone (Asia/Shanghai, UTC+8 all year) on a local date. */
const shanghai = (date: string, time: string) => `${date}T${time}:00+08:00`;

export interface OnCallSeed {
  /** the swap's two overrides: zhang.san takes li.si's Monday, li.si takes zhang.san's Tuesday */
  swap: Array<{ id: string; person: string; start: string }>;
  /** wang.wu covers the primary layer on Friday afternoon */
  override: { id: string; person: string; reason: string };
  /** the backup layer handed to li.si, with the incident open then */
  handover: { id: string; from: string | null; to: string; openIncidents: Array<{ number: string }> };
  incident: string;
}

/**
 * What the on-call page shows, written through the on-call routes as an Editor's tools would:
 * a swap and an override on the primary layer of `roster`, an open incident, and a handover of
 * the backup layer to li.si (the browser suite's Editor), which the handover route attaches the
 * open incidents to. `week` are the local dates of the roster's week, Monday first.
 */
export async function seedOnCall(api: ServerApi, roster: string, week: string[]): Promise<OnCallSeed> {
  const [monday, tuesday, , , friday] = week as [string, string, string, string, string];
  const swap = await call<{ overrides: Array<{ id: string; person: string; start: string }> }>(
    api,
    'POST',
    '/api/v1/oncall/swaps',
    {
      roster,
      layer: 'primary',
      a: { person: 'li.si', start: shanghai(monday, '12:00') },
      b: { person: 'zhang.san', start: shanghai(tuesday, '12:00') },
      reason: 'family visit',
    },
    201
  );
  const override = await call<{ id: string; person: string; reason: string }>(
    api,
    'POST',
    '/api/v1/oncall/overrides',
    {
      roster,
      layer: 'primary',
      person: 'wang.wu',
      start: shanghai(friday, '13:00'),
      end: shanghai(friday, '18:00'),
      reason: '病假 sick leave',
    },
    201
  );
  const incident = await call<{ number: string }>(
    api,
    'POST',
    '/api/v1/incidents',
    { title: 'Clearing batch late at handover', severity: 'P2', service: 'clearing' },
    201
  );
  const handover = await call<OnCallSeed['handover']>(
    api,
    'POST',
    '/api/v1/oncall/handovers',
    { roster, layer: 'backup', to: 'li.si', notes: 'Clearing batch still slow; watch the 16:00 run' },
    201
  );
  return { swap: swap.overrides, override, handover, incident: incident.number };
}

// ---- backups (issue 15): real restic and borg runs in temp folders, reported as opsdesk-backup reports them

/** A run as the server recorded it (GET /api/v1/backups/runs), the fields the page shows. */
export interface RecordedRun {
  id: string;
  policy: string;
  tool: string;
  result: string;
  snapshotId: string | null;
  bytesAdded: number | null;
  bytesProcessed: number | null;
  durationSeconds: number;
  exitCode: number;
}

export interface RecordedRestoreTest {
  id: string;
  policy: string;
  snapshotId: string | null;
  durationSeconds: number;
  result: string;
  rtoSeconds: number;
  rtoMet: boolean;
  verification: { result: string; command: string | null };
}

export interface BackupSeed {
  /** `failed`: the run with the wrong password, before `run` */
  restic: { run: RecordedRun; failed: RecordedRun & { message: string | null }; restoreTest: RecordedRestoreTest };
  /** the exit code opsdesk-backup itself exited with on the failed run */
  refusedExit: number;
  borg: { run: RecordedRun };
  /** what the repositories themselves list afterwards (restic snapshots --json, borg list --json) */
  repositories: { resticSnapshots: Array<{ id: string; shortId: string }>; borgArchives: string[] };
  /** the wall time of the whole opsdesk-backup restore-test (restore, verification, report) */
  measured: { restoreTestWallSeconds: number };
}

/** A few files of random content (so every backup adds data), with their SHA256SUMS beside them. */
function writeDataSet(dir: string): { files: number; bytes: number } {
  mkdirSync(path.join(dir, 'trades'), { recursive: true });
  const sums: string[] = [];
  let bytes = 0;
  const sizes = [64 * 1024, 200 * 1024, 1024 * 1024 + 17];
  sizes.forEach((size, i) => {
    const name = `trades/part-${i}.csv`;
    const data = randomBytes(size);
    writeFileSync(path.join(dir, name), data);
    sums.push(`${createHash('sha256').update(data).digest('hex')}  ${name}`);
    bytes += size;
  });
  writeFileSync(path.join(dir, 'SHA256SUMS'), sums.join('\n') + '\n');
  return { files: sizes.length + 1, bytes: bytes + Buffer.byteLength(sums.join('\n') + '\n') };
}

/**
 * Runs a program to its end; its exit code, output and the wall time it took (the measured
 * duration). Asynchronous on purpose: a synchronous spawn blocks the event loop for the whole
 * backup, so the keep-alive socket of the previous request never sees the server close it after
 * its idle timeout, and the next fetch is sent on a dead socket ("other side closed").
 */
function runProgram(
  command: string,
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {}
): Promise<{ status: number; stdout: string; stderr: string; startedAt: Date; finishedAt: Date; seconds: number }> {
  const startedAt = new Date();
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...opts.env }, cwd: opts.cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const stderr = Buffer.concat(err).toString('utf8') + (signal ? `\n(killed by ${signal})` : '');
      resolve({
        status: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
        startedAt,
        finishedAt: new Date(),
        seconds,
      });
    });
  });
}

async function mustRun(...a: Parameters<typeof runProgram>) {
  const r = await runProgram(...a);
  if (r.status !== 0) throw new Error(`${a[0]} ${a[1].join(' ')} exited ${r.status}: ${r.stderr.slice(0, 1000)}`);
  return r;
}

const BACKUP_CLI = path.join(__dirname, '..', '..', 'tools', 'backup', 'bin', 'opsdesk-backup.js');

/**
 * A real restic backup and restore test of a small data set in `dir`, and a real borg backup of
 * it, each run through opsdesk-backup (tools/backup, as a backup host runs it: restic backup
 * --json, restic restore into a scratch folder verified by sha256sum -c there, borg create
 * --json) with an ingest-scoped token; answers what the server recorded and what the
 * repositories themselves list.
 */
export async function seedBackups(
  api: ServerApi,
  dir: string,
  policies: { restic: string; borg: string }
): Promise<BackupSeed> {
  const { token } = await call<{ token: string }>(
    api,
    'POST',
    '/api/v1/tokens',
    { name: `backup-ingest-${Date.now()}`, role: 'editor', scope: 'backups:ingest' },
    201
  );
  const tokenFile = path.join(dir, 'ingest.token');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  const data = path.join(dir, 'data');
  writeDataSet(data);
  const host = hostname();
  const cli = (args: string[], env: Record<string, string>) =>
    mustRun(
      process.execPath,
      [BACKUP_CLI, '--server', api.url, '--token-file', tokenFile, '--spool', path.join(dir, 'spool'), ...args],
      { env }
    );

  // restic
  const repo = path.join(dir, 'restic-repo');
  const env = {
    RESTIC_PASSWORD: 'browser-test-restic',
    RESTIC_REPOSITORY: repo,
    RESTIC_CACHE_DIR: path.join(dir, 'restic-cache'),
  };
  await mustRun('restic', ['init'], { env });
  // first a run with the wrong password: restic refuses the repository, opsdesk-backup reports a
  // failed run and exits with restic's own code
  const backupArgs = ['run', '--policy', policies.restic, '--', 'restic', 'backup', '--json', '--host', host, data];
  const refused = await runProgram(
    process.execPath,
    [BACKUP_CLI, '--server', api.url, '--token-file', tokenFile, '--spool', path.join(dir, 'spool'), ...backupArgs],
    { env: { ...env, RESTIC_PASSWORD: 'not-the-password' } }
  );
  if (refused.status === 0) throw new Error('restic with the wrong password: opsdesk-backup exited 0');
  await cli(backupArgs, env);
  const [run, failed, ...moreRuns] = (await runsOf(api, policies.restic)).runs;
  if (!run?.snapshotId || !failed || moreRuns.length)
    throw new Error(`expected a good and a failed restic run: ${JSON.stringify([run, failed])}`);
  const scratch = path.join(dir, 'restore-scratch');
  // restic restores the absolute path under the target; the data set's own SHA256SUMS checks it there
  const restored = path.join(scratch, data);
  const restore = await cli(
    [
      'restore-test',
      '--policy',
      policies.restic,
      '--snapshot',
      run.snapshotId,
      '--target',
      scratch,
      '--verify',
      'sh',
      '-c',
      'cd "$1" && sha256sum -c SHA256SUMS',
      'verify',
      restored,
      '--',
      'restic',
      'restore',
      run.snapshotId,
      '--target',
      scratch,
    ],
    env
  );
  const [restoreTest] = (
    await call<{ restoreTests: RecordedRestoreTest[] }>(
      api,
      'GET',
      `/api/v1/backups/restore-tests?policy=${encodeURIComponent(policies.restic)}`
    )
  ).restoreTests;
  if (!restoreTest) throw new Error('the server lists no restore test after opsdesk-backup restore-test');

  // borg
  const borgRepo = path.join(dir, 'borg-repo');
  const borgEnv = {
    BORG_PASSPHRASE: 'browser-test-borg',
    BORG_BASE_DIR: path.join(dir, 'borg-home'),
  };
  await mustRun('borg', ['init', '--encryption=repokey', borgRepo], { env: borgEnv });
  const archive = `${host}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await cli(
    ['run', '--policy', policies.borg, '--', 'borg', 'create', '--json', `${borgRepo}::${archive}`, data],
    borgEnv
  );
  const [borgRun] = (await runsOf(api, policies.borg)).runs;
  if (!borgRun) throw new Error('the server lists no borg run after opsdesk-backup run');

  const snapshots = JSON.parse((await mustRun('restic', ['snapshots', '--json'], { env })).stdout) as Array<{
    id: string;
    short_id: string;
  }>;
  const archives = JSON.parse((await mustRun('borg', ['list', '--json', borgRepo], { env: borgEnv })).stdout) as {
    archives: Array<{ name: string }>;
  };
  return {
    repositories: {
      resticSnapshots: snapshots.map((x) => ({ id: x.id, shortId: x.short_id })),
      borgArchives: archives.archives.map((a) => a.name),
    },
    measured: { restoreTestWallSeconds: restore.seconds },
    restic: { run, failed, restoreTest },
    refusedExit: refused.status,
    borg: { run: borgRun },
  };
}

const runsOf = (api: ServerApi, policy: string) =>
  call<{ runs: RecordedRun[] }>(api, 'GET', `/api/v1/backups/runs?policy=${encodeURIComponent(policy)}`);

/** What POST /api/v1/vulnerabilities/imports answers in `import` (the counts the page shows). */
export interface ImportSeed {
  id: string;
  scanner: string;
  asset: string;
  created: number;
  updated: number;
  unchanged: number;
  awaitingVerification: number;
  reopened: number;
}

/** A patch plan created through the API (draft), as an Editor's form would. */
export async function seedPatchPlan(
  api: ServerApi,
  plan: { title: string; hosts?: string[]; hostGroup?: string; packages?: string[]; advisories?: string[] }
): Promise<{ id: string; number: string; state: string }> {
  return call(api, 'POST', '/api/v1/patches/plans', plan, 201);
}

/** A scanner's report imported through the API for `asset`; the import's counts. */
export async function importScanReport(api: ServerApi, report: unknown, asset: string): Promise<ImportSeed> {
  const { import: imported } = await call<{ import: ImportSeed }>(api, 'POST', '/api/v1/vulnerabilities/imports', {
    asset,
    report,
  });
  return imported;
}

/** A template of two manual checks (巡检模板), imported as YAML as an operator would from provisioning/. */
export const INSPECTION_TEMPLATE = {
  key: 'browser-daily',
  title: '交易日日常巡检（浏览器测试）',
  client: '某证券交易所',
  items: [
    { key: 'matching-engine-logs', title: '检查撮合引擎错误日志' },
    { key: 'backup-records', title: '核对夜间备份记录' },
  ],
};

export const INSPECTION_YAML = `key: ${INSPECTION_TEMPLATE.key}
title: ${INSPECTION_TEMPLATE.title}
client: ${INSPECTION_TEMPLATE.client}
system: 交易系统
layers:
  - layer: application
    items:
${INSPECTION_TEMPLATE.items.map((i) => `      - key: ${i.key}\n        title: ${i.title}\n        kind: manual\n`).join('')}`;

export interface InspectionSeed {
  /** a run filled in, signed by the inspector and the reviewer: completed, its report stored */
  completed: string;
  /** a run just started, its manual items empty */
  open: string;
  note: string;
}

/**
 * Inspection runs written through the API: the template imported, one run filled in and signed by
 * two people (each with a token of their own name, as the server takes the signer from the caller),
 * and one run left open for the Editor's page test.
 */
export async function seedInspections(
  admin: ServerApi,
  people: { inspector: ServerApi; reviewer: ServerApi }
): Promise<InspectionSeed> {
  await call(admin, 'POST', '/api/v1/inspections/templates', { yaml: INSPECTION_YAML });
  const start = () =>
    call<{ number: string }>(admin, 'POST', '/api/v1/inspections/runs', { template: INSPECTION_TEMPLATE.key }, 201);
  const note = '撮合引擎日志无 ERROR；夜间备份 3/3 成功';
  const done = await start();
  for (const item of INSPECTION_TEMPLATE.items) {
    await call(people.inspector, 'POST', `/api/v1/inspections/runs/${done.number}/items/${item.key}`, {
      result: 'normal',
      note,
    });
  }
  await call(people.inspector, 'POST', `/api/v1/inspections/runs/${done.number}/sign`, { role: 'inspector' });
  await call(people.reviewer, 'POST', `/api/v1/inspections/runs/${done.number}/sign`, { role: 'reviewer' });
  const open = await start();
  return { completed: done.number, open: open.number, note };
}
