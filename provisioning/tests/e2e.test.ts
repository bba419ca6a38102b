/**
 * End to end: the host exporter, the OpsDesk server, the real Prometheus and the real Alertmanager
 * (the current releases scripts/go-tools.sh builds, with the provisioned routing), and a test rule
 * whose condition this test controls through the exporter's /proc (a copy of a captured tree whose
 * loadavg the test rewrites).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPrograms,
  freePort,
  program,
  startPrometheus,
  startService,
  waitFor,
  type RunningPrometheus,
  type RunningService,
} from '@opsdesk/testing';

const ROOT = path.join(__dirname, '..', '..');
const HOST_BIN = path.join(ROOT, 'exporters', 'host', 'bin', 'opsdesk-host-exporter.js');
const SERVER_BIN = path.join(ROOT, 'server', 'bin', 'opsdesk-server.js');
const FIXTURE = path.join(ROOT, 'exporters', 'host', 'src', 'fixtures', 'debian12-vm');
const ADMIN = 'odk_e2e-admin-token-0123456789';

describeWithPrograms(
  { prometheus: 'prometheus', 'prometheus-alertmanager': 'prometheus-alertmanager' },
  'alert → incident, end to end',
  () => {
    let dir: string;
    let server: RunningService & { url: string };
    let exporter: RunningService & { url: string };
    let am: RunningService & { url: string };
    let prom: RunningPrometheus;
    let im: http.Server;
    const imPosts: string[] = [];

    const setLoad = (load1: string) =>
      writeFileSync(path.join(dir, 'root', 'proc', 'loadavg'), `${load1} 0.16 0.10 1/134 9633\n`);
    const incidents = async () => {
      const res = await fetch(`${server.url}/api/v1/incidents?q=${encodeURIComponent('e2e load')}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      return (
        (await res.json()) as {
          incidents: Array<{
            number: string;
            status: string;
            source: string;
            severity: string;
            service: string | null;
          }>;
        }
      ).incidents;
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-e2e-'));
      cpSync(FIXTURE, path.join(dir, 'root'), { recursive: true });
      setLoad('0.10');

      // stands in for the robots of the server's team and on-call channels (generic webhooks here: the
      // platforms' own formats are tested against their stand-ins in server/src/notify)
      im = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          imPosts.push(`${req.url} ${body}`);
          res.end('ok');
        });
      });
      await new Promise<void>((r) => im.listen(0, '127.0.0.1', r));
      const imUrl = `http://127.0.0.1:${(im.address() as AddressInfo).port}`;
      // the channels the provisioned team-im and oncall-im receivers name in their bridge URLs; only
      // the bridge's messages (alert.group) reach them, so a post proves the Alertmanager route
      writeFileSync(
        path.join(dir, 'server.yml'),
        [
          'notify:',
          '  poll_interval: 100ms',
          '  channels:',
          `    - { name: oncall, type: webhook, language: en, events: [alert.group], webhook_url: { env: E2E_ONCALL_URL } }`,
          `    - { name: team, type: webhook, language: en, events: [alert.group], webhook_url: { env: E2E_TEAM_URL } }`,
          '',
        ].join('\n'),
      );

      const serverPort = await freePort();
      server = {
        ...(await startService({
          command: process.execPath,
          args: [
            SERVER_BIN,
            '--config',
            path.join(dir, 'server.yml'),
            '--database',
            path.join(dir, 'opsdesk.db'),
            '--listen',
            `127.0.0.1:${serverPort}`,
          ],
          env: {
            OPSDESK_BOOTSTRAP_TOKEN: ADMIN,
            E2E_ONCALL_URL: `${imUrl}/oncall`,
            E2E_TEAM_URL: `${imUrl}/team`,
          },
          readyUrl: `http://127.0.0.1:${serverPort}/-/ready`,
        })),
        url: `http://127.0.0.1:${serverPort}`,
      };
      const token = await fetch(`${server.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'alertmanager', role: 'editor' }),
      });
      writeFileSync(path.join(dir, 'opsdesk-token'), ((await token.json()) as { token: string }).token);

      const exporterPort = await freePort();
      writeFileSync(
        path.join(dir, 'host.yml'),
        `paths: { procfs: "${dir}/root/proc", sysfs: "${dir}/root/sys" }\ncollectors: { patches: { enabled: false }, inventory: { enabled: false }, filesystem: { enabled: false } }\n`,
      );
      exporter = {
        ...(await startService({
          command: HOST_BIN,
          args: ['--config', path.join(dir, 'host.yml'), '--listen', `127.0.0.1:${exporterPort}`],
          readyUrl: `http://127.0.0.1:${exporterPort}/-/ready`,
        })),
        url: `127.0.0.1:${exporterPort}`,
      };

      // the provisioned Alertmanager configuration, pointed at this test's processes and faster timers
      const amConfig = readFileSync(
        path.join(ROOT, 'provisioning', 'alertmanager', 'alertmanager.yml'),
        'utf8',
      )
        .replaceAll('http://opsdesk-server:9744', server.url)
        .replaceAll('/run/secrets/opsdesk-token', path.join(dir, 'opsdesk-token'))
        .replace('templates/*.tmpl', path.join(ROOT, 'provisioning', 'alertmanager', 'templates', '*.tmpl'))
        .replace(/group_wait: \S+/, 'group_wait: 1s')
        .replace(/group_interval: \S+/, 'group_interval: 1s');
      writeFileSync(path.join(dir, 'alertmanager.yml'), amConfig);
      const amPort = await freePort();
      am = {
        ...(await startService({
          command: program('prometheus-alertmanager'),
          args: [
            `--config.file=${path.join(dir, 'alertmanager.yml')}`,
            `--storage.path=${path.join(dir, 'am')}`,
            `--web.listen-address=127.0.0.1:${amPort}`,
            '--cluster.listen-address=',
            '--log.level=warn',
          ],
          readyUrl: `http://127.0.0.1:${amPort}/-/ready`,
        })),
        url: `127.0.0.1:${amPort}`,
      };

      writeFileSync(
        path.join(dir, 'e2e.rules.yml'),
        [
          'groups:',
          '  - name: e2e',
          '    rules:',
          '      - alert: E2eLoadHigh',
          '        expr: opsdesk_host_load1 > 100',
          '        labels: { severity: critical }',
          '        annotations: { summary: "e2e load on {{ $labels.instance }}", description: "test rule", runbook_url: "none" }',
          '',
        ].join('\n'),
      );
      prom = await startPrometheus(
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          `rule_files: ["${path.join(dir, 'e2e.rules.yml')}"]`,
          `alerting: { alertmanagers: [{ static_configs: [{ targets: ["${am.url}"] }] }] }`,
          'scrape_configs:',
          '  - job_name: opsdesk-host',
          `    static_configs: [{ targets: ["${exporter.url}"], labels: { service: trading-platform, support_hours: 24x7 } }]`,
          '',
        ].join('\n'),
      );
      await waitFor('the first scrape', async () =>
        (await prom.query('up{job="opsdesk-host"} == 1')).length ? true : undefined,
      );
    }, 120_000);

    afterAll(async () => {
      await prom?.stop();
      await am?.stop();
      await exporter?.stop();
      await server?.stop();
      im?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the alert fires, reaches Alertmanager, becomes exactly one incident, and resolves when the condition clears', async () => {
      expect(await incidents()).toEqual([]);
      const raised = Date.now();
      setLoad('150.00');
      const [incident] = await waitFor(
        'an incident',
        async () => {
          const list = await incidents();
          return list.length ? list : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      console.log(`condition → incident through Prometheus and Alertmanager: ${Date.now() - raised} ms`);
      // the service comes from the scrape target's label, as provisioning/prometheus/prometheus.yml sets it
      expect(incident).toMatchObject({
        source: 'alertmanager',
        severity: 'P1',
        status: 'triggered',
        service: 'trading-platform',
      });
      // the 24x7 critical alert also paged the on-call channel, through the server's bridge and outbox
      // the generic webhook's body (version 1): the bridged group's message, one per phase
      const bridged = (phase: string) =>
        imPosts
          .filter((p) => p.startsWith('/oncall '))
          .map(
            (p) =>
              JSON.parse(p.slice('/oncall '.length)) as {
                phase: string;
                message: { title: string; sections: string[] };
              },
          )
          .filter((b) => b.phase === phase && b.message.sections.join('\n').includes('E2eLoadHigh'));
      const [firing] = await waitFor('the on-call notification', async () => {
        const found = bridged('firing');
        return found.length ? found : undefined;
      });
      expect(firing!.message.title).toContain('e2e load on');

      // more evaluations change nothing: still one incident once Prometheus has evaluated the firing
      // rule three more times (told by its rules API, so a slow machine waits longer, never less)
      const evaluations = new Set<string>();
      await waitFor(
        'three more evaluations of the firing rule',
        async () => {
          const res = await fetch(`${prom.url}/api/v1/rules?type=alert`);
          const { data } = (await res.json()) as {
            data: {
              groups: Array<{ name: string; lastEvaluation: string; rules: Array<{ state: string }> }>;
            };
          };
          const group = data.groups.find((g) => g.name === 'e2e');
          if (group?.rules[0]?.state === 'firing') evaluations.add(group.lastEvaluation);
          return evaluations.size > 3 ? true : undefined; // the first one seen may be the one that fired
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(await incidents()).toHaveLength(1);

      setLoad('0.10');
      const cleared = Date.now();
      await waitFor(
        'the incident to resolve',
        async () => ((await incidents())[0]?.status === 'resolved' ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      console.log(`condition cleared → incident resolved: ${Date.now() - cleared} ms`);
      expect(await incidents()).toHaveLength(1);
      // send_resolved: the recovery reaches on call too, as a message of its own
      await waitFor(
        'the resolved notification',
        async () => (bridged('resolved').length ? true : undefined),
        {
          timeoutMs: 30_000,
          intervalMs: 200,
        },
      );
    });
  },
);
