import React from 'react';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { BackupPolicy } from '../api/backups';
import type { Person } from '../api/types';
import {
  formatDuration,
  restoreTestDue,
  rpoState,
  RUN_RESULT_COLOR,
  runResultLabel,
  shortSnapshotId,
  toolLabel,
} from './backupsFormat';
import { formatSeconds, formatTime } from './format';
import { getTableStyles } from './tableStyles';

function RpoCell({ policy, now }: { policy: BackupPolicy; now: number }) {
  const s = useStyles2(getTableStyles);
  const rpo = rpoState(policy, now);
  const target = t('backups.rpo.target', 'RPO {{rpo}}', { rpo: formatSeconds(policy.rpoSeconds) });
  return (
    <td data-rpo={rpo.kind}>
      {rpo.kind === 'never' && <Badge text={t('backups.rpo.never', 'never backed up')} color="red" />}
      {rpo.kind === 'breached' && (
        <>
          <Badge text={t('backups.rpo.breached', 'RPO breached')} color="red" />
          <div className={s.error} title={formatTime(new Date(rpo.dueAt).toISOString())}>
            {t('backups.rpo.breachedAgo', 'since {{ago}} ago', { ago: formatSeconds(rpo.seconds) })}
          </div>
        </>
      )}
      {rpo.kind === 'met' && (
        <>
          <Badge text={t('backups.rpo.met', 'RPO met')} color="green" />
          <div className={s.muted} title={formatTime(new Date(rpo.dueAt).toISOString())}>
            {t('backups.rpo.dueIn', 'next backup due in {{in}}', { in: formatSeconds(rpo.seconds) })}
          </div>
        </>
      )}
      <div className={s.muted}>{target}</div>
    </td>
  );
}

function RestoreTestCell({ policy, now }: { policy: BackupPolicy; now: number }) {
  const s = useStyles2(getTableStyles);
  const last = policy.status.lastRestoreTest;
  const due = restoreTestDue(policy, now);
  const rto = formatSeconds(policy.rtoSeconds);
  return (
    <td data-restore-test={due.kind}>
      {last ? (
        <>
          <Badge
            text={
              last.result === 'passed'
                ? t('backups.restoreTest.passed', 'passed')
                : t('backups.restoreTest.failed', 'failed')
            }
            color={last.result === 'passed' ? 'green' : 'red'}
          />{' '}
          <span className={s.muted}>{formatTime(last.at)}</span>
          <div data-testid="policy-rto" className={last.rtoMet ? undefined : s.error}>
            {last.rtoMet
              ? t('backups.rto.within', '{{measured}} measured, within the RTO of {{rto}}', {
                  measured: formatDuration(last.durationSeconds),
                  rto,
                })
              : t('backups.rto.exceeded', '{{measured}} measured, slower than the RTO of {{rto}}', {
                  measured: formatDuration(last.durationSeconds),
                  rto,
                })}
          </div>
        </>
      ) : (
        <Badge text={t('backups.restoreTest.never', 'never tested')} color="orange" />
      )}
      {due.kind === 'overdue' && (
        <div className={s.error}>
          {t('backups.restoreTest.overdue', 'restore test overdue by {{ago}}', { ago: formatSeconds(due.seconds) })}
        </div>
      )}
      {due.kind === 'due' && (
        <div className={s.muted}>
          {t('backups.restoreTest.dueIn', 'next test due in {{in}}', { in: formatSeconds(due.seconds) })}
        </div>
      )}
    </td>
  );
}

/** Each policy with where it stands: the last run and success, the RPO, the last restore test against the RTO. */
export function BackupPolicies({
  policies,
  people,
  now,
  onHistory,
}: {
  policies: BackupPolicy[];
  people: Map<string, Person>;
  now: number;
  onHistory: (policy: string) => void;
}) {
  const s = useStyles2(getTableStyles);
  return (
    <table className={s.table} data-testid="backup-policies">
      <thead>
        <tr>
          <th>{t('backups.col.policy', 'Backup policy')}</th>
          <th>{t('backups.col.schedule', 'Schedule and retention')}</th>
          <th>{t('backups.col.lastRun', 'Last run')}</th>
          <th>{t('backups.col.lastSuccess', 'Last success')}</th>
          <th>{t('backups.col.rpo', 'Recovery point objective (RPO)')}</th>
          <th>{t('backups.col.restoreTest', 'Last restore test and RTO')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {policies.map((p) => (
          <tr key={p.name} data-policy={p.name}>
            <td>
              <strong>{p.name}</strong> <span className={s.muted}>{toolLabel(p.tool)}</span>
              <div>{p.target}</div>
              {p.description && <div className={s.muted}>{p.description}</div>}
              <div className={s.muted}>
                {t('backups.owner', 'owner {{owner}}', { owner: people.get(p.owner)?.name ?? p.owner })}
              </div>
            </td>
            <td>
              {p.schedule}
              <div className={s.muted}>{p.retention}</div>
              {p.calendar && (
                <div className={s.muted}>
                  {t('backups.calendar', 'calendar {{calendar}}', { calendar: p.calendar })}
                </div>
              )}
            </td>
            <td>
              {p.status.lastRunResult ? (
                <>
                  <Badge
                    text={runResultLabel(p.status.lastRunResult)}
                    color={RUN_RESULT_COLOR[p.status.lastRunResult]}
                  />
                  <div className={s.muted}>{formatTime(p.status.lastRunAt)}</div>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              {p.status.lastSuccessAt ? (
                <>
                  {formatTime(p.status.lastSuccessAt)}
                  <div className={s.muted}>
                    {t('backups.ago', '{{ago}} ago', {
                      ago: formatSeconds((now - Date.parse(p.status.lastSuccessAt)) / 1000),
                    })}
                  </div>
                  <div className={s.code} title={p.status.lastSnapshotId ?? undefined}>
                    {shortSnapshotId(p.status.lastSnapshotId)}
                  </div>
                </>
              ) : (
                '—'
              )}
            </td>
            <RpoCell policy={p} now={now} />
            <RestoreTestCell policy={p} now={now} />
            <td>
              <Button size="sm" variant="secondary" fill="text" icon="history" onClick={() => onHistory(p.name)}>
                {t('backups.history', 'History')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
