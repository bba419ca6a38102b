import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { RunEvent, RunSummary } from '../api/inspections';
import { formatTime } from './format';
import { summaryText } from './InspectionBadges';

export function eventKindLabel(kind: string): string {
  switch (kind) {
    case 'created':
    case 'started':
      return t('inspections.event.started', 'run started, checks evaluated');
    case 'item_recorded':
    case 'item':
      return t('inspections.event.item', 'item filled in');
    case 'signed':
      return t('inspections.event.signed', 'signed');
    case 'completed':
      return t('inspections.event.completed', 'completed');
    case 'cancelled':
      return t('inspections.event.cancelled', 'cancelled');
    case 'follow_up':
      return t('inspections.event.followUp', 'follow-up opened');
    case 'report_stored':
      return t('inspections.event.report', 'report stored');
    default:
      return kind;
  }
}

const isSummary = (v: unknown): v is RunSummary =>
  typeof v === 'object' && v !== null && ['normal', 'warning', 'critical', 'pending'].every((k) => k in v);

/** The detail the server recorded, as "key: value" pairs; a run's counts as the runs list writes them. */
export function eventDetail(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => (isSummary(v) ? summaryText(v) : `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`))
    .join(' · ');
}

/** The timeline of a run: when, who, what. */
export function InspectionTimeline({ events }: { events: RunEvent[] }) {
  const s = useStyles2(getStyles);
  return (
    <ol className={s.list} data-testid="inspection-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className={s.item} data-kind={e.kind}>
          <time className={s.time}>{formatTime(e.at)}</time>
          <span className={s.actor}>{e.actor}</span>
          <span className={s.kind}>{eventKindLabel(e.kind)}</span>
          <span className={s.detail}>{eventDetail(e.detail)}</span>
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
  kind: css({ minWidth: 160 }),
  detail: css({ whiteSpace: 'pre-wrap', color: theme.colors.text.secondary }),
});
