import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';

type Incident = {
  id: string;
  number: string;
  status: string;
  severity: string;
  sla: Array<{ goal: string; state: string; dueAt: string | null }>;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  assignee: string | null;
};
type ErrorBody = { error: { code: string; message: string; details: unknown[] } };

describe.each(DATABASE_KINDS)('incidents on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.stop());

  test('a manual incident goes through its lifecycle with a timeline and SLA clocks', async () => {
    const created = await s.api<Incident>('POST', '/api/v1/incidents', {
      title: 'Order gateway rejects logins',
      severity: 'P2',
      service: 'gateway',
      symptom: '登录失败',
      assignee: 'zhang.san',
    });
    expect(created.status).toBe(201);
    expect(created.body.number).toMatch(/^INC-\d{4}-\d{4}$/);
    expect(created.body.sla.map((g) => [g.goal, g.state])).toEqual([
      ['response', 'running'],
      ['resolution', 'running'],
    ]);
    const id = created.body.number;

    const ack = await s.api<Incident>('POST', `/api/v1/incidents/${id}/acknowledge`, { note: 'on it' });
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.sla[0]?.state).toBe('met');
    expect((await s.api<Incident>('POST', `/api/v1/incidents/${id}/wait`, {})).body.status).toBe(
      'waiting_for_customer',
    );
    const waiting = await s.api<Incident>('GET', `/api/v1/incidents/${id}`);
    expect(waiting.body.sla[1]).toMatchObject({ state: 'paused', dueAt: null });
    expect((await s.api<Incident>('POST', `/api/v1/incidents/${id}/mitigate`, {})).body.status).toBe(
      'mitigated',
    );
    expect((await s.api<Incident>('POST', `/api/v1/incidents/${id}/resolve`, {})).body.status).toBe(
      'resolved',
    );

    // P2 needs a review before closing
    const refused = await s.api<ErrorBody>('POST', `/api/v1/incidents/${id}/close`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('review_required');
    const review = await s.api<{ actionItems: Array<{ id: string; overdue: boolean }> }>(
      'PUT',
      `/api/v1/incidents/${id}/review`,
      {
        summary: 'Certificate expired on the login gateway',
        rootCause: 'No alert on certificate expiry',
        lessons: { wentWell: 'fast rollback', wentWrong: 'late detection', gotLucky: 'low traffic' },
        actionItems: [
          { title: 'Alert 30 days before expiry', owner: 'li.si', dueDate: '2020-01-31' },
          { title: 'Automate renewal', owner: 'wang.wu', dueDate: '2099-12-31' },
        ],
      },
    );
    expect(review.status).toBe(200);
    expect(review.body.actionItems.map((a) => a.overdue)).toEqual([true, false]);
    expect((await s.api<Incident>('POST', `/api/v1/incidents/${id}/close`, {})).body.status).toBe('closed');

    const illegal = await s.api<ErrorBody>('POST', `/api/v1/incidents/${id}/acknowledge`, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.message).toBe(
      'cannot acknowledge an incident that is closed; allowed now: reopen',
    );

    await s.api('POST', `/api/v1/incidents/${id}/comments`, { text: 'customer confirmed' });
    const timeline = await s.api<{
      entries: Array<{ kind: string; actor: string; data: Record<string, unknown> }>;
    }>('GET', `/api/v1/incidents/${id}/timeline`);
    expect(timeline.body.entries.map((e) => e.kind)).toEqual([
      'created',
      'assigned',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'review_created',
      'status_changed',
      'comment',
    ]);
    expect(timeline.body.entries.every((e) => e.actor === 'bootstrap')).toBe(true);
    expect(
      (await s.api<{ actionItems: unknown[] }>('GET', '/api/v1/action-items')).body.actionItems,
    ).toHaveLength(2);
  });

  test('updates record each change and the Grafana user as actor', async () => {
    const { body } = await s.api<Incident>('POST', '/api/v1/incidents', {
      title: 'Slow clearing batch',
      severity: 'P3',
    });
    // only the Grafana app plugin's token may name the Grafana user (server/src/auth/identity.test.ts)
    const plugin = await s.api<{ token: string }>('POST', '/api/v1/tokens', {
      name: 'grafana-app',
      role: 'editor',
      grafanaPlugin: true,
    });
    const res = await fetch(`${s.url}/api/v1/incidents/${body.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${plugin.body.token}`,
        'content-type': 'application/json',
        'x-grafana-user': 'alice',
      },
      body: JSON.stringify({ severity: 'P2', assignee: 'bob' }),
    });
    expect(res.status).toBe(200);
    const tl = await s.api<{
      entries: Array<{ kind: string; actor: string; data: Record<string, unknown> }>;
    }>('GET', `/api/v1/incidents/${body.id}/timeline`);
    const last = tl.body.entries.slice(-2);
    expect(last.map((e) => [e.kind, e.actor])).toEqual([
      ['assigned', 'alice via grafana-app'],
      ['updated', 'alice via grafana-app'],
    ]);
    expect(last[1]?.data).toMatchObject({ changes: { severity: { from: 'P3', to: 'P2' } } });
  });

  test('lists filter, search, match labels and page with a cursor', async () => {
    for (let i = 0; i < 7; i++) {
      await s.api('POST', '/api/v1/incidents', {
        title: `Batch ${i} 100%_late`,
        severity: i % 2 ? 'P4' : 'P3',
        service: 'settlement',
        labels: { env: i < 3 ? 'prod' : 'uat' },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/incidents?service=settlement&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; body: { incidents: Incident[]; nextCursor: string | null } } =
        await s.api('GET', q);
      expect(page.status).toBe(200);
      seen.push(...page.body.incidents.map((x) => x.number));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort().reverse()).toEqual(seen); // newest first
    const p4 = await s.api<{ incidents: Incident[] }>(
      'GET',
      '/api/v1/incidents?service=settlement&severity=P4',
    );
    expect(p4.body.incidents.map((x) => x.severity)).toEqual(['P4', 'P4', 'P4']);
    const prod = await s.api<{ incidents: Incident[] }>(
      'GET',
      '/api/v1/incidents?label=env%3Dprod&service=settlement',
    );
    expect(prod.body.incidents).toHaveLength(3);
    const notProd = await s.api<{ incidents: Incident[] }>(
      'GET',
      '/api/v1/incidents?label=env!%3Dprod&service=settlement',
    );
    expect(notProd.body.incidents).toHaveLength(4);
    // % and _ are literal in text search, and SQL-looking text is only text
    expect(
      (
        await s.api<{ incidents: Incident[] }>(
          'GET',
          `/api/v1/incidents?q=${encodeURIComponent('100%_late')}`,
        )
      ).body.incidents,
    ).toHaveLength(7);
    expect(
      (
        await s.api<{ incidents: Incident[] }>(
          'GET',
          `/api/v1/incidents?q=${encodeURIComponent("x' OR 1=1 --")}`,
        )
      ).body.incidents,
    ).toHaveLength(0);
    const counts = await s.api<{ counts: Record<string, number>; total: number }>(
      'GET',
      '/api/v1/incidents/counts?service=settlement&severity=P3',
    );
    expect(counts.body).toEqual({
      counts: {
        triggered: 4,
        acknowledged: 0,
        mitigated: 0,
        waiting_for_customer: 0,
        resolved: 0,
        closed: 0,
      },
      total: 4,
    });
    const bad = await s.api<ErrorBody>('GET', '/api/v1/incidents?severity=P9');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query severity/);
    expect((await s.api<ErrorBody>('GET', '/api/v1/incidents?cursor=bogus')).body.error.message).toContain(
      'not a cursor this server issued',
    );
  });
});

