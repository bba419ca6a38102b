import type { Executed } from '../execute';

export type RunResult = 'success' | 'partial' | 'failed';

/** What a backup tool's output and exit code say about a run (the report's tool-specific fields). */
export interface BackupReading {
  result: RunResult;
  snapshotId?: string;
  bytesAdded?: number;
  bytesProcessed?: number;
  filesNew?: number;
  filesChanged?: number;
  filesUnmodified?: number;
  /** the tool's own machine-readable summary, as it printed it */
  summary?: Record<string, unknown>;
  /** for a person: why it failed or was partial, and hints (e.g. "add --json") */
  message?: string;
}

/** What a restore's output says: the snapshot it restored and how much. */
export interface RestoreReading {
  snapshotId?: string;
  bytesRestored?: number;
  filesRestored?: number;
  summary?: Record<string, unknown>;
  message?: string;
}

/** One tool, one reader: how its exit codes and output are read. */
export interface ToolReader {
  readBackup(run: Executed): BackupReading;
  readRestore(run: Executed): RestoreReading;
}

/** The JSON objects among a command's output lines (restic prints JSON lines; other lines are skipped). */
export function jsonLines(text: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      const v = JSON.parse(t) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    } catch {
      // a status line cut by the tail buffer, or not JSON at all
    }
  }
  return out;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Lines of stderr that are not JSON (restic's "Fatal: …", borg's messages), for the message. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !l.trimStart().startsWith('{'));
}

export function lastLines(lines: string[], n = 10, maxChars = 2000): string | undefined {
  if (lines.length === 0) return undefined;
  const text = lines.slice(-n).join('\n');
  return text.length > maxChars ? `…${text.slice(text.length - maxChars)}` : text;
}
