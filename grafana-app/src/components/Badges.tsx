import React from 'react';
import { Badge } from '@grafana/ui';
import type { SlaGoal, Severity, Status } from '../api/types';
import { formatSeconds, formatTime, goalLabel, SEVERITY_COLORS, statusLabel } from './format';
import { t } from '../i18n';

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

/** One SLA clock: remaining business time and due time, or met / breached / paused / self-cleared. */
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
    case 'self_cleared':
      text = t('sla.state.selfCleared', 'cleared by itself');
      color = 'blue';
      break;
    case 'paused':
      text =
        goal.pauseReason === 'outside_working_hours' && goal.pausedUntil
          ? t('sla.state.pausedUntil', 'paused until {{at}}, {{left}} left', {
              at: formatTime(goal.pausedUntil),
              left: formatSeconds(goal.remainingSeconds),
            })
          : t('sla.state.paused', 'paused, {{left}} left', { left: formatSeconds(goal.remainingSeconds) });
      color = 'purple';
      break;
    default:
      text = t('sla.state.running', '{{left}} left', { left: formatSeconds(goal.remainingSeconds) });
      color = goal.atRisk ? 'orange' : 'blue';
  }
  return (
    <span title={goal.dueAt ? t('sla.due', 'due {{at}}', { at: formatTime(goal.dueAt) }) : undefined}>
      <Badge text={`${goalLabel(goal.goal)}: ${text}`} color={color} />
    </span>
  );
}