describe.each(DATABASE_KINDS)('Alertmanager webhook on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { incidents: { reopen_window: '1h' } });
  });
  afterAll(() => s.stop());

  const alert = (
    instance: string,
    extra: Partial<{ status: 'firing' | 'resolved'; endsAt: string; severity: string }> = {},
  ) => ({
    labels: {
      alertname: 'TradeGatewayDown',
      service: 'gateway',
      severity: extra.severity ?? 'critical',
      instance,
    },
    annotations: { summary: 'Trade gateway down', description: '交易网关无法连接' },
    startsAt: '2026-11-26T01:00:00Z',
    ...(extra.status ? { status: extra.status } : {}),
    ...(extra.endsAt ? { endsAt: extra.endsAt } : {}),
  });
  const group = { alertname: 'TradeGatewayDown' };

  test('one incident per group; resends change only last-seen; resolved resolves it; firing again reopens it', async () => {
    const first = await s.api<{ outcome: string; incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(group, [alert('gw-1')]),
    );
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('opened');
    const number = first.body.incident;
    const incident = await s.api<Incident & { title: string; symptom: string; alerts: unknown[] }>(
      'GET',
      `/api/v1/incidents/${number}`,
    );
    expect(incident.body).toMatchObject({
      title: 'Trade gateway down',
      symptom: '交易网关无法连接',
      severity: 'P1',
      status: 'triggered',
    });

    const timelineLength = async () =>
      (await s.api<{ entries: unknown[] }>('GET', `/api/v1/incidents/${number}/timeline`)).body.entries
        .length;
    const before = await timelineLength();
    // both HA members resend the same notification
    for (let i = 0; i < 3; i++) {
      const again = await s.api<{ outcome: string; incident: string }>(
        'POST',
        '/api/v1/alertmanager/webhook',
        webhookPayload(group, [alert('gw-1')]),
      );
      expect(again.body).toMatchObject({ outcome: 'unchanged', incident: number });
    }
    expect(await timelineLength()).toBe(before);

    const second = await s.api<{ outcome: string; alertsNew: number }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(group, [alert('gw-1'), alert('gw-2')]),
    );
    expect(second.body).toMatchObject({ outcome: 'updated', alertsNew: 1 });

    // a person acknowledges; then Alertmanager says the group is resolved
    await s.api('POST', `/api/v1/incidents/${number}/acknowledge`, {});
    const resolved = await s.api<{ outcome: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(group, [
        alert('gw-1', { status: 'resolved', endsAt: '2026-11-26T01:10:00Z' }),
        alert('gw-2', { status: 'resolved', endsAt: '2026-11-26T01:10:00Z' }),
      ]),
    );
    expect(resolved.body.outcome).toBe('resolved');
    const after = await s.api<Incident & { alerts: Array<{ status: string }> }>(
      'GET',
      `/api/v1/incidents/${number}`,
    );
    expect(after.body.status).toBe('resolved');
    expect(after.body.alerts.map((a) => a.status)).toEqual(['resolved', 'resolved']);
    const tl = await s.api<{ entries: Array<{ kind: string; actor: string; data: { to?: string } }> }>(
      'GET',
      `/api/v1/incidents/${number}/timeline`,
    );
    expect(tl.body.entries.find((e) => e.data.to === 'resolved')?.actor).toBe('alertmanager');

    // fires again within the reopen window: the same incident, reopened
    const refire = await s.api<{ outcome: string; incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(group, [{ ...alert('gw-1'), startsAt: '2026-11-26T01:20:00Z' }]),
    );
    expect(refire.body).toMatchObject({ outcome: 'reopened', incident: number });
    expect((await s.api<Incident>('GET', `/api/v1/incidents/${number}`)).body.status).toBe('triggered');
  });

  test('with truncated alerts only the alerts in the payload are resolved', async () => {
    const g = { alertname: 'DiskFull' };
    const a = (i: string, status?: 'resolved') => ({
      labels: { alertname: 'DiskFull', instance: i, severity: 'warning' },
      startsAt: '2026-11-26T02:00:00Z',
      ...(status ? { status, endsAt: '2026-11-26T02:30:00Z' } : {}),
    });
    const opened = await s.api<{ incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [a('h1'), a('h2'), a('h3')]),
    );
    await s.api(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [a('h1', 'resolved')], { status: 'resolved', truncatedAlerts: 2 }),
    );
    const inc = await s.api<Incident & { alerts: Array<{ labels: { instance: string }; status: string }> }>(
      'GET',
      `/api/v1/incidents/${opened.body.incident}`,
    );
    expect(inc.body.severity).toBe('P3');
    expect(Object.fromEntries(inc.body.alerts.map((x) => [x.labels.instance, x.status]))).toEqual({
      h1: 'resolved',
      h2: 'firing',
      h3: 'firing',
    });
  });

  test('a resolved-only payload for a group without an incident is recorded, already resolved', async () => {
    const g = { alertname: 'Unknown' };
    const res = await s.api<{ outcome: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(g, [
        {
          labels: { alertname: 'Unknown' },
          startsAt: '2026-11-26T03:00:00Z',
          status: 'resolved',
          endsAt: '2026-11-26T03:05:00Z',
        },
      ]),
    );
    // the firing notification may still arrive late (server/src/alertmanager/receiver.test.ts)
    expect(res.body.outcome).toBe('opened');
    expect(
      (
        await s.api<{ incidents: Array<{ status: string }> }>('GET', '/api/v1/incidents?q=Unknown')
      ).body.incidents.map((i) => i.status),
    ).toEqual(['resolved']);
  });

  test('bad payloads are refused with the field named and nothing stored', async () => {
    const count = async () =>
      (await s.api<{ incidents: unknown[] }>('GET', '/api/v1/incidents?limit=200')).body.incidents.length;
    const n = await count();
    const wrongVersion = await s.api<ErrorBody>('POST', '/api/v1/alertmanager/webhook', {
      ...webhookPayload(group, [alert('x')]),
      version: '3',
    });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.error.message).toContain('body version');
    const malformed = await s.api<ErrorBody>('POST', '/api/v1/alertmanager/webhook', '{"version": "4",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const noToken = await s.api<ErrorBody>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload(group, [alert('y')]),
      null,
    );
    expect(noToken.status).toBe(401);
    // a large notification is accepted (server/src/alertmanager/receiver.test.ts covers the limit)
    expect(await count()).toBe(n);
  });
});
