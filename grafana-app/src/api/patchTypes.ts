// The shapes of the patches and vulnerabilities API (issue 14). Written against the session's
// contract until the server's routes are in server/openapi.json; then aliased to the generated
// schemas like types.ts does.

/** {at, actor, kind, detail} of a plan's or a finding's timeline */
export interface RecordTimelineEntry {
  at: string;
  actor: string;
  kind: string;
  detail: Record<string, unknown>;
}

export interface PatchHost {
  host: string;
  job: string;
  hostname: string | null;
  manager: string | null;
  status: string;
  error: string | null;
  collectedAt: string | null;
  checkedAt: string | null;
  stale: boolean;
  pending: number;
  security: number;
  rebootRequired: boolean | null;
  oldestSecuritySince: string | null;
}
export interface PatchPackage {
  name: string;
  arch: string;
  installedVersion: string;
  candidateVersion: string;
  origin: string;
  repository: string;
  security: boolean;
  advisories: string[];
  cves: string[];
  firstSeenAt: string;
}
export interface PatchHistoryEntry {
  name: string;
  candidateVersion: string;
  firstSeenAt: string;
  resolvedAt: string | null;
}
export interface PatchHostDetail {
  host: PatchHost;
  packages: PatchPackage[];
  history: PatchHistoryEntry[];
}
export interface CollectResult {
  collected: number;
  failed: Array<{ host: string; error: string }>;
}

export const PLAN_STATES = [
  'draft',
  'tested',
  'approved',
  'scheduled',
  'installed',
  'verified',
  'closed',
  'declined',
  'failed',
  'rolled_back',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export type GateState = 'tested' | 'approved' | 'scheduled' | 'installed' | 'verified';
export type PlanAction =
  'test' | 'approve' | 'schedule' | 'install' | 'verify' | 'close' | 'decline' | 'fail' | 'rollback';

export interface PostInstallCheck {
  name: string;
  expr: string;
  expect: 'empty' | 'non_empty';
}
export interface PatchPlan {
  id: string;
  number: string;
  title: string;
  state: PlanState;
  hosts: string[];
  hostGroup: string | null;
  packages: string[];
  advisories: string[];
  emergency: { reason: string; approver: string } | null;
  postInstallChecks: PostInstallCheck[];
  test: { at: string; by: string; testHosts: string[]; result: 'passed' | 'failed'; evidence: string } | null;
  approval: { at: string; approver: string; by: string; note: string | null } | null;
  window: { start: string; end: string; maintenanceWindow: string | null } | null;
  backup: {
    backupRunId: string | null;
    policy: string | null;
    tool: string | null;
    snapshotId: string | null;
    takenAt: string | null;
  } | null;
  install: { at: string; by: string; notes: string | null } | null;
  verification: {
    at: string;
    by: string;
    passed: boolean;
    reboot: { at: string } | null;
    results: Array<{
      host: string;
      collectedAt: string | null;
      status: string | null;
      stillPending: Array<{ name: string; candidateVersion: string; advisories: string[] }>;
      rebootRequired: boolean | null;
      problems: string[];
    }>;
    checks: Array<{
      name: string;
      expr: string;
      expect: 'empty' | 'non_empty';
      passed: boolean;
      series: number | null;
      value: number | null;
      error: string | null;
    }>;
  } | null;
  rollback: { at: string; by: string; what: string; why: string } | null;
  outcome: { at: string; by: string; reason: string } | null;
  gates: Array<{ state: GateState; met: boolean; missing: string[] }>;
  allowedActions: PlanAction[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
export type PatchPlanDetail = PatchPlan & { timeline: RecordTimelineEntry[] };
export interface PatchPlanPage {
  plans: PatchPlan[];
  nextCursor: string | null;
}
export interface CreatePlanBody {
  title: string;
  hosts?: string[];
  hostGroup?: string;
  packages?: string[];
  advisories?: string[];
  emergency?: { reason: string; approver: string };
  postInstallChecks?: PostInstallCheck[];
}

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATES = [
  'open',
  'analysed',
  'fixing',
  'fixed',
  'verified',
  'closed',
  'risk_accepted',
  'false_positive',
] as const;
export type FindingState = (typeof FINDING_STATES)[number];
export type FindingAction =
  'analyse' | 'fix' | 'mark-fixed' | 'verify' | 'close' | 'accept-risk' | 'false-positive' | 'reopen';

export interface Finding {
  id: string;
  asset: string;
  packageType: string;
  packageName: string;
  installedVersion: string;
  fixedVersion: string | null;
  vulnerabilityId: string;
  aliases: string[];
  severity: FindingSeverity;
  scannerSeverity: string | null;
  title: string;
  description: string;
  state: FindingState;
  dueAt: string | null;
  overdue: boolean;
  knownExploited: boolean;
  source: 'trivy' | 'grype' | 'manual';
  scanTarget: string | null;
  resultTarget: string | null;
  primaryUrl: string | null;
  cvssScore: number | null;
  purl: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  analysis: { impact: string; affectedServices: string[]; plan: string; at: string; by: string } | null;
  patchPlanId: string | null;
  changeRef: string | null;
  fixedAt: string | null;
  fixedBy: string | null;
  riskAcceptance: { approver: string; reason: string; expiresAt: string; at: string; by: string } | null;
  riskAcceptanceExpiredAt: string | null;
  verification: {
    method: 'rescan' | 'manual';
    importId: string | null;
    note: string | null;
    evidence: string | null;
    at: string;
    by: string;
  } | null;
  resolutionNote: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
export type FindingDetail = Finding & { timeline: RecordTimelineEntry[]; allowedActions: FindingAction[] };
export interface FindingPage {
  findings: Finding[];
  nextCursor: string | null;
}
export interface FindingFilter {
  severity?: string;
  state?: string;
  asset?: string;
  overdue?: boolean;
  cursor?: string;
}
export interface ImportSummary {
  id: string;
  scanner: 'trivy' | 'grype';
  asset: string;
  target: string;
  at: string;
  actor: string;
  reported: number;
  created: number;
  updated: number;
  unchanged: number;
  awaitingVerification: number;
  reopened: number;
  resultTargets: string[];
}
export interface ImportPage {
  imports: ImportSummary[];
  nextCursor: string | null;
}
export interface ImportBody {
  scanner?: 'trivy' | 'grype';
  asset?: string;
  report: Record<string, unknown>;
}
export interface CreateFindingBody {
  asset: string;
  packageType: string;
  packageName: string;
  installedVersion: string;
  fixedVersion?: string;
  vulnerabilityId: string;
  severity: string;
  title?: string;
  description?: string;
}
