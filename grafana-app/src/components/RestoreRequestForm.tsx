import React, { useState } from 'react';
import { config } from '@grafana/runtime';
import { Button, Field, Modal, Select, TextArea } from '@grafana/ui';
import { t } from '../i18n';
import { createRestoreRequest, listRuns, type BackupPolicy } from '../api/backups';
import { listIncidents } from '../api/opsdesk';
import { OPEN_STATUSES, type Person } from '../api/types';
import { formatBytes, shortSnapshotId } from './backupsFormat';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './format';
import { usePoll } from './usePoll';
import { useSubmit } from './useSubmit';

/** The person the signed-in Grafana user is, by login or email, as the server maps a caller. */
export function personOfUser(people: Person[], user: { login?: string; email?: string } | undefined): string {
  if (!user) return '';
  const email = user.email?.toLowerCase();
  return people.find((p) => p.id === user.login || (email !== undefined && p.email?.toLowerCase() === email))?.id ?? '';
}

/**
 * A data restore (数据恢复) for an incident: what to restore, from which policy and snapshot
 * (the latest good one unless one is chosen), requested by whom.
 */
export function RestoreRequestForm({
  incident,
  policies,
  people,
  onClose,
  onSaved,
}: {
  /** the incident it is for, when opened from its page */
  incident?: { id: string; number: string; title: string };
  policies: BackupPolicy[];
  people: Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [incidentId, setIncidentId] = useState(incident?.number ?? '');
  const [what, setWhat] = useState('');
  const [policy, setPolicy] = useState('');
  const [snapshot, setSnapshot] = useState('');
  const [requestedBy, setRequestedBy] = useState(() => personOfUser(people, config.bootData?.user));
  const { error, saving, submit } = useSubmit(onSaved);
  const open = usePoll(
    () =>
      incident
        ? Promise.resolve({ incidents: [], nextCursor: null })
        : listIncidents({ status: OPEN_STATUSES, limit: 100 }),
    [incident?.number],
    0
  );
  const runs = usePoll(
    () => (policy ? listRuns({ policy }) : Promise.resolve({ runs: [], nextCursor: null })),
    [policy],
    0
  );
  const snapshots = (runs.data?.runs ?? []).filter((r) => r.snapshotId && r.result !== 'failed');
  return (
    <Modal title={t('backups.request.new', 'Request a data restore')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('backups.request.col.incident', 'Incident')} required>
        {incident ? (
          <div>
            {incident.number} · {incident.title}
          </div>
        ) : (
          <Select
            aria-label={t('backups.request.col.incident', 'Incident')}
            isLoading={open.loading}
            options={(open.data?.incidents ?? []).map((i) => ({
              value: i.number,
              label: `${i.number} · ${i.title}`,
            }))}
            value={incidentId || null}
            onChange={(v) => setIncidentId(v.value!)}
          />
        )}
      </Field>
      <Field
        label={t('backups.request.col.what', 'What to restore')}
        description={t(
          'backups.request.whatHint',
          'The data lost or damaged: database, table, folder, time range; and where to restore it.'
        )}
        required
      >
        <TextArea
          aria-label={t('backups.request.col.what', 'What to restore')}
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('backups.col.policy', 'Backup policy')}>
        <Select
          aria-label={t('backups.col.policy', 'Backup policy')}
          isClearable
          options={policies.map((p) => ({ value: p.name, label: p.name, description: p.target }))}
          value={policy || null}
          onChange={(v) => {
            setPolicy(v?.value ?? '');
            setSnapshot('');
          }}
        />
      </Field>
      <Field
        label={t('backups.col.snapshot', 'Snapshot')}
        description={t('backups.request.snapshotHint', 'Empty: the latest good snapshot when the restore starts.')}
      >
        <Select
          aria-label={t('backups.col.snapshot', 'Snapshot')}
          isClearable
          allowCustomValue
          disabled={!policy}
          isLoading={runs.loading && policy !== ''}
          options={snapshots.map((r) => ({
            value: r.snapshotId!,
            label: `${shortSnapshotId(r.snapshotId)} · ${formatTime(r.finishedAt)}`,
            description: formatBytes(r.bytesProcessed),
          }))}
          value={snapshot || null}
          onChange={(v) => setSnapshot(v?.value ?? '')}
        />
      </Field>
      <Field label={t('backups.request.requestedBy', 'Requested by')} required>
        <Select
          aria-label={t('backups.request.requestedBy', 'Requested by')}
          options={people.map((p) => ({ value: p.id, label: p.name, description: p.id }))}
          value={requestedBy || null}
          onChange={(v) => setRequestedBy(v.value!)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          onClick={() =>
            submit(() =>
              createRestoreRequest({
                incidentId,
                what: what.trim(),
                ...(policy ? { policy } : {}),
                ...(snapshot ? { snapshotId: snapshot } : {}),
                requestedBy,
              })
            )
          }
        >
          {t('backups.request.save', 'Request the restore')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
