import { t } from '../i18n';
import type {
  FindingAction,
  FindingSeverity,
  FindingState,
  GateState,
  PatchHost,
  PatchPlan,
  PlanAction,
  PlanState,
} from '../api/patchTypes';

export function planStateLabel(state: PlanState): string {
  switch (state) {
    case 'draft':
      return t('patches.state.draft', 'Draft');
    case 'tested':
      return t('patches.state.tested', 'Tested');
    case 'approved':
      return t('patches.state.approved', 'Approved');
    case 'scheduled':
      return t('patches.state.scheduled', 'Scheduled');
    case 'installed':
      return t('patches.state.installed', 'Installed');
    case 'verified':
      return t('patches.state.verified', 'Verified');
    case 'closed':
      return t('patches.state.closed', 'Closed');
    case 'declined':
      return t('patches.state.declined', 'Declined');
    case 'failed':
      return t('patches.state.failed', 'Failed');
    case 'rolled_back':
      return t('patches.state.rolledBack', 'Rolled back');
    default:
      return String(state);
  }
}

export function planStateColor(state: PlanState): 'green' | 'red' | 'orange' | 'blue' | 'purple' {
  if (state === 'verified' || state === 'closed') return 'green';
  if (state === 'failed' || state === 'rolled_back') return 'red';
  if (state === 'declined') return 'purple';
  if (state === 'draft') return 'orange';
  return 'blue';
}

/** The gate's name as the checklist reads it: what the plan must have to reach that state. */
export function gateLabel(state: GateState): string {
  switch (state) {
    case 'tested':
      return t('patches.gate.tested', 'Tested: a test record (test hosts, result, evidence)');
    case 'approved':
      return t('patches.gate.approved', 'Approved: an approver');
    case 'scheduled':
      return t('patches.gate.scheduled', 'Scheduled: inside a maintenance window of the hosts’ group');
    case 'installed':
      return t('patches.gate.installed', 'Installed: backup evidence recorded');
    case 'verified':
      return t(
        'patches.gate.verified',
        'Verified: no host reports the packages pending, reboot done, post-install checks pass'
      );
    default:
      return String(state);
  }
}

/** The server's codes of what a gate misses (PatchPlanGate.missing); an unknown one reads as written. */
export function missingLabel(code: string): string {
  switch (code) {
    case 'test_evidence':
      return t('patches.missing.test', 'no passing test record');
    case 'approval':
      return t('patches.missing.approval', 'not approved');
    case 'independent_approver':
      return t('patches.missing.independentApprover', 'the plan’s creator cannot approve it (four eyes)');
    case 'emergency_approver':
      return t('patches.missing.emergencyApprover', 'an emergency is approved by the person who authorised it');
    case 'maintenance_window':
      return t('patches.missing.window', 'not scheduled inside a maintenance window');
    case 'outside_trading_hours':
      return t('patches.missing.tradingHours', 'the window falls in trading hours (only an emergency may)');
    case 'host_group':
      return t('patches.missing.hostGroup', 'a host is in no host group with a maintenance window');
    case 'backup_evidence':
      return t('patches.missing.backup', 'no backup evidence');
    case 'install_in_window':
      return t('patches.missing.installInWindow', 'not installed inside the scheduled window');
    case 'hosts_collected':
      return t('patches.missing.collected', 'a host was not collected since the install');
    case 'packages_pending':
      return t('patches.missing.pending', 'a host still reports a plan package pending');
    case 'reboot':
      return t('patches.missing.reboot', 'a required reboot is not recorded');
    case 'post_install_checks':
      return t('patches.missing.checks', 'a post-install check fails');
    case 'prometheus':
      return t('patches.missing.prometheus', 'Prometheus cannot be asked');
    case 'verification':
      return t('patches.missing.verification', 'not verified yet');
    default:
      return code.replace(/_/g, ' ');
  }
}

const PLAN_ACTION_ORDER: PlanAction[] = [
  'test',
  'approve',
  'schedule',
  'install',
  'verify',
  'close',
  'decline',
  'fail',
  'rollback',
];

/**
 * The actions the server allows now (allowedActions), in the order the buttons show: the next step
 * of the main line first, then the ways off it.
 */
export function orderPlanActions(allowed: PlanAction[]): PlanAction[] {
  return PLAN_ACTION_ORDER.filter((a) => allowed.includes(a));
}

/** Backup evidence in one line: the run of the backups domain, or the tool's snapshot. */
export function backupText(b: NonNullable<PatchPlan['backup']>): string {
  if (b.backupRunId) return [`run ${b.backupRunId}`, b.policy, b.snapshotId].filter(Boolean).join(' · ');
  return [b.tool, b.snapshotId, b.takenAt].filter(Boolean).join(' · ');
}

