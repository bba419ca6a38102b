import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Button, Field, Modal, RadioButtonGroup, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import {
  actOnRestoreRequest,
  type RestoreActionBody,
  type RestoreRequest,
  type RestoreRequestAction,
} from '../api/backups';
import type { Person } from '../api/types';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';
import {
  formatDuration,
  REQUEST_STATE_COLOR,
  requestActionLabel,
  requestStateLabel,
  shortSnapshotId,
} from './backupsFormat';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './format';
import { getTableStyles } from './tableStyles';
import { useSubmit } from './useSubmit';

/**
 * A step of a data restore, confirmed in a dialog: finish says whether the data came back, verify
 * how it was checked (required), cancel why (required); each goes on the incident's timeline.
 */
function ActionDialog({
  request,
  action,
  onClose,
  onDone,
}: {
  request: RestoreRequest;
  action: RestoreRequestAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<'restored' | 'failed'>('restored');
  const { error, saving, submit } = useSubmit(onDone);
  const label =
    action === 'verify'
      ? t('backups.request.evidence', 'How the restored data was checked')
      : action === 'cancel'
        ? t('backups.request.reason', 'Reason')
        : t('backups.request.note', 'Note');
  const required = action === 'verify' || action === 'cancel';
  const body = (): RestoreActionBody => {
    const v = text.trim();
    switch (action) {
      case 'start':
        return v ? { note: v } : {};
      case 'finish':
        return v ? { result, note: v } : { result };
      case 'verify':
        return { evidence: v };
      case 'cancel':
        return { reason: v };
    }
  };
  return (
    <Modal title={requestActionLabel(action)} isOpen onDismiss={onClose}>
      <p style={{ whiteSpace: 'pre-wrap' }}>{request.what}</p>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      {action === 'finish' && (
        <Field label={t('backups.request.outcomeLabel', 'Outcome')}>
          <RadioButtonGroup<'restored' | 'failed'>
            options={[
              { value: 'restored', label: t('backups.request.outcome.restored', 'Data restored') },
              { value: 'failed', label: t('backups.request.outcome.failed', 'Restore failed') },
            ]}
            value={result}
            onChange={(v) => setResult(v)}
          />
        </Field>
      )}
      <Field
        label={label}
        required={required}
        description={
          action === 'verify'
            ? t('backups.request.evidenceHint', 'Row counts, checksums, the application working again.')
            : t('backups.request.noteHint', 'Goes on the incident timeline with this step.')
        }
      >
        <TextArea aria-label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          variant={action === 'cancel' ? 'destructive' : 'primary'}
          disabled={saving || (required && text.trim() === '')}
          onClick={() => submit(() => actOnRestoreRequest(request.id, action, body()))}
        >
          {requestActionLabel(action)}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

/**
 * Data restores (数据恢复): what was lost or damaged and is restored from which snapshot, who asked,
 * and each step with its time; the restore's duration counts in the incident's repair time.
 */
export function RestoreRequests({
  requests,
  people,
  canEdit,
  showIncident,
  onChanged,
}: {
  requests: RestoreRequest[];
  people: Map<string, Person>;
  canEdit: boolean;
  showIncident: boolean;
  onChanged: () => void;
}) {
  const s = useStyles2(getTableStyles);
  const [acting, setActing] = useState<{ request: RestoreRequest; action: RestoreRequestAction }>();
  const name = (id: string) => people.get(id)?.name ?? id;
  return (
    <div>
      <table className={s.table} data-testid="restore-requests">
        <thead>
          <tr>
            <th>{t('backups.request.col.requested', 'Requested')}</th>
            {showIncident && <th>{t('backups.request.col.incident', 'Incident')}</th>}
            <th>{t('backups.request.col.what', 'What to restore')}</th>
            <th>{t('backups.request.col.from', 'From')}</th>
            <th>{t('backups.request.col.state', 'State')}</th>
            <th>{t('backups.request.col.steps', 'Restore attempts and verification')}</th>
            <th>{t('backups.request.col.duration', 'Restore time')}</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} data-restore-request={r.id}>
              <td>
                {formatTime(r.createdAt)}
                <div className={s.muted}>
                  {t('backups.request.by', 'by {{person}}', { person: name(r.requestedBy) })}
                </div>
              </td>
              {showIncident && (
                <td>
                  <Link to={prefixRoute(`${ROUTES.Incidents}/${r.incidentNumber}`)}>{r.incidentNumber}</Link>
                </td>
              )}
              <td style={{ whiteSpace: 'pre-wrap' }}>{r.what}</td>
              <td>
                {r.policy ?? '—'}
                <div className={s.code} title={r.snapshotId ?? undefined}>
                  {r.snapshotId ? shortSnapshotId(r.snapshotId) : t('backups.request.latest', 'latest snapshot')}
                </div>
              </td>
              <td>
                <Badge text={requestStateLabel(r.state)} color={REQUEST_STATE_COLOR[r.state]} />
                {r.cancelReason && <div className={s.muted}>{r.cancelReason}</div>}
              </td>
              <td>
                {r.attempts.length === 0 && '—'}
                {r.attempts.map((a, n) => (
                  <div key={n} data-attempt={n}>
                    {formatTime(a.startedAt)} → {a.finishedAt ? formatTime(a.finishedAt) : '…'}
                    {a.result === 'failed' && <span className={s.error}> {requestStateLabel('failed')}</span>}
                    {a.note && <div className={s.muted}>{a.note}</div>}
                  </div>
                ))}
                {r.verification && (
                  <div>
                    {t('backups.request.verifiedBy', 'verified {{at}} by {{by}}: {{evidence}}', {
                      at: formatTime(r.verification.at),
                      by: r.verification.by,
                      evidence: r.verification.evidence,
                    })}
                  </div>
                )}
              </td>
              <td data-testid="restore-request-duration">
                {r.attempts.length === 0 ? '—' : formatDuration(r.durationSeconds)}
                {r.state === 'in_progress' && (
                  <div className={s.muted}>{t('backups.request.running', 'still running')}</div>
                )}
              </td>
              {canEdit && (
                <td>
                  <Stack gap={0.5} wrap="wrap">
                    {r.allowedActions.map((a) => (
                      <Button
                        key={a}
                        size="sm"
                        variant={a === 'cancel' ? 'secondary' : 'primary'}
                        fill={a === 'cancel' ? 'outline' : 'solid'}
                        onClick={() => setActing({ request: r, action: a })}
                      >
                        {requestActionLabel(a)}
                      </Button>
                    ))}
                  </Stack>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {requests.length === 0 && (
        <p className={s.muted}>{t('backups.requests.empty', 'No data restore has been requested.')}</p>
      )}
      {acting && (
        <ActionDialog
          request={acting.request}
          action={acting.action}
          onClose={() => setActing(undefined)}
          onDone={() => {
            setActing(undefined);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
