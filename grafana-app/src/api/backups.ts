import { request } from './client';
import type { components } from './openapi.gen';

// Backups (issue 15): policies with their RPO/RTO status, runs reported by the backup jobs,
// restore tests (恢复演练) and data-restore requests (数据恢复) linked to incidents; the shapes are
// the server's, by their names in server/openapi.json.
type Schemas = components['schemas'];

export type BackupPolicy = Schemas['BackupPolicy'];
export type PolicyStatus = Schemas['BackupPolicyStatus'];
export type BackupTool = BackupPolicy['tool'];
export type BackupRun = Schemas['BackupRun'];
export type RunResult = BackupRun['result'];
export type RestoreTest = Schemas['RestoreTest'];
export type RestoreTestResult = RestoreTest['result'];
export type VerificationResult = RestoreTest['verification']['result'];
export type RestoreRequest = Schemas['RestoreRequest'];
export type RestoreRequestState = RestoreRequest['state'];
export type RestoreRequestAction = RestoreRequest['allowedActions'][number];
export type RestoreAttempt = RestoreRequest['attempts'][number];
/** An incident's repair time and the part of it spent restoring data. */
export type IncidentRestoreTime = Schemas['IncidentRestoreTime'];
export type RestoreRequestPage = Schemas['RestoreRequestPage'];
export type CreateRestoreRequestBody = Schemas['CreateRestoreRequestBody'];
/** What each step takes: finish says whether the data came back, verify how it was checked, cancel why. */
export type RestoreActionBody = Schemas['RestoreActionBody'];
type RunPage = Schemas['BackupRunPage'];
type RestoreTestPage = Schemas['RestoreTestPage'];

export interface RunFilter {
  policy?: string;
  result?: RunResult;
  cursor?: string;
}

export const RUN_RESULTS: RunResult[] = ['success', 'partial', 'failed'];

export const listPolicies = () => request<Schemas['BackupPolicies']>('GET', 'api/v1/backups/policies');

export const listRuns = (f: RunFilter) =>
  request<RunPage>('GET', 'api/v1/backups/runs', {
    params: { policy: f.policy, result: f.result, cursor: f.cursor },
  });

export const listRestoreTests = (f: { policy?: string; cursor?: string }) =>
  request<RestoreTestPage>('GET', 'api/v1/backups/restore-tests', {
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
