import React from 'react';
import { Alert, Button, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { ApiError } from '../api/client';
import type { InspectionRunDetail, SignRole } from '../api/inspections';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './format';
import { getTableStyles } from './tableStyles';

/** A refused signature or completion: a gate not met (409 gate_unmet) shows the server's list of what is missing. */
export function InspectionGateError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'gate_unmet') {
    return (
      <Alert severity="warning" title={t('inspections.gateUnmet', 'The run cannot be completed yet')}>
        <div data-testid="inspection-gate">{error.message}</div>
      </Alert>
    );
  }
  return <ErrorMessage error={error} subject="record" />;
}

/**
 * What a signed-in editor may do next on a run: the signatures the server allows now, and
 * completing, which the server refuses (409 gate_unmet, naming what is missing) until both signed.
 */
export function signoffActions(run: Pick<InspectionRunDetail, 'state' | 'allowedActions'>) {
  return {
    signInspector: run.allowedActions.includes('sign-inspector'),
    signReviewer: run.allowedActions.includes('sign-reviewer'),
    complete: run.state === 'open' || run.state === 'signed',
  };
}

/** The inspector's (巡检人) and reviewer's (复核人) signatures, and the buttons to sign and complete. */
export function InspectionSignoff({
  run,
  canEdit,
  busy,
  error,
  onSign,
  onComplete,
}: {
  run: InspectionRunDetail;
  canEdit: boolean;
  busy: boolean;
  error: unknown;
  onSign: (role: SignRole) => void;
  onComplete: () => void;
}) {
  const s = useStyles2(getTableStyles);
  const can = signoffActions(run);
  const signature = (who: string | null, at: string | null) =>
    at ? (
      t('inspections.signedBy', '{{who}}, signed {{at}}', { who: who ?? '—', at: formatTime(at) })
    ) : (
      <span className={s.muted}>
        {who
          ? t('inspections.notSignedBy', '{{who}}, not signed yet', { who })
          : t('inspections.notSigned', 'not signed yet')}
      </span>
    );
  return (
    <section data-testid="inspection-signoff">
      <table className={s.table}>
        <tbody>
          <tr data-testid="inspection-inspector">
            <th>{t('inspections.inspector', 'Inspector')}</th>
            <td>{signature(run.inspector, run.inspectorSignedAt)}</td>
          </tr>
          <tr data-testid="inspection-reviewer">
            <th>{t('inspections.reviewer', 'Reviewer')}</th>
            <td>{signature(run.reviewer, run.reviewerSignedAt)}</td>
          </tr>
        </tbody>
      </table>
      {canEdit && (can.signInspector || can.signReviewer || can.complete) && (
        <Stack gap={1} wrap="wrap">
          {can.signInspector && (
            <Button disabled={busy} onClick={() => onSign('inspector')}>
              {t('inspections.signInspector', 'Sign as inspector')}
            </Button>
          )}
          {can.signReviewer && (
            <Button disabled={busy} onClick={() => onSign('reviewer')}>
              {t('inspections.signReviewer', 'Sign as reviewer')}
            </Button>
          )}
          {can.complete && (
            <Button variant="secondary" disabled={busy} onClick={onComplete}>
              {t('inspections.complete', 'Complete the run')}
            </Button>
          )}
        </Stack>
      )}
      {error !== undefined && <InspectionGateError error={error} />}
    </section>
  );
}
