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
      const zone = hostTimeZone();
      reading.summary = {
        ...doc,
        opsdesk: {
          note: `borg prints local times without a zone; read in this host's zone ${zone}`,
          timeZone: zone,
          archiveStart: localToUtcIso(archive.start, zone),
          archiveEnd: localToUtcIso(archive.end, zone),
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

/** The host's zone (TZ, else the system's): the zone borg wrote its local times in. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "2026-12-02T06:53:08.000000" (borg: local time, no zone) → ISO UTC, read in timeZone. */
export function localToUtcIso(v: unknown, timeZone = hostTimeZone()): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.floor(Number(frac.padEnd(6, '0')) / 1000) : 0;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // the zone's offset at that wall time; asked twice so a time next to a DST change lands right
  let t = asUtc - offsetMs(asUtc, timeZone);
  t = asUtc - offsetMs(t, timeZone);
  return new Date(t).toISOString();
}

/** How far the zone's wall clock is ahead of UTC at instant t. */
function offsetMs(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}
