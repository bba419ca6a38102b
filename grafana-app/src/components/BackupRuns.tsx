import React from 'react';
import { Badge, Button, Field, Select, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { RUN_RESULTS, type BackupRun, type RunFilter, type RunResult } from '../api/backups';
import { formatBytes, formatDuration, RUN_RESULT_COLOR, runResultLabel, shortSnapshotId } from './backupsFormat';
import { formatTime } from './format';
import { getTableStyles } from './tableStyles';

/** The policy filter of the run and restore-test lists. */
export function PolicyFilter({
  policies,
  value,
  onChange,
}: {
  policies: string[];
  value: string | undefined;
  onChange: (policy: string | undefined) => void;
}) {
  return (
    <Field label={t('backups.col.policy', 'Backup policy')}>
      <Select
        aria-label={t('backups.col.policy', 'Backup policy')}
        width={28}
        options={[
          { value: '', label: t('backups.filter.all', 'all') },
          ...policies.map((p) => ({ value: p, label: p })),
        ]}
        value={value ?? ''}
        onChange={(v) => onChange(v.value || undefined)}
      />
    </Field>
  );
}

export function Pager({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  return (
    <Stack gap={1}>
      <Button variant="secondary" icon="arrow-left" disabled={!hasPrevious} onClick={onPrevious}>
        {t('incidents.page.previous', 'Previous')}
      </Button>
      <Button variant="secondary" icon="arrow-right" disabled={!hasNext} onClick={onNext}>
        {t('incidents.page.next', 'Next')}
      </Button>
    </Stack>
  );
}

/** Every run the backup jobs reported, newest first: result, snapshot, what it added, how long, the exit code. */
export function BackupRuns({
  runs,
  policies,
  filter,
  onFilter,
}: {
  runs: BackupRun[];
  policies: string[];
  filter: RunFilter;
  onFilter: (f: { policy?: string; result?: RunResult }) => void;
}) {
  const s = useStyles2(getTableStyles);
  return (
    <div>
      <Stack gap={1}>
        <PolicyFilter
          policies={policies}
          value={filter.policy}
          onChange={(policy) => onFilter({ policy, result: filter.result })}
        />
        <Field label={t('backups.col.result', 'Result')}>
          <Select
            aria-label={t('backups.col.result', 'Result')}
            width={20}
            options={[
              { value: '', label: t('backups.filter.all', 'all') },
              ...RUN_RESULTS.map((r) => ({ value: r, label: runResultLabel(r) })),
            ]}
            value={filter.result ?? ''}
            onChange={(v) =>
              onFilter({ policy: filter.policy, result: (v.value || undefined) as RunResult | undefined })
            }
          />
        </Field>
      </Stack>
      <table className={s.table} data-testid="backup-runs">
        <thead>
          <tr>
            <th>{t('backups.col.finished', 'Finished')}</th>
            <th>{t('backups.col.policy', 'Backup policy')}</th>
            <th>{t('backups.col.result', 'Result')}</th>
            <th>{t('backups.col.snapshot', 'Snapshot')}</th>
            <th>{t('backups.col.bytesAdded', 'Added')}</th>
            <th>{t('backups.col.files', 'Files new / changed / unchanged')}</th>
            <th>{t('backups.col.duration', 'Duration')}</th>
            <th>{t('backups.col.exitCode', 'Exit code')}</th>
            <th>{t('backups.col.message', 'Message')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run={r.id}>
              <td>
                {formatTime(r.finishedAt)}
                {r.host && <div className={s.muted}>{r.host}</div>}
              </td>
              <td>
                {r.policy}
                <div className={s.muted}>{r.tool}</div>
              </td>
              <td>
                <Badge text={runResultLabel(r.result)} color={RUN_RESULT_COLOR[r.result]} />
              </td>
              <td className={s.code} title={r.snapshotId ?? undefined} data-snapshot={r.snapshotId ?? ''}>
                {shortSnapshotId(r.snapshotId)}
              </td>
              <td title={r.bytesProcessed !== null ? `${formatBytes(r.bytesProcessed)}` : undefined}>
                {formatBytes(r.bytesAdded)}
                {r.bytesProcessed !== null && (
                  <div className={s.muted}>
                    {t('backups.processed', 'of {{bytes}} processed', { bytes: formatBytes(r.bytesProcessed) })}
                  </div>
                )}
              </td>
              <td>
                {r.filesNew === null && r.filesChanged === null && r.filesUnmodified === null
                  ? '—'
                  : `${r.filesNew ?? '—'} / ${r.filesChanged ?? '—'} / ${r.filesUnmodified ?? '—'}`}
              </td>
              <td data-testid="run-duration">{formatDuration(r.durationSeconds)}</td>
              <td className={r.exitCode === 0 ? undefined : s.error}>{r.exitCode}</td>
              <td className={s.muted} style={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>
                {r.message ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 && <p className={s.muted}>{t('backups.runs.empty', 'No run matches this filter.')}</p>}
    </div>
  );
}
