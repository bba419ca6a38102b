import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { webhookPayload, type TestAlert } from '../testing/alerts';
import { truncationMarker, STORED_VALUE_CHARS } from './limits';

type Incident = { number: string; status: string; severity: string; truncatedAlerts: number };
const WEBHOOK = '/api/v1/alertmanager/webhook';

/** Every name Object.prototype has: each would reach a prototype member through a plain-object lookup. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

const refused = async (s: TestServer, reason: string) => {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const m = new RegExp(
    `^opsdesk_alertmanager_notifications_refused_total\\{reason="${reason}"\\} (\\d+)`,
    'm',
  ).exec(text);
  return m ? Number(m[1]) : NaN;
};

describe.each(DATABASE_KINDS)('Alertmanager receiver on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.stop());

  test('every Object.prototype name as a severity (and as label and annotation names) falls back to the default', async () => {
    expect(PROTOTYPE_NAMES).toEqual(
      expect.arrayContaining(['constructor', 'toString', '__proto__', 'valueOf']),
    );
    for (const name of PROTOTYPE_NAMES) {
      const res = await s.api<{ outcome: string; incident: string }>(
        'POST',
        WEBHOOK,
        webhookPayload({ alertname: `Proto_${name}` }, [
          {
            labels: { alertname: `Proto_${name}`, severity: name, [name]: name, service: name },
            annotations: { summary: `severity ${name}`, [name]: name },
            startsAt: '2026-11-30T01:00:00Z',
          },
        ]),
      );
      expect([name, res.status, res.body.outcome]).toEqual([name, 200, 'opened']);
      const incident = await s.api<Incident & { service: string }>(
        'GET',
        `/api/v1/incidents/${res.body.incident}`,
      );
      expect([name, incident.status, incident.body.severity]).toEqual([name, 200, 'P3']);
    }
    const list = await s.api<{ incidents: Incident[] }>('GET', '/api/v1/incidents?limit=200&q=severity');
    expect(list.status).toBe(200);
    expect(list.body.incidents).toHaveLength(PROTOTYPE_NAMES.length);
    expect(new Set(list.body.incidents.map((i) => i.severity))).toEqual(new Set(['P3']));
    const metrics = await fetch(`${s.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('opsdesk_incidents_open{severity="P3",status="triggered"}');
  });

  test('a group of 3,000 alerts with long annotations is stored whole; over-long values truncated with a marker; truncatedAlerts shown', async () => {
    const long = 'L'.repeat(100_000);
    const alerts: TestAlert[] = Array.from({ length: 3000 }, (_, i) => ({
      labels: { alertname: 'HostFilesystemFull', severity: 'critical', instance: `db-${i}:9741` },
      annotations: {
        summary: 'Filesystem full',
        description: 'D'.repeat(4096),
        ...(i === 0 ? { detail: long } : {}),
      },
      startsAt: '2026-11-30T02:00:00Z',
    }));
    const payload = webhookPayload({ alertname: 'HostFilesystemFull' }, alerts, { truncatedAlerts: 7 });
    const bytes = JSON.stringify(payload).length;
    expect(bytes).toBeGreaterThan(12 * 1024 * 1024); // far over the former 1 MiB limit
    const t0 = Date.now();
    const res = await s.api<{
      outcome: string;
      incident: string;
      alertsNew: number;
      truncatedAnnotations: number;
    }>('POST', WEBHOOK, payload);
    const ms = Date.now() - t0;
    expect([res.status, res.body.outcome, res.body.alertsNew, res.body.truncatedAnnotations]).toEqual([
      200,
      'opened',
      3000,
      1,
    ]);
    console.log(`${kind}: 3,000 alerts, ${(bytes / 1048576).toFixed(1)} MiB stored in ${ms} ms`);
    const incident = await s.api<Incident & { id: string }>('GET', `/api/v1/incidents/${res.body.incident}`);
    expect([incident.body.severity, incident.body.truncatedAlerts]).toEqual(['P1', 7]);
    const rows = await s.ctx.db.kysely
      .selectFrom('incident_alerts')
      .select('annotations')
      .where('incident_id', '=', incident.body.id)
      .execute();
    expect(rows).toHaveLength(3000);
    const detail = rows
      .map((r) => JSON.parse(r.annotations) as Record<string, string>)
      .find((a) => a.detail !== undefined)?.detail as string;
    expect(detail).toBe('L'.repeat(STORED_VALUE_CHARS) + truncationMarker(100_000 - STORED_VALUE_CHARS));
    const timeline = await s.api<{ entries: Array<{ kind: string; data: Record<string, unknown> }> }>(
      'GET',
      `/api/v1/incidents/${res.body.incident}/timeline`,
    );
    expect(timeline.body.entries.find((e) => e.kind === 'alerts_truncated')?.data).toMatchObject({
      truncatedAlerts: 7,
    });
    // the resend of the same group changes nothing but last-seen times
    const again = await s.api<{ outcome: string }>('POST', WEBHOOK, payload);
    expect([again.status, again.body.outcome]).toEqual([200, 'unchanged']);
  });

  test('a resolved notification before its firing one is recorded; the late firing leaves the incident resolved', async () => {
    const group = { alertname: 'SettlementLate' };
    const alert = (status: 'firing' | 'resolved'): TestAlert => ({
      labels: { alertname: 'SettlementLate', severity: 'warning', service: 'settlement' },
      annotations: { summary: 'Settlement file late' },
      startsAt: '2026-11-30T03:00:00Z',
      status,
      ...(status === 'resolved' ? { endsAt: '2026-11-30T03:04:00Z' } : {}),
    });
    const resolved = await s.api<{ outcome: string; incident: string }>(
      'POST',
      WEBHOOK,
      webhookPayload(group, [alert('resolved')]),
    );
    expect([resolved.status, resolved.body.outcome]).toEqual([200, 'opened']);
    const late = await s.api<{ outcome: string }>('POST', WEBHOOK, webhookPayload(group, [alert('firing')]));
    expect([late.status, late.body.outcome]).toEqual([200, 'ignored']);
    const list = await s.api<{ incidents: Array<Incident & { acknowledgedAt: string | null }> }>(
      'GET',
      '/api/v1/incidents?q=Settlement%20file%20late',
    );
    expect(list.body.incidents.map((i) => [i.number, i.status])).toEqual([
      [resolved.body.incident, 'resolved'],
    ]);
    const detail = await s.api<{ alerts: Array<{ status: string; endsAt: string }> }>(
      'GET',
      `/api/v1/incidents/${resolved.body.incident}`,
    );
    expect(detail.body.alerts.map((a) => [a.status, a.endsAt])).toEqual([
      ['resolved', '2026-11-30T03:04:00.000Z'],
    ]);
    // a new firing of the group (a new startsAt) is a new incident or a reopen, as always
    const next = await s.api<{ outcome: string }>(
      'POST',
      WEBHOOK,
      webhookPayload(group, [{ ...alert('firing'), startsAt: '2026-11-30T05:00:00Z' }]),
    );
    expect(['opened', 'reopened']).toContain(next.body.outcome);
  });

  test('NUL bytes in a notification are replaced, never a reason to lose it', async () => {
    const res = await s.api<{ outcome: string; incident: string }>(
      'POST',
      WEBHOOK,
      webhookPayload({ alertname: 'Nul' }, [
        {
          labels: { alertname: 'Nul', instance: 'a\u0000b' },
          annotations: { summary: 'x\u0000y' },
          startsAt: '2026-11-30T04:00:00Z',
        },
      ]),
    );
    expect([res.status, res.body.outcome]).toEqual([200, 'opened']);
    const detail = await s.api<{ title: string }>('GET', `/api/v1/incidents/${res.body.incident}`);
    expect(detail.body.title).toBe('x\uFFFDy');
  });
});

describe('refused notifications are counted by reason', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', {
      alertmanager: { body_limit_bytes: 1024 * 1024, max_in_flight: 1 },
    });
  });
  afterAll(() => s.stop());

  const payload = (n: number, name = 'Big') =>
    webhookPayload(
      { alertname: name },
      Array.from({ length: n }, (_, i) => ({
        labels: { alertname: name, instance: `h-${i}` },
        annotations: { description: 'D'.repeat(300) },
        startsAt: '2026-11-30T06:00:00Z',
      })),
    );

  test('too large, invalid, unauthorized and overload each have their reason; every reason is exported from the start', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    for (const reason of [
      'unauthorized',
      'too_large',
      'malformed',
      'invalid',
      'overload',
      'database_unavailable',
      'internal',
    ])
      expect(text).toContain(`opsdesk_alertmanager_notifications_refused_total{reason="${reason}"} 0`);

    const big = await s.api<{ error: { message: string } }>('POST', WEBHOOK, payload(5000));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('alertmanager.body_limit_bytes');
    expect(await refused(s, 'too_large')).toBe(1);

    expect((await s.api('POST', WEBHOOK, { ...payload(1), alerts: [{ status: 'firing' }] })).status).toBe(
      400,
    );
    expect(await refused(s, 'invalid')).toBe(1);
    expect((await s.api('POST', WEBHOOK, '{"version":')).status).toBe(400);
    expect(await refused(s, 'malformed')).toBe(1);
    expect((await s.api('POST', WEBHOOK, payload(1), 'odk_not-a-token-at-all-000000000')).status).toBe(401);
    expect(await refused(s, 'unauthorized')).toBe(1);

    // max_in_flight 1: notifications arriving while one is stored are shed with 503 + Retry-After
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${s.url}${WEBHOOK}`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer odk_test-admin-token-0123456789',
            'content-type': 'application/json',
          },
          body: JSON.stringify(payload(1500, `Shed${i}`)),
        }).then((r) => ({ status: r.status, retryAfter: r.headers.get('retry-after') })),
      ),
    );
    const shed = results.filter((r) => r.status === 503);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    expect(shed.every((r) => r.retryAfter !== null && Number(r.retryAfter) > 0)).toBe(true);
    expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(await refused(s, 'overload')).toBe(shed.length);
  });
});
