import type { Executed } from '../execute';
import {
  jsonLines,
  lastLines,
  num,
  str,
  textLines,
  type BackupReading,
  type RestoreReading,
  type ToolReader,
} from './types';

/**
 * restic (`backup --json`: JSON lines on stdout, the last `message_type: "summary"`; errors as JSON
 * lines on stderr). Exit codes from `restic backup --help` and the scripting docs: 0 success, 3 some
 * source data could not be read (an incomplete snapshot was still made: partial), 1 fatal (no
 * snapshot); 10 no repository, 11 locked, 12 wrong password since restic 0.17 (Debian 12's 0.14
 * says 1 for all of those); any other code is a failure, as restic's docs ask of unknown ones.
 */
export const restic: ToolReader = {
  readBackup(run: Executed): BackupReading {
    const out = jsonLines(run.stdout);
    const summary = out.filter((m) => m.message_type === 'summary').pop();
    const errors = jsonLines(run.stderr).filter((m) => m.message_type === 'error');
    const reading: BackupReading = {
      result: run.exitCode === 0 ? 'success' : run.exitCode === 3 ? 'partial' : 'failed',
    };
    if (summary) {
      reading.summary = summary;
      reading.snapshotId = str(summary.snapshot_id);
      reading.bytesAdded = num(summary.data_added);
      reading.bytesProcessed = num(summary.total_bytes_processed);
      reading.filesNew = num(summary.files_new);
      reading.filesChanged = num(summary.files_changed);
      reading.filesUnmodified = num(summary.files_unmodified);
    }
    const notes: string[] = [];
    if (run.exitCode === 3) {
      const items = errors.map(errorItem).filter((s): s is string => s !== undefined);
      notes.push(
        `restic exit 3: ${items.length || 'some'} source file(s) could not be read, the snapshot is incomplete` +
          (items.length ? `: ${items.slice(0, 10).join(', ')}${items.length > 10 ? ', …' : ''}` : ''),
      );
    } else if (run.exitCode !== 0) {
      notes.push(
        `restic exit ${run.exitCode}${RESTIC_CODES[run.exitCode] ? ` (${RESTIC_CODES[run.exitCode]})` : ''}`,
      );
      const text = lastLines(textLines(run.stderr), 5);
      if (text) notes.push(text);
    }
    if (!summary && run.exitCode in { 0: 1, 3: 1 }) {
      notes.push(
        isJsonBackup(run.argv)
          ? 'restic printed no summary line: no snapshot id or sizes in this report'
          : 'no snapshot id or sizes in this report: run restic backup with --json',
      );
    }
    if (notes.length) reading.message = notes.join('\n');
    return reading;
  },

  readRestore(run: Executed): RestoreReading {
    const reading: RestoreReading = {};
    // restic ≥ 0.17 `restore --json` ends with a summary; 0.14 prints text only
    const summary = jsonLines(run.stdout)
      .filter((m) => m.message_type === 'summary')
      .pop();
    if (summary) {
      reading.summary = summary;
      reading.bytesRestored = num(summary.bytes_restored);
      reading.filesRestored = num(summary.files_restored);
    }
    // the text form names the snapshot even when "latest" was asked for:
    // "restoring <Snapshot 4bf250f0 of [/srv] at 2026-… by root@vm> to /tmp/r"
    const m = /restoring <Snapshot ([0-9a-f]{8,64}) of /.exec(run.stdout);
    if (m) reading.snapshotId = m[1];
    if (run.exitCode !== 0) {
      reading.message = [
        `restic exit ${run.exitCode}${RESTIC_CODES[run.exitCode] ? ` (${RESTIC_CODES[run.exitCode]})` : ''}`,
        lastLines(textLines(run.stderr), 5),
      ]
        .filter(Boolean)
        .join('\n');
    }
    return reading;
  },
};

const RESTIC_CODES: Record<number, string> = {
  1: 'fatal error, no snapshot created',
  10: 'repository does not exist',
  11: 'repository is locked',
  12: 'wrong password',
  130: 'interrupted',
};

function errorItem(m: Record<string, unknown>): string | undefined {
  return str(m.item) ?? str((m.error as Record<string, unknown> | undefined)?.Path);
}

function isJsonBackup(argv: string[]): boolean {
  return argv.includes('--json');
}
