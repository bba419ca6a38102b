import React, { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { Button, LinkButton, LoadingPlaceholder, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { addComment, getIncident, getTimeline, transitionIncident } from '../api/opsdesk';
import type { Action, Alert } from '../api/types';
import { SeverityBadge, SlaClock, StatusBadge } from '../components/Badges';
import { ErrorMessage } from '../components/ErrorMessage';
import { actionLabel, formatTime } from '../components/format';
import { ReviewEditor } from '../components/ReviewEditor';
import { useCanEdit, useSettings } from '../components/settings';
import { Timeline } from '../components/Timeline';
import { usePoll } from '../components/usePoll';
import { exploreUrl, expressionOf } from '../utils/explore';
import { appHref } from '../utils/routing';
import { ROUTES } from '../constants';
import { loadScenesTranslations } from '../i18n';

// Scenes is large; it loads only when an alert carries an expression to plot.
// Scenes' own strings join the plugin's namespace before the first scene renders.
const AlertPanel = lazy(() =>
  import('../components/AlertPanel').then(async (m) => {
    await loadScenesTranslations(m.loadSceneResources);
    return m;
  })
);

function IncidentPage() {
  const { id = '' } = useParams<{ id: string }>();
  const s = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const { prometheusUid } = useSettings();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [comment, setComment] = useState('');
  const incident = usePoll(() => getIncident(id), [id], 30_000, !busy);
  const timeline = usePoll(() => getTimeline(id), [id], 30_000, !busy);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await fn();
      await Promise.all([incident.reload(), timeline.reload()]);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  const i = incident.data;
  return (
    <PluginPage pageNav={{ text: i ? `${i.number} · ${i.title}` : id }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={appHref(ROUTES.Incidents)}>
        {t('incident.back', 'Incidents')}
      </LinkButton>
      {incident.error !== undefined && <ErrorMessage error={incident.error} onRetry={incident.reload} />}
      {!i && incident.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {i && (
        <div data-testid="incident-page">
          <h2 className={s.title}>
            {i.number} · {i.title}
          </h2>
          <Stack gap={1} wrap="wrap" alignItems="center">
            <SeverityBadge severity={i.severity} />
            <StatusBadge status={i.status} />
            {i.sla.map((g) => (
              <SlaClock key={g.goal} goal={g} />
            ))}
          </Stack>
          <dl className={s.facts}>
            <dt>{t('incident.field.service', 'Service')}</dt>
            <dd>{i.service || '—'}</dd>
            <dt>{t('incident.field.assignee', 'Assignee')}</dt>
            <dd>{i.assignee ?? '—'}</dd>
            <dt>{t('incident.field.occurred', 'Occurred')}</dt>
            <dd>{formatTime(i.occurredAt)}</dd>
            <dt>{t('incident.field.detected', 'Detected')}</dt>
            <dd>{formatTime(i.detectedAt)}</dd>
            <dt>{t('incident.field.acknowledged', 'Acknowledged')}</dt>
            <dd>{formatTime(i.acknowledgedAt)}</dd>
            <dt>{t('incident.field.resolved', 'Resolved')}</dt>
            <dd>{formatTime(i.resolvedAt)}</dd>
            <dt>{t('incident.field.symptom', 'Symptom')}</dt>
            <dd>{i.symptom || '—'}</dd>
            <dt>{t('incident.field.impact', 'Impact')}</dt>
            <dd>{i.impact || '—'}</dd>
          </dl>
          {canEdit && i.allowedActions.length > 0 && (
            <Stack gap={1} wrap="wrap">
              {i.allowedActions.map((a: Action) => (
                <Button
                  key={a}
                  disabled={busy}
                  variant={a === 'resolve' || a === 'acknowledge' ? 'primary' : 'secondary'}
                  onClick={() => act(() => transitionIncident(i.number, a))}
                >
                  {actionLabel(a)}
                </Button>
              ))}
            </Stack>
          )}
          {actionError !== undefined && <ErrorMessage error={actionError} />}

          {i.alerts.length > 0 && (
            <section>
              <h3>{t('incident.alerts', 'Alerts')}</h3>
              {i.alerts.map((a: Alert) => (
                <div key={`${a.fingerprint}-${a.startsAt}`} className={s.alert}>
                  <Stack gap={1} alignItems="center" wrap="wrap">
                    <strong>{a.alertname}</strong>
                    <span>{a.status}</span>
                    <span className={s.labels}>
                      {Object.entries(a.labels)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', ')}
                    </span>
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
              ))}
            </section>
          )}

          <section>
            <h3>{t('incident.timeline', 'Timeline')}</h3>
            {timeline.data && <Timeline entries={timeline.data.entries} />}
            {canEdit && (
              <div className={s.comment}>
                <TextArea
                  aria-label={t('incident.comment', 'Comment')}
                  placeholder={t('incident.commentPlaceholder', 'Add a comment')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                />
                <Button
                  disabled={busy || comment.trim() === ''}
                  onClick={() =>
                    act(async () => {
                      await addComment(i.number, comment.trim());
                      setComment('');
                    })
                  }
                >
                  {t('incident.addComment', 'Comment')}
                </Button>
              </div>
            )}
          </section>

          <section>
            <h3>{t('review.title', 'Post-incident review')}</h3>
            <ReviewEditor
              incident={i.number}
              exists={i.hasReview}
              canEdit={canEdit}
              onSaved={() => void Promise.all([incident.reload(), timeline.reload()])}
            />
          </section>
        </div>
      )}
    </PluginPage>
  );
}

export default IncidentPage;

const getStyles = (theme: GrafanaTheme2) => ({
  title: css({ margin: theme.spacing(1, 0) }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(2, 0),
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, whiteSpace: 'pre-wrap' },
  }),
  alert: css({ padding: theme.spacing(1), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  labels: css({
    color: theme.colors.text.secondary,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  comment: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start', marginTop: theme.spacing(1) }),
});
