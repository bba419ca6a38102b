// The shapes of the patches and vulnerabilities API (issue 14), by their names in
// server/openapi.json, from the generated src/api/openapi.gen.ts (as types.ts does).
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

/** {at, actor, kind, detail} of a plan's or a finding's timeline */
export type RecordTimelineEntry = Schemas['PatchPlanTimelineEntry'] | Schemas['FindingTimelineEntry'];

export type PatchHost = Schemas['PatchHost'];
export type PatchPackage = Schemas['PatchPackage'];
export type PatchHistoryEntry = Schemas['PatchHistoryEntry'];
export interface PatchHostDetail {
  host: PatchHost;
  packages: PatchPackage[];
  history: PatchHistoryEntry[];
}
export type CollectResult = Schemas['PatchCollectResult'];

export type PlanState = Schemas['PatchPlanState'];
export const PLAN_STATES: PlanState[] = [
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
];
export type PatchPlan = Schemas['PatchPlan'];
export type GateState = Schemas['PatchPlanGate']['state'];
export type PlanAction = PatchPlan['allowedActions'][number];
export type PostInstallCheck = Schemas['PatchPlanCheck'];
export type PatchPlanDetail = Schemas['PatchPlanDetail'];
export type PatchPlanPage = Schemas['PatchPlanPage'];
export type CreatePlanBody = Schemas['CreatePatchPlanBody'];

export type FindingSeverity = Schemas['VulnerabilitySeverity'];
export const FINDING_SEVERITIES: FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'];
export type FindingState = Schemas['FindingState'];
export const FINDING_STATES: FindingState[] = [
  'open',
  'analysed',
  'fixing',
  'fixed',
  'verified',
  'closed',
  'risk_accepted',
  'false_positive',
];
export type FindingAction = Schemas['FindingAction'];
export type Finding = Schemas['Finding'];
export type FindingDetail = Schemas['FindingDetail'];
export type FindingPage = Schemas['FindingPage'];
export type FindingCounts = Schemas['FindingCounts'];
export interface FindingFilter {
  severity?: string;
  state?: string;
  asset?: string;
  overdue?: boolean;
  cursor?: string;
}
export type ImportSummary = Schemas['VulnerabilityImport'];
export type ImportPage = Schemas['VulnerabilityImportPage'];
export type ImportBody = Schemas['VulnerabilityImportBody'];
export type CreateFindingBody = Schemas['CreateFindingBody'];
