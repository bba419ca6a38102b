/**
 * The vulnerability domain's vocabulary and its state machine, as plain data and functions
 * (tested without a database): which action a finding in a state allows, and what it becomes.
 */

export const VULN_SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
export type VulnSeverity = (typeof VULN_SEVERITIES)[number];

/** Rank for "the worse of two": a report listing one finding twice keeps the higher severity. */
export const SEVERITY_RANK: Record<VulnSeverity, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  negligible: 1,
  unknown: 0,
};

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

/** States whose remediation clock runs: they count as open, and can be overdue. */
export const ACTIVE_STATES: readonly FindingState[] = ['open', 'analysed', 'fixing'];

export const SCANNERS = ['trivy', 'grype'] as const;
export type Scanner = (typeof SCANNERS)[number];
export type FindingSource = Scanner | 'manual';

export const FINDING_ACTIONS = [
  'analyse',
  'fix',
  'mark-fixed',
  'verify',
  'close',
  'accept-risk',
  'false-positive',
  'reopen',
] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** What each action needs the finding to be in, and what it makes of it. */
export const TRANSITIONS: Record<
  FindingAction,
  { from: readonly FindingState[]; to: FindingState; hint: string }
> = {
  analyse: {
    from: ['open', 'analysed', 'fixing'],
    to: 'analysed',
    hint: 'record the impact of an open finding',
  },
  fix: {
    from: ['analysed', 'fixing'],
    to: 'fixing',
    hint: 'analyse it first (POST …/analyse with its impact), then link a patch plan or a change',
  },
  'mark-fixed': {
    from: ['fixing'],
    to: 'fixed',
    hint: 'link the patch plan or change that fixes it first (POST …/fix)',
  },
  verify: {
    from: ['fixed'],
    to: 'verified',
    hint: 'only a fixed finding can be verified: mark it fixed, or re-import a scan that no longer reports it',
  },
  close: { from: ['verified'], to: 'closed', hint: 'verify the fix first (POST …/verify)' },
  'accept-risk': {
    from: ['open', 'analysed', 'fixing', 'risk_accepted'],
    to: 'risk_accepted',
    hint: 'a risk can be accepted for an unfixed finding only',
  },
  'false-positive': {
    from: ['open', 'analysed', 'fixing', 'risk_accepted'],
    to: 'false_positive',
    hint: 'reopen it first to change its decision',
  },
  reopen: {
    from: ['fixed', 'verified', 'closed', 'risk_accepted', 'false_positive'],
    to: 'open',
    hint: 'it is open already',
  },
};

/** The actions a finding in this state allows now (the app shows these buttons). */
export function allowedActions(state: FindingState): FindingAction[] {
  return FINDING_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/** undefined when the action is allowed, else the reason (for the 409's message). */
export function refusal(state: FindingState, action: FindingAction): string | undefined {
  const t = TRANSITIONS[action];
  if (t.from.includes(state)) return undefined;
  const allowed = allowedActions(state);
  return `cannot ${action} a finding that is ${state}: ${t.hint}; allowed now: ${allowed.join(', ') || 'none'}`;
}
