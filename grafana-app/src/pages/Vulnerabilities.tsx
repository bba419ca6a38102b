import React, { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Badge,
  Button,
  Checkbox,
  ErrorBoundaryAlert,
  Field,
  Input,
  LoadingPlaceholder,
  Select,
  Stack,
  useStyles2,
} from '@grafana/ui';
import { t } from '../i18n';
import { getFindingCounts, listFindings, listImports } from '../api/vulnerabilities';
import { FINDING_SEVERITIES, FINDING_STATES, type ImportSummary } from '../api/patchTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatTime } from '../components/format';
import { ImportResult, NewFindingForm, ReportUpload } from '../components/FindingForms';
import {
  findingFilterOf,
  findingStateLabel,
  severityColor,
  severityLabel,
  withFilter,
} from '../components/patchFormat';
import { useCanEdit } from '../components/settings';
import { getTableStyles } from '../components/tableStyles';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';

function Vulnerabilities() {
  const s = useStyles2(getTableStyles);
  const v = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = findingFilterOf(params);
  const key = JSON.stringify(filter);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<ImportSummary>();
  const [cursors, setCursors] = useState<string[]>([]);
  const findings = usePoll(() => listFindings(filter), [key], 30_000, !creating);
  const imports = usePoll(() => listImports(), [], 60_000, !creating);
  const counts = usePoll(() => getFindingCounts(filter.asset), [filter.asset], 30_000, !creating);
  const update = (patch: Record<string, string | undefined>) => {
    if (!('cursor' in patch)) setCursors([]);
    setParams(withFilter(params, patch));
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        <div data-testid="vulnerabilities-page">
          <div className={v.filters} role="search">
            <Field label={t('vulns.col.severity', 'Severity')}>
              <Select
                aria-label={t('vulns.col.severity', 'Severity')}
                width={18}
                options={[
                  { value: '', label: t('vulns.filter.any', 'any') },
                  ...FINDING_SEVERITIES.map((x) => ({ value: x, label: severityLabel(x) })),
                ]}
                value={filter.severity ?? ''}
                onChange={(o) => update({ severity: o.value || undefined })}
              />
            </Field>
            <Field label={t('vulns.col.state', 'State')}>
              <Select
                aria-label={t('vulns.col.state', 'State')}
                width={28}
                options={[
                  { value: '', label: t('vulns.filter.any', 'any') },
                  {
                    value: 'open,analysed,fixing',
                    label: t('vulns.filter.unfixed', 'not fixed yet (open, analysed, fixing)'),
                  },
                  ...FINDING_STATES.map((x) => ({ value: x, label: findingStateLabel(x) })),
                ]}
                value={filter.state ?? ''}
                onChange={(o) => update({ state: o.value || undefined })}
              />
            </Field>
            <Field label={t('vulns.col.asset', 'Asset')}>
              <Input
                aria-label={t('vulns.col.asset', 'Asset')}
                width={28}
                key={filter.asset ?? ''}
                defaultValue={filter.asset}
                onBlur={(e) =>
                  e.currentTarget.value.trim() !== (filter.asset ?? '') &&
                  update({ asset: e.currentTarget.value.trim() })
                }
                onKeyDown={(e) => e.key === 'Enter' && update({ asset: e.currentTarget.value.trim() })}
              />
            </Field>
            <Field label={t('vulns.filter.overdue', 'Overdue')}>
              <Checkbox
                aria-label={t('vulns.filter.overdueOnly', 'Overdue only')}
                label={t('vulns.filter.overdueOnly', 'Overdue only')}
                value={filter.overdue === true}
                onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : undefined })}
              />
            </Field>
            {canEdit && (
              <div className={v.right}>
                <Button icon="plus" variant="secondary" onClick={() => setCreating(true)}>
                  {t('vulns.new', 'New finding')}
                </Button>
              </div>
            )}
          </div>

          {counts.data && (
            <div className={v.tiles} data-testid="finding-counts">
              {(['critical', 'high', 'medium', 'low'] as const).map((sev) => {
                const open = counts.data!.open[sev] ?? 0;
                const overdue = counts.data!.overdue[sev] ?? 0;
                return (
                  <button
                    key={sev}
                    data-severity={sev}
                    className={cx(v.tile, overdue > 0 && (sev === 'critical' || sev === 'high') && v.critical)}
                    onClick={() => update({ severity: sev, state: 'open,analysed,fixing' })}
                  >
                    <div className={v.value}>{open}</div>
                    <div>
                      {t('vulns.tile.open', '{{severity}} open', { severity: severityLabel(sev) })}
                      {overdue > 0 && ` · ${t('vulns.tile.overdue', '{{n}} overdue', { n: overdue })}`}
                    </div>
                  </button>
                );
              })}
              {counts.data.riskAcceptancesExpired > 0 && (
                <div className={cx(v.tile, v.warning)}>
                  <div className={v.value}>{counts.data.riskAcceptancesExpired}</div>
                  <div>{t('vulns.tile.expired', 'risk acceptances expired')}</div>
                </div>
              )}
            </div>
          )}
          {canEdit && (
            <section className={v.upload}>
              <h4>{t('vulns.upload.title', 'Import a scan report')}</h4>
              <ReportUpload
                onImported={(summary) => {
                  setImported(summary);
                  void findings.reload();
                  void imports.reload();
                  void counts.reload();
                }}
              />
            </section>
          )}
          {imported && <ImportResult summary={imported} onRemove={() => setImported(undefined)} />}

          {findings.error !== undefined && <ErrorMessage error={findings.error} onRetry={findings.reload} />}
          {!findings.data && findings.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
          {findings.data && findings.data.findings.length === 0 && (
            <p className={s.muted} data-testid="findings-empty">
              {t('vulns.none', 'No finding matches this filter.')}
            </p>
          )}
          {findings.data && findings.data.findings.length > 0 && (
            <table className={s.table} data-testid="findings-table">
              <thead>
                <tr>
                  <th>{t('vulns.col.vulnerability', 'Vulnerability')}</th>
                  <th>{t('vulns.col.severity', 'Severity')}</th>
                  <th>{t('vulns.col.asset', 'Asset')}</th>
                  <th>{t('vulns.col.package', 'Package')}</th>
                  <th>{t('vulns.col.state', 'State')}</th>
                  <th>{t('vulns.col.due', 'Due')}</th>
                  <th>{t('vulns.col.lastSeen', 'Last seen')}</th>
                </tr>
              </thead>
              <tbody>
                {findings.data.findings.map((f) => (
                  <tr key={f.id} data-finding={f.id}>
                    <td>
                      <Link to={prefixRoute(`${ROUTES.Vulnerabilities}/findings/${encodeURIComponent(f.id)}`)}>
                        {f.vulnerabilityId}
                      </Link>
                      {f.knownExploited && (
                        <>
                          {' '}
                          <Badge text={t('vulns.kev', 'known exploited')} color="red" />
                        </>
                      )}
                      {f.title && <div className={s.muted}>{f.title}</div>}
                    </td>
                    <td>
                      <Badge text={severityLabel(f.severity)} color={severityColor(f.severity)} />
                    </td>
                    <td>{f.asset}</td>
                    <td className={s.code}>
                      {f.packageName} {f.installedVersion}
                      {f.fixedVersion ? ` → ${f.fixedVersion}` : ''}
                    </td>
                    <td>{findingStateLabel(f.state)}</td>
                    <td className={f.overdue ? s.error : undefined}>
                      {formatTime(f.dueAt)}
                      {f.overdue && ` · ${t('vulns.overdue', 'overdue')}`}
                    </td>
                    <td>{formatTime(f.lastSeenAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {findings.data && (cursors.length > 0 || findings.data.nextCursor) && (
            <Stack gap={1}>
              <Button
                variant="secondary"
                size="sm"
                disabled={cursors.length === 0}
                onClick={() => {
                  update({ cursor: cursors[cursors.length - 1] || undefined });
                  setCursors(cursors.slice(0, -1));
                }}
              >
                {t('patches.previous', 'Previous')}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={!findings.data.nextCursor}
                onClick={() => {
                  setCursors([...cursors, filter.cursor ?? '']);
                  update({ cursor: findings.data!.nextCursor ?? undefined });
                }}
              >
                {t('patches.next', 'Next')}
              </Button>
            </Stack>
          )}

          <h3>{t('vulns.imports', 'Imports')}</h3>
          {imports.error !== undefined && <ErrorMessage error={imports.error} onRetry={imports.reload} />}
          {imports.data && imports.data.imports.length === 0 && (
            <p className={s.muted}>{t('vulns.noImports', 'No report imported yet.')}</p>
          )}
          {imports.data && imports.data.imports.length > 0 && (
            <table className={s.table} data-testid="imports-table">
              <thead>
                <tr>
                  <th>{t('vulns.col.importedAt', 'Imported')}</th>
                  <th>{t('vulns.col.scanner', 'Scanner')}</th>
                  <th>{t('vulns.col.asset', 'Asset')}</th>
                  <th>{t('vulns.col.counts', 'New / updated / unchanged / awaiting verification / reopened')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.imports.slice(0, 20).map((i) => (
                  <tr key={i.id}>
                    <td>
                      {formatTime(i.at)} · {i.actor}
                    </td>
                    <td>{i.scanner}</td>
                    <td>{i.asset}</td>
                    <td>
                      {i.created} / {i.updated} / {i.unchanged} / {i.awaitingVerification} / {i.reopened}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {creating && (
          <NewFindingForm
            onClose={() => setCreating(false)}
            onSaved={(f) => {
              setCreating(false);
              navigate(prefixRoute(`${ROUTES.Vulnerabilities}/findings/${encodeURIComponent(f.id)}`));
            }}
          />
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

export default Vulnerabilities;

const getStyles = (theme: GrafanaTheme2) => ({
  filters: css({ display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap', alignItems: 'flex-end' }),
  right: css({ marginLeft: 'auto', marginBottom: theme.spacing(2) }),
  tiles: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  }),
  tile: css({
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    color: theme.colors.text.primary,
    textAlign: 'center',
    cursor: 'pointer',
  }),
  critical: css({ background: theme.colors.error.main, color: theme.colors.error.contrastText }),
  warning: css({ background: theme.colors.warning.main, color: theme.colors.warning.contrastText }),
  value: css({ fontSize: theme.typography.h2.fontSize, fontWeight: theme.typography.fontWeightBold }),
  upload: css({
    padding: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
    border: `1px dashed ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
  }),
});
