import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { LAYERS, type InspectionLayer, type RunItem } from '../api/inspections';

/** A failing series of a run's item or of a report's. */
export interface FailingSeries {
  labels: Record<string, string>;
  value?: number | null;
}
import { ItemStatusBadge, formatValue, kindLabel, layerLabel } from './InspectionBadges';
import { getTableStyles } from './tableStyles';

/** Items grouped by layer in the order of the template; layers without items are left out. */
export function groupByLayer<T extends { layer: InspectionLayer | string }>(
  items: T[]
): Array<{ layer: InspectionLayer | string; items: T[] }> {
  const order = (l: string) => {
    const i = (LAYERS as readonly string[]).indexOf(l);
    return i === -1 ? LAYERS.length : i;
  };
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.layer) ?? [];
    list.push(item);
    groups.set(item.layer, list);
  }
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([layer, list]) => ({ layer, items: list }));
}

/**
 * The columns of a failing-series table: the labels the template lists, by their display alias
 * (instance → 主机), in its order; with no aliases, every label the series carry.
 */
export function seriesColumns(series: FailingSeries[], aliases: Record<string, string>): Array<[string, string]> {
  const listed = Object.entries(aliases);
  if (listed.length > 0) return listed;
  const names = new Set<string>();
  for (const s of series) for (const k of Object.keys(s.labels)) if (k !== '__name__') names.add(k);
  return [...names].sort().map((k) => [k, k]);
}

/** The series of an item that fail its check, with their values. */
export function InspectionSeries({
  series,
  aliases,
  unit,
  truncated,
  showValue = true,
}: {
  series: FailingSeries[];
  aliases: Record<string, string>;
  unit?: string | null;
  truncated?: number | null;
  showValue?: boolean;
}) {
  const s = useStyles2(getTableStyles);
  if (series.length === 0) return null;
  const cols = seriesColumns(series, aliases);
  return (
    <>
      <table className={s.table} data-testid="inspection-series">
        <thead>
          <tr>
            {cols.map(([k, alias]) => (
              <th key={k}>{alias}</th>
            ))}
            {showValue && <th>{t('inspections.col.value', 'Value')}</th>}
          </tr>
        </thead>
        <tbody>
          {series.map((row, i) => (
            <tr key={i}>
              {cols.map(([k]) => (
                <td key={k}>{row.labels[k] ?? '—'}</td>
              ))}
              {showValue && <td>{formatValue(row.value, unit)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {truncated ? (
        <div className={s.muted}>
          {t('inspections.truncated', '{{n}} more failing series are not shown', { n: truncated })}
        </div>
      ) : null}
    </>
  );
}

function thresholdText(item: RunItem): string {
  const th = item.thresholds;
  if (!th) return '';
  const parts: string[] = [];
  if (th.warning !== null && th.warning !== undefined)
    parts.push(`${t('inspections.status.warning', 'warning')} ${th.comparison} ${formatValue(th.warning, item.unit)}`);
  if (th.critical !== null && th.critical !== undefined)
    parts.push(
      `${t('inspections.status.critical', 'critical')} ${th.comparison} ${formatValue(th.critical, item.unit)}`
    );
  return parts.join(', ');
}

const ABNORMAL = new Set(['warning', 'critical', 'error', 'abnormal']);

/**
 * A run's items by layer: status, value and threshold, failing series, the manual result and its
 * note and evidence, the follow-up opened; the write buttons only for an editor.
 */
export function InspectionItems({
  items,
  canFill,
  canFollowUp,
  onFill,
  onFollowUp,
  followUpHref,
}: {
  items: RunItem[];
  /** the run is open and the user may write */
  canFill: boolean;
  canFollowUp: boolean;
  onFill: (item: RunItem) => void;
  onFollowUp: (item: RunItem) => void;
  followUpHref: (ref: string) => string;
}) {
  const s = useStyles2(getStyles);
  return (
    <div data-testid="inspection-items">
      {groupByLayer(items).map(({ layer, items: list }) => (
        <section key={layer} data-testid="inspection-layer" data-layer={layer}>
          <h3>{layerLabel(layer)}</h3>
          {list.map((item) => (
            <div key={item.key} className={s.item} data-testid="inspection-item" data-key={item.key}>
              <Stack gap={1} alignItems="center" wrap="wrap">
                <ItemStatusBadge status={item.status} />
                <strong>{item.title}</strong>
                <span className={s.muted}>{kindLabel(item.kind)}</span>
                {item.kind === 'metric' && (
                  <span data-testid="inspection-item-value">{formatValue(item.value, item.unit)}</span>
                )}
                {item.thresholds && <span className={s.muted}>({thresholdText(item)})</span>}
                {item.followUp && (
                  <a href={followUpHref(item.followUp.ref)} data-testid="inspection-follow-up">
                    {item.followUp.ref}
                  </a>
                )}
                {canFill && item.kind === 'manual' && (
                  <Button
                    size="sm"
                    variant={item.status === 'pending' ? 'primary' : 'secondary'}
                    onClick={() => onFill(item)}
                  >
                    {item.status === 'pending'
                      ? t('inspections.item.fill', 'Fill in')
                      : t('inspections.item.change', 'Change')}
                  </Button>
                )}
                {canFollowUp && !item.followUp && ABNORMAL.has(item.status) && (
                  <Button size="sm" variant="destructive" fill="outline" onClick={() => onFollowUp(item)}>
                    {t('inspections.followUp.open', 'Open an incident')}
                  </Button>
                )}
              </Stack>
              {item.error && <div className={s.error}>{item.error}</div>}
              {item.kind === 'manual' && item.guidance && item.status === 'pending' && (
                <div className={s.muted}>{item.guidance}</div>
              )}
              {item.note && <div className={s.note}>{item.note}</div>}
              {item.evidence.length > 0 && (
                <div>
                  {t('inspections.item.evidenceList', 'Evidence')}:{' '}
                  {item.evidence.map((e, i) =>
                    e.url && /^https?:\/\//.test(e.url) ? (
                      <a key={i} href={e.url} target="_blank" rel="noreferrer" className={s.link}>
                        {e.name}
                      </a>
                    ) : (
                      <span key={i}>{e.name} </span>
                    )
                  )}
                </div>
              )}
              {item.completedBy && (
                <div className={s.muted}>{t('inspections.item.by', 'by {{who}}', { who: item.completedBy })}</div>
              )}
              <InspectionSeries
                series={item.series}
                aliases={item.labelAliases}
                unit={item.unit}
                truncated={item.truncated}
                showValue={item.kind === 'metric'}
              />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  item: css({ padding: theme.spacing(1, 0), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  muted: css({ color: theme.colors.text.secondary }),
  error: css({ color: theme.colors.error.text }),
  note: css({ whiteSpace: 'pre-wrap' }),
  link: css({ color: theme.colors.text.link, marginRight: theme.spacing(1) }),
});
