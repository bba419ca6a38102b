import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';

// A month of incidents — cleared by themselves, breached, acknowledged in time and late, answered
// by a comment, still open — and every figure of the SLA report recomputed here by hand from the
// incident list (the definitions of docs/sla.md), never from the server's own clock code.

const M = 60_000;
const H = 60 * M;
const GOALS: Record<string, { response: number; resolution: number }> = {
  P1: { response: 15 * M, resolution: 4 * H },
  P2: { response: 30 * M, resolution: 8 * H },
  P3: { response: 2 * H, resolution: 24 * H },
  P4: { response: 8 * H, resolution: 72 * H },
};
const t = (iso: string) => Date.parse(`${iso}Z`);

type Listed = {
  number: string;
  severity: string;
  service: string;
  occurredAt: string;
  detectedAt: string;
  respondedAt: string | null;
  resolvedAt: string | null;
};
type GoalRow = {
  severity: string;
  goal: 'response' | 'resolution';
  count: number;
  met: number;
  breached: number;
  running: number;
  selfCleared: number;
  pctMet: number | null;
};
type ServiceRow = {
  service: string;
  incidents: number;
  responded: number;
  resolved: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  downtimeSeconds: number;
  mtbfSeconds: number | null;
  availability: number | null;
};
type Report = {
  from: string;
  to: string;
  elapsedSeconds: number;
  incidents: number;
  goals: GoalRow[];
  services: ServiceRow[];
};

