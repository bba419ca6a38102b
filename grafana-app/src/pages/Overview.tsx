import React from 'react';
import { Link } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { PluginPage } from '@grafana/runtime';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { listIncidents } from '../api/opsdesk';
import { OPEN_STATUSES, SEVERITIES, type Incident } from '../api/types';
import { SeverityBadge, SlaClock, StatusBadge } from '../components/Badges';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatTime } from '../components/format';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';

const AT_RISK_SECONDS = 30 * 60;

/** For a wall screen: large numbers, refreshed every 30 s, readable in dark and light themes. */
function Overview() {
  const s = useStyles2(getStyles);
  const open = usePoll(() => listIncidents({ status: OPEN_STATUSES, limit: 200 }), [], 30_000);
  const latest = usePoll(() => listIncidents({ limit: 8 }), [], 30_000);
  const incidents: Incident[] = open.data?.incidents ?? [];
  const atRisk = incidents.filter((i) =>
    i.sla.some((g) => g.state === 'running' && g.remainingSeconds <= AT_RISK_SECONDS)
  );
  const breached = incidents.filter((i) => i.sla.some((g) => g.state === 'breached'));

  return (
    <PluginPage>
      {open.error !== undefined && <ErrorMessage error={open.error} onRetry={open.reload} />}
      {!open.data && open.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {open.data && (
        <div data-testid="overview">
          <div className={s.tiles}>
            {SEVERITIES.map((sev) => {
              const n = incidents.filter((i) => i.severity === sev).length;
              return (
                <Link
                  key={sev}
                  to={`${prefixRoute(ROUTES.Incidents)}?severity=${sev}&status=${OPEN_STATUSES.join(',')}`}
                  className={cx(s.tile, n > 0 && (sev === 'P1' ? s.critical : sev === 'P2' ? s.warning : undefined))}
                >
                  <div className={s.value}>{n}</div>
                  <div className={s.label}>{t('overview.open', 'open {{severity}}', { severity: sev })}</div>
                </Link>
              );
            })}
            <div className={cx(s.tile, atRisk.length > 0 && s.warning)}>
              <div className={s.value}>{atRisk.length}</div>
              <div className={s.label}>{t('overview.atRisk', 'SLA at risk')}</div>
            </div>
            <div className={cx(s.tile, breached.length > 0 && s.critical)}>
              <div className={s.value}>{breached.length}</div>
              <div className={s.label}>{t('overview.breached', 'SLA breached')}</div>
            </div>
          </div>
          <h2 className={s.heading}>{t('overview.latest', 'Latest incidents')}</h2>
          <ul className={s.list}>
            {(latest.data?.incidents ?? []).map((i) => (
              <li key={i.id} className={s.row}>
                <SeverityBadge severity={i.severity} />
                <Link to={prefixRoute(`${ROUTES.Incidents}/${i.number}`)} className={s.rowTitle}>
                  {i.number} · {i.title}
                </Link>
                <StatusBadge status={i.status} />
                {i.sla
                  .filter((g) => g.state !== 'met')
                  .map((g) => (
                    <SlaClock key={g.goal} goal={g} />
                  ))}
                <span className={s.time}>{formatTime(i.detectedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </PluginPage>
  );
}

export default Overview;

const getStyles = (theme: GrafanaTheme2) => ({
  tiles: css({ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: theme.spacing(2) }),
  tile: css({
    display: 'block',
    padding: theme.spacing(2),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    color: theme.colors.text.primary,
    textAlign: 'center',
  }),
  critical: css({ background: theme.colors.error.main, color: theme.colors.error.contrastText }),
  warning: css({ background: theme.colors.warning.main, color: theme.colors.warning.contrastText }),
  value: css({ fontSize: '4rem', lineHeight: 1.1, fontWeight: theme.typography.fontWeightBold }),
  label: css({ fontSize: theme.typography.h4.fontSize }),
  heading: css({ marginTop: theme.spacing(3) }),
  list: css({ listStyle: 'none', padding: 0, fontSize: theme.typography.h5.fontSize }),
  row: css({
    display: 'flex',
    gap: theme.spacing(1.5),
    alignItems: 'center',
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  rowTitle: css({ flex: 1, color: theme.colors.text.primary }),
  time: css({ color: theme.colors.text.secondary }),
});
