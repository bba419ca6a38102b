import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { InspectionReport } from '../api/inspections';
import { formatTime } from './format';
import { ItemStatusBadge, formatValue, layerLabel, runStateLabel } from './InspectionBadges';
import { InspectionSeries } from './InspectionItems';
import { getTableStyles } from './tableStyles';

/** The report (巡检报告) as the server builds it for the HTML, PDF and Excel files: header, summary, layers, follow-ups. */
export function InspectionReportView({ report }: { report: InspectionReport }) {
  const s = useStyles2(getStyles);
  const ts = useStyles2(getTableStyles);
  const r = report.run;
  const head = (label: string, value: React.ReactNode, testId?: string) => (
    <tr data-testid={testId}>
      <th>{label}</th>
      <td>{value ?? '—'}</td>
    </tr>
  );
  const sum = report.summary;
  const tiles: Array<[string, number, string?]> = [
    [t('inspections.status.normal', 'normal'), sum.normal],
    [t('inspections.status.warning', 'warning'), sum.warning, sum.warning ? s.warning : undefined],
    [t('inspections.status.critical', 'critical'), sum.critical, sum.critical ? s.critical : undefined],
    [t('inspections.status.error', 'error'), sum.error, sum.error ? s.critical : undefined],
    [t('inspections.status.abnormal', 'abnormal'), sum.manualAbnormal, sum.manualAbnormal ? s.critical : undefined],
    [t('inspections.status.notApplicable', 'not applicable'), sum.notApplicable],
  ];
  return (
    <div data-testid="inspection-report">
      <h2>
        {r.templateTitle} · {r.number}
      </h2>
      <table className={ts.table} data-testid="inspection-report-header">
        <tbody>
          {r.client && head(t('inspections.report.client', 'Client'), r.client)}
          {r.system && head(t('inspections.report.system', 'System'), r.system)}
          {head(t('inspections.col.evaluatedAt', 'Run at'), formatTime(r.evaluatedAt))}
          {head(t('inspections.col.state', 'State'), runStateLabel(r.state), 'inspection-report-state')}
          {head(t('inspections.col.template', 'Template'), `${r.templateKey} v${r.templateVersion}`)}
          {r.subject && head(t('inspections.report.subject', 'Verifies'), r.subject)}
          {head(
            t('inspections.inspector', 'Inspector'),
            r.inspector ? `${r.inspector}${r.inspectorSignedAt ? ` · ${formatTime(r.inspectorSignedAt)}` : ''}` : '—'
          )}
          {head(
            t('inspections.reviewer', 'Reviewer'),
            r.reviewer ? `${r.reviewer}${r.reviewerSignedAt ? ` · ${formatTime(r.reviewerSignedAt)}` : ''}` : '—'
          )}
          {r.completedAt && head(t('inspections.report.completedAt', 'Completed'), formatTime(r.completedAt))}
        </tbody>
      </table>
      <div className={s.tiles} data-testid="inspection-report-summary">
        {tiles.map(([label, n, cls]) => (
          <div key={label} className={cx(s.tile, cls)}>
            <div className={s.value}>{n}</div>
            <div className={s.label}>{label}</div>
          </div>
        ))}
      </div>
      {report.layers.map((l) => (
        <section key={l.layer} data-testid="inspection-report-layer" data-layer={l.layer}>
          <h3>{layerLabel(l.layer)}</h3>
          <table className={ts.table}>
            <thead>
              <tr>
                <th>{t('inspections.col.item', 'Item')}</th>
                <th>{t('inspections.col.status', 'Status')}</th>
                <th>{t('inspections.col.value', 'Value')}</th>
                <th>{t('inspections.col.detail', 'Detail')}</th>
              </tr>
            </thead>
            <tbody>
              {l.items.map((item) => (
                <tr key={item.key} data-testid="inspection-report-item" data-key={item.key}>
                  <td>{item.title}</td>
                  <td>
                    <ItemStatusBadge status={item.status} />
                  </td>
                  <td>{item.kind === 'metric' ? formatValue(item.value, item.unit) : '—'}</td>
                  <td>
                    {item.error && <div className={ts.error}>{item.error}</div>}
                    {item.note && <div>{item.note}</div>}
                    {item.evidence.map((e, i) =>
                      e.url && /^https?:\/\//.test(e.url) ? (
                        <a key={i} href={e.url} target="_blank" rel="noreferrer">
                          {e.name}{' '}
                        </a>
                      ) : (
                        <span key={i}>{e.name} </span>
                      )
                    )}
                    {item.followUp && <div>{item.followUp.ref}</div>}
                    <InspectionSeries
                      series={item.series}
                      aliases={item.labelAliases}
                      unit={item.unit}
                      truncated={item.truncated}
                      showValue={item.kind === 'metric'}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {report.followUps.length > 0 && (
        <section data-testid="inspection-report-follow-ups">
          <h3>{t('inspections.report.followUps', 'Follow-ups')}</h3>
          <ul>
            {report.followUps.map((f) => (
              <li key={`${f.kind}-${f.ref}`}>
                {f.ref} · {f.item}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className={ts.muted}>
        {t('inspections.report.generated', 'Generated {{at}}', { at: formatTime(report.generatedAt) })}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tiles: css({ display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap', margin: theme.spacing(2, 0) }),
  tile: css({
    padding: theme.spacing(1, 2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    minWidth: 110,
  }),
  value: css({ fontSize: theme.typography.h2.fontSize }),
  label: css({ color: theme.colors.text.secondary }),
  warning: css({ borderColor: theme.colors.warning.border }),
  critical: css({ borderColor: theme.colors.error.border }),
});