export function planActionLabel(action: PlanAction): string {
  switch (action) {
    case 'test':
      return t('patches.action.test', 'Record test');
    case 'approve':
      return t('patches.action.approve', 'Approve');
    case 'schedule':
      return t('patches.action.schedule', 'Schedule');
    case 'install':
      return t('patches.action.install', 'Record install');
    case 'verify':
      return t('patches.action.verify', 'Verify');
    case 'close':
      return t('patches.action.close', 'Close');
    case 'decline':
      return t('patches.action.decline', 'Decline');
    case 'fail':
      return t('patches.action.fail', 'Mark failed');
    case 'rollback':
      return t('patches.action.rollback', 'Record rollback');
  }
}

/** The checklist rows: every gate, in the plan's order of states, met or with what is missing. */
export function gateChecklist(
  plan: Pick<PatchPlan, 'gates'>
): Array<{ state: GateState; met: boolean; missing: string[] }> {
  const order: GateState[] = ['tested', 'approved', 'scheduled', 'installed', 'verified'];
  const byState = new Map(plan.gates.map((g) => [g.state, g]));
  return order
    .filter((s) => byState.has(s))
    .map((s) => {
      const g = byState.get(s)!;
      return { state: s, met: g.met, missing: g.met ? [] : g.missing };
    });
}

/** Seconds since the oldest pending security update was first seen, null when none is pending. */
export function oldestSecurityAgeSeconds(host: Pick<PatchHost, 'oldestSecuritySince'>, now: number): number | null {
  if (!host.oldestSecuritySince) return null;
  const at = Date.parse(host.oldestSecuritySince);
  return Number.isFinite(at) ? Math.max(0, (now - at) / 1000) : null;
}

/** Hosts with security updates first, then by the oldest security update, then by name. */
export function sortHosts(hosts: PatchHost[]): PatchHost[] {
  return [...hosts].sort(
    (a, b) =>
      b.security - a.security ||
      (a.oldestSecuritySince ?? '9').localeCompare(b.oldestSecuritySince ?? '9') ||
      a.host.localeCompare(b.host)
  );
}

export function severityLabel(severity: FindingSeverity): string {
  switch (severity) {
    case 'critical':
      return t('vulns.severity.critical', 'Critical');
    case 'high':
      return t('vulns.severity.high', 'High');
    case 'medium':
      return t('vulns.severity.medium', 'Medium');
    case 'low':
      return t('vulns.severity.low', 'Low');
    case 'negligible':
      return t('vulns.severity.negligible', 'Negligible');
    default:
      return t('vulns.severity.unknown', 'Unknown');
  }
}

export function severityColor(severity: FindingSeverity): 'red' | 'orange' | 'blue' | 'green' | 'purple' {
  switch (severity) {
    case 'critical':
      return 'red';
    case 'high':
      return 'orange';
    case 'medium':
      return 'blue';
    case 'low':
      return 'green';
    default:
      return 'purple';
  }
}

export function findingStateLabel(state: FindingState): string {
  switch (state) {
    case 'open':
      return t('vulns.state.open', 'Open');
    case 'analysed':
      return t('vulns.state.analysed', 'Analysed');
    case 'fixing':
      return t('vulns.state.fixing', 'Fixing');
    case 'fixed':
      return t('vulns.state.fixed', 'Fixed, awaiting verification');
    case 'verified':
      return t('vulns.state.verified', 'Verified');
    case 'closed':
      return t('vulns.state.closed', 'Closed');
    case 'risk_accepted':
      return t('vulns.state.riskAccepted', 'Risk accepted');
    case 'false_positive':
      return t('vulns.state.falsePositive', 'False positive');
    default:
      return String(state);
  }
}

const FINDING_ACTION_ORDER: FindingAction[] = [
  'analyse',
  'fix',
  'mark-fixed',
  'verify',
  'close',
  'accept-risk',
  'false-positive',
  'reopen',
];

/** As orderPlanActions: the finding's allowed actions in the order of its life. */
export function orderFindingActions(allowed: FindingAction[]): FindingAction[] {
  return FINDING_ACTION_ORDER.filter((a) => allowed.includes(a));
}

