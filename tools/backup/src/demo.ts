import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findOnPath } from '@opsdesk/runtime';

export interface BackupDemoOptions {
  /** the checkout (the bin is tools/backup/bin/opsdesk-backup.js under it) */
  root: string;
  serverUrl: string;
  /** a token file (scope backups:ingest, or an editor token) */
  tokenFile: string;
  /** a restic policy of the server's backups.policies */
  policy?: string;
  /** default <root>/data/run/backup-demo */
  dir?: string;
  log?: (line: string) => void;
}

export interface BackupDemoResult {
  skipped?: string;
  backupExitCode?: number;
  restoreTestExitCode?: number;
}

/**
 * The demo's live backup data: a small real restic repository under data/run/backup-demo, one
 * backup of a small data set and one restore test (restic restore + diff against the source),
 * both run through the opsdesk-backup bin against the running server, as a backup host's cron
 * would. Skipped, saying why, when restic is not installed.
 */
export async function runBackupDemo(opts: BackupDemoOptions): Promise<BackupDemoResult> {
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!findOnPath('restic')) {
    const skipped = 'restic is not installed (apt-get install -y restic): no demo backup';
    log(`opsdesk-backup demo: ${skipped}`);
    return { skipped };
  }
  const policy = opts.policy ?? 'demo-files';
  const dir = opts.dir ?? path.join(opts.root, 'data', 'run', 'backup-demo');
  const bin = path.join(opts.root, 'tools', 'backup', 'bin', 'opsdesk-backup.js');
  const source = path.join(dir, 'source');
  const repo = path.join(dir, 'restic-repo');
  const passwordFile = path.join(dir, 'restic-password');
  mkdirSync(path.join(source, 'ledger'), { recursive: true });
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RESTIC_REPOSITORY: repo,
    RESTIC_PASSWORD_FILE: passwordFile,
    RESTIC_CACHE_DIR: path.join(dir, 'restic-cache'),
    OPSDESK_SERVER_URL: opts.serverUrl,
    OPSDESK_BACKUP_TOKEN_FILE: opts.tokenFile,
    OPSDESK_BACKUP_SPOOL: path.join(dir, 'spool'),
  };
  if (!existsSync(path.join(repo, 'config'))) {
    const init = await run('restic', ['init'], env);
    if (init.code !== 0) {
      log(`opsdesk-backup demo: restic init ${repo} failed: ${init.output.trim()}`);
      return { skipped: 'restic init failed' };
    }
  }
  // a day's worth of a small ledger: new files each start, so the backup adds data
  const day = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const rows = Array.from(
    { length: 500 },
    (_, i) => `${i + 1},ACC-${1000 + (i % 37)},${(i * 13.37).toFixed(2)}`,
  );
  writeFileSync(
    path.join(source, 'ledger', `settlement-${day}.csv`),
    `id,account,amount\n${rows.join('\n')}\n`,
  );
  writeFileSync(path.join(source, 'ledger', `attachment-${day}.bin`), randomBytes(64 * 1024));
  writeFileSync(path.join(source, 'README.txt'), 'OpsDesk demo data set backed up by opsdesk-backup\n');

  const backup = await run(
    process.execPath,
    [bin, 'run', '--policy', policy, '--', 'restic', 'backup', '--json', '--host', 'demo-app-1', source],
    env,
  );
  log(`opsdesk-backup demo: backup exit ${backup.code}\n${lastLines(backup.output)}`);
  const target = path.join(dir, 'restore-scratch');
  rmSync(target, { recursive: true, force: true });
  const restore = await run(
    process.execPath,
    [
      bin,
      'restore-test',
      '--policy',
      policy,
      '--target',
      target,
      '--verify',
      'diff',
      '-r',
      source,
      path.join(target, source),
      '--',
      'restic',
      'restore',
      'latest',
      '--target',
      target,
    ],
    env,
  );
  log(`opsdesk-backup demo: restore test exit ${restore.code}\n${lastLines(restore.output)}`);
  rmSync(target, { recursive: true, force: true });
  return { backupExitCode: backup.code, restoreTestExitCode: restore.code };
}

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** opsdesk-backup's own lines (restic's JSON status lines are left out of the demo's log). */
function lastLines(output: string): string {
  return output
    .split('\n')
    .filter((l) => l.startsWith('opsdesk-backup:') || l.startsWith('  '))
    .join('\n');
}
