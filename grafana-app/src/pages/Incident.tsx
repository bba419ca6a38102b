import React, { useState } from 'react';
import { useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { PluginPage } from '@grafana/runtime';
import { Button, LinkButton, LoadingPlaceholder, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { addComment, getIncident, getTimeline, transitionIncident, updateIncident } from '../api/opsdesk';
import type { Action } from '../api/types';
import { AlertList } from '../components/AlertList';
import { SeverityBadge, SlaClock, StatusBadge } from '../components/Badges';
import { ErrorMessage } from '../components/ErrorMessage';
import { actionLabel } from '../components/format';
import { IncidentFacts } from '../components/IncidentFacts';
import { IncidentRestores } from '../components/IncidentRestores';
import { InspectionVerify } from '../components/InspectionVerify';
import { ReviewEditor } from '../components/ReviewEditor';
import { useCanEdit, useSettings } from '../components/settings';
import { Timeline } from '../components/Timeline';
import { usePoll } from '../components/usePoll';
import { appHref } from '../utils/routing';
import { ROUTES } from '../constants';

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
          <IncidentFacts
            incident={i}
            canEdit={canEdit}
            busy={busy}
            onSave={(changes) => act(() => updateIncident(i.number, changes))}
          />
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

          {i.alerts.length > 0 && <AlertList incident={i} prometheusUid={prometheusUid} />}

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

          <InspectionVerify
            incident={i.number}
            canEdit={canEdit}
            onStarted={() => void Promise.all([incident.reload(), timeline.reload()])}
          />

          <IncidentRestores
            incident={i}
            canEdit={canEdit}
            onChanged={() => void Promise.all([incident.reload(), timeline.reload()])}
          />

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
  comment: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start', marginTop: theme.spacing(1) }),
});