export function findingActionLabel(action: FindingAction): string {
  switch (action) {
    case 'analyse':
      return t('vulns.action.analyse', 'Record analysis');
    case 'fix':
      return t('vulns.action.fix', 'Link a fix');
    case 'mark-fixed':
      return t('vulns.action.markFixed', 'Mark fixed');
    case 'verify':
      return t('vulns.action.verify', 'Record verification');
    case 'close':
      return t('vulns.action.close', 'Close');
    case 'accept-risk':
      return t('vulns.action.acceptRisk', 'Accept risk');
    case 'false-positive':
      return t('vulns.action.falsePositive', 'False positive');
    case 'reopen':
      return t('vulns.action.reopen', 'Reopen');
  }
}

export type Scanner = 'trivy' | 'grype';

/**
 * Which scanner wrote a report, from its documented top-level shape: Trivy's JSON has
 * `SchemaVersion` and `Results`, Grype's `matches` (and `source`, `descriptor`). Undefined for
 * anything else, so the page says so before uploading.
 */
export function detectScanner(report: unknown): Scanner | undefined {
  if (!report || typeof report !== 'object' || Array.isArray(report)) return undefined;
  const r = report as Record<string, unknown>;
  if (Array.isArray(r.matches)) return 'grype';
  if ('SchemaVersion' in r || Array.isArray(r.Results) || 'ArtifactName' in r) return 'trivy';
  return undefined;
}

/** What the report holds before it is sent: the asset it names and how many vulnerabilities. */
export function reportSummary(
  report: unknown
): { scanner: Scanner; asset: string | null; vulnerabilities: number } | undefined {
  const scanner = detectScanner(report);
  if (!scanner) return undefined;
  const r = report as Record<string, unknown>;
  if (scanner === 'grype') {
    const source = r.source as { target?: unknown } | undefined;
    const target = source?.target;
    const asset =
      typeof target === 'string'
        ? target
        : target && typeof target === 'object' && typeof (target as { userInput?: unknown }).userInput === 'string'
          ? (target as { userInput: string }).userInput
          : null;
    return { scanner, asset, vulnerabilities: (r.matches as unknown[]).length };
  }
  const results = Array.isArray(r.Results) ? (r.Results as Array<{ Vulnerabilities?: unknown[] }>) : [];
  return {
    scanner,
    asset: typeof r.ArtifactName === 'string' ? r.ArtifactName : null,
    vulnerabilities: results.reduce((n, x) => n + (Array.isArray(x.Vulnerabilities) ? x.Vulnerabilities.length : 0), 0),
  };
}

/** The findings filter as the URL holds it (?severity=critical&state=open&asset=…&overdue=true). */
export function findingFilterOf(params: URLSearchParams) {
  return {
    severity: params.get('severity') || undefined,
    state: params.get('state') || undefined,
    asset: params.get('asset') || undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    cursor: params.get('cursor') || undefined,
  };
}

/** The URL after a filter change: a new filter starts at the first page. */
export function withFilter(params: URLSearchParams, patch: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  if (!('cursor' in patch)) next.delete('cursor');
  return next;
}

/** A datetime-local input's value (the browser's wall time) as ISO, or undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A comma-, space- or newline-separated list as typed into a field. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A timeline entry's kind in the user's language; kinds the app does not know read as written. */
export function timelineKindLabel(kind: string): string {
  switch (kind) {
    case 'created':
      return t('records.kind.created', 'created');
    case 'tested':
      return t('records.kind.tested', 'test recorded');
    case 'approved':
      return t('records.kind.approved', 'approved');
    case 'scheduled':
      return t('records.kind.scheduled', 'scheduled');
    case 'installed':
      return t('records.kind.installed', 'install recorded');
    case 'verified':
      return t('records.kind.verified', 'verified');
    case 'closed':
      return t('records.kind.closed', 'closed');
    case 'declined':
      return t('records.kind.declined', 'declined');
    case 'failed':
      return t('records.kind.failed', 'failed');
    case 'rolled_back':
      return t('records.kind.rolledBack', 'rolled back');
    case 'imported':
      return t('records.kind.imported', 'seen in a scan');
    case 'analysed':
      return t('records.kind.analysed', 'analysed');
    case 'fixing':
      return t('records.kind.fixing', 'fix linked');
    case 'fixed':
      return t('records.kind.fixed', 'fixed, awaiting verification');
    case 'risk_accepted':
      return t('records.kind.riskAccepted', 'risk accepted');
    case 'false_positive':
      return t('records.kind.falsePositive', 'marked false positive');
    case 'reopened':
      return t('records.kind.reopened', 'reopened');
    default:
      return kind.replace(/_/g, ' ');
  }
}

/** A timeline entry's detail as one line of text: a string as is, an object as key: value pairs. */
export function timelineDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail !== 'object') return String(detail);
  if (Array.isArray(detail)) return detail.map(timelineDetail).join(', ');
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}
