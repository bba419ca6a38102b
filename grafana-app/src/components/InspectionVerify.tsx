import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { listRuns, listTemplates } from '../api/inspections';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './format';
import { RunStateBadge, summaryText } from './InspectionBadges';
import { InspectionVerifyForm } from './InspectionForms';
import { runRoute } from './InspectionLists';
import { getTableStyles } from './tableStyles';
import { usePoll } from './usePoll';

/**
 * The incident page's verification after a repair (验证巡检): the runs made for the incident, with
 * their state and result, and for an Editor the "verify" action that starts one from a template;
 * the run goes on the incident's timeline.
 */
export function InspectionVerify({
  incident,
  canEdit,
  onStarted,
}: {
  incident: string;
  canEdit: boolean;
  onStarted: () => void;
}) {
  const s = useStyles2(getTableStyles);
  const [open, setOpen] = useState(false);
  const runs = usePoll(() => listRuns({ incident }), [incident], 60_000, !open);
  const templates = usePoll(() => (open ? listTemplates() : Promise.resolve(undefined)), [open], 0);
  const list = runs.data?.runs ?? [];
  if (!canEdit && list.length === 0) return null;
  return (
    <section data-testid="inspection-verify">
      <h3>{t('inspections.verify.heading', 'Verification after the repair')}</h3>
      {runs.error !== undefined && <ErrorMessage error={runs.error} onRetry={runs.reload} subject="record" />}
      {list.length > 0 && (
        <table className={s.table} data-testid="inspection-verify-runs">
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={runRoute(r.number)}>{r.number}</Link> · {r.template.title}
                </td>
                <td>{formatTime(r.evaluatedAt)}</td>
                <td>
                  <RunStateBadge state={r.state} />
                </td>
                <td>{summaryText(r.summary)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <Stack gap={1} alignItems="center">
          <Button variant="secondary" icon="check-square" onClick={() => setOpen(true)}>
            {t('inspections.verify.open', 'Verify with an inspection')}
          </Button>
        </Stack>
      )}
      {open && templates.error !== undefined && <ErrorMessage error={templates.error} onRetry={templates.reload} />}
      {open && templates.data && (
        <InspectionVerifyForm
          incident={incident}
          templates={templates.data.templates}
          onClose={() => setOpen(false)}
          onStarted={() => {
            setOpen(false);
            void runs.reload();
            onStarted();
          }}
        />
      )}
    </section>
  );
}
