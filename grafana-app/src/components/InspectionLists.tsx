import React from 'react';
import { Link } from 'react-router-dom';
import { Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { nextTimes, type InspectionRun, type InspectionSchedule, type InspectionTemplate } from '../api/inspections';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';
import { formatTime } from './format';
import { RunStateBadge, summaryText, triggerLabel } from './InspectionBadges';
import { getTableStyles } from './tableStyles';
import { usePoll } from './usePoll';

export const runRoute = (number: string) => prefixRoute(`${ROUTES.Inspections}/runs/${encodeURIComponent(number)}`);
export const reportRoute = (number: string) =>
  prefixRoute(`${ROUTES.Inspections}/runs/${encodeURIComponent(number)}/report`);

/** Templates (巡检模板) with their current version and the result of their newest run. */
export function InspectionTemplates({
  templates,
  canEdit,
  onStart,
}: {
  templates: InspectionTemplate[];
  canEdit: boolean;
  onStart: (key: string) => void;
}) {
  const s = useStyles2(getTableStyles);
  if (templates.length === 0) {
    return (
      <p className={s.muted}>{t('inspections.templates.none', 'No inspection templates yet: import one as YAML.')}</p>
    );
  }
  return (
    <table className={s.table} data-testid="inspection-templates">
      <thead>
        <tr>
          <th>{t('inspections.col.template', 'Template')}</th>
          <th>{t('inspections.col.version', 'Version')}</th>
          <th>{t('inspections.col.lastRun', 'Last run')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {templates.map((tpl) => (
          <tr key={tpl.key} data-testid="inspection-template-row" data-key={tpl.key}>
            <td>
              <div>{tpl.title}</div>
              <div className={s.code}>{tpl.key}</div>
            </td>
            <td>v{tpl.version}</td>
            <td>
              {tpl.lastRun ? (
                <>
                  <Link to={runRoute(tpl.lastRun.number)}>{tpl.lastRun.number}</Link> ·{' '}
                  {formatTime(tpl.lastRun.evaluatedAt)} <RunStateBadge state={tpl.lastRun.state} />
                  <div className={s.muted}>{summaryText(tpl.lastRun.summary)}</div>
                </>
              ) : (
                <span className={s.muted}>{t('inspections.neverRun', 'never run')}</span>
              )}
            </td>
            {canEdit && (
              <td>
                {!tpl.archived && (
                  <Button size="sm" onClick={() => onStart(tpl.key)}>
                    {t('inspections.start', 'Start a run')}
                  </Button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NextTimes({ id }: { id: string }) {
  const s = useStyles2(getTableStyles);
  const next = usePoll(() => nextTimes(id, 3), [id], 300_000);
  if (next.error !== undefined) return <span className={s.error}>{t('inspections.nextFailed', 'not known')}</span>;
  if (!next.data) return <span className={s.muted}>…</span>;
  return <span data-testid="inspection-next">{next.data.next.map((at) => formatTime(at)).join(', ') || '—'}</span>;
}

export function daysLabel(days: InspectionSchedule['days']): string {
  switch (days) {
    case 'working':
      return t('inspections.days.working', 'every working day');
    case 'every':
      return t('inspections.days.every', 'every day');
    case 'first_working_of_month':
      return t('inspections.days.firstWorking', 'first working day of the month');
    case 'last_working_of_month':
      return t('inspections.days.lastWorking', 'last working day of the month');
  }
}

/** Schedules (巡检计划): a template at local times on the days of a calendar, and when it runs next. */
export function InspectionSchedules({ schedules }: { schedules: InspectionSchedule[] }) {
  const s = useStyles2(getTableStyles);
  if (schedules.length === 0) {
    return <p className={s.muted}>{t('inspections.schedules.none', 'No inspection schedules.')}</p>;
  }
  return (
    <table className={s.table} data-testid="inspection-schedules">
      <thead>
        <tr>
          <th>{t('inspections.col.schedule', 'Schedule')}</th>
          <th>{t('inspections.col.template', 'Template')}</th>
          <th>{t('inspections.col.when', 'When')}</th>
          <th>{t('inspections.col.next', 'Next runs')}</th>
          <th>{t('inspections.col.lastScheduled', 'Last run')}</th>
        </tr>
      </thead>
      <tbody>
        {schedules.map((sc) => (
          <tr key={sc.id} data-testid="inspection-schedule-row">
            <td>
              {sc.name}
              {!sc.enabled && <div className={s.muted}>{t('inspections.disabled', 'switched off')}</div>}
            </td>
            <td className={s.code}>{sc.template}</td>
            <td>
              {t('inspections.when', '{{days}} at {{times}}, calendar {{calendar}}', {
                days: daysLabel(sc.days),
                times: sc.times.join(', '),
                calendar: sc.calendar,
              })}
            </td>
            <td>{sc.enabled ? <NextTimes id={sc.id} /> : '—'}</td>
            <td>
              {formatTime(sc.lastRunAt)}
              {sc.missedCount > 0 && (
                <div className={s.error}>
                  {t('inspections.missed', '{{n}} missed, last {{at}}', {
                    n: sc.missedCount,
                    at: formatTime(sc.missedAt),
                  })}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Runs (巡检记录) with their state and counts. */
export function InspectionRuns({ runs }: { runs: InspectionRun[] }) {
  const s = useStyles2(getTableStyles);
  if (runs.length === 0) {
    return <p className={s.muted}>{t('inspections.runs.none', 'No inspection runs.')}</p>;
  }
  return (
    <table className={s.table} data-testid="inspection-runs">
      <thead>
        <tr>
          <th>{t('inspections.col.run', 'Run')}</th>
          <th>{t('inspections.col.template', 'Template')}</th>
          <th>{t('inspections.col.evaluatedAt', 'Run at')}</th>
          <th>{t('inspections.col.state', 'State')}</th>
          <th>{t('inspections.col.summary', 'Result')}</th>
          <th>{t('inspections.col.signatures', 'Inspector / reviewer')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} data-testid="inspection-run-row" data-number={r.number}>
            <td>
              <Link to={runRoute(r.number)}>{r.number}</Link>
              <div className={s.muted}>{triggerLabel(r.trigger)}</div>
            </td>
            <td>
              {r.template.title} <span className={s.muted}>v{r.template.version}</span>
            </td>
            <td>{formatTime(r.evaluatedAt)}</td>
            <td>
              <RunStateBadge state={r.state} />
            </td>
            <td>{summaryText(r.summary)}</td>
            <td>
              {r.inspector ?? '—'} / {r.reviewer ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
