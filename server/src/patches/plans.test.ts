/**
 * Patch plans over HTTP on SQLite and PostgreSQL: every gate refused with 409 gate_unmet naming
 * what is missing and how to supply it, the schedule against maintenance windows and trading hours
 * on the China 2026 calendars (a 调休 Saturday), emergencies, four eyes, the timeline and the metric.
 * The verified gate against a real host exporter and Prometheus is in plans-acceptance.test.ts.
 */
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import type { PatchPlan } from './plans-schema';

type Plan = PatchPlan & {
  timeline?: Array<{ at: string; actor: string; kind: string; detail: Record<string, unknown> }>;
};
type Err = {
  error: {
    code: string;
    message: string;
    details: Array<{ missing?: string; how?: string; message?: string }>;
  };
};

const at = (local: string) => `${local}:00+08:00`;

const CONFIG = {
  people: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
    { id: 'carol', name: 'Carol' },
  ],
  sla: {
    calendars: [
      { name: '24x7', hours: '24x7' },
      {
        name: 'cn-service',
        kind: 'service',
        hours: { weekdays: '09:00-18:00' },
        holidays: { builtin: 'cn' },
      },
      {
        name: 'sse',
        kind: 'trading',
        hours: { weekdays: '09:30-11:30,13:00-15:00' },
        holidays: { builtin: 'cn' },
      },
    ],
    policies: ['P1', 'P2', 'P3', 'P4'].map((severity) => ({
      severity,
      response: '1h',
      resolution: '8h',
      calendar: '24x7',
    })),
  },
  maintenance: {
    trading_calendar: 'sse',
    host_groups: [
      { name: 'db', hosts: ['db1:9741', 'db2:9741'] },
      { name: 'web', hosts: ['web1:9741'] },
      { name: 'batch', hosts: ['batch1:9741'] },
    ],
    windows: [
      {
        name: 'market-closed',
        host_groups: ['db'],
        calendar: 'sse',
        days: 'non_working',
        start: '09:00',
        end: '17:00',
      },
      {
        name: 'team-off',
        host_groups: ['web'],
        calendar: 'cn-service',
        days: 'non_working',
        start: '10:00',
        end: '16:00',
      },
      {
        name: 'batch-any',
        host_groups: ['batch'],
        calendar: 'cn-service',
        days: 'every',
        start: '00:00',
        end: '24:00',
      },
    ],
  },
};

