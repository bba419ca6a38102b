import { ApiError } from '../http/errors';
import type { GatedState, PlanAction, PlanState } from './plans-schema';

/**
 * The patch plan state machine as plain data: which actions each state allows, and which gate an
 * action passes. The main line is draft → tested → approved → scheduled → installed → verified →
 * closed; declined, failed and rolled_back lie beside it.
 */

export const MAIN_LINE: readonly PlanState[] = [
  'draft',
  'tested',
  'approved',
  'scheduled',
  'installed',
  'verified',
  'closed',
];

/** The states each action may start from. */
export const ACTION_FROM: Record<PlanAction, readonly PlanState[]> = {
  // a failed test sends the plan back to draft; testing again is how it moves on
  test: ['draft', 'tested'],
  approve: ['tested'],
  // scheduled: a new window for the same plan; failed: another try in a new window (the approval stands)
  schedule: ['approved', 'scheduled', 'failed'],
  install: ['scheduled'],
  verify: ['installed'],
  close: ['verified'],
  decline: ['draft', 'tested', 'approved', 'scheduled'],
  fail: ['scheduled', 'installed'],
  rollback: ['installed', 'verified', 'failed'],
};

/** The gate an action passes: the state it leads to on the main line. */
export const ACTION_GATE: Partial<Record<PlanAction, GatedState>> = {
  test: 'tested',
  approve: 'approved',
  schedule: 'scheduled',
  install: 'installed',
  verify: 'verified',
};

export function allowedActions(state: PlanState): PlanAction[] {
  return (Object.keys(ACTION_FROM) as PlanAction[]).filter((a) => ACTION_FROM[a].includes(state));
}

/** What one missing thing is, for a 409 gate_unmet: a code, a sentence and how to supply it. */
export interface Missing {
  missing: string;
  gate: GatedState;
  message: string;
  how: string;
}

/** 409 gate_unmet: `to reach <state>: <what is missing>; <how>` (each in details). */
export function gateUnmet(target: GatedState, missing: readonly Missing[]): ApiError {
  const message = `to reach ${target}: ${missing.map((m) => `${m.message}; ${m.how}`).join('; ')}`;
  return new ApiError(409, 'gate_unmet', message, [...missing]);
}

/** How to supply each earlier gate, for a plan that skips ahead (install on a draft plan). */
export function earlierGates(planRef: string, from: PlanState, target: GatedState): Missing[] {
  const base = `POST /api/v1/patches/plans/${planRef}`;
  const all: Array<[GatedState, Missing]> = [
    [
      'tested',
      {
        missing: 'test_evidence',
        gate: 'tested',
        message: 'no passing test record',
        how: `test on test hosts first and record it: ${base}/test {testHosts, result: "passed", evidence}`,
      },
    ],
    [
      'approved',
      {
        missing: 'approval',
        gate: 'approved',
        message: 'not approved',
        how: `the approver (not the plan's creator) approves: ${base}/approve {approver}`,
      },
    ],
    [
      'scheduled',
      {
        missing: 'maintenance_window',
        gate: 'scheduled',
        message: 'not scheduled in a maintenance window',
        how: `${base}/schedule {start, end} inside a window of maintenance.windows`,
      },
    ],
    [
      'installed',
      {
        missing: 'backup_evidence',
        gate: 'installed',
        message: 'no install with backup evidence',
        how: `${base}/install {backup: {backupRunId} or {tool, snapshotId}}`,
      },
    ],
  ];
  const fromIndex = MAIN_LINE.indexOf(from);
  const targetIndex = MAIN_LINE.indexOf(target);
  return all
    .filter(([g]) => MAIN_LINE.indexOf(g) > fromIndex && MAIN_LINE.indexOf(g) < targetIndex)
    .map(([, m]) => m);
}

/**
 * Checks an action against the state. Allowed: no earlier gate is missing ([]). A gated action
 * asked for too early gives every earlier gate still missing (the caller adds what the action's own
 * gate lacks and answers 409 gate_unmet, so "install" on a draft plan names the test, the approval,
 * the window and the backup); anything else is refused here with 409 illegal_transition.
 */
export function missingBefore(planRef: string, state: PlanState, action: PlanAction): Missing[] {
  if (ACTION_FROM[action].includes(state)) return [];
  const gate = ACTION_GATE[action];
  const mainIndex = MAIN_LINE.indexOf(state);
  if (gate && mainIndex >= 0 && mainIndex < MAIN_LINE.indexOf(gate) - 1)
    return earlierGates(planRef, state, gate);
  const allowed = allowedActions(state);
  throw new ApiError(
    409,
    'illegal_transition',
    `cannot ${action} a plan that is ${state}${allowed.length ? `; allowed now: ${allowed.join(', ')}` : '; it is finished'}`,
  );
}