/** The state of each goal of one incident, by the definitions, from its listed times alone. */
function byHand(i: Listed, now: number): Record<'response' | 'resolution', string> {
  const goal = GOALS[i.severity] as { response: number; resolution: number };
  const detected = Date.parse(i.detectedAt);
  const responded = i.respondedAt ? Date.parse(i.respondedAt) : null;
  const resolved = i.resolvedAt ? Date.parse(i.resolvedAt) : null;
  const stop = responded ?? resolved;
  let response: string;
  if (stop !== null) {
    const took = stop - detected;
    response = took <= goal.response ? (responded === null ? 'self_cleared' : 'met') : 'breached';
  } else response = now - detected >= goal.response ? 'breached' : 'running';
  let resolution: string;
  if (response === 'self_cleared') resolution = 'self_cleared';
  else if (resolved !== null) resolution = resolved - detected <= goal.resolution ? 'met' : 'breached';
  else resolution = now - detected >= goal.resolution ? 'breached' : 'running';
  return { response, resolution };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

describe.each(DATABASE_KINDS)('the SLA report of a month, recomputed by hand, on %s', (kind) => {
  let s: TestServer;
  let now = 0;
  beforeAll(async () => {
    s = await startTestServer(kind, {
      sla: {
        calendars: [{ name: '24x7', timezone: 'UTC', hours: '24x7' }],
        policies: Object.entries(GOALS).map(([severity, g]) => ({
          severity,
          response: `${g.response / M}m`,
          resolution: `${g.resolution / M}m`,
          calendar: '24x7',
        })),
      },
    });
    s.ctx.now = () => now;
  });
  afterAll(() => s.stop());

  const at = (iso: string) => {
    now = t(iso);
  };
  const fire = (name: string, startsAt: string, status: 'firing' | 'resolved' = 'firing') =>
    s.api<{ incident: string }>(
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload({ alertname: name }, [
        {
          labels: { alertname: name, service: 'settlement', severity: 'warning' },
          startsAt: `${startsAt}Z`,
          status,
          ...(status === 'resolved' ? { endsAt: new Date(now).toISOString() } : {}),
        },
      ]),
    );
  const manual = async (severity: string, title: string) =>
    (await s.api<{ number: string }>('POST', '/api/v1/incidents', { title, severity, service: 'gateway' }))
      .body.number;
  const act = (n: string, action: string) => s.api('POST', `/api/v1/incidents/${n}/${action}`, {});

  test('met, breached, running and self-cleared per severity and goal; MTTA, MTTR, MTBF and availability per service', async () => {
    // October: outside the report
    at('2026-10-30T10:00:00');
    await manual('P2', 'October incident');
    // cleared by itself within the P3 response goal (2 h): nobody responded
    at('2026-11-02T10:00:00');
    await fire('BatchLate', '2026-11-02T09:55:00');
    at('2026-11-02T10:20:00');
    await fire('BatchLate', '2026-11-02T09:55:00', 'resolved');
    // cleared by itself 3 h after detection: nobody responded before the goal fell due
    at('2026-11-03T10:00:00');
    await fire('FileLate', '2026-11-03T09:58:00');
    at('2026-11-03T13:00:00');
    await fire('FileLate', '2026-11-03T09:58:00', 'resolved');
    // P2 acknowledged after 10 min, resolved after 2 h
    at('2026-11-05T09:00:00');
    const quick = await manual('P2', 'Login errors');
    at('2026-11-05T09:10:00');
    await act(quick, 'acknowledge');
    at('2026-11-05T11:00:00');
    await act(quick, 'resolve');
    // P1 acknowledged after 40 min (goal 15), resolved after 6 h (goal 4)
    at('2026-11-06T08:00:00');
    const late = await manual('P1', 'Order entry down');
    at('2026-11-06T08:40:00');
    await act(late, 'acknowledge');
    at('2026-11-06T14:00:00');
    await act(late, 'resolve');
    // P3 answered by a comment after 30 min, still open two weeks later
    at('2026-11-06T09:00:00');
    const commented = await manual('P3', 'Report totals differ');
    at('2026-11-06T09:30:00');
    await s.api('POST', `/api/v1/incidents/${commented}/comments`, { text: 'looking' });
    // P2 opened 10 min before the report is taken, untouched
    at('2026-11-20T11:50:00');
    await manual('P2', 'Quote feed slow');

    at('2026-11-20T12:00:00'); // the report is taken in the middle of the month
    const res = await s.api<Report>('GET', '/api/v1/sla/report?from=2026-11-01&to=2026-11-30&timeZone=UTC');
    expect(res.status).toBe(200);
    const report = res.body;

    // by hand, from the incident list
    const from = t('2026-11-01T00:00:00');
    const to = t('2026-12-01T00:00:00');
    const listed = (
      await s.api<{ incidents: Listed[] }>('GET', '/api/v1/incidents?limit=200')
    ).body.incidents.filter((i) => Date.parse(i.detectedAt) >= from && Date.parse(i.detectedAt) < to);
    expect(listed).toHaveLength(6);
    expect(report.from).toBe(new Date(from).toISOString());
    expect(report.to).toBe(new Date(to).toISOString());
    const elapsedEnd = Math.min(to, now);
    expect(report.elapsedSeconds).toBe((elapsedEnd - from) / 1000);
    expect(report.incidents).toBe(listed.length);

    const states = new Map(listed.map((i) => [i.number, byHand(i, now)]));
    // the month has each kind the report must tell apart
    const all = [...states.values()].flatMap((x) => [x.response, x.resolution]);
    for (const kindOfState of ['met', 'breached', 'running', 'self_cleared'])
      expect(all).toContain(kindOfState);

    for (const severity of ['P1', 'P2', 'P3', 'P4']) {
      for (const goal of ['response', 'resolution'] as const) {
        const mine = listed.filter((i) => i.severity === severity).map((i) => states.get(i.number)?.[goal]);
        const count = (st: string) => mine.filter((x) => x === st).length;
        const met = count('met');
        const breached = count('breached');
        expect(report.goals.find((g) => g.severity === severity && g.goal === goal)).toEqual({
          severity,
          goal,
          count: mine.length,
          met,
          breached,
          running: count('running'),
          selfCleared: count('self_cleared'),
          pctMet: met + breached ? (100 * met) / (met + breached) : null,
        });
      }
    }

    const services = [...new Set(listed.map((i) => i.service))];
    expect(report.services.map((x) => x.service).sort()).toEqual(services.sort());
    for (const service of services) {
      const list = listed.filter((i) => i.service === service);
      const responded = list.filter((i) => i.respondedAt !== null);
      const resolved = list.filter((i) => i.resolvedAt !== null);
      // downtime: the union of [occurred, resolved or now) inside the elapsed part of the month
      const intervals = list
        .map((i) => [
          Math.max(Date.parse(i.occurredAt), from),
          Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : now, elapsedEnd),
        ])
        .filter(([a, b]) => (b as number) > (a as number))
        .sort((x, y) => (x[0] as number) - (y[0] as number)) as Array<[number, number]>;
      let down = 0;
      let reach = -Infinity;
      for (const [a, b] of intervals) {
        down += Math.max(0, b - Math.max(a, reach));
        reach = Math.max(reach, b);
      }
      const elapsed = elapsedEnd - from;
      const row = report.services.find((x) => x.service === service) as ServiceRow;
      expect(row).toEqual({
        service,
        incidents: list.length,
        responded: responded.length,
        resolved: resolved.length,
        mttaSeconds: mean(
          responded.map((i) => (Date.parse(i.respondedAt as string) - Date.parse(i.detectedAt)) / 1000),
        ),
        mttrSeconds: mean(
          resolved.map((i) => (Date.parse(i.resolvedAt as string) - Date.parse(i.detectedAt)) / 1000),
        ),
        downtimeSeconds: down / 1000,
        mtbfSeconds: (elapsed - down) / 1000 / list.length,
        availability: 1 - down / elapsed,
      });
    }
    // Alertmanager's resolutions acknowledged nothing: MTTA of the settlement service has no sample
    expect(report.services.find((x) => x.service === 'settlement')).toMatchObject({
      responded: 0,
      mttaSeconds: null,
    });

    // /metrics reads the stored clocks; its month ratio agrees with the same hand count
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    for (const severity of ['P1', 'P2', 'P3']) {
      for (const goal of ['response', 'resolution'] as const) {
        const mine = listed.filter((i) => i.severity === severity).map((i) => states.get(i.number)?.[goal]);
        const met = mine.filter((x) => x === 'met').length;
        const decided = met + mine.filter((x) => x === 'breached').length;
        if (decided === 0) continue;
        const line = new RegExp(
          `opsdesk_sla_met_ratio\\{severity="${severity}",goal="${goal}"\\} ([0-9.]+)`,
        ).exec(metrics);
        expect([severity, goal, Number(line?.[1])]).toEqual([severity, goal, met / decided]);
      }
    }

    // plain dates that do not exist are refused with the field named
    const bad = await s.api<{ error: { message: string } }>(
      'GET',
      '/api/v1/sla/report?from=2026-02-30&to=2026-03-31',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query from/);
  });
});
