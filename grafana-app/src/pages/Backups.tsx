import React, { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  ErrorBoundaryAlert,
  LoadingPlaceholder,
  Tab,
  TabContent,
  TabsBar,
  useStyles2,
} from '@grafana/ui';
import { t } from '../i18n';
import {
  listPolicies,
  listRestoreRequests,
  listRestoreTests,
  listRuns,
  RUN_RESULTS,
  type RunFilter,
  type RunResult,
} from '../api/backups';
import { listPeople } from '../api/oncall';
import { BackupPolicies } from '../components/BackupPolicies';
import { BackupRuns, Pager, PolicyFilter } from '../components/BackupRuns';
import { backupSummary } from '../components/backupsFormat';
import { ErrorMessage } from '../components/ErrorMessage';
import { RestoreRequestForm } from '../components/RestoreRequestForm';
import { RestoreRequests } from '../components/RestoreRequests';
import { RestoreTests } from '../components/RestoreTests';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';

const TABS = ['runs', 'tests', 'requests'] as const;
type TabName = (typeof TABS)[number];

/** The view lives in the URL (tab, policy, result, page), so a link reproduces it. */
function useView() {
  const [params, setParams] = useSearchParams();
  const tab: TabName = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabName)
    : 'runs';
  const result = params.get('result');
  const filter: RunFilter = {
    policy: params.get('policy') ?? undefined,
    result: RUN_RESULTS.includes(result as RunResult) ? (result as RunResult) : undefined,
    cursor: params.get('cursor') ?? undefined,
  };
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('cursor' in patch)) next.delete('cursor'); // a new filter or tab starts at the first page
    setParams(next);
  };
  return { tab, filter, update };
}

