import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { PluginPage } from '@grafana/runtime';
import { Field, Input, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { getSlaReport, listIncidents } from '../api/opsdesk';
import { OPEN_STATUSES, type SlaReport } from '../api/types';
import { SeverityBadge, SlaClock } from '../components/Badges';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatSeconds, goalLabel } from '../components/format';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';

/** [first instant of the month, first instant of the next], UTC. */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [new Date(Date.UTC(y, m - 1, 1)).toISOString(), new Date(Date.UTC(y, m, 1)).toISOString()];
}

function lastMonths(n: number, from = new Date()): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

function pct(r: SlaReport): number | null {
  const met = r.goals.reduce((a, g) => a + g.met, 0);
  const decided = r.goals.reduce((a, g) => a + g.met + g.breached, 0);
  return decided ? (100 * met) / decided : null;
}

function Sla() {
  const s = useStyles2(getStyles);
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const report = usePoll(() => getSlaReport(...monthRange(month)), [month], 60_000);
  const open = usePoll(() => listIncidents({ status: OPEN_STATUSES, limit: 200 }), [], 30_000);
  const history = usePoll(
    () => Promise.all(lastMonths(12).map(async (m) => ({ month: m, pct: pct(await getSlaReport(...monthRange(m))) }))),
    [],
    300_000
  );
  const risky = (open.data?.incidents ?? []).filter((i) => i.sla.some((g) => g.state === 'breached' || g.atRisk));

  return (
    <PluginPage>
      <Field label={t('sla.month', 'Month')}>
        <Input
          aria-label={t('sla.month', 'Month')}
          type="month"
          width={20}
          value={month}
          onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)}
        />
      </Field>
      {report.error !== undefined && <ErrorMessage error={report.error} onRetry={report.reload} />}
      {!report.data && report.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {report.data && (
        <div data-testid="sla-report">
          <table className={s.table}>
            <thead>
              <tr>
                <th>{t('sla.col.severity', 'Severity')}</th>
                <th>{t('sla.col.goal', 'Goal')}</th>
                <th>{t('sla.col.count', 'Incidents')}</th>
                <th>{t('sla.col.met', 'Met')}</th>
                <th>{t('sla.col.breached', 'Breached')}</th>
                <th title={t('sla.runningHelp', 'not yet decided: the clock still runs or is paused')}>
                  {t('sla.col.running', 'Running')}
                </th>
                <th
                  title={t(
                    'sla.selfClearedHelp',
                    'resolved by Alertmanager before the response goal fell due, with nobody responding: neither met nor breached'
                  )}
                >
                  {t('sla.col.selfCleared', 'Cleared by itself')}
                </th>
                <th title={t('sla.pctHelp', 'met ÷ (met + breached)')}>{t('sla.col.pct', '% met')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.goals.map((g) => (
                <tr key={`${g.severity}-${g.goal}`}>
                  <td>
                    <SeverityBadge severity={g.severity} />
                  </td>
                  <td>{goalLabel(g.goal)}</td>
                  <td>{g.count}</td>
                  <td>{g.met}</td>
                  <td>{g.breached}</td>
                  <td>{g.running}</td>
                  <td>{g.selfCleared}</td>
                  <td>{g.pctMet === null ? '—' : `${g.pctMet.toFixed(1)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('sla.services', 'Per service')}</h3>
          <table className={s.table}>
            <thead>
              <tr>
                <th>{t('sla.col.service', 'Service')}</th>
                <th>{t('sla.col.count', 'Incidents')}</th>
                <th
                  title={t(
                    'sla.mttaHelp',
                    'mean time from detection to the first action of a person, over the incidents a person responded to'
                  )}
                >
                  MTTA
                </th>
                <th title={t('sla.mttrHelp', 'mean time from detection to resolution')}>MTTR</th>
                <th title={t('sla.mtbfHelp', 'mean time between failures, over the elapsed part of the month')}>
                  MTBF
                </th>
              </tr>
            </thead>
            <tbody>
              {report.data.services.map((v) => (
                <tr key={v.service}>
                  <td>{v.service || '—'}</td>
                  <td>{v.incidents}</td>
                  <td>{v.mttaSeconds === null ? '—' : formatSeconds(v.mttaSeconds)}</td>
                  <td>{v.mttrSeconds === null ? '—' : formatSeconds(v.mttrSeconds)}</td>
                  <td>{v.mtbfSeconds === null ? '—' : formatSeconds(v.mtbfSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('sla.atRisk', 'At risk and breached now')}</h3>
      {open.error !== undefined && <ErrorMessage error={open.error} />}
      <ul className={s.list}>
        {risky.map((i) => (
          <li key={i.id}>
            <SeverityBadge severity={i.severity} />{' '}
            <Link to={prefixRoute(`${ROUTES.Incidents}/${i.number}`)}>{i.number}</Link> {i.title}{' '}
            {i.sla.map((g) => (
              <SlaClock key={g.goal} goal={g} />
            ))}
          </li>
        ))}
        {open.data && risky.length === 0 && <li className={s.muted}>{t('sla.noneAtRisk', 'None.')}</li>}
      </ul>
      <h3>{t('sla.history', '% met, last 12 months')}</h3>
      <div className={s.bars} data-testid="sla-history">
        {(history.data ?? []).map((h) => (
          <div
            key={h.month}
            className={s.barCol}
            title={h.pct === null ? h.month : `${h.month}: ${h.pct.toFixed(1)} %`}
          >
            <div className={s.barTrack}>
              <div className={s.bar} style={{ height: `${h.pct ?? 0}%` }} />
            </div>
            <div className={s.barLabel}>{h.month.slice(2)}</div>
            <div className={s.barLabel}>{h.pct === null ? '—' : `${Math.round(h.pct)}%`}</div>
          </div>
        ))}
      </div>
    </PluginPage>
  );
}

export default Sla;

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    marginBottom: theme.spacing(2),
    'th, td': {
      padding: theme.spacing(0.5, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary },
  }),
  list: css({
    listStyle: 'none',
    padding: 0,
    li: { padding: theme.spacing(0.5, 0) },
    a: { color: theme.colors.text.link },
  }),
  muted: css({ color: theme.colors.text.secondary }),
  bars: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-end' }),
  barCol: css({ display: 'flex', flexDirection: 'column', alignItems: 'center', width: 44 }),
  barTrack: css({
    height: 120,
    width: 24,
    background: theme.colors.background.secondary,
    display: 'flex',
    alignItems: 'flex-end',
  }),
  bar: css({ width: '100%', background: theme.colors.success.main }),
  barLabel: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
});
