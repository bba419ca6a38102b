import type { Executed } from '../execute';
import {
  lastLines,
  num,
  str,
  textLines,
  type BackupReading,
  type RestoreReading,
  type ToolReader,
} from './types';

/**
 * borg (`create --json`: one JSON document on stdout, with `archive.stats`). Exit codes from borg's
 * docs: 0 success, 1 warning (e.g. a file vanished or could not be read; the archive was made:
 * partial), 2 error; ≥ 128 killed by a signal. With BORG_EXIT_CODES=modern (borg ≥ 1.4) 3–99 are
 * errors and 100–127 warnings.
 *
 * borg's times (`archive.start`, `archive.end`) carry no zone: they are the host's local time, so
 * they are read in this host's zone (TZ) and added to the summary as UTC (`opsdesk` key), saying so.
 */
export const borg: ToolReader = {
  readBackup(run: Executed): BackupReading {
    const code = run.exitCode;
    const result = code === 0 ? 'success' : code === 1 || (code >= 100 && code <= 127) ? 'partial' : 'failed';
    const reading: BackupReading = { result };
    const doc = jsonDocument(run.stdout);
    const archive = doc?.archive as Record<string, unknown> | undefined;
    if (doc && archive) {
      const stats = (archive.stats ?? {}) as Record<string, unknown>;
      reading.snapshotId = str(archive.name);
      reading.bytesAdded = num(stats.deduplicated_size);
      reading.bytesProcessed = num(stats.original_size);
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      reading.summary = {
        ...doc,
        opsdesk: {
          note: `borg prints local times without a zone; read in this host's zone ${zone}`,
          timeZone: zone,
          archiveStart: localToUtcIso(archive.start),
          archiveEnd: localToUtcIso(archive.end),
          archiveId: str(archive.id),
        },
      };
    }
    const notes: string[] = [];
    if (code !== 0) {
      notes.push(`borg exit ${code} (${result === 'partial' ? 'warning' : 'error'})`);
      const text = lastLines(textLines(run.stderr), 5);
      if (text) notes.push(text);
    }
    if (!archive && code <= 1) {
      notes.push(
        run.argv.includes('--json')
          ? 'borg printed no JSON stats: no archive name or sizes in this report'
          : 'no archive name or sizes in this report: run borg create with --json',
      );
    }
    if (notes.length) reading.message = notes.join('\n');
    return reading;
  },

  readRestore(run: Executed): RestoreReading {
    return run.exitCode === 0
      ? {}
      : {
          message: [`borg exit ${run.exitCode}`, lastLines(textLines(run.stderr), 5)]
            .filter(Boolean)
            .join('\n'),
        };
  },
};

function jsonDocument(stdout: string): Record<string, unknown> | undefined {
  const start = stdout.indexOf('{');
  if (start === -1) return undefined;
  try {
    const v = JSON.parse(stdout.slice(start)) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** "2026-12-02T06:53:08.000000" (borg, local time, no zone) → ISO UTC, read in this process's zone. */
export function localToUtcIso(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.floor(Number(frac.padEnd(6, '0')) / 1000) : 0;
  // the Date constructor with parts reads them in the local zone, as borg wrote them
  return new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms).toISOString();
}
