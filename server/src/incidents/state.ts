import type { Action, Status } from './schema';

/** Which actions each status allows, and where they lead. Reopen goes back to triggered. */
const NEXT: Record<Action, { from: readonly Status[]; to: Status }> = {
  acknowledge: { from: ['triggered', 'waiting_for_customer'], to: 'acknowledged' },
  mitigate: { from: ['triggered', 'acknowledged', 'waiting_for_customer'], to: 'mitigated' },
  wait: { from: ['acknowledged', 'mitigated'], to: 'waiting_for_customer' },
  resolve: { from: ['triggered', 'acknowledged', 'mitigated', 'waiting_for_customer'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'triggered' },
};

export const OPEN_STATUSES: readonly Status[] = [
  'triggered',
  'acknowledged',
  'mitigated',
  'waiting_for_customer',
];

export type TransitionResult = { ok: true; to: Status } | { ok: false; allowed: Action[] };

/** The incident state machine as a pure function. */
export function nextStatus(current: Status, action: Action): TransitionResult {
  const rule = NEXT[action];
  if (rule.from.includes(current)) return { ok: true, to: rule.to };
  return { ok: false, allowed: allowedActions(current) };
}

export function allowedActions(current: Status): Action[] {
  return (Object.keys(NEXT) as Action[]).filter((a) => NEXT[a].from.includes(current));
}

/**
 * Timestamps an action sets. A person mitigating or resolving has acknowledged it too; the
 * server's own actors (Alertmanager resolving a group) never acknowledge anything.
 */
export function timestampsFor(
  action: Action,
  now: number,
  row: { acknowledged_at: number | null; mitigated_at: number | null },
  byPerson: boolean,
) {
  const set: Record<string, number | null> = {};
  if (byPerson && ['acknowledge', 'mitigate', 'resolve'].includes(action) && row.acknowledged_at === null)
    set.acknowledged_at = now;
  if (action === 'mitigate' && row.mitigated_at === null) set.mitigated_at = now;
  if (action === 'resolve') set.resolved_at = now;
  if (action === 'close') set.closed_at = now;
  if (action === 'reopen') {
    set.resolved_at = null;
    set.closed_at = null;
  }
  return set;
}