describe.each(DATABASE_KINDS)('patch plans on %s', (kind) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  // 2026-09-01, well before the National Day week the schedules use
  let now = Date.parse('2026-09-01T09:00:00+08:00');

  beforeAll(async () => {
    s = await startTestServer(kind, CONFIG);
    s.ctx.now = () => now;
    for (const name of ['alice', 'bob', 'carol', 'viewer'])
      tokens[name] = (
        await s.api<{ token: string }>('POST', '/api/v1/tokens', {
          name,
          role: name === 'viewer' ? 'viewer' : 'editor',
        })
      ).body.token;
  }, 60_000);
  afterAll(() => s?.stop());

  const as = (who: string) => ({
    post: <T = Plan>(path: string, body: unknown) => s.api<T>('POST', path, body, tokens[who]),
  });
  const act = <T = Plan>(who: string, plan: string, action: string, body: unknown) =>
    as(who).post<T>(`/api/v1/patches/plans/${plan}/${action}`, body);
  const create = async (body: Record<string, unknown>, who = 'alice') => {
    const r = await as(who).post('/api/v1/patches/plans', {
      title: 'openssl DSA-5764-1',
      packages: ['openssl'],
      ...body,
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const passTest = (plan: string) =>
    act('alice', plan, 'test', {
      testHosts: ['stage1:9741'],
      result: 'passed',
      evidence: 'https://ci/run/1',
    });
  const refused = (r: { status: number; body: unknown }) => {
    expect(r.status).toBe(409);
    const e = (r.body as Err).error;
    expect(e.code).toBe('gate_unmet');
    return { message: e.message, missing: e.details.map((d) => d.missing) };
  };
  const sat = { start: at('2026-10-10T10:00'), end: at('2026-10-10T12:00') };

  test('a plan from draft to closed, each gate refused until its evidence is there, every step on the timeline', async () => {
    const plan = await create({ hostGroup: 'db', advisories: ['DSA-5764-1'] });
    expect(plan).toMatchObject({
      number: expect.stringMatching(/^PP-\d+$/),
      state: 'draft',
      hosts: ['db1:9741', 'db2:9741'],
      hostGroup: 'db',
      allowedActions: ['test', 'decline'],
    });
    expect(plan.gates.map((g) => [g.state, g.met])).toEqual([
      ['tested', false],
      ['approved', false],
      ['scheduled', false],
      ['installed', false],
      ['verified', false],
    ]);
    const ref = plan.number;

    // installed is out of reach: no test, approval, window or backup — each named with how to supply it
    const early = refused(await act('alice', ref, 'install', {}));
    expect(early.missing).toEqual(['test_evidence', 'approval', 'maintenance_window', 'backup_evidence']);
    expect(early.message).toMatch(/^to reach installed: no passing test record; test on test hosts first/);
    expect(early.message).toContain(`POST /api/v1/patches/plans/${ref}/test`);
    expect(refused(await act('bob', ref, 'approve', { approver: 'bob' })).missing).toEqual(['test_evidence']);

    // a failed test keeps it a draft
    const failedTest = await act('alice', ref, 'test', {
      testHosts: ['stage1:9741'],
      result: 'failed',
      evidence: 'segfault in nginx',
    });
    expect(failedTest.status).toBe(200);
    expect(failedTest.body.state).toBe('draft');
    expect(failedTest.body.gates[0]).toEqual({ state: 'tested', met: false, missing: ['test_evidence'] });
    const tested = await passTest(ref);
    expect(tested.body).toMatchObject({
      state: 'tested',
      test: { result: 'passed', testHosts: ['stage1:9741'], by: 'alice' },
    });

    // four eyes: alice created it and may not approve; the admin token is nobody's and may not approve for bob
    const self = refused(await act('alice', ref, 'approve', { approver: 'alice' }));
    expect(self.missing).toEqual(['independent_approver']);
    expect(self.message).toContain('alice created');
    const proxy = await s.api<Err>('POST', `/api/v1/patches/plans/${ref}/approve`, { approver: 'bob' });
    expect(proxy.status).toBe(403);
    expect(proxy.body.error.code).toBe('not_the_approver');
    const nobody = await act<Err>('bob', ref, 'approve', { approver: 'zed' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.message).toContain('GET /api/v1/people');
    const approved = await act('bob', ref, 'approve', { approver: 'bob', note: 'CAB 2026-09-01' });
    expect(approved.body).toMatchObject({ state: 'approved', approval: { approver: 'bob' } });

    // scheduled: a trading Monday is refused twice over (trading hours, and no window), the 调休 Saturday is closed for the market
    const monday = refused(
      await act('alice', ref, 'schedule', { start: at('2026-10-12T10:00'), end: at('2026-10-12T12:00') }),
    );
    expect(monday.missing).toEqual(['outside_trading_hours', 'maintenance_window']);
    expect(monday.message).toContain(
      'touches trading hours of sse (2026-10-12T10:00+08:00–2026-10-12T11:30+08:00)',
    );
    expect(monday.message).toContain(
      'market-closed next opens 2026-10-17T09:00+08:00–2026-10-17T17:00+08:00',
    );
    const scheduled = await act('alice', ref, 'schedule', sat);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      state: 'scheduled',
      window: {
        start: '2026-10-10T02:00:00.000Z',
        end: '2026-10-10T04:00:00.000Z',
        maintenanceWindow: 'market-closed',
      },
    });

    // installed: no backup, an unknown backup run, a stale snapshot, an install outside the window
    now = Date.parse(at('2026-10-10T10:30'));
    const noBackup = refused(await act('alice', ref, 'install', {}));
    expect(noBackup.missing).toEqual(['backup_evidence']);
    expect(noBackup.message).toBe(
      'to reach installed: no backup evidence; take a backup and send it: {"backup": {"backupRunId": "…"}} (a run of GET /api/v1/backups/runs) or {"backup": {"tool": "…", "snapshotId": "…", "takenAt": "…"}}',
    );
    const unknownRun = refused(
      await act('alice', ref, 'install', { backup: { backupRunId: 'no-such-run' } }),
    );
    expect(unknownRun.message).toContain('backup run no-such-run is not recorded');
    const stale = refused(
      await act('alice', ref, 'install', {
        backup: { tool: 'lvm', snapshotId: 'vg0/db-pre', takenAt: at('2026-10-07T10:00') },
      }),
    );
    expect(stale.message).toContain('longer ago than maintenance.backup_max_age (24 h)');
    const outside = refused(
      await act('alice', ref, 'install', {
        backup: { tool: 'lvm', snapshotId: 'vg0/db-pre' },
        installedAt: at('2026-10-10T09:30'),
      }),
    );
    expect(outside.missing).toEqual(['install_in_window']);
    const installed = await act('alice', ref, 'install', {
      backup: { tool: 'lvm', snapshotId: 'vg0/db-pre', takenAt: at('2026-10-10T10:05') },
      notes: 'apt-get install openssl',
    });
    expect(installed.status).toBe(200);
    expect(installed.body).toMatchObject({
      state: 'installed',
      backup: { tool: 'lvm', snapshotId: 'vg0/db-pre', backupRunId: null },
      install: { at: new Date(now).toISOString(), by: 'alice' },
    });

    // verified: this server has no Prometheus, so the hosts cannot be collected: refused, and the attempt kept
    now += 10 * 60_000;
    const unverified = refused(await act('alice', ref, 'verify', {}));
    expect(unverified.missing).toContain('hosts_collected');
    expect(unverified.message).toContain('host db1:9741 has never been collected');
    const kept = await s.api<Plan>('GET', `/api/v1/patches/plans/${ref}`);
    expect(kept.body.state).toBe('installed');
    expect(kept.body.verification).toMatchObject({ passed: false });
    expect(kept.body.gates[4]).toMatchObject({
      state: 'verified',
      met: false,
      missing: expect.arrayContaining(['hosts_collected']),
    });

    // it cannot be closed unverified; it is rolled back
    const closeEarly = await act<Err>('alice', ref, 'close', {});
    expect(closeEarly.status).toBe(409);
    expect(closeEarly.body.error).toMatchObject({
      code: 'illegal_transition',
      message: 'cannot close a plan that is installed; allowed now: verify, fail, rollback',
    });
    const rolled = await act('alice', ref, 'rollback', {
      what: 'openssl downgraded to 3.0.11-1~deb12u2',
      why: 'db2 TLS handshakes failed',
    });
    expect(rolled.body).toMatchObject({
      state: 'rolled_back',
      rollback: { why: 'db2 TLS handshakes failed', by: 'alice' },
      allowedActions: [],
    });

    const detail = await s.api<Plan>('GET', `/api/v1/patches/plans/${plan.id}`, undefined, tokens.viewer);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline?.map((t) => [t.kind, t.actor])).toEqual([
      ['created', 'alice'],
      ['test_failed', 'alice'],
      ['tested', 'alice'],
      ['approved', 'bob'],
      ['scheduled', 'alice'],
      ['installed', 'alice'],
      ['verify_refused', 'alice'],
      ['rolled_back', 'alice'],
    ]);
    expect(detail.body.timeline?.[6]?.detail.missing).toEqual(
      expect.arrayContaining(['host db1:9741 has never been collected']),
    );
  });

  test('the make-up Saturday is a workday on the service calendar: a window of its days off is closed then, open on Sunday', async () => {
    now = Date.parse('2026-09-01T09:00:00+08:00');
    const plan = await create({ hosts: ['web1:9741'] });
    await passTest(plan.number);
    await act('bob', plan.number, 'approve', { approver: 'bob' });
    const saturday = refused(await act('alice', plan.number, 'schedule', sat));
    expect(saturday.missing).toEqual(['maintenance_window']);
    expect(saturday.message).toContain('team-off next opens 2026-10-11T10:00+08:00–2026-10-11T16:00+08:00');
    const sunday = await act('alice', plan.number, 'schedule', {
      start: at('2026-10-11T10:00'),
      end: at('2026-10-11T15:00'),
    });
    expect(sunday.body).toMatchObject({ state: 'scheduled', window: { maintenanceWindow: 'team-off' } });
    // rescheduling stays scheduled and is its own step
    const again = await act('alice', plan.number, 'schedule', {
      start: at('2026-10-11T11:00'),
      end: at('2026-10-11T12:00'),
    });
    expect(again.body.window?.start).toBe('2026-10-11T03:00:00.000Z');
  });

  test('trading hours: a window open all day still refuses the market’s hours; an emergency may take them', async () => {
    now = Date.parse('2026-09-01T09:00:00+08:00');
    const plan = await create({ hosts: ['batch1:9741'] });
    await passTest(plan.number);
    await act('bob', plan.number, 'approve', { approver: 'bob' });
    const trading = refused(
      await act('alice', plan.number, 'schedule', {
        start: at('2026-09-02T14:00'),
        end: at('2026-09-02T16:00'),
      }),
    );
    expect(trading.missing).toEqual(['outside_trading_hours']);
    expect(trading.message).toContain('or create an emergency plan');
    // after the close it is fine
    expect(
      (
        await act('alice', plan.number, 'schedule', {
          start: at('2026-09-02T15:00'),
          end: at('2026-09-02T17:00'),
        })
      ).status,
    ).toBe(200);

    // an emergency needs a reason and an approver who is a person other than its creator
    const noReason = await as('alice').post<Err>('/api/v1/patches/plans', {
      title: 'x',
      packages: ['openssl'],
      hosts: ['web1:9741'],
      emergency: { approver: 'carol' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('body emergency.reason');
    const selfAuthorised = await as('alice').post<Err>('/api/v1/patches/plans', {
      title: 'x',
      packages: ['openssl'],
      hosts: ['web1:9741'],
      emergency: { reason: 'CVE exploited', approver: 'alice' },
    });
    expect(selfAuthorised.status).toBe(422);
    expect(selfAuthorised.body.error.code).toBe('four_eyes');
    const emergency = await create({
      hosts: ['web1:9741'],
      emergency: { reason: 'CVE-2024-5535 exploited in the wild', approver: 'carol' },
    });
    await passTest(emergency.number);
    // bob is not the emergency's approver
    expect(refused(await act('bob', emergency.number, 'approve', { approver: 'bob' })).missing).toEqual([
      'emergency_approver',
    ]);
    expect((await act('carol', emergency.number, 'approve', { approver: 'carol' })).status).toBe(200);
    // a trading Wednesday 10:00, outside every window of web1: allowed, recorded as an emergency in trading hours
    const inTrading = await act('alice', emergency.number, 'schedule', {
      start: at('2026-09-02T10:00'),
      end: at('2026-09-02T11:00'),
    });
    expect(inTrading.status).toBe(200);
    expect(inTrading.body.window).toMatchObject({ maintenanceWindow: null });
    const detail = await s.api<Plan>('GET', `/api/v1/patches/plans/${emergency.number}`);
    expect(detail.body.timeline?.at(-1)).toMatchObject({
      kind: 'scheduled',
      detail: { emergency: true, duringTradingHours: true },
    });
  });

  test('hosts outside every group cannot be scheduled; a host group must exist; bad schedules', async () => {
    now = Date.parse('2026-09-01T09:00:00+08:00');
    const unknownGroup = await as('alice').post<Err>('/api/v1/patches/plans', {
      title: 'x',
      packages: ['a'],
      hostGroup: 'nope',
    });
    expect(unknownGroup.status).toBe(422);
    expect(unknownGroup.body.error.message).toBe(
      'body hostGroup: no host group "nope" in maintenance.host_groups; defined: db, web, batch',
    );
    const both = await as('alice').post<Err>('/api/v1/patches/plans', {
      title: 'x',
      packages: ['a'],
      hostGroup: 'db',
      hosts: ['db1:9741'],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('exactly one of the two');
    const nothing = await as('alice').post<Err>('/api/v1/patches/plans', { title: 'x', hosts: ['db1:9741'] });
    expect(nothing.body.error.message).toContain('give packages or advisories');

    const plan = await create({ hosts: ['db1:9741', 'lost:9741'] });
    await passTest(plan.number);
    await act('bob', plan.number, 'approve', { approver: 'bob' });
    const ungrouped = refused(await act('alice', plan.number, 'schedule', sat));
    expect(ungrouped.missing).toEqual(['host_group']);
    expect(ungrouped.message).toContain('lost:9741 is in no maintenance.host_groups');
    const past = await act<Err>('alice', plan.number, 'schedule', {
      start: at('2026-08-01T10:00'),
      end: at('2026-08-01T11:00'),
    });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('schedule_in_past');
    const backwards = await act<Err>('alice', plan.number, 'schedule', {
      start: at('2026-10-10T12:00'),
      end: at('2026-10-10T10:00'),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('body end: end must be after start');
    const long = await act<Err>('alice', plan.number, 'schedule', {
      start: at('2026-10-10T12:00'),
      end: at('2026-10-20T10:00'),
    });
    expect(long.body.error.code).toBe('schedule_too_long');
    const declined = await act('alice', plan.number, 'decline', { reason: 'lost:9741 was decommissioned' });
    expect(declined.body).toMatchObject({
      state: 'declined',
      outcome: { reason: 'lost:9741 was decommissioned' },
    });
    const afterDecline = await act<Err>('alice', plan.number, 'schedule', sat);
    expect(afterDecline.body.error).toMatchObject({
      code: 'illegal_transition',
      message: 'cannot schedule a plan that is declined; it is finished',
    });
  });

  test('a failed install may be tried again in a new window with a new backup', async () => {
    now = Date.parse('2026-09-01T09:00:00+08:00');
    const plan = await create({ hostGroup: 'db' });
    await passTest(plan.number);
    await act('bob', plan.number, 'approve', { approver: 'bob' });
    await act('alice', plan.number, 'schedule', sat);
    now = Date.parse(at('2026-10-10T11:00'));
    await act('alice', plan.number, 'install', { backup: { tool: 'restic', snapshotId: '4f3a9c1d' } });
    const failed = await act('alice', plan.number, 'fail', {
      reason: 'dpkg: error processing package openssl',
    });
    expect(failed.body).toMatchObject({ state: 'failed', allowedActions: ['schedule', 'rollback'] });
    const retry = await act('alice', plan.number, 'schedule', {
      start: at('2026-10-17T10:00'),
      end: at('2026-10-17T12:00'),
    });
    expect(retry.body).toMatchObject({ state: 'scheduled', backup: null, install: null, verification: null });
    expect(retry.body.gates[3]).toEqual({ state: 'installed', met: false, missing: ['backup_evidence'] });
  });

  test('lists newest first with state and host filters and a cursor; opsdesk_patch_plans counts every state', async () => {
    const all = await s.api<{ plans: Plan[]; nextCursor: string | null }>(
      'GET',
      '/api/v1/patches/plans?limit=2',
      undefined,
      tokens.viewer,
    );
    expect(all.status).toBe(200);
    expect(all.body.plans).toHaveLength(2);
    const seen = [...all.body.plans];
    let cursor = all.body.nextCursor;
    for (let i = 0; cursor && i < 20; i++) {
      const page = await s.api<{ plans: Plan[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/patches/plans?limit=2&cursor=${cursor}`,
      );
      seen.push(...page.body.plans);
      cursor = page.body.nextCursor;
    }
    // newest first (the fake clock went back between tests, so by createdAt, not by number), each plan once
    const created = seen.map((p) => Date.parse(p.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const everything = await s.api<{ plans: Plan[] }>('GET', '/api/v1/patches/plans?limit=200');
    expect(seen.map((p) => p.number).sort()).toEqual(everything.body.plans.map((p) => p.number).sort());
    expect(new Set(seen.map((p) => p.id)).size).toBe(6);
    const scheduled = await s.api<{ plans: Plan[] }>(
      'GET',
      '/api/v1/patches/plans?state=scheduled,rolled_back',
    );
    expect(new Set(scheduled.body.plans.map((p) => p.state))).toEqual(new Set(['scheduled', 'rolled_back']));
    const web = await s.api<{ plans: Plan[] }>(
      'GET',
      `/api/v1/patches/plans?host=${encodeURIComponent('web1:9741')}`,
    );
    expect(web.body.plans.length).toBeGreaterThan(0);
    expect(web.body.plans.every((p) => p.hosts.includes('web1:9741'))).toBe(true);
    const bad = await s.api<Err>('GET', '/api/v1/patches/plans?state=done');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query state');

    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    const count = (state: string) =>
      Number(new RegExp(`^opsdesk_patch_plans\\{state="${state}"\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
    expect(count('rolled_back')).toBe(seen.filter((p) => p.state === 'rolled_back').length);
    expect(count('scheduled')).toBe(seen.filter((p) => p.state === 'scheduled').length);
    expect(count('closed')).toBe(0);
    // plans still scheduled whose window ended: now is after 2026-10-10 12:00 and some are scheduled for then
    now = Date.parse(at('2026-10-18T12:00'));
    const later = await (await fetch(`${s.url}/metrics`)).text();
    expect(/^opsdesk_patch_plans_window_passed (\d+)$/m.exec(later)?.[1]).toBe(String(count('scheduled')));
  });

  test('a viewer reads but cannot act', async () => {
    const plan = await create({ hosts: ['web1:9741'] });
    const r = await act<Err>('viewer', plan.number, 'test', {
      testHosts: ['a:1'],
      result: 'passed',
      evidence: 'x',
    });
    expect(r.status).toBe(403);
    expect(
      (await s.api('GET', `/api/v1/patches/plans/${plan.number}`, undefined, tokens.viewer)).status,
    ).toBe(200);
    expect((await s.api('GET', '/api/v1/patches/plans/PP-99999', undefined, tokens.viewer)).status).toBe(404);
  });
});
