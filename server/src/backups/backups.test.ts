import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';

const HOUR = 3_600_000;
/** a Monday 09:00 in Shanghai; the server's clock is set around it */
const T0 = Date.parse('2026-11-30T09:00:00+08:00');
const isoAt = (ms: number) => new Date(ms).toISOString();

const CONFIG = {
  people: [
    { id: 'zhang.san', name: '张三' },
    { id: 'li.si', name: '李四' },
  ],
  sla: {
    calendars: [
      { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
      { name: 'trading', kind: 'trading', timezone: 'Asia/Shanghai', hours: { weekdays: '09:30-15:00' } },
    ],
  },
  notify: {
    channels: [
      {
        name: 'backups',
        type: 'webhook',
        webhook_url: { env: 'OPSDESK_TEST_BACKUP_HOOK' },
        events: ['backup.failed'],
      },
    ],
  },
  backups: {
    policies: [
      {
        name: 'settlement-db',
        target: 'PostgreSQL settlement on db-1',
        tool: 'restic',
        schedule: 'daily 01:00',
        retention: '7 daily, 4 weekly',
        rpo: '1d',
        rto: '4h',
        restore_test_interval: '7d',
        owner: 'zhang.san',
      },
      {
        name: 'trades-export',
        target: 'trade files on gw-1',
        tool: 'borg',
        schedule: 'trading days 16:00',
        retention: '30 archives',
        rpo: '1d',
        rto: '1h',
        calendar: 'trading',
        owner: 'li.si',
      },
    ],
  },
};

const run = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  policy: 'settlement-db',
  host: 'db-1',
  tool: 'restic',
  startedAt: isoAt(T0 - 8 * HOUR),
  finishedAt: isoAt(T0 - 8 * HOUR + 90_000),
  exitCode: 0,
  result: 'success',
  snapshotId: '4f1c2a9e',
  bytesAdded: 1_048_576,
  bytesProcessed: 52_428_800,
  filesNew: 3,
  filesChanged: 10,
  filesUnmodified: 900,
  summary: { message_type: 'summary', files_new: 3, data_added: 1_048_576, snapshot_id: '4f1c2a9e' },
  ...over,
});

const restoreTest = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  policy: 'settlement-db',
  snapshotId: '4f1c2a9e',
  startedAt: isoAt(T0 - 2 * HOUR),
  finishedAt: isoAt(T0 - 2 * HOUR + 600_000),
  durationSeconds: 540,
  bytesRestored: 52_428_800,
  filesRestored: 913,
  result: 'passed',
  restoreExitCode: 0,
  verification: { command: 'sha256sum -c SHA256SUMS', exitCode: 0, result: 'passed', output: 'OK' },
  ...over,
});

type ErrorBody = { error: { code: string; message: string } };

