import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { main } from '../cli';

/** Test equipment for the real restic and borg: repositories and source trees in a temp dir. */

export interface ResticRepo {
  env: NodeJS.ProcessEnv;
  /** `restic snapshots --json`, as restic itself lists them */
  snapshots(): Array<{ id: string; short_id: string; time: string; paths: string[] }>;
}

/** A new restic repository under dir (password from RESTIC_PASSWORD, cache inside dir so nothing leaks to ~). */
export function resticRepo(dir: string, password = 'correct horse'): ResticRepo {
  const env = {
    ...process.env,
    RESTIC_REPOSITORY: path.join(dir, 'restic-repo'),
    RESTIC_PASSWORD: password,
    RESTIC_CACHE_DIR: path.join(dir, 'restic-cache'),
  };
  execFileSync('restic', ['init'], { env, stdio: 'pipe' });
  return {
    env,
    snapshots: () => JSON.parse(execFileSync('restic', ['snapshots', '--json'], { env, encoding: 'utf8' })),
  };
}

export interface BorgRepo {
  repo: string;
  env: NodeJS.ProcessEnv;
  /** `borg info --json REPO::NAME` */
  info(archive: string): { archives: Array<{ name: string; id: string; stats: Record<string, number> }> };
}

/** A new borg repository (repokey, passphrase in BORG_PASSPHRASE); BORG_* set so borg never prompts or touches ~. */
export function borgRepo(dir: string, passphrase = 'borg passphrase'): BorgRepo {
  const repo = path.join(dir, 'borg-repo');
  const env = {
    ...process.env,
    BORG_PASSPHRASE: passphrase,
    BORG_BASE_DIR: path.join(dir, 'borg-base'),
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
    BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: 'NO',
  };
  execFileSync('borg', ['init', '--encryption=repokey', repo], { env, stdio: 'pipe' });
  return {
    repo,
    env,
    info: (archive) =>
      JSON.parse(execFileSync('borg', ['info', '--json', `${repo}::${archive}`], { env, encoding: 'utf8' })),
  };
}

/** A small source tree: a few text files and one random (incompressible) file; returns its byte size. */
export function sourceTree(
  dir: string,
  randomBytesCount = 200_000,
): { dir: string; bytes: number; files: number } {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), 'settlement batch 2026-12-01\n');
  writeFileSync(path.join(dir, 'sub', 'b.csv'), 'id,amount\n1,100.00\n2,250.50\n');
  writeFileSync(path.join(dir, 'sub', 'blob.bin'), randomBytes(randomBytesCount));
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else {
        bytes += statSync(path.join(d, e.name)).size;
        files++;
      }
    }
  };
  walk(dir);
  return { dir, bytes, files };
}

const NOBODY = 65534;

/**
 * A file restic cannot read. As root every file is readable, so then the command runs as nobody
 * (setpriv) and the whole test dir is handed to nobody; returns the argv prefix to run it with.
 */
export function unreadableFile(dir: string, file: string): string[] {
  writeFileSync(file, 'secret\n');
  chmodSync(file, 0o000);
  if (process.getuid?.() !== 0) return [];
  const chownTree = (p: string) => {
    chownSync(p, NOBODY, NOBODY);
    if (statSync(p).isDirectory()) for (const n of readdirSync(p)) chownTree(path.join(p, n));
  };
  chownTree(dir);
  chmodSync(dir, 0o755);
  return ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
}

/** Runs the opsdesk-backup CLI in this process (from source), capturing what it and the command print. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write: (c: string | Uint8Array) => (stdout += String(typeof c === 'string' ? c : Buffer.from(c))),
    },
    stderr: {
      write: (c: string | Uint8Array) => (stderr += String(typeof c === 'string' ? c : Buffer.from(c))),
    },
  };
  const code = await main(argv, env, io);
  return { code, stdout, stderr };
}
