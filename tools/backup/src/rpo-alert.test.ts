/**
 * The acceptance's RPO alert: a policy's backups stop, and OpsDeskBackupRpoBreached (the provisioned
 * rule file) fires in the real Prometheus 3 scraping the real server once the RPO has passed; a new
 * backup through opsdesk-backup clears it. The test-only changes: a 1 m RPO (the least the server's
 * config takes), 1 s scrape and evaluation intervals, and a rule's `for` cut to 5 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPrograms,
  freePort,
  startPrometheus,
  waitFor,
  type RunningPrometheus,
} from '@opsdesk/testing';
import { resticRepo, runCli, sourceTree } from './testing/repos';
import { serverConfig, startOpsdesk, type OpsdeskServer } from './testing/server';

const RULES = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'provisioning',
  'prometheus',
  'rules',
  'backups.rules.yml',
);
const RPO_SECONDS = 60;

interface Alert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
}

describeWithPrograms(
  { prometheus: 'prometheus', restic: 'restic' },
  'the RPO alert in a real Prometheus',
  () => {
    let dir: string;
    let server: OpsdeskServer;
    let prom: RunningPrometheus;
    let env: NodeJS.ProcessEnv;
    let src: string;

    const rpoAlerts = async (): Promise<Alert[]> => {
      const res = await fetch(`${prom.url}/api/v1/alerts`);
      const body = (await res.json()) as { data: { alerts: Alert[] } };
      return body.data.alerts.filter(
        (a) => a.labels.alertname === 'OpsDeskBackupRpoBreached' && a.labels.policy === 'files',
      );
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-rpo-'));
      server = await startOpsdesk(dir, await freePort(), serverConfig({ rpo: `${RPO_SECONDS}s` }));
      const repo = resticRepo(dir);
      src = sourceTree(path.join(dir, 'src'), 10_000).dir;
      env = {
        ...process.env,
        ...repo.env,
        OPSDESK_SERVER_URL: server.url,
        OPSDESK_BACKUP_TOKEN: await server.ingestToken(),
        OPSDESK_BACKUP_SPOOL: path.join(dir, 'spool'),
      };
      const rules = readFileSync(RULES, 'utf8')
        .replace(/^(\s*)interval:\s*\S+/gm, '$1interval: 1s')
        .replace(/^(\s*)for:\s*\S+/gm, '$1for: 5s');
      writeFileSync(path.join(dir, 'backups.rules.yml'), rules);
      prom = await startPrometheus(
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          `rule_files: ["${path.join(dir, 'backups.rules.yml')}"]`,
          'scrape_configs:',
          '  - job_name: opsdesk-server',
          `    static_configs: [{ targets: ["${server.url.replace('http://', '')}"], labels: { service: opsdesk } }]`,
          '',
        ].join('\n'),
      );
      await waitFor('the first scrape of the server', async () =>
        (await prom.query('up{job="opsdesk-server"} == 1')).length ? true : undefined,
      );
    }, 90_000);

    afterAll(async () => {
      await prom?.stop();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('backups stop: the alert fires after the RPO; the next backup clears it', async () => {
      const backup = await runCli(['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src], env);
      expect(backup.code).toBe(0);
      const [run] = (
        await server.get<{ runs: Array<{ startedAt: string }> }>('/api/v1/backups/runs?policy=files')
      ).runs;
      const startedAt = Date.parse(run!.startedAt);

      // Prometheus sees the good backup: the RPO is met and the alert is not firing
      await waitFor(
        'Prometheus to see the backup',
        async () =>
          (await prom.query('opsdesk_backup_rpo_breached{policy="files"} == 0')).length ? true : undefined,
        { timeoutMs: 20_000 },
      );
      expect((await rpoAlerts()).filter((a) => a.state === 'firing')).toEqual([]);

      // no more backups: the alert fires once the RPO has passed since the backup started
      const [firing] = await waitFor(
        'OpsDeskBackupRpoBreached to fire',
        async () => {
          const found = (await rpoAlerts()).filter((a) => a.state === 'firing');
          return found.length ? found : undefined;
        },
        { timeoutMs: (RPO_SECONDS + 60) * 1000, intervalMs: 500 },
      );
      const firedAfter = (Date.now() - startedAt) / 1000;
      console.log(
        `RPO ${RPO_SECONDS} s: the alert fired ${firedAfter.toFixed(1)} s after the backup started`,
      );
      expect(firedAfter).toBeGreaterThanOrEqual(RPO_SECONDS);
      expect(Date.parse(firing!.activeAt)).toBeGreaterThanOrEqual(startedAt + RPO_SECONDS * 1000 - 1000);
      expect(firing!.labels).toMatchObject({ policy: 'files' });

      // the backups resume: the alert clears
      expect(
        (await runCli(['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src], env)).code,
      ).toBe(0);
      await waitFor(
        'OpsDeskBackupRpoBreached to clear',
        async () => ((await rpoAlerts()).length === 0 ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 500 },
      );
    }, 240_000);
  },
);
