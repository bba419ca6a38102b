import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPrograms,
  freePort,
  program,
  startService,
  waitFor,
  type RunningService,
} from '@opsdesk/testing';
import { startTestServer, type TestServer } from '../testing/server';

type Incident = {
  number: string;
  status: string;
  title: string;
  severity: string;
  alerts: Array<{ status: string }>;
};

describeWithPrograms(
  { 'prometheus-alertmanager': 'prometheus-alertmanager', amtool: 'prometheus-alertmanager' },
  'with the real Alertmanager',
  () => {
    let server: TestServer;
    let dir: string;
    let amUrl: string;
    let am: RunningService;
    let amPort: number;

    const startAlertmanager = async () =>
      startService({
        command: program('prometheus-alertmanager'),
        args: [
          `--config.file=${path.join(dir, 'alertmanager.yml')}`,
          `--storage.path=${path.join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${amPort}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        readyUrl: `${amUrl}/-/ready`,
      });

    const ALERTS: Record<string, string[]> = {
      'gw-1': [
        'alertname=TradeGatewayDown',
        'severity=critical',
        'service=gateway',
        'instance=gw-1',
        '--annotation=summary=Trade gateway down',
      ],
      'gw-2': [
        'alertname=TradeGatewayDown',
        'severity=critical',
        'service=gateway',
        'instance=gw-2',
        '--annotation=summary=Trade gateway down',
      ],
      'db-1': [
        'alertname=DiskFull',
        'severity=warning',
        'service=settlement',
        'instance=db-1',
        '--annotation=summary=Disk full',
      ],
    };
    let start = '';
    /** amtool alert add, as Prometheus would send the alert; with `end` it resolves it */
    const send = (instance: string, end?: string) =>
      execFileSync(program('amtool'), [
        `--alertmanager.url=${amUrl}`,
        'alert',
        'add',
        ...(ALERTS[instance] as string[]),
        `--start=${start}`,
        ...(end ? [`--end=${end}`] : []),
      ]);

    const incidents = async () =>
      (await server.api<{ incidents: Incident[] }>('GET', '/api/v1/incidents?limit=200')).body.incidents;

    beforeAll(async () => {
      server = await startTestServer('sqlite');
      const token = (
        await server.api<{ token: string }>('POST', '/api/v1/tokens', {
          name: 'alertmanager',
          role: 'editor',
        })
      ).body.token;
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-am-'));
      writeFileSync(path.join(dir, 'token'), token);
      amPort = await freePort();
      amUrl = `http://127.0.0.1:${amPort}`;
      writeFileSync(
        path.join(dir, 'alertmanager.yml'),
        [
          'route:',
          '  receiver: opsdesk',
          '  group_by: [alertname]',
          '  group_wait: 1s',
          '  group_interval: 2s',
          '  repeat_interval: 1h',
          'receivers:',
          '  - name: opsdesk',
          '    webhook_configs:',
          `      - url: ${server.url}/api/v1/alertmanager/webhook`,
          '        send_resolved: true',
          '        http_config:',
          '          authorization:',
          `            credentials_file: ${path.join(dir, 'token')}`,
          '',
        ].join('\n'),
      );
      am = await startAlertmanager();
    });

    afterAll(async () => {
      await am?.stop();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('alerts open one incident per group within group_wait + 2 s, resolve it, and a restart adds no duplicate', async () => {
      start = new Date(Date.now() - 60_000).toISOString();
      const added = Date.now();
      send('gw-1');
      send('gw-2');
      send('db-1');

      const opened = await waitFor(
        'two incidents',
        async () => {
          const list = await incidents();
          return list.length === 2 ? list : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 100 },
      );
      const elapsed = Date.now() - added;
      console.log(`alert → incident through the real Alertmanager: ${elapsed} ms (group_wait 1 s)`);
      expect(elapsed).toBeLessThan(1000 + 2000);
      const gw = opened.find((i) => i.title === 'Trade gateway down') as Incident;
      expect(gw.severity).toBe('P1');
      await waitFor('both gateway alerts attached', async () => {
        const d = await server.api<Incident>('GET', `/api/v1/incidents/${gw.number}`);
        return d.body.alerts.length === 2 ? true : undefined;
      });

      // Restart: Alertmanager forgets alerts, the sender (here amtool, in life Prometheus) re-sends them, Alertmanager re-notifies.
      await am.stop();
      am = await startAlertmanager();
      send('gw-1');
      send('gw-2');
      send('db-1');
      const seen = await server.api<{ entries: unknown[] }>('GET', `/api/v1/incidents/${gw.number}/timeline`);
      await waitFor(
        'the re-sent notification',
        async () => {
          const d = await server.api<Incident & { lastSeenAt: string }>(
            'GET',
            `/api/v1/incidents/${gw.number}`,
          );
          return Date.parse(d.body.lastSeenAt) > added + 1000 &&
            Date.parse(d.body.lastSeenAt) > Date.now() - 5000
            ? true
            : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(await incidents()).toHaveLength(2);
      const after = await server.api<{ entries: unknown[] }>(
        'GET',
        `/api/v1/incidents/${gw.number}/timeline`,
      );
      expect(after.body.entries.length).toBe(seen.body.entries.length);

      // Resolve the gateway alerts: Alertmanager sends resolved after group_interval.
      const end = new Date().toISOString();
      send('gw-1', end);
      send('gw-2', end);
      const resolved = await waitFor(
        'the gateway incident to resolve',
        async () => {
          const d = await server.api<Incident>('GET', `/api/v1/incidents/${gw.number}`);
          return d.body.status === 'resolved' ? d.body : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(resolved.alerts.map((a) => a.status)).toEqual(['resolved', 'resolved']);
      expect((await incidents()).find((i) => i.title === 'Disk full')?.status).toBe('triggered');
    });

    test('a group of 3,000 alerts with long annotations from the real Alertmanager becomes one incident with every alert', async () => {
      const startsAt = new Date(Date.now() - 60_000).toISOString();
      const alerts = Array.from({ length: 3000 }, (_, i) => ({
        labels: {
          alertname: 'BigOutage',
          severity: 'critical',
          service: 'trading',
          instance: `node-${i}:9741`,
        },
        annotations: {
          summary: 'Trading nodes unreachable',
          description: 'D'.repeat(4096),
          ...(i === 0 ? { detail: 'X'.repeat(40_000) } : {}),
        },
        startsAt,
      }));
      for (let i = 0; i < alerts.length; i += 500) {
        const res = await fetch(`${amUrl}/api/v2/alerts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(alerts.slice(i, i + 500)),
        });
        expect(res.status).toBe(200);
      }
      const incident = await waitFor(
        'all 3,000 alerts on one incident',
        async () => {
          const list = (await incidents()).filter((i) => i.title === 'Trading nodes unreachable');
          if (list.length !== 1) return undefined;
          const row = await server.ctx.db.kysely
            .selectFrom('incident_alerts as a')
            .innerJoin('incidents as i', 'i.id', 'a.incident_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('i.number', '=', (list[0] as Incident).number)
            .executeTakeFirst();
          return Number(row?.n) === 3000 ? list[0] : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
      expect(incident.severity).toBe('P1');
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).not.toMatch(/^opsdesk_alertmanager_notifications_refused_total\{[^}]*\} [1-9]/m);
    });
  },
);