function Backups() {
  const s = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const { tab, filter, update } = useView();
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const active = !creating;
  const policies = usePoll(listPolicies, [], 30_000, active);
  const people = usePoll(listPeople, [], 300_000);
  const key = JSON.stringify({ tab, ...filter });
  const runs = usePoll(
    () => (tab === 'runs' ? listRuns(filter) : Promise.resolve(undefined)),
    [key],
    30_000,
    active && tab === 'runs'
  );
  const tests = usePoll(
    () =>
      tab === 'tests' ? listRestoreTests({ policy: filter.policy, cursor: filter.cursor }) : Promise.resolve(undefined),
    [key],
    30_000,
    active && tab === 'tests'
  );
  const requests = usePoll(
    () => (tab === 'requests' ? listRestoreRequests({ cursor: filter.cursor }) : Promise.resolve(undefined)),
    [key],
    30_000,
    active && tab === 'requests'
  );
  // ages and dues are as of the policies' answer, so every cell agrees; a new answer moves the clock
  const now = useMemo(() => Date.now(), [policies.data]);
  const list = policies.data?.policies ?? [];
  const names = list.map((p) => p.name);
  const byId = useMemo(() => new Map((people.data?.people ?? []).map((p) => [p.id, p])), [people.data]);
  const summary = backupSummary(list);
  const nextCursor =
    tab === 'runs' ? runs.data?.nextCursor : tab === 'tests' ? tests.data?.nextCursor : requests.data?.nextCursor;
  const go = (patch: Record<string, string | undefined>) => {
    setCursors([]);
    update(patch);
  };
  const pager = (
    <Pager
      hasPrevious={filter.cursor !== undefined}
      hasNext={!!nextCursor}
      onPrevious={() => {
        update({ cursor: cursors[cursors.length - 1] || undefined });
        setCursors(cursors.slice(0, -1));
      }}
      onNext={() => {
        setCursors([...cursors, filter.cursor ?? '']);
        update({ cursor: nextCursor ?? undefined });
      }}
    />
  );
  const tabLabel: Record<TabName, string> = {
    runs: t('backups.tab.runs', 'Backup runs'),
    tests: t('backups.tab.tests', 'Restore tests'),
    requests: t('backups.tab.requests', 'Data restores'),
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        {policies.error !== undefined && <ErrorMessage error={policies.error} onRetry={policies.reload} />}
        {!policies.data && policies.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
        {policies.data && (
          <div data-testid="backups-page">
            <div className={s.tiles} data-testid="backup-summary">
              <div className={s.tile}>
                <div className={s.value}>{summary.policies}</div>
                <div className={s.label}>{t('backups.summary.policies', 'backup policies')}</div>
              </div>
              <div className={cx(s.tile, summary.rpoBreached > 0 && s.critical)}>
                <div className={s.value}>{summary.rpoBreached}</div>
                <div className={s.label}>{t('backups.summary.rpoBreached', 'RPO breached')}</div>
              </div>
              <div className={cx(s.tile, summary.lastRunFailed > 0 && s.critical)}>
                <div className={s.value}>{summary.lastRunFailed}</div>
                <div className={s.label}>{t('backups.summary.failed', 'last run failed')}</div>
              </div>
              <div className={cx(s.tile, summary.restoreTestOverdue > 0 && s.warning)}>
                <div className={s.value}>{summary.restoreTestOverdue}</div>
                <div className={s.label}>{t('backups.summary.testOverdue', 'restore test overdue or never run')}</div>
              </div>
              <div className={cx(s.tile, summary.slowerThanRto > 0 && s.warning)}>
                <div className={s.value}>{summary.slowerThanRto}</div>
                <div className={s.label}>{t('backups.summary.slow', 'last restore slower than RTO')}</div>
              </div>
            </div>

            <h3>{t('backups.policies', 'Backup policies')}</h3>
            {list.length === 0 ? (
              <Alert severity="info" title={t('backups.noPolicies.title', 'No backup policy is configured')}>
                {t(
                  'backups.noPolicies.hint',
                  'Backup policies (what is backed up, tool, schedule, retention, RPO, RTO, restore test interval, owner) are set in the server configuration under backups.policies; backup jobs then report their runs with opsdesk-backup.'
                )}
              </Alert>
            ) : (
              <BackupPolicies
                policies={list}
                people={byId}
                now={now}
                onHistory={(policy) => go({ tab: 'runs', policy, result: undefined })}
              />
            )}

            <div className={s.tabsHead}>
              <TabsBar>
                {TABS.map((name) => (
                  <Tab
                    key={name}
                    label={tabLabel[name]}
                    active={tab === name}
                    onChangeTab={() => go({ tab: name === 'runs' ? undefined : name })}
                    data-testid={`backups-tab-${name}`}
                  />
                ))}
              </TabsBar>
              {canEdit && tab === 'requests' && (
                <Button icon="history-alt" onClick={() => setCreating(true)}>
                  {t('backups.request.new', 'Request a data restore')}
                </Button>
              )}
            </div>
            <TabContent className={s.tabContent}>
              {tab === 'runs' && (
                <>
                  {runs.error !== undefined && <ErrorMessage error={runs.error} onRetry={runs.reload} />}
                  {runs.data && (
                    <BackupRuns
                      runs={runs.data.runs}
                      policies={names}
                      filter={filter}
                      onFilter={(f) => go({ policy: f.policy, result: f.result })}
                    />
                  )}
                </>
              )}
              {tab === 'tests' && (
                <>
                  <PolicyFilter policies={names} value={filter.policy} onChange={(policy) => go({ policy })} />
                  {tests.error !== undefined && <ErrorMessage error={tests.error} onRetry={tests.reload} />}
                  {tests.data && <RestoreTests tests={tests.data.restoreTests} />}
                </>
              )}
              {tab === 'requests' && (
                <>
                  {requests.error !== undefined && <ErrorMessage error={requests.error} onRetry={requests.reload} />}
                  {requests.data && (
                    <RestoreRequests
                      requests={requests.data.restoreRequests}
                      people={byId}
                      canEdit={canEdit}
                      showIncident
                      onChanged={() => void Promise.all([requests.reload(), policies.reload()])}
                    />
                  )}
                </>
              )}
              {pager}
            </TabContent>
            {creating && (
              <RestoreRequestForm
                policies={list}
                people={people.data?.people ?? []}
                onClose={() => setCreating(false)}
                onSaved={() => {
                  setCreating(false);
                  void requests.reload();
                }}
              />
            )}
          </div>
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

export default Backups;

const getStyles = (theme: GrafanaTheme2) => ({
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
    textAlign: 'center',
  }),
  critical: css({ background: theme.colors.error.main, color: theme.colors.error.contrastText }),
  warning: css({ background: theme.colors.warning.main, color: theme.colors.warning.contrastText }),
  value: css({ fontSize: theme.typography.h2.fontSize, fontWeight: theme.typography.fontWeightBold }),
  label: css({ color: 'inherit', opacity: 0.8 }),
  tabsHead: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  }),
  tabContent: css({ paddingTop: theme.spacing(2) }),
});
