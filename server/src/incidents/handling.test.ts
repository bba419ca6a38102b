import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';
import { recordBreaches } from '../sla/tick';

type Goal = {
  goal: string;
  goalSeconds: number;
  state: string;
  dueAt: string | null;
  atRisk: boolean;
  pausedUntil: string | null;
  pauseReason: string | null;
};
type Incident = {
  id: string;
  number: string;
  status: string;
  severity: string;
  service: string;
  impact: string;
  assignee: string | null;
  supportMode: string | null;
  acknowledgedAt: string | null;
  respondedAt: string | null;
  resolvedAt: string | null;
  sla: Goal[];
};
type Alert = {
  fingerprint: string;
  status: string;
  startsAt: string;
  annotations: Record<string, string>;
  runbookUrl: string | null;
};
type Detail = Incident & { alerts: Alert[]; alertCount: number; alertsNextCursor: string | null };
type Entry = { id: number; kind: string; actor: string; data: Record<string, unknown> };

const H = 3_600_000;
const cst = (local: string) => new Date(`${local}+08:00`).getTime();

describe.each(DATABASE_KINDS)('incident handling on %s', (kind) => {
  let s: TestServer;
  let now = cst('2026-11-24T10:00:00'); // a Tuesday, working time on 5×8
  beforeAll(async () => {
    s = await startTestServer(kind, {
      incidents: { reopen_window: '1h' },
      sla: {
        calendars: [
          { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
          { name: '5x8', timezone: 'Asia/Shanghai', hours: { weekdays: '09:00-17:00' } },
        ],
        policies: [
          { severity: 'P1', response: '15m', resolution: '4h', calendar: '24x7' },
          { severity: 'P2', response: '30m', resolution: '8h', calendar: '24x7' },
          { severity: 'P3', response: '2h', resolution: '24h', calendar: '5x8' },
          { severity: 'P4', response: '8h', resolution: '72h', calendar: '5x8' },
        ],
      },
    });
    s.ctx.now = () => now;
  });
  afterAll(() => s.stop());
  const timeline = async (id: string) =>
    (await s.api<{ entries: Entry[] }>('GET', `/api/v1/incidents/${id}/timeline`)).body.entries;
  const alert = (
    instance: string,
    annotations: Record<string, string>,
    startsAt = '2026-11-24T01:55:00Z',
  ) => ({
    labels: { alertname: 'SettlementLate', service: 'settlement', severity: 'warning', instance },
    annotations,
    startsAt,
  });

  test('Alertmanager resolving an incident nobody touched is no response: self-cleared, no acknowledgement', async () => {
    const g = { alertname: 'SettlementLate', run: 'self' };
    const opened = await s.api<{ incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [alert('a', { summary: 'late' })]),
    );
    now += 20 * 60_000;
    await s.api(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [{ ...alert('a', {}), status: 'resolved', endsAt: '2026-11-24T02:15:00Z' }]),
    );
    const inc = (await s.api<Incident>('GET', `/api/v1/incidents/${opened.body.incident}`)).body;
    expect(inc).toMatchObject({ status: 'resolved', acknowledgedAt: null, respondedAt: null });
    expect(inc.sla.map((x) => x.state)).toEqual(['self_cleared', 'self_cleared']);
  });

  test('PATCH sets assignee, severity (clocks on the new goal), service, impact and support mode, each on the timeline', async () => {
    const created = (
      await s.api<Incident>('POST', '/api/v1/incidents', { title: 'Slow settlement batch', severity: 'P3' })
    ).body;
    expect(created.sla[0]).toMatchObject({ goalSeconds: 7200, dueAt: new Date(now + 2 * H).toISOString() });
    const res = await s.api<Incident>('PATCH', `/api/v1/incidents/${created.number}`, {
      assignee: 'li.si',
      severity: 'P1',
      service: 'settlement',
      impact: '3 participants cannot settle',
      supportMode: 'onsite',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      assignee: 'li.si',
      severity: 'P1',
      service: 'settlement',
      impact: '3 participants cannot settle',
      supportMode: 'onsite',
    });
    expect(res.body.sla[0]).toMatchObject({
      goalSeconds: 900,
      dueAt: new Date(now + 15 * 60_000).toISOString(),
    });
    const tl = await timeline(created.number);
    expect(tl.slice(-2).map((e) => [e.kind, e.actor])).toEqual([
      ['assigned', 'bootstrap'],
      ['updated', 'bootstrap'],
    ]);
    expect(tl[tl.length - 2]?.data).toEqual({ assignee: 'li.si', from: null });
    expect(tl[tl.length - 1]?.data).toMatchObject({
      changes: {
        severity: { from: 'P3', to: 'P1' },
        service: { from: '', to: 'settlement' },
        impact: { from: '', to: '3 participants cannot settle' },
        supportMode: { from: null, to: 'onsite' },
      },
      sla: { response: { goalSeconds: 900, dueAt: new Date(now + 15 * 60_000).toISOString() } },
    });
    // the stored due time follows: the tick records the P1 breach 15 min later, not the P3 one 2 h later
    now += 16 * 60_000;
    expect(await recordBreaches(s.ctx)).toBeGreaterThanOrEqual(1);
    const breaches = (await timeline(created.number)).filter((e) => e.kind === 'sla_breached');
    expect(breaches.map((e) => e.data.goal)).toEqual(['response']);
    // lowering the severity again clears the breach the new goal does not have
    await s.api('PATCH', `/api/v1/incidents/${created.number}`, { severity: 'P3' });
    const lowered = (await s.api<Incident>('GET', `/api/v1/incidents/${created.number}`)).body;
    expect(lowered.sla[0]).toMatchObject({ state: 'running', goalSeconds: 7200 });
  });

  test('a comment is a response, stored and returned as written (no HTML escaping), without re-reading the timeline', async () => {
    const created = (
      await s.api<Incident>('POST', '/api/v1/incidents', { title: 'Quote gap', severity: 'P2' })
    ).body;
    now += 60_000;
    const text = 'due 12/1/2026 <b>"R&D"</b> — 截止';
    const c = await s.api<Entry>('POST', `/api/v1/incidents/${created.number}/comments`, { text });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ kind: 'comment', actor: 'bootstrap', data: { text } });
    const tl = await timeline(created.number);
    expect(tl[tl.length - 1]).toEqual(c.body);
    const inc = (await s.api<Incident>('GET', `/api/v1/incidents/${created.number}`)).body;
    expect(inc.respondedAt).toBe(new Date(now).toISOString());
    expect(inc.acknowledgedAt).toBeNull();
    expect(inc.sla[0]?.state).toBe('met');
  });

  test('alerts: runbook link, latest annotations, closed when a person resolves, listed once after a reopen, paged', async () => {
    const g = { alertname: 'SettlementLate', run: 'alerts' };
    const runbook = 'https://runbooks.example/settlement-late';
    const first = await s.api<{ incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [
        alert('x1', { summary: 'late', runbook_url: runbook, value: '10m' }),
        alert('x2', { summary: 'late', runbook_url: runbook, value: '12m' }),
        alert('x3', { summary: 'late', value: '1m' }),
      ]),
    );
    const number = first.body.incident;
    await s.api(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [alert('x1', { summary: 'late', runbook_url: runbook, value: '25m' })]),
    );
    let detail = (await s.api<Detail>('GET', `/api/v1/incidents/${number}`)).body;
    expect(detail.alertCount).toBe(3);
    const a = detail.alerts.find((x) => x.annotations.value === '25m');
    expect(a).toMatchObject({ runbookUrl: runbook, status: 'firing' });
    expect(detail.alerts.filter((x) => x.runbookUrl === null)).toHaveLength(1);

    const resolved = await s.api<Incident>('POST', `/api/v1/incidents/${number}/resolve`, {});
    expect(resolved.body.acknowledgedAt).not.toBeNull();
    detail = (await s.api<Detail>('GET', `/api/v1/incidents/${number}`)).body;
    expect(detail.alerts.map((x) => x.status)).toEqual(['closed', 'closed', 'closed']);
    expect((await timeline(number)).find((e) => e.data.to === 'resolved')?.data).toMatchObject({
      alertsClosed: 3,
    });

    // the group fires again within the reopen window with a new startsAt: reopened, each alert listed once
    now += 5 * 60_000;
    const again = await s.api<{ outcome: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [alert('x1', { summary: 'late', runbook_url: runbook }, '2026-11-24T03:00:00Z')]),
    );
    expect(again.body.outcome).toBe('reopened');
    detail = (await s.api<Detail>('GET', `/api/v1/incidents/${number}`)).body;
    expect(detail.alertCount).toBe(3);
    expect(detail.alerts).toHaveLength(3);
    expect(new Set(detail.alerts.map((x) => x.fingerprint)).size).toBe(3);
    expect(detail.alerts.find((x) => x.startsAt === '2026-11-24T03:00:00.000Z')?.status).toBe('firing');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { alerts: Alert[]; nextCursor: string | null } } = await s.api(
        'GET',
        `/api/v1/incidents/${number}/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.alerts.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.alerts.map((x) => x.fingerprint));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(detail.alerts.map((x) => x.fingerprint).sort());
  });

  test('a severity raised by a webhook marks the stored clocks stale; the next tick recomputes them on the new goal', async () => {
    const g = { alertname: 'SettlementLate', run: 'escalate' };
    const opened = await s.api<{ incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [alert('e1', { summary: 'late' })]),
    );
    const stale = async () =>
      Number(/^opsdesk_sla_clocks_stale (\d+)$/m.exec(await (await fetch(`${s.url}/metrics`)).text())?.[1]);
    expect(await stale()).toBe(0);
    await s.api(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [
        alert('e1', { summary: 'late' }),
        { ...alert('e2', { summary: 'late' }), labels: { ...alert('e2', {}).labels, severity: 'critical' } },
      ]),
    );
    expect((await s.api<Incident>('GET', `/api/v1/incidents/${opened.body.incident}`)).body.severity).toBe(
      'P1',
    );
    expect(await stale()).toBe(1);
    now += 20 * 60_000; // past the P1 response goal (15 min on 24×7), far inside the P3 one
    await recordBreaches(s.ctx);
    expect(await stale()).toBe(0);
    const breaches = (await timeline(opened.body.incident)).filter((e) => e.kind === 'sla_breached');
    expect(breaches.map((e) => [e.data.goal, e.data.goalSeconds])).toEqual([['response', 900]]);
  });

  test('outside working hours a 5×8 clock says it is paused until the next working time', async () => {
    now = cst('2026-11-27T16:30:00'); // Friday
    const created = (
      await s.api<Incident>('POST', '/api/v1/incidents', { title: 'Report late', severity: 'P3' })
    ).body;
    expect(created.sla[0]).toMatchObject({ state: 'running', pausedUntil: null });
    now = cst('2026-11-28T22:00:00'); // Saturday night
    const night = (await s.api<Incident>('GET', `/api/v1/incidents/${created.number}`)).body;
    expect(night.sla[0]).toMatchObject({
      state: 'paused',
      pauseReason: 'outside_working_hours',
      pausedUntil: new Date(cst('2026-11-30T09:00:00')).toISOString(),
      dueAt: new Date(cst('2026-11-30T10:30:00')).toISOString(),
      atRisk: false,
    });
    // at risk in the last quarter of the goal: 90 of 120 business minutes used, Monday 10:00
    now = cst('2026-11-30T10:01:00');
    const monday = (await s.api<Incident>('GET', `/api/v1/incidents/${created.number}`)).body;
    expect(monday.sla[0]).toMatchObject({ state: 'running', atRisk: true });
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/opsdesk_incident_sla_at_risk\{severity="P3",goal="response"\} [1-9]/);
  });
});
