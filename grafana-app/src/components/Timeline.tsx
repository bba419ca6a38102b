import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { useStyles2 } from '@grafana/ui';
import type { Status, TimelineEntry } from '../api/types';
import { formatDuration } from './backupsFormat';
import { formatTime, goalLabel, statusLabel } from './format';

function describe(e: TimelineEntry): string {
  const d = e.data;
  switch (e.kind) {
    case 'created':
      return t('timeline.created', 'opened the incident ({{source}})', { source: String(d.source) });
    case 'status_changed':
      return (
        t('timeline.status', 'changed the status from {{from}} to {{to}}', {
          from: statusLabel(d.from as Status),
          to: statusLabel(d.to as Status),
        }) + (d.note ? ` — ${String(d.note)}` : '')
      );
    case 'assigned':
      return t('timeline.assigned', 'assigned it to {{assignee}}', { assignee: String(d.assignee ?? '—') });
    case 'comment':
      return String(d.text);
    case 'alert_firing':
      return t('timeline.alertFiring', 'alert {{alertname}} firing', { alertname: String(d.alertname) });
    case 'alert_resolved':
      return t('timeline.alertResolved', 'alert {{alertname}} resolved', { alertname: String(d.alertname) });
    case 'sla_breached':
      return t('timeline.slaBreached', '{{goal}} SLA breached (due {{due}})', {
        goal: goalLabel(d.goal as 'response' | 'resolution'),
        due: formatTime(d.dueAt as string),
      });
    case 'review_created':
      return t('timeline.reviewCreated', 'wrote the post-incident review');
    case 'review_updated':
      return t('timeline.reviewUpdated', 'updated the post-incident review');
    case 'updated':
      return t('timeline.updated', 'changed {{fields}}', {
        fields: Object.keys((d.changes as object) ?? {}).join(', '),
      });
    case 'restore_requested':
      return t('timeline.restoreRequested', 'requested a data restore: {{what}}', { what: String(d.what) });
    case 'restore_started':
      return t('timeline.restoreStarted', 'started restoring data (attempt {{attempt}}): {{what}}', {
        attempt: String(d.attempt ?? 1),
        what: String(d.what),
      });
    case 'restore_finished':
      return d.result === 'failed'
        ? t('timeline.restoreFailed', 'data restore failed after {{duration}}', {
            duration: formatDuration(Number(d.durationSeconds ?? 0)),
          })
        : t('timeline.restoreFinished', 'restored the data in {{duration}}', {
            duration: formatDuration(Number(d.durationSeconds ?? 0)),
          });
    case 'restore_verified':
      return t('timeline.restoreVerified', 'verified the restored data: {{evidence}}', {
        evidence: String(d.evidence),
      });
    case 'restore_cancelled':
      return t('timeline.restoreCancelled', 'cancelled the data restore: {{reason}}', { reason: String(d.reason) });
    default:
      return e.kind;
  }
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const s = useStyles2(getStyles);
  return (
    <ol className={s.list} data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className={s.item}>
          <time className={s.time}>{formatTime(e.at)}</time>
          <span className={s.actor}>{e.actor}</span>
          <span className={e.kind === 'comment' ? s.comment : undefined}>{describe(e)}</span>
        </li>
      ))}
    </ol>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', padding: 0, margin: 0 }),
  item: css({
    display: 'flex',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.5, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  time: css({ color: theme.colors.text.secondary, minWidth: 170 }),
  actor: css({ fontWeight: theme.typography.fontWeightMedium, minWidth: 120 }),
  comment: css({ whiteSpace: 'pre-wrap' }),
});
