import { t } from '../i18n';
import type {
  BackupPolicy,
  RestoreRequestAction,
  RestoreRequestState,
  RunResult,
  VerificationResult,
} from '../api/backups';
import { formatSeconds } from './format';

/**
 * A measured duration: a restore of a small data set takes a second or two, and "1 s" would hide
 * whether it was 0.6 or 1.4, so under a minute it keeps two decimals; longer ones are as the rest
 * of the app writes them (2 h 5 min).
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) {
    const n = Number(Math.max(0, seconds).toFixed(2));
    return t('format.seconds', '{{n}} s', { n });
  }
  return formatSeconds(seconds);
}

/** Bytes in IEC units as restic and borg print them (1 KiB = 1024 B), three significant digits. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(Math.round(v)) : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `${text} ${units[u]}`;
}

/**
 * A restic snapshot id (64 hex digits) is shown by its first 8, as `restic snapshots` does; a
 * borg archive name or any other tool's id is shown whole.
 */
export function shortSnapshotId(id: string | null | undefined): string {
  if (!id) return '—';
  return /^[0-9a-f]{64}$/i.test(id) ? id.slice(0, 8) : id;
}

export type RpoState =
  /** never backed up successfully */
  | { kind: 'never' }
  /** the next success is due in `seconds` (at `dueAt`) */
  | { kind: 'met'; dueAt: number; seconds: number }
  /** breached `seconds` ago (at `dueAt`) */
  | { kind: 'breached'; dueAt: number; seconds: number };

/**
 * Where a policy stands against its RPO at `now`. The server decides breached (it owns the
 * clock and the calendar); the page only says for how long, from the due time it gives.
 */
export function rpoState(p: BackupPolicy, now: number): RpoState {
  const due = p.status.rpoDueAt
    ? Date.parse(p.status.rpoDueAt)
    : p.status.lastSuccessAt
      ? Date.parse(p.status.lastSuccessAt) + p.rpoSeconds * 1000
      : undefined;
  if (due === undefined || Number.isNaN(due)) return { kind: 'never' };
  if (p.status.rpoBreached) return { kind: 'breached', dueAt: due, seconds: Math.max(0, (now - due) / 1000) };
  return { kind: 'met', dueAt: due, seconds: Math.max(0, (due - now) / 1000) };
}

export type RestoreTestDue =
  | { kind: 'never' }
  | { kind: 'due'; dueAt: number; seconds: number }
  | { kind: 'overdue'; dueAt: number; seconds: number };

/**
 * When the next restore test is due: the server's due time (the last passed test plus the
 * policy's interval), else the last test's time plus the interval.
 */
export function restoreTestDue(p: BackupPolicy, now: number): RestoreTestDue {
  const last = p.status.lastRestoreTest;
  if (!last) return { kind: 'never' };
  const dueAt = p.status.restoreTestDueAt
    ? Date.parse(p.status.restoreTestDueAt)
    : Date.parse(last.at) + p.restoreTestIntervalSeconds * 1000;
  if (p.status.restoreTestOverdue || now > dueAt)
    return { kind: 'overdue', dueAt, seconds: Math.max(0, (now - dueAt) / 1000) };
  return { kind: 'due', dueAt, seconds: (dueAt - now) / 1000 };
}

/** The share of the RTO a measured restore took (0.5 = half the target), for the bar and the sort. */
export function rtoShare(durationSeconds: number, rtoSeconds: number): number {
  return rtoSeconds > 0 ? durationSeconds / rtoSeconds : Infinity;
}

export interface BackupSummary {
  policies: number;
  rpoBreached: number;
  lastRunFailed: number;
  restoreTestOverdue: number;
  slowerThanRto: number;
}

export function backupSummary(policies: BackupPolicy[]): BackupSummary {
  return {
    policies: policies.length,
    rpoBreached: policies.filter((p) => p.status.rpoBreached).length,
    lastRunFailed: policies.filter((p) => p.status.lastRunResult === 'failed').length,
    restoreTestOverdue: policies.filter((p) => p.status.restoreTestOverdue || !p.status.lastRestoreTest).length,
    slowerThanRto: policies.filter((p) => p.status.lastRestoreTest && !p.status.lastRestoreTest.rtoMet).length,
  };
}

export function runResultLabel(r: RunResult): string {
  switch (r) {
    case 'success':
      return t('backups.result.success', 'Success');
    case 'partial':
      return t('backups.result.partial', 'Partial');
    case 'failed':
      return t('backups.result.failed', 'Failed');
  }
}

export const RUN_RESULT_COLOR = { success: 'green', partial: 'orange', failed: 'red' } as const;

export function verificationLabel(r: VerificationResult): string {
  switch (r) {
    case 'passed':
      return t('backups.verification.passed', 'Verified');
    case 'failed':
      return t('backups.verification.failed', 'Verification failed');
    case 'skipped':
      return t('backups.verification.skipped', 'Not verified');
  }
}

export function requestStateLabel(s: RestoreRequestState): string {
  switch (s) {
    case 'requested':
      return t('backups.request.state.requested', 'Requested');
    case 'in_progress':
      return t('backups.request.state.inProgress', 'Restoring');
    case 'restored':
      return t('backups.request.state.restored', 'Restored, to verify');
    case 'failed':
      return t('backups.request.state.failed', 'Restore failed');
    case 'verified':
      return t('backups.request.state.verified', 'Verified');
    case 'cancelled':
      return t('backups.request.state.cancelled', 'Cancelled');
  }
}

export const REQUEST_STATE_COLOR = {
  requested: 'blue',
  in_progress: 'orange',
  restored: 'purple',
  failed: 'red',
  verified: 'green',
  cancelled: 'darkgrey',
} as const;

export function requestActionLabel(a: RestoreRequestAction): string {
  switch (a) {
    case 'start':
      return t('backups.request.action.start', 'Start restore');
    case 'finish':
      return t('backups.request.action.finish', 'Restore finished');
    case 'verify':
      return t('backups.request.action.verify', 'Data verified');
    case 'cancel':
      return t('backups.request.action.cancel', 'Cancel restore');
  }
}

export function toolLabel(tool: string): string {
  switch (tool) {
    case 'restic':
      return 'restic';
    case 'borg':
      return 'Borg';
    case 'pgbackrest':
      return 'pgBackRest';
    case 'dump':
      return t('backups.tool.dump', 'database dump');
    default:
      return t('backups.tool.other', 'other');
  }
}