describe.each(DATABASE_KINDS)('backups on %s', (kind) => {
  let s: TestServer;
  let hook: Server;
  const received: Array<Record<string, unknown>> = [];
  let now = T0;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(text) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    process.env.OPSDESK_TEST_BACKUP_HOOK = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    s = await startTestServer(kind, CONFIG);
    s.ctx.now = () => now;
  });
  afterAll(async () => {
    await s.stop();
    await new Promise((resolve) => hook.close(resolve));
  });
  beforeEach(() => (now = T0));

  test('a run is recorded once per id: a resend answers 200 with the stored run, another body 409', async () => {
    const body = run();
    const first = await s.api<{
      run: { id: string; snapshotId: string; bytesAdded: number; durationSeconds: number };
    }>('POST', '/api/v1/backups/runs', body);
    expect(first.status).toBe(201);
    expect(first.body.run).toMatchObject({
      id: body.id,
      snapshotId: '4f1c2a9e',
      bytesAdded: 1_048_576,
      durationSeconds: 90,
    });
    // the same report, its keys in another order (a client re-serialising it), is the same report
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await s.api<{ run: unknown }>('POST', '/api/v1/backups/runs', reordered);
    expect(again.status).toBe(200);
    expect(again.body.run).toEqual(first.body.run);
    const other = await s.api<ErrorBody>('POST', '/api/v1/backups/runs', {
      ...body,
      exitCode: 3,
      result: 'partial',
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain(
      `body id: run ${body.id} is already recorded with a different report`,
    );
    const listed = await s.api<{ runs: Array<{ id: string }> }>(
      'GET',
      '/api/v1/backups/runs?policy=settlement-db',
    );
    expect(listed.body.runs.filter((r) => r.id === body.id)).toHaveLength(1);
  });

  test('concurrent resends of one report record it once', async () => {
    const body = run({ startedAt: isoAt(T0 - 20 * HOUR), finishedAt: isoAt(T0 - 20 * HOUR + 1000) });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => s.api('POST', '/api/v1/backups/runs', body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const rows = await s.ctx.db.kysely
      .selectFrom('backup_runs')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  test('refused: an unknown policy (422 listing them), times out of order or ahead of the clock', async () => {
    const unknown = await s.api<ErrorBody>('POST', '/api/v1/backups/runs', run({ policy: 'nightly' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBe(
      'body policy: no backup policy named "nightly"; defined: settlement-db, trades-export',
    );
    const backwards = await s.api<ErrorBody>(
      'POST',
      '/api/v1/backups/runs',
      run({ startedAt: isoAt(T0 - HOUR), finishedAt: isoAt(T0 - 2 * HOUR) }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.message).toContain('body finishedAt:');
    expect(backwards.body.error.message).toContain('is before startedAt');
    const future = await s.api<ErrorBody>(
      'POST',
      '/api/v1/backups/runs',
      run({ startedAt: isoAt(T0), finishedAt: isoAt(T0 + 10 * 60_000) }),
    );
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain('10m ahead of the server');
    expect(future.body.error.message).toContain('backups.ingest.max_future_skew 5m');
    // within the skew: a host a minute ahead is accepted
    const slightly = await s.api(
      'POST',
      '/api/v1/backups/runs',
      run({ startedAt: isoAt(T0 - HOUR), finishedAt: isoAt(T0 + 60_000) }),
    );
    expect(slightly.status).toBe(201);
    const slow = await s.api<ErrorBody>(
      'POST',
      '/api/v1/backups/restore-tests',
      restoreTest({ durationSeconds: 3600 }),
    );
    expect(slow.status).toBe(422);
    expect(slow.body.error.message).toContain(
      'body durationSeconds: 3600 s is longer than finishedAt - startedAt (600 s)',
    );
  });

  test('a summary over the limit is dropped, the run kept; a long message is cut, not refused', async () => {
    const big = { message_type: 'summary', padding: 'x'.repeat(70_000) };
    const r = await s.api<{ run: { summary: unknown; summaryDropped: boolean; message: string } }>(
      'POST',
      '/api/v1/backups/runs',
      run({ summary: big, message: 'e'.repeat(20_000) }),
    );
    expect(r.status).toBe(201);
    expect(r.body.run.summary).toBeNull();
    expect(r.body.run.summaryDropped).toBe(true);
    expect(r.body.run.message).toHaveLength(8000 + '… [truncated]'.length);
  });

  test('a failed run sends backup.failed to the channel, naming the policy, its target and the error', async () => {
    const before = received.length;
    const r = await s.api(
      'POST',
      '/api/v1/backups/runs',
      run({
        exitCode: 1,
        result: 'failed',
        snapshotId: undefined,
        message: 'Fatal: wrong password or no key found',
      }),
    );
    expect(r.status).toBe(201);
    for (let i = 0; i < 200 && received.length === before; i++) await new Promise((x) => setTimeout(x, 50));
    const text = JSON.stringify(received.slice(before));
    expect(text).toContain('backup.failed');
    expect(text).toContain('settlement-db');
    expect(text).toContain('wrong password');
    expect(text).toContain('/a/opsdesk-ops-app/backups?policy=settlement-db');
  });

  test('RPO: met, then breached on the fake clock; on a trading calendar a weekend does not count', async () => {
    const policies = async () =>
      (
        await s.api<{
          policies: Array<{
            name: string;
            status: {
              rpoBreached: boolean;
              rpoDueAt: string | null;
              lastSnapshotId: string | null;
              lastRunResult: string | null;
            };
          }>;
        }>('GET', '/api/v1/backups/policies')
      ).body.policies;
    // trades-export: nothing reported yet, so breached (nothing to restore)
    expect((await policies()).find((p) => p.name === 'trades-export')?.status).toMatchObject({
      rpoBreached: true,
      rpoDueAt: null,
    });
    // its Friday 16:00 backup: due a working day later, Monday 16:00 (Saturday and Sunday do not count)
    const friday = Date.parse('2026-11-27T16:00:00+08:00');
    now = friday + HOUR;
    const borg = await s.api('POST', '/api/v1/backups/runs', {
      id: randomUUID(),
      policy: 'trades-export',
      tool: 'borg',
      startedAt: isoAt(friday),
      finishedAt: isoAt(friday + 60_000),
      exitCode: 0,
      result: 'success',
      snapshotId: 'gw-1-2026-11-27T16:00:00',
    });
    expect(borg.status).toBe(201);
    now = Date.parse('2026-11-30T15:59:00+08:00');
    let trades = (await policies()).find((p) => p.name === 'trades-export')!.status;
    expect(trades).toMatchObject({ rpoBreached: false, rpoDueAt: '2026-11-30T08:00:00.000Z' });
    now = Date.parse('2026-11-30T16:00:00+08:00');
    trades = (await policies()).find((p) => p.name === 'trades-export')!.status;
    expect(trades.rpoBreached).toBe(true);
    // settlement-db, wall time: its newest good run started 8 h before T0 (tests above), due 16 h after T0
    now = T0;
    const settlement = (await policies()).find((p) => p.name === 'settlement-db')!.status;
    expect(settlement.rpoBreached).toBe(false);
    const due = Date.parse(settlement.rpoDueAt!);
    now = due - 1;
    expect((await policies()).find((p) => p.name === 'settlement-db')!.status.rpoBreached).toBe(false);
    now = due;
    expect((await policies()).find((p) => p.name === 'settlement-db')!.status.rpoBreached).toBe(true);
    // the metric says the same on the same clock
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('opsdesk_backup_rpo_breached{policy="settlement-db"} 1');
    expect(metrics).toContain('opsdesk_backup_rpo_seconds{policy="settlement-db"} 86400');
  });

  test('restore tests: overdue until one passes, measured time against the RTO, history with its verdict', async () => {
    const status = async () =>
      (
        await s.api<{
          policies: Array<{
            name: string;
            status: { restoreTestOverdue: boolean; lastRestoreTest: unknown };
          }>;
        }>('GET', '/api/v1/backups/policies')
      ).body.policies.find((p) => p.name === 'settlement-db')!.status;
    expect(await status()).toMatchObject({ restoreTestOverdue: true, lastRestoreTest: null });
    const passed = await s.api<{ restoreTest: { rtoSeconds: number; rtoMet: boolean } }>(
      'POST',
      '/api/v1/backups/restore-tests',
      restoreTest(),
    );
    expect(passed.status).toBe(201);
    expect(passed.body.restoreTest).toMatchObject({ rtoSeconds: 14_400, rtoMet: true });
    expect(await status()).toMatchObject({
      restoreTestOverdue: false,
      lastRestoreTest: { result: 'passed', durationSeconds: 540, rtoMet: true },
    });
    // a later test that restored, but slower than the 4 h RTO, and failed its verification
    const slow = restoreTest({
      startedAt: isoAt(T0 - HOUR - 5 * HOUR),
      finishedAt: isoAt(T0 - HOUR),
      durationSeconds: 5 * 3600,
      result: 'failed',
      verification: { command: 'psql -c "select count(*) from trades"', exitCode: 1, result: 'failed' },
    });
    expect((await s.api('POST', '/api/v1/backups/restore-tests', slow)).status).toBe(201);
    expect((await s.api('POST', '/api/v1/backups/restore-tests', slow)).status).toBe(200);
    expect(await status()).toMatchObject({
      restoreTestOverdue: false, // the passed one still counts for its interval
      lastRestoreTest: { result: 'failed', durationSeconds: 18_000, rtoMet: false },
    });
    now = T0 - 2 * HOUR + 600_000 + 7 * 24 * HOUR;
    expect((await status()).restoreTestOverdue).toBe(true);
    const history = await s.api<{
      restoreTests: Array<{ result: string; rtoMet: boolean }>;
      nextCursor: string | null;
    }>('GET', '/api/v1/backups/restore-tests?policy=settlement-db&limit=1');
    expect(history.body.restoreTests).toEqual([expect.objectContaining({ result: 'failed', rtoMet: false })]);
    const next = await s.api<{ restoreTests: Array<{ result: string }>; nextCursor: string | null }>(
      'GET',
      `/api/v1/backups/restore-tests?policy=settlement-db&limit=1&cursor=${history.body.nextCursor}`,
    );
    expect(next.body.restoreTests.map((t) => t.result)).toEqual(['passed']);
    expect(next.body.nextCursor).toBeNull();
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain(
      'opsdesk_backup_restore_test_last_duration_seconds{policy="settlement-db"} 18000',
    );
    expect(metrics).toContain('opsdesk_backup_restore_test_last_success{policy="settlement-db"} 0');
    expect(metrics).toContain('opsdesk_backup_restore_test_overdue{policy="settlement-db"} 1');
  });

  test('runs page newest first with a cursor; a hand-made cursor is a 400 naming it', async () => {
    const all = await s.api<{ runs: Array<{ id: string; finishedAt: string }> }>(
      'GET',
      '/api/v1/backups/runs?limit=200',
    );
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const pageOf: { status: number; body: { runs: Array<{ id: string }>; nextCursor: string | null } } =
        await s.api('GET', `/api/v1/backups/runs?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...pageOf.body.runs.map((r) => r.id));
      cursor = pageOf.body.nextCursor;
      if (!cursor) break;
    }
    expect(ids).toEqual(all.body.runs.map((r) => r.id));
    const times = all.body.runs.map((r) => Date.parse(r.finishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bad = await s.api<ErrorBody>('GET', '/api/v1/backups/runs?cursor=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query cursor');
  });

  test('a data-restore request runs on the incident timeline and its time counts within the repair time', async () => {
    now = T0;
    const incident = (
      await s.api<{ id: string; number: string }>('POST', '/api/v1/incidents', {
        title: 'Trades of 2026-11-29 deleted by a faulty job',
        severity: 'P3',
      })
    ).body;
    const refused = await s.api<ErrorBody>('POST', '/api/v1/backups/restore-requests', {
      incidentId: incident.number,
      what: 'settlement.trades',
      requestedBy: 'wang.wu',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(
      'body requestedBy: "wang.wu" is not in the people directory',
    );
    const created = await s.api<{ id: string; state: string; allowedActions: string[] }>(
      'POST',
      '/api/v1/backups/restore-requests',
      {
        incidentId: incident.number,
        what: 'table settlement.trades as of 2026-11-29 23:00',
        policy: 'settlement-db',
        snapshotId: '4f1c2a9e',
        requestedBy: 'li.si',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'requested', allowedActions: ['start', 'cancel'] });
    const id = created.body.id;
    const act = (action: string, body: unknown) =>
      s.api<{ state: string; durationSeconds: number } & ErrorBody>(
        'POST',
        `/api/v1/backups/restore-requests/${id}/${action}`,
        body,
      );
    expect((await act('verify', { evidence: 'counts' })).status).toBe(409);
    now = T0 + 10 * 60_000;
    expect((await act('start', { note: 'restic restore 4f1c2a9e --target /restore' })).body.state).toBe(
      'in_progress',
    );
    now = T0 + 25 * 60_000;
    expect((await act('finish', { result: 'failed', note: 'wrong target' })).body.state).toBe('failed');
    now = T0 + 30 * 60_000;
    expect((await act('start', {})).body.state).toBe('in_progress');
    now = T0 + 70 * 60_000;
    const missingResult = await act('finish', {});
    expect(missingResult.status).toBe(400);
    expect(missingResult.body.error.message).toContain('body result');
    const finished = await act('finish', { result: 'restored' });
    expect(finished.body).toMatchObject({ state: 'restored', durationSeconds: 15 * 60 + 40 * 60 });
    now = T0 + 80 * 60_000;
    expect(
      (await act('verify', { evidence: 'row count 1,204,331 matches the export of 11-29' })).body.state,
    ).toBe('verified');
    expect((await act('cancel', { reason: 'late' })).status).toBe(409);
    now = T0 + 90 * 60_000;
    expect(
      (await s.api('POST', `/api/v1/incidents/${incident.number}/resolve`, { note: 'trades restored' }))
        .status,
    ).toBe(200);

    const timeline = await s.api<{ entries: Array<{ kind: string; data: Record<string, unknown> }> }>(
      'GET',
      `/api/v1/incidents/${incident.number}/timeline`,
    );
    const restoreEntries = timeline.body.entries.filter((e) => e.kind.startsWith('restore_'));
    expect(restoreEntries.map((e) => e.kind)).toEqual([
      'restore_requested',
      'restore_started',
      'restore_finished',
      'restore_started',
      'restore_finished',
      'restore_verified',
    ]);
    expect(restoreEntries[4]!.data).toMatchObject({
      result: 'restored',
      durationSeconds: 2400,
      totalRestoreSeconds: 3300,
    });

    now = T0 + 5 * HOUR; // long after: the repair time ended with the resolution
    const listed = await s.api<{
      restoreRequests: Array<{ id: string; incidentNumber: string }>;
      repair: { repairSeconds: number; restoreSeconds: number; number: string };
    }>('GET', `/api/v1/backups/restore-requests?incidentId=${incident.number}`);
    expect(listed.body.restoreRequests.map((r) => [r.id, r.incidentNumber])).toEqual([[id, incident.number]]);
    expect(listed.body.repair).toMatchObject({
      number: incident.number,
      repairSeconds: 90 * 60,
      restoreSeconds: 55 * 60,
    });

    // a closed incident takes no new restore request
    expect((await s.api('POST', `/api/v1/incidents/${incident.number}/close`, {})).status).toBe(200);
    const closed = await s.api<ErrorBody>('POST', '/api/v1/backups/restore-requests', {
      incidentId: incident.number,
      what: 'again',
      requestedBy: 'li.si',
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toContain('is closed');
  });
});
