import { request } from './client';

// Backups (issue 15): policies with their RPO/RTO status, runs reported by the backup jobs,
// restore tests (恢复演练) and data-restore requests (数据恢复) linked to incidents.
// Written against the session contract until the server's routes are in server/openapi.json;
// then these become the generated schemas.

export type BackupTool = 'restic' | 'borg' | 'pgbackrest' | 'dump' | 'other';
export type RunResult = 'success' | 'partial' | 'failed';
export type RestoreTestResult = 'passed' | 'failed';
export type VerificationResult = 'passed' | 'failed' | 'skipped';

export interface PolicyStatus {
  lastRunAt: string | null;
  lastRunResult: RunResult | null;
  lastSuccessAt: string | null;
  lastSnapshotId: string | null;
  rpoBreached: boolean;
  rpoDueAt: string | null;
  lastRestoreTest: { at: string; result: RestoreTestResult; durationSeconds: number; rtoMet: boolean } | null;
  restoreTestOverdue: boolean;
  restoreTestDueAt: string | null;
}

export interface BackupPolicy {
  name: string;
  description: string;
  target: string;
  tool: BackupTool;
  schedule: string;
  retention: string;
  rpoSeconds: number;
  rtoSeconds: number;
  restoreTestIntervalSeconds: number;
  calendar: string | null;
  owner: string;
  status: PolicyStatus;
}

export interface BackupRun {
  id: string;
  policy: string;
  host: string | null;
  tool: string;
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  result: RunResult;
  snapshotId: string | null;
  bytesAdded: number | null;
  bytesProcessed: number | null;
  filesNew: number | null;
  filesChanged: number | null;
  filesUnmodified: number | null;
  durationSeconds: number;
  message: string | null;
}

export interface RestoreTest {
  id: string;
  policy: string;
  host: string | null;
  snapshotId: string | null;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  bytesRestored: number | null;
  filesRestored: number | null;
  result: RestoreTestResult;
  restoreExitCode: number;
  verification: {
    command?: string | null;
    exitCode?: number | null;
    result: VerificationResult;
    output?: string | null;
  };
  message: string | null;
  rtoSeconds: number;
  rtoMet: boolean;
}

export type RestoreRequestState = 'requested' | 'in_progress' | 'restored' | 'failed' | 'verified' | 'cancelled';
export type RestoreRequestAction = 'start' | 'finish' | 'verify' | 'cancel';

export interface RestoreAttempt {
  startedAt: string;
  finishedAt: string | null;
  result: 'restored' | 'failed' | null;
  note: string | null;
}

export interface RestoreRequest {
  id: string;
  incidentId: string;
  incidentNumber: string;
  what: string;
  policy: string | null;
  snapshotId: string | null;
  requestedBy: string;
  state: RestoreRequestState;
  attempts: RestoreAttempt[];
  /** time spent restoring over every attempt (a running one up to now) */
  durationSeconds: number;
  verification: { at: string; by: string; evidence: string } | null;
  cancelReason: string | null;
  allowedActions: RestoreRequestAction[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** An incident's repair time and the part of it spent restoring data. */
export interface IncidentRestoreTime {
  incidentId: string;
  number: string;
  detectedAt: string;
  resolvedAt: string | null;
  repairSeconds: number;
  restoreSeconds: number;
}

export interface RestoreRequestPage {
  restoreRequests: RestoreRequest[];
  nextCursor: string | null;
  repair: IncidentRestoreTime | null;
}

export interface CreateRestoreRequestBody {
  incidentId: string;
  what: string;
  policy?: string;
  snapshotId?: string;
  requestedBy: string;
}

/** What each step takes: finish says whether the data came back, verify how it was checked, cancel why. */
export interface RestoreActionBody {
  note?: string;
  result?: 'restored' | 'failed';
  evidence?: string;
  reason?: string;
}

export interface RunFilter {
  policy?: string;
  result?: RunResult;
  cursor?: string;
}

export const RUN_RESULTS: RunResult[] = ['success', 'partial', 'failed'];

export const listPolicies = () => request<{ policies: BackupPolicy[] }>('GET', 'api/v1/backups/policies');

export const listRuns = (f: RunFilter) =>
  request<{ runs: BackupRun[]; nextCursor: string | null }>('GET', 'api/v1/backups/runs', {
    params: { policy: f.policy, result: f.result, cursor: f.cursor },
  });

export const listRestoreTests = (f: { policy?: string; cursor?: string }) =>
  request<{ restoreTests: RestoreTest[]; nextCursor: string | null }>('GET', 'api/v1/backups/restore-tests', {
    params: { policy: f.policy, cursor: f.cursor },
  });

export const listRestoreRequests = (f: { incidentId?: string; cursor?: string }) =>
  request<RestoreRequestPage>('GET', 'api/v1/backups/restore-requests', {
    params: { incidentId: f.incidentId, cursor: f.cursor },
  });

export const createRestoreRequest = (body: CreateRestoreRequestBody) =>
  request<RestoreRequest>('POST', 'api/v1/backups/restore-requests', { data: body });

/** One step of a data restore; it goes on the incident's timeline with its note, evidence or reason. */
export const actOnRestoreRequest = (id: string, action: RestoreRequestAction, body: RestoreActionBody) =>
  request<RestoreRequest>('POST', `api/v1/backups/restore-requests/${encodeURIComponent(id)}/${action}`, {
    data: body,
  });
