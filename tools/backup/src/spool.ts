import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export type ReportKind = 'run' | 'restore-test';

export const REPORT_PATHS: Record<ReportKind, string> = {
  run: '/api/v1/backups/runs',
  'restore-test': '/api/v1/backups/restore-tests',
};

/** A report on disk: the body (with its idempotency id) exactly as it will be posted, and its story. */
export interface SpooledReport {
  version: 1;
  kind: ReportKind;
  body: { id: string; policy: string } & Record<string, unknown>;
  spooledAt: string;
  attempts: number;
  lastError: string | null;
}

/**
 * Reports waiting for the server, one JSON file each, named `<spooled at, ms>-<id>.json` so the
 * names sort oldest first. Each write goes to a temporary file, is fsynced and renamed into place
 * (and the directory fsynced), so a crash or a full disk leaves the old file or the new one, never
 * half of one. Rejected reports (a 4xx) move to `rejected/` for a person to look at.
 */
export class Spool {
  readonly rejectedDir: string;

  constructor(readonly dir: string) {
    this.rejectedDir = path.join(dir, 'rejected');
  }

  /** Creates the directory (mode 0700: reports name hosts and paths); throws naming it when it cannot. */
  ensure(): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new Error(
        `cannot create the spool directory ${this.dir}: ${(err as Error).message}; give --spool DIR (or OPSDESK_BACKUP_SPOOL) a directory this user can write`,
        { cause: err },
      );
    }
  }

  put(kind: ReportKind, body: SpooledReport['body'], now = new Date()): string {
    const name = `${String(now.getTime()).padStart(15, '0')}-${body.id}.json`;
    const report: SpooledReport = {
      version: 1,
      kind,
      body,
      spooledAt: now.toISOString(),
      attempts: 0,
      lastError: null,
    };
    this.write(path.join(this.dir, name), report);
    return path.join(this.dir, name);
  }

  /** The waiting reports' files, oldest first. */
  list(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names
      .filter((n) => /^\d{15}-[^/]+\.json$/.test(n))
      .sort()
      .map((n) => path.join(this.dir, n));
  }

  read(file: string): SpooledReport {
    const report = JSON.parse(readFileSync(file, 'utf8')) as SpooledReport;
    if (report.version !== 1 || !(report.kind in REPORT_PATHS) || typeof report.body?.id !== 'string') {
      throw new Error(`${file} is not a report of this opsdesk-backup (version ${String(report.version)})`);
    }
    return report;
  }

  update(file: string, report: SpooledReport): void {
    this.write(file, report);
  }

  remove(file: string): void {
    rmSync(file, { force: true });
  }

  /** Moves a report the server refused to rejected/, with the reason beside it. */
  reject(file: string, report: SpooledReport, reason: string): string {
    mkdirSync(this.rejectedDir, { recursive: true, mode: 0o700 });
    const target = path.join(this.rejectedDir, path.basename(file));
    this.write(target, { ...report, lastError: reason });
    this.remove(file);
    return target;
  }

  /** Puts rejected reports back in the queue (after the cause was fixed); returns how many. */
  requeueRejected(): number {
    let names: string[] = [];
    try {
      names = readdirSync(this.rejectedDir).filter((n) => n.endsWith('.json'));
    } catch {
      return 0;
    }
    for (const n of names) renameSync(path.join(this.rejectedDir, n), path.join(this.dir, n));
    return names.length;
  }

  private write(file: string, report: SpooledReport): void {
    const dir = path.dirname(file);
    const tmp = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(report, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  }
}
