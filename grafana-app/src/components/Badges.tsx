import React from 'react';
import { Badge } from '@grafana/ui';
import type { SlaGoal, Severity, Status } from '../api/types';
import { formatSeconds, goalLabel, SEVERITY_COLORS, statusLabel } from './format';
import { t } from '@grafana/i18n';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge text={severity} color={SEVERITY_COLORS[severity]} />;
}

export function StatusBadge({ status }: { status: Status }) {
  const color =
    status === 'triggered'
      ? 'red'
      : status === 'resolved' || status === 'closed'
        ? 'green'
        : status === 'waiting_for_customer'
          ? 'purple'
          : 'orange';
  return <Badge text={statusLabel(status)} color={color} />;
}

/** One SLA clock: remaining business time and due time, or met / breached / paused. */
export function SlaClock({ goal }: { goal: SlaGoal }) {
  let text: string;
  let color: 'red' | 'green' | 'orange' | 'blue' | 'purple';
  switch (goal.state) {
    case 'met':
      text = t('sla.state.met', 'met');
      color = 'green';
      break;
    case 'breached':
      text = t('sla.state.breached', 'breached');
      color = 'red';
      break;
    case 'paused':
      text = t('sla.state.paused', 'paused, {{left}} left', { left: formatSeconds(goal.remainingSeconds) });
      color = 'purple';
      break;
    default:
      text = t('sla.state.running', '{{left}} left', { left: formatSeconds(goal.remainingSeconds) });
      color = goal.remainingSeconds < 1800 ? 'orange' : 'blue';
  }
  return (
    <span title={goal.dueAt ? t('sla.due', 'due {{at}}', { at: new Date(goal.dueAt).toLocaleString() }) : undefined}>
      <Badge text={`${goalLabel(goal.goal)}: ${text}`} color={color} />
    </span>
  );
}
