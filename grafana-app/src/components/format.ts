import { formatDate } from '@grafana/i18n';
import { t } from '../i18n';
import type { Action, Severity, Status } from '../api/types';

/** 3 d 4 h, 2 h 5 min, 45 s: the largest two units. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), t('format.days', '{{n}} d', { n: Math.floor(s / 86400) })],
    [Math.floor((s % 86400) / 3600), t('format.hours', '{{n}} h', { n: Math.floor((s % 86400) / 3600) })],
    [Math.floor((s % 3600) / 60), t('format.minutes', '{{n}} min', { n: Math.floor((s % 3600) / 60) })],
    [s % 60, t('format.seconds', '{{n}} s', { n: s % 60 })],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length ? shown.map(([, text]) => text).join(' ') : t('format.seconds', '{{n}} s', { n: 0 });
}

/** A time in the Grafana user's language (not the browser's), e.g. 2026/12/1 09:30 in zh-Hans. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

export function statusLabel(status: Status): string {
  switch (status) {
    case 'triggered':
      return t('status.triggered', 'Triggered');
    case 'acknowledged':
      return t('status.acknowledged', 'Acknowledged');
    case 'mitigated':
      return t('status.mitigated', 'Mitigated');
    case 'waiting_for_customer':
      return t('status.waiting', 'Waiting for customer');
    case 'resolved':
      return t('status.resolved', 'Resolved');
    case 'closed':
      return t('status.closed', 'Closed');
  }
}

export function actionLabel(action: Action): string {
  switch (action) {
    case 'acknowledge':
      return t('action.acknowledge', 'Acknowledge');
    case 'mitigate':
      return t('action.mitigate', 'Mitigated');
    case 'wait':
      return t('action.wait', 'Wait for customer');
    case 'resolve':
      return t('action.resolve', 'Resolve');
    case 'close':
      return t('action.close', 'Close');
    case 'reopen':
      return t('action.reopen', 'Reopen');
  }
}

export function goalLabel(goal: 'response' | 'resolution'): string {
  return goal === 'response' ? t('sla.goal.response', 'Response') : t('sla.goal.resolution', 'Resolution');
}

export const SEVERITY_COLORS: Record<Severity, 'red' | 'orange' | 'blue' | 'green'> = {
  P1: 'red',
  P2: 'orange',
  P3: 'blue',
  P4: 'green',
};
