import { spawnSync } from 'node:child_process';
import { describeWithPrograms, program } from '@opsdesk/testing';
import { startTestServer, type TestServer } from '../testing/server';
import { recordBreaches } from './tick';

const H = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer('sqlite', { http: { rate_limit: { per_second: 100_000, burst: 100_000 } } });
});
afterAll(() => s.stop());

test('the report counts met and breached goals, MTTA, MTTR and MTBF; breaches land in the timeline and metrics', async () => {
  // P1 (15 min to respond, 4 h to resolve, 24×7) detected 2 h ago: response breached, resolution met when resolved now
  const late = await s.api<{ number: string }>('POST', '/api/v1/incidents', {
    title: 'Clearing stuck',
    severity: 'P1',
    service: 'clearing',
    detectedAt: ago(2 * H),
    occurredAt: ago(2 * H + 60_000),
  });
  // P1 detected 5 min ago and acknowledged now: response met, resolution still running
  const quick = await s.api<{ number: string }>('POST', '/api/v1/incidents', {
    title: 'Quote feed gap',
    severity: 'P1',
    service: 'clearing',
    detectedAt: ago(5 * 60_000),
  });
  expect(await recordBreaches(s.ctx)).toBe(1); // the late one's response clock
  expect(await recordBreaches(s.ctx)).toBe(0); // recorded once
  await s.api('POST', `/api/v1/incidents/${late.body.number}/resolve`, {});
  await s.api('POST', `/api/v1/incidents/${quick.body.number}/acknowledge`, {});

  const tl = await s.api<{ entries: Array<{ kind: string; actor: string; data: { goal?: string } }> }>(
    'GET',
    `/api/v1/incidents/${late.body.number}/timeline`,
  );
  expect(tl.body.entries.filter((e) => e.kind === 'sla_breached')).toEqual([
    expect.objectContaining({ actor: 'opsdesk', data: expect.objectContaining({ goal: 'response' }) }),
  ]);

  const report = await s.api<{
    incidents: number;
    goals: Array<{
      severity: string;
      goal: string;
      count: number;
      met: number;
      breached: number;
      running: number;
      pctMet: number | null;
    }>;
    services: Array<{
      service: string;
      incidents: number;
      mttaSeconds: number;
      mttrSeconds: number;
      mtbfSeconds: number;
    }>;
  }>(
    'GET',
    `/api/v1/sla/report?from=${encodeURIComponent(ago(3 * H))}&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`,
  );
  expect(report.status).toBe(200);
  const p1 = (goal: string) => report.body.goals.find((g) => g.severity === 'P1' && g.goal === goal);
  expect(p1('response')).toMatchObject({ count: 2, met: 1, breached: 1, running: 0, pctMet: 50 });
  expect(p1('resolution')).toMatchObject({ count: 2, met: 1, breached: 0, running: 1, pctMet: 100 });
  const clearing = report.body.services.find((x) => x.service === 'clearing');
  expect(clearing?.incidents).toBe(2);
  // MTTA: (2 h + 5 min) / 2 ; MTTR: 2 h (only the resolved one)
  expect(clearing?.mttaSeconds).toBeGreaterThan(3750 - 30);
  expect(clearing?.mttaSeconds).toBeLessThan(3750 + 30);
  expect(clearing?.mttrSeconds).toBeGreaterThan(7200 - 30);
  expect(clearing?.mttrSeconds).toBeLessThan(7200 + 30);
  // MTBF: (3 h elapsed − 2 h 1 min in incidents: the late one from when it occurred, the quick one inside it) / 2
  expect(clearing?.mtbfSeconds).toBeGreaterThan((3 * 3600 - 7260) / 2 - 30);
  expect(clearing?.mtbfSeconds).toBeLessThan((3 * 3600 - 7260) / 2 + 30);

  const metrics = await (await fetch(`${s.url}/metrics`)).text();
  expect(metrics).toContain('opsdesk_incident_sla_breaches_total{severity="P1",goal="response"} 1');
  expect(metrics).toMatch(/opsdesk_incident_response_seconds_count\{severity="P1"\} 2/);
  expect(metrics).toContain('opsdesk_incidents_open{severity="P1",status="acknowledged"} 1');
  expect(metrics).toContain('opsdesk_sla_met_ratio{severity="P1",goal="response"} 0.5');

  const bad = await s.api<{ error: { message: string } }>(
    'GET',
    `/api/v1/sla/report?from=${encodeURIComponent(ago(0))}&to=${encodeURIComponent(ago(H))}`,
  );
  expect([bad.status, bad.body.error.message]).toEqual([400, 'query to: must be after from']);
});

test('recurrence: related incidents and repeat counts per service and alertname', async () => {
  const fire = (i: number) =>
    s.api('POST', '/api/v1/alertmanager/webhook', {
      version: '4',
      groupKey: `{}:{alertname="SftpLate", run="${i}"}`,
      status: 'firing',
      receiver: 'opsdesk',
      groupLabels: { alertname: 'SftpLate', run: String(i) },
      commonLabels: { alertname: 'SftpLate', service: 'sftp', severity: 'warning' },
      commonAnnotations: { summary: 'Participant file late' },
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'SftpLate', service: 'sftp', run: String(i) },
          startsAt: ago((3 - i) * H),
          fingerprint: `sftp${i}`,
        },
      ],
    });
  for (let i = 0; i < 3; i++) await fire(i);
  const rec = await s.api<{
    repeats: Array<{ service: string; alertname: string; last30Days: number; last90Days: number }>;
  }>('GET', '/api/v1/recurrence');
  expect(rec.body.repeats).toContainEqual(
    expect.objectContaining({ service: 'sftp', alertname: 'SftpLate', last30Days: 3, last90Days: 3 }),
  );
  const list = await s.api<{ incidents: Array<{ number: string }> }>('GET', '/api/v1/incidents?service=sftp');
  const related = await s.api<{ incidents: unknown[] }>(
    'GET',
    `/api/v1/incidents/${list.body.incidents[0]?.number}/related`,
  );
  expect(related.body.incidents).toHaveLength(2);
});

test('rate limit per token → 429 with Retry-After; security headers on every answer', async () => {
  // one token every 100 s: five requests can never earn a fourth token, however slow the machine
  const limited = await startTestServer('sqlite', { http: { rate_limit: { per_second: 0.01, burst: 3 } } });
  try {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${limited.url}/api/v1/incidents`, {
        headers: { authorization: 'Bearer odk_test-admin-token-0123456789' },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  } finally {
    await limited.stop();
  }
});

describeWithPrograms({ promtool: 'prometheus' }, 'server metrics', () => {
  test('promtool check metrics finds nothing to complain about', async () => {
    const body = await (await fetch(`${s.url}/metrics`)).text();
    const r = spawnSync(program('promtool'), ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
  });
});
