import type { Generated } from 'kysely';

/** The backup tables of migration 010 (composed into db/tables.ts Tables). */
export interface BackupTables {
  backup_runs: BackupRunsTable;
  backup_restore_tests: BackupRestoreTestsTable;
  backup_restore_requests: BackupRestoreRequestsTable;
}

export interface BackupRunsTable {
  /** the client's idempotency key */
  id: string;
  policy: string;
  host: string | null;
  tool: string;
  started_at: number;
  finished_at: number;
  duration_ms: number;
  exit_code: number;
  result: 'success' | 'partial' | 'failed';
  snapshot_id: string | null;
  bytes_added: number | null;
  bytes_processed: number | null;
  files_new: number | null;
  files_changed: number | null;
  files_unmodified: number | null;
  message: string | null;
  /** JSON: the tool's own summary, or null when none was sent or it was over the limit */
  summary: string | null;
  /** the size of the summary sent (JSON bytes): over the limit, summary is null and this says so */
  summary_bytes: Generated<number>;
  /** SHA-256 of the report as sent: the same id with another body is a 409 */
  body_hash: string;
  received_at: number;
  received_by: string;
}

export interface BackupRestoreTestsTable {
  id: string;
  policy: string;
  host: string | null;
  snapshot_id: string | null;
  started_at: number;
  finished_at: number;
  duration_ms: number;
  bytes_restored: number | null;
  files_restored: number | null;
  result: 'passed' | 'failed';
  restore_exit_code: number;
  /** JSON { command?, exitCode?, result, output? } */
  verification: string;
  message: string | null;
  /** the policy's RTO when the test was recorded */
  rto_ms: number;
  body_hash: string;
  received_at: number;
  received_by: string;
}

export interface BackupRestoreRequestsTable {
  id: string;
  incident_id: string;
  what: string;
  policy: string | null;
  snapshot_id: string | null;
  requested_by: string;
  state: 'requested' | 'in_progress' | 'restored' | 'failed' | 'verified' | 'cancelled';
  /** JSON [{ startedAt, finishedAt, result, note }] (ms), one per start */
  attempts: string;
  /** JSON { evidence, note } */
  verification: string | null;
  cancel_reason: string | null;
  created_at: number;
  created_by: string;
  started_at: number | null;
  finished_at: number | null;
  verified_at: number | null;
  verified_by: string | null;
  cancelled_at: number | null;
  updated_at: number;
}
