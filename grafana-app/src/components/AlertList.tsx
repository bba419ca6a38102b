import React, { lazy, Suspense } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert as Notice, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import type { Alert, IncidentDetail } from '../api/types';
import { loadScenesTranslations, t } from '../i18n';
import { exploreUrl, expressionOf } from '../utils/explore';
import { formatTime } from './format';

// Scenes is large; it loads only when an alert carries an expression to plot, and its own
// strings join the plugin's namespace before the first scene renders.
const AlertPanel = lazy(() =>
  import('./AlertPanel').then(async (m) => {
    await loadScenesTranslations(m.loadSceneResources);
    return m;
  })
);

export function alertStatusLabel(status: Alert['status']): string {
  if (status === 'firing') return t('alert.status.firing', 'Firing');
  if (status === 'resolved') return t('alert.status.resolved', 'Resolved');
  return t('alert.status.closed', 'Closed by a person');
}

/** An annotation in the user's language: summary_zh beside summary, as the alert rules carry them. */
export function annotation(a: Alert, name: string): string | undefined {
  const zh = (config.bootData?.user?.language ?? '').startsWith('zh');
  return (zh ? a.annotations[`${name}_zh`] : undefined) ?? a.annotations[name];
}

/** The alerts of an incident: status, labels, the latest annotations, the runbook, Explore and a plot. */
export function AlertList({ incident: i, prometheusUid }: { incident: IncidentDetail; prometheusUid?: string }) {
  const s = useStyles2(getStyles);
  return (
    <section data-testid="incident-alerts">
      <h3>{t('incident.alerts', 'Alerts')}</h3>
      {i.truncatedAlerts > 0 && (
        <Notice
          severity="warning"
          title={t('incident.truncated', 'Alertmanager left {{n}} alerts out of its latest notification', {
            n: i.truncatedAlerts,
          })}
        >
          {t(
            'incident.truncatedHelp',
            'The list below is incomplete; Alertmanager’s own page lists every alert of the group.'
          )}
        </Notice>
      )}
      {i.alertCount > i.alerts.length && (
        <p className={s.muted}>
          {t('incident.alertsShown', 'The first {{shown}} of {{count}} alerts.', {
            shown: i.alerts.length,
            count: i.alertCount,
          })}
        </p>
      )}
      {i.alerts.map((a) => {
        const summary = annotation(a, 'summary');
        const description = annotation(a, 'description');
        return (
          <div key={a.fingerprint} className={s.alert} data-testid="incident-alert">
            <Stack gap={1} alignItems="center" wrap="wrap">
              <strong>{a.alertname}</strong>
              <span>{alertStatusLabel(a.status)}</span>
              <span className={s.muted}>{formatTime(a.startsAt)}</span>
              <span className={s.labels}>
                {Object.entries(a.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}
              </span>
              {a.runbookUrl && /^https?:\/\//.test(a.runbookUrl) && (
                <LinkButton size="sm" variant="secondary" icon="book" href={a.runbookUrl} target="_blank">
                  {t('incident.runbook', 'Runbook')}
                </LinkButton>
              )}
              {prometheusUid && (
                <LinkButton
                  size="sm"
                  variant="secondary"
                  icon="compass"
                  href={exploreUrl(prometheusUid, a)}
                  target="_blank"
                >
                  {t('incident.explore', 'Explore')}
                </LinkButton>
              )}
            </Stack>
            {summary && <div className={s.summary}>{summary}</div>}
            {description && <div className={s.muted}>{description}</div>}
            {prometheusUid && expressionOf(a) && (
              <Suspense fallback={<LoadingPlaceholder text="" />}>
                <AlertPanel
                  datasourceUid={prometheusUid}
                  expr={expressionOf(a)!}
                  from={a.startsAt}
                  to={a.endsAt ?? i.resolvedAt}
                />
              </Suspense>
            )}
          </div>
        );
      })}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  alert: css({ padding: theme.spacing(1), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  summary: css({ marginTop: theme.spacing(0.5) }),
  muted: css({ color: theme.colors.text.secondary }),
  labels: css({
    color: theme.colors.text.secondary,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
