import { request } from './client';
import type {
  CreateFindingBody,
  Finding,
  FindingAction,
  FindingCounts,
  FindingDetail,
  FindingFilter,
  FindingPage,
  ImportBody,
  ImportPage,
  ImportSummary,
} from './patchTypes';

export const listFindings = (f: FindingFilter) =>
  request<FindingPage>('GET', 'api/v1/vulnerabilities/findings', {
    params: {
      severity: f.severity,
      state: f.state,
      asset: f.asset,
      overdue: f.overdue ? 'true' : undefined,
      cursor: f.cursor,
    },
  });

export const getFinding = (id: string) =>
  request<FindingDetail>('GET', `api/v1/vulnerabilities/findings/${encodeURIComponent(id)}`);

export const createFinding = (body: CreateFindingBody) =>
  request<Finding>('POST', 'api/v1/vulnerabilities/findings', { data: body });

export const findingAction = (id: string, action: FindingAction, body: object) =>
  request<Finding>('POST', `api/v1/vulnerabilities/findings/${encodeURIComponent(id)}/${action}`, { data: body });

/** A Trivy or Grype JSON report as the scanner wrote it; the server detects which when scanner is absent. */
export const importReport = (body: ImportBody) =>
  request<{ import: ImportSummary }>('POST', 'api/v1/vulnerabilities/imports', { data: body });

export const listImports = (asset?: string) =>
  request<ImportPage>('GET', 'api/v1/vulnerabilities/imports', { params: { asset } });

/** Open (open, analysed, fixing) and overdue findings by severity, findings by state. */
export const getFindingCounts = (asset?: string) =>
  request<FindingCounts>('GET', 'api/v1/vulnerabilities/counts', { params: { asset } });
