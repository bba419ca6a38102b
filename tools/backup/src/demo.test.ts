import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWithPrograms, freePort } from '@opsdesk/testing';
import { runBackupDemo } from './demo';
import { serverConfig, startOpsdesk, type OpsdeskServer } from './testing/server';

const ROOT = path.join(__dirname, '..', '..', '..');
const POLICY =
  '    - { name: demo-files, target: "demo ledger", tool: restic, schedule: "on npm start", retention: "all", rpo: 1d, rto: 15m, owner: ops.lead }';

describeWithPrograms({ restic: 'restic' }, 'the demo backup (npm start)', () => {
  let dir: string;
  let server: OpsdeskServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-demo-'));
    server = await startOpsdesk(dir, await freePort(), serverConfig({ extra: POLICY }));
    writeFileSync(path.join(dir, 'token'), await server.ingestToken('demo-backup'));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('one real restic backup and one restore test through the opsdesk-backup bin reach the server', async () => {
    const lines: string[] = [];
    const demoDir = path.join(dir, 'backup-demo');
    const result = await runBackupDemo({
      root: ROOT,
      serverUrl: server.url,
      tokenFile: path.join(dir, 'token'),
      dir: demoDir,
      log: (l) => lines.push(l),
    });
    expect(result).toEqual({ backupExitCode: 0, restoreTestExitCode: 0 });
    const snapshots = JSON.parse(
      execFileSync('restic', ['snapshots', '--json'], {
        env: {
          ...process.env,
          RESTIC_REPOSITORY: path.join(demoDir, 'restic-repo'),
          RESTIC_PASSWORD_FILE: path.join(demoDir, 'restic-password'),
          RESTIC_CACHE_DIR: path.join(demoDir, 'restic-cache'),
        },
        encoding: 'utf8',
      }),
    ) as Array<{ short_id: string; hostname: string }>;
    expect(snapshots).toHaveLength(1);
    const { runs } = await server.get<{ runs: Array<{ snapshotId: string; result: string }> }>(
      '/api/v1/backups/runs?policy=demo-files',
    );
    expect(runs).toEqual([
      expect.objectContaining({ result: 'success', snapshotId: snapshots[0]!.short_id }),
    ]);
    const { restoreTests } = await server.get<{ restoreTests: Array<Record<string, unknown>> }>(
      '/api/v1/backups/restore-tests?policy=demo-files',
    );
    expect(restoreTests).toEqual([
      expect.objectContaining({
        result: 'passed',
        snapshotId: snapshots[0]!.short_id,
        verification: expect.objectContaining({ result: 'passed' }),
      }),
    ]);
    expect(lines.join('\n')).toMatch(/reported to/);
  });
});
