import path from 'node:path';
import {
  COMMON_GOLDEN_RULES,
  expectGolden,
  GOLDEN_FROZEN_CLOCK,
  goldenExposition,
  mergeRules,
  ONLY_DATE_FAKED,
  settledScrape,
} from '@opsdesk/testing';
import { webhookPayload } from './testing/alerts';
import { DATABASE_KINDS } from './testing/databases';
import { startTestServer, type TestServer } from './testing/server';

// The server's golden exposition (server/fixtures/e2e-output.prom): a database (SQLite, PostgreSQL) seeded
// through the server's own API (incidents opened, acknowledged and resolved, an Alertmanager
// notification stored and one refused), each request made at a fixed instant by moving the frozen
// clock, then /metrics read at GOLDEN_FROZEN_CLOCK once the SLA tick has seen the breach.
// `npm run golden` rewrites the file; docs/metrics.md explains what is normalised and why.

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'e2e-output.prom');
const T0 = GOLDEN_FROZEN_CLOCK; // Thursday 10:00 in Shanghai
const MINUTE = 60_000;

const RULES = mergeRules(COMMON_GOLDEN_RULES, {
  // how long this machine took to answer the seeding requests
  volatileValues: [/^opsdesk_http_request_duration_seconds$/],
});

let s: TestServer;

/** Moves the frozen clock to `minutesBefore` T0 and makes the request there, as the admin. */
async function at<T>(minutesBefore: number, method: string, url: string, body: unknown, status = [200, 201]) {
  jest.setSystemTime(T0 - minutesBefore * MINUTE);
  const res = await s.api<T>(method, url, body);
  if (!status.includes(res.status))
    throw new Error(
      `${method} ${url} answered ${res.status}, not ${status.join(' or ')}: ${JSON.stringify(res.body)}`,
    );
  return res.body;
}

// both databases answer the same scrape: one golden file for the two
describe.each(DATABASE_KINDS)('on %s', (kind) => {
  beforeAll(async () => {
    jest.useFakeTimers({ now: T0 - 24 * 60 * MINUTE, doNotFake: [...ONLY_DATE_FAKED] });
    s = await startTestServer(kind, {
      sla: {
        // the tick judges breaches; once a second so the test waits for one without sleeping long
        tick_interval: '1s',
        calendars: [
          { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
          {
            name: '5x8',
            timezone: 'Asia/Shanghai',
            hours: { weekdays: '09:00-17:00' },
            holidays: { builtin: 'cn' },
          },
        ],
        policies: [
          { severity: 'P1', response: '15m', resolution: '4h', calendar: '24x7' },
          { severity: 'P2', response: '30m', resolution: '8h', calendar: '24x7' },
          { severity: 'P3', response: '2h', resolution: '24h', calendar: '5x8' },
          { severity: 'P4', response: '8h', resolution: '72h', calendar: '5x8' },
        ],
      },
    });
  });
  afterAll(async () => {
    await s?.stop();
    jest.useRealTimers();
  });

  test('the server over the seeded database serves exactly server/fixtures/e2e-output.prom', async () => {
    type Created = { id: string };
    // P3 opened Wednesday 16:20 local: 100 of its 120 business minutes to respond are gone at T0 (at risk)
    await at(17 * 60 + 40, 'POST', '/api/v1/incidents', {
      title: 'Report export slow',
      severity: 'P3',
      service: 'reports',
    });
    // P1 opened three hours before T0, acknowledged after 10 minutes, resolved an hour before T0
    // (both goals met); the requests go in time order, as the clock of a real server would
    const p1 = await at<Created>(180, 'POST', '/api/v1/incidents', {
      title: 'Gateway down',
      severity: 'P1',
      service: 'gateway',
    });
    await at(170, 'POST', `/api/v1/incidents/${p1.id}/acknowledge`, {});
    // P2 opened two hours before T0 and never acknowledged: its 30-minute response goal is breached
    await at(120, 'POST', '/api/v1/incidents', {
      title: 'Clearing batch late',
      severity: 'P2',
      service: 'clearing',
    });
    await at(60, 'POST', `/api/v1/incidents/${p1.id}/resolve`, {
      note: 'failed over to the standby gateway',
    });
    // an alert from Alertmanager opens a P4 (severity info), and a body that is not JSON is refused
    await at(
      15,
      'POST',
      '/api/v1/alertmanager/webhook',
      webhookPayload({ alertname: 'HostPatchesPending' }, [
        {
          labels: {
            alertname: 'HostPatchesPending',
            severity: 'info',
            service: 'hosts',
            instance: 'db-1:9741',
          },
          annotations: { summary: '66 security upgrades pending on db-1' },
          startsAt: new Date(T0 - 20 * MINUTE).toISOString(),
        },
      ]),
    );
    await at(10, 'POST', '/api/v1/alertmanager/webhook', '{"version": "4", "alerts": [', [400]);
    jest.setSystemTime(T0);

    // an SLA tick at T0 has seen the P2 breach and recomputed every clock
    const body = await settledScrape(
      async () => (await fetch(`${s.url}/metrics`)).text(),
      (text) =>
        text.includes('opsdesk_incident_sla_breaches_total{severity="P2",goal="response"} 1') &&
        text.includes('opsdesk_sla_clocks_stale 0'),
    );
    expectGolden(GOLDEN, goldenExposition(body, RULES, 'server /metrics'));
  });
});
