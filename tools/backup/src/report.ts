import { randomUUID } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Tool } from './args';
import { tail, type Executed } from './execute';
import type { BackupReading, RestoreReading } from './tools';

/** The body of POST /api/v1/backups/runs (docs/backups.md); the id is made once, here, and kept on resends. */
export interface RunReport {
  id: string;
  policy: string;
  host: string;
  tool: Tool;
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  result: BackupReading['result'];
  snapshotId?: string;
  bytesAdded?: number;
  bytesProcessed?: number;
  filesNew?: number;
  filesChanged?: number;
  filesUnmodified?: number;
  durationSeconds: number;
  message?: string;
  summary?: Record<string, unknown>;
}

export interface Verification {
  command?: string;
  exitCode?: number;
  result: 'passed' | 'failed' | 'skipped';
  output?: string;
}

/** The body of POST /api/v1/backups/restore-tests. */
export interface RestoreTestReport {
  id: string;
  policy: string;
  host: string;
  snapshotId?: string;
  /** from the restore's start to the verification's end */
  startedAt: string;
  finishedAt: string;
  /** the restore alone: the RTO evidence */
  durationSeconds: number;
  bytesRestored?: number;
  filesRestored?: number;
  result: 'passed' | 'failed';
  restoreExitCode: number;
  verification: Verification;
  message?: string;
}

export function runReport(
  policy: string,
  host: string,
  tool: Tool,
  run: Executed,
  reading: BackupReading,
): RunReport {
  return {
    id: randomUUID(),
    policy,
    host,
    tool,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    exitCode: run.exitCode,
    result: reading.result,
    snapshotId: reading.snapshotId,
    bytesAdded: reading.bytesAdded,
    bytesProcessed: reading.bytesProcessed,
    filesNew: reading.filesNew,
    filesChanged: reading.filesChanged,
    filesUnmodified: reading.filesUnmodified,
    durationSeconds: round3(run.durationSeconds),
    message: reading.message,
    summary: reading.summary,
  };
}

export function restoreTestReport(opts: {
  policy: string;
  host: string;
  snapshotId: string | undefined;
  target: string | undefined;
  restore: Executed;
  reading: RestoreReading;
  verify: Executed | undefined;
  verifyArgv: string[] | undefined;
}): RestoreTestReport {
  const { restore, reading, verify, verifyArgv } = opts;
  const restored = restore.exitCode === 0;
  let verification: Verification;
  if (!verifyArgv) verification = { result: 'skipped' };
  else if (!verify)
    verification = {
      command: verifyArgv.join(' '),
      result: 'skipped',
      output: 'the restore failed, so nothing was verified',
    };
  else {
    verification = {
      command: verifyArgv.join(' '),
      exitCode: verify.exitCode,
      result: verify.exitCode === 0 ? 'passed' : 'failed',
      output: verify.startError
        ? `${verifyArgv[0]} could not start: ${verify.startError}`
        : tail(`${verify.stdout}\n${verify.stderr}`, 2000),
    };
  }
  let { bytesRestored, filesRestored } = reading;
  if (restored && bytesRestored === undefined && opts.target) {
    const size = treeSize(opts.target);
    if (size) ({ bytes: bytesRestored, files: filesRestored } = size);
  }
  const messages = [
    reading.message,
    restore.startError ? `${restore.argv[0]} could not start: ${restore.startError}` : undefined,
  ];
  if (verification.result === 'failed')
    messages.push(`verification failed: ${verification.command} exit ${verification.exitCode}`);
  return {
    id: randomUUID(),
    policy: opts.policy,
    host: opts.host,
    snapshotId: opts.snapshotId ?? reading.snapshotId,
    startedAt: restore.startedAt.toISOString(),
    finishedAt: (verify ?? restore).finishedAt.toISOString(),
    durationSeconds: round3(restore.durationSeconds),
    bytesRestored,
    filesRestored,
    result: restored && verification.result !== 'failed' ? 'passed' : 'failed',
    restoreExitCode: restore.exitCode,
    verification,
    message: messages.filter(Boolean).join('\n') || undefined,
  };
}

/** Bytes and count of the regular files under dir (not following links); undefined when it is not there. */
export function treeSize(dir: string): { bytes: number; files: number } | undefined {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  try {
    if (!lstatSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  while (stack.length) {
    const d = stack.pop() as string;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else if (entry.isFile()) {
        bytes += lstatSync(p).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
