import React, { Fragment, useState } from 'react';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { RestoreTest } from '../api/backups';
import { formatBytes, formatDuration, rtoShare, shortSnapshotId, verificationLabel } from './backupsFormat';
import { formatSeconds, formatTime } from './format';
import { getTableStyles } from './tableStyles';

/** 0.5 → "50", 0.00005 → "< 0.1": a test restore of a small set takes a sliver of an hours-long RTO. */
export function percentOf(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const p = Math.round(share * 1000) / 10;
  return p === 0 && share > 0 ? '< 0.1' : String(p);
}

/**
 * The restore tests (恢复演练), newest first: the measured restore time against the policy's RTO
 * (the evidence that the RTO holds), what was restored and how it was verified.
 */
export function RestoreTests({ tests }: { tests: RestoreTest[] }) {
  const s = useStyles2(getTableStyles);
  const [open, setOpen] = useState<string>();
  return (
    <div>
      <table className={s.table} data-testid="backup-restore-tests">
        <thead>
          <tr>
            <th>{t('backups.col.finished', 'Finished')}</th>
            <th>{t('backups.col.policy', 'Backup policy')}</th>
            <th>{t('backups.col.result', 'Result')}</th>
            <th>{t('backups.col.snapshot', 'Snapshot')}</th>
            <th>{t('backups.col.measured', 'Measured restore time')}</th>
            <th>{t('backups.col.rto', 'Recovery time objective (RTO)')}</th>
            <th>{t('backups.col.restored', 'Restored')}</th>
            <th>{t('backups.col.verification', 'Verification')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tests.map((r) => (
            <Fragment key={r.id}>
              <tr data-restore-test={r.id}>
                <td>{formatTime(r.finishedAt)}</td>
                <td>{r.policy}</td>
                <td>
                  <Badge
                    text={
                      r.result === 'passed'
                        ? t('backups.restoreTest.passed', 'passed')
                        : t('backups.restoreTest.failed', 'failed')
                    }
                    color={r.result === 'passed' ? 'green' : 'red'}
                  />
                  {r.restoreExitCode !== 0 && (
                    <div className={s.error}>
                      {t('backups.exitCode', 'exit code {{code}}', { code: r.restoreExitCode })}
                    </div>
                  )}
                </td>
                <td className={s.code} title={r.snapshotId ?? undefined} data-snapshot={r.snapshotId ?? ''}>
                  {shortSnapshotId(r.snapshotId)}
                </td>
                <td data-testid="restore-duration">{formatDuration(r.durationSeconds)}</td>
                <td className={r.rtoMet ? undefined : s.error}>
                  <Badge
                    text={r.rtoMet ? t('backups.rto.met', 'RTO met') : t('backups.rto.missed', 'slower than RTO')}
                    color={r.rtoMet ? 'green' : 'red'}
                  />
                  <div className={s.muted}>
                    {t('backups.rto.share', '{{percent}} % of {{rto}}', {
                      percent: percentOf(rtoShare(r.durationSeconds, r.rtoSeconds)),
                      rto: formatSeconds(r.rtoSeconds),
                    })}
                  </div>
                </td>
                <td>
                  {formatBytes(r.bytesRestored)}
                  {r.filesRestored !== null && (
                    <div className={s.muted}>{t('backups.files', '{{count}} files', { count: r.filesRestored })}</div>
                  )}
                </td>
                <td>
                  <Badge
                    text={verificationLabel(r.verification.result)}
                    color={
                      r.verification.result === 'passed' ? 'green' : r.verification.result === 'failed' ? 'red' : 'blue'
                    }
                  />
                  {r.verification.command && <div className={s.code}>{r.verification.command}</div>}
                  {r.message && <div className={s.muted}>{r.message}</div>}
                </td>
                <td>
                  {r.verification.output && (
                    <Button
                      size="sm"
                      variant="secondary"
                      fill="text"
                      icon={open === r.id ? 'angle-up' : 'angle-down'}
                      onClick={() => setOpen(open === r.id ? undefined : r.id)}
                    >
                      {t('backups.verification.output', 'Output')}
                    </Button>
                  )}
                </td>
              </tr>
              {open === r.id && (
                <tr>
                  <td colSpan={9}>
                    <pre className={s.code} style={{ whiteSpace: 'pre-wrap' }}>
                      {r.verification.output}
                      {r.verification.exitCode !== null && r.verification.exitCode !== undefined
                        ? `\n(exit ${r.verification.exitCode})`
                        : ''}
                    </pre>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {tests.length === 0 && (
        <p className={s.muted}>{t('backups.restoreTests.empty', 'No restore test recorded for this filter.')}</p>
      )}
    </div>
  );
}
