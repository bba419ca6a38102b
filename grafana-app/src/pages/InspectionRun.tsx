import React, { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Button, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { cancelRun, completeRun, getRun, signRun, type RunItem, type SignRole } from '../api/inspections';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatTime } from '../components/format';
import { RunStateBadge, summaryText, triggerLabel } from '../components/InspectionBadges';
import { InspectionFollowUpForm, InspectionItemForm } from '../components/InspectionForms';
import { InspectionItems } from '../components/InspectionItems';
import { reportRoute } from '../components/InspectionLists';
import { InspectionSignoff } from '../components/InspectionSignoff';
import { InspectionTimeline } from '../components/InspectionTimeline';
import { useCanEdit } from '../components/settings';
import { getTableStyles } from '../components/tableStyles';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { appHref, prefixRoute } from '../utils/routing';

/** One run (巡检记录): the frozen checks by layer, the manual items to fill in, the signatures, the timeline. */
function InspectionRunPage() {
  const { id = '' } = useParams<{ id: string }>();
  const s = useStyles2(getTableStyles);
  const canEdit = useCanEdit();
  const [form, setForm] = useState<{ kind: 'fill' | 'followUp'; item: RunItem }>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const run = usePoll(() => getRun(id), [id], 30_000, form === undefined && !busy);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await fn();
      await run.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const r = run.data;
  const allows = (a: string) => canEdit && (r?.allowedActions.includes(a) ?? false);
  return (
    <PluginPage pageNav={{ text: r ? `${r.number} · ${r.template.title}` : id }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={appHref(ROUTES.Inspections)}>
        {t('inspections.back', 'Inspections')}
      </LinkButton>
      {run.error !== undefined && <ErrorMessage error={run.error} onRetry={run.reload} subject="record" />}
      {!r && run.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {r && (
        <div data-testid="inspection-run-page">
          <h2>
            {r.number} · {r.template.title} <span className={s.muted}>v{r.template.version}</span>
          </h2>
          <Stack gap={1} alignItems="center" wrap="wrap">
            <RunStateBadge state={r.state} />
            <span>{triggerLabel(r.trigger)}</span>
            <span className={s.muted}>
              {t('inspections.evaluatedAt', 'checks evaluated {{at}}', { at: formatTime(r.evaluatedAt) })}
            </span>
            {r.subject?.kind === 'incident' && (
              <Link to={prefixRoute(`${ROUTES.Incidents}/${encodeURIComponent(r.subject.id)}`)}>
                {t('inspections.verifiesIncident', 'verifies an incident')}
              </Link>
            )}
            <Link to={reportRoute(r.number)} data-testid="inspection-report-link">
              {t('inspections.report.open', 'Report')}
            </Link>
          </Stack>
          <p data-testid="inspection-run-summary">{summaryText(r.summary)}</p>
          <InspectionSignoff
            run={r}
            canEdit={canEdit}
            busy={busy}
            error={actionError}
            onSign={(role: SignRole) => act(() => signRun(r.number, role))}
            onComplete={() => act(() => completeRun(r.number))}
          />
          <InspectionItems
            items={r.items}
            canFill={allows('record')}
            canFollowUp={allows('follow-up')}
            onFill={(item) => setForm({ kind: 'fill', item })}
            onFollowUp={(item) => setForm({ kind: 'followUp', item })}
            followUpHref={(ref) => appHref(`${ROUTES.Incidents}/${encodeURIComponent(ref)}`)}
          />
          <section>
            <h3>{t('inspections.timeline', 'Timeline')}</h3>
            <InspectionTimeline events={r.events} />
          </section>
          {allows('cancel') && (
            <Button
              variant="destructive"
              fill="text"
              disabled={busy}
              onClick={() => act(() => cancelRun(r.number, t('inspections.cancelReason', 'cancelled in the app')))}
            >
              {t('inspections.cancel', 'Cancel the run')}
            </Button>
          )}
          {form?.kind === 'fill' && (
            <InspectionItemForm
              run={r.number}
              item={form.item}
              onClose={() => setForm(undefined)}
              onSaved={() => {
                setForm(undefined);
                void run.reload();
              }}
            />
          )}
          {form?.kind === 'followUp' && (
            <InspectionFollowUpForm
              run={r.number}
              item={form.item}
              onClose={() => setForm(undefined)}
              onSaved={() => {
                setForm(undefined);
                void run.reload();
              }}
            />
          )}
        </div>
      )}
    </PluginPage>
  );
}

export default InspectionRunPage;
