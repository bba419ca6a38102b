import React, { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Badge,
  Button,
  ErrorBoundaryAlert,
  Field,
  LoadingPlaceholder,
  Select,
  Stack,
  useStyles2,
} from '@grafana/ui';
import { t } from '../i18n';
import { collectPatchHosts, listPatchHosts, listPlans } from '../api/patches';
import { listPeople } from '../api/oncall';
import { PLAN_STATES, type CollectResult, type PatchHost } from '../api/patchTypes';
import { ActionError } from '../components/ActionError';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatSeconds, formatTime } from '../components/format';
import { getTableStyles } from '../components/tableStyles';
import {
  oldestSecurityAgeSeconds,
  planStateColor,
  planStateLabel,
  sortHosts,
  withFilter,
} from '../components/patchFormat';
import { NewPlanForm } from '../components/PlanForms';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';

/** Security updates pending longer than this are marked (the alert's own threshold is the server's rule) */
const OLD_SECURITY_SECONDS = 7 * 86_400;

export function HostsTable({ hosts, now }: { hosts: PatchHost[]; now: number }) {
  const s = useStyles2(getTableStyles);
  const p = useStyles2(getStyles);
  return (
    <table className={s.table} data-testid="patch-hosts">
      <thead>
        <tr>
          <th>{t('patches.col.host', 'Host')}</th>
          <th>{t('patches.col.manager', 'Package manager')}</th>
          <th>{t('patches.col.pending', 'Pending')}</th>
          <th>{t('patches.col.security', 'Security')}</th>
          <th>{t('patches.col.reboot', 'Reboot required')}</th>
          <th>{t('patches.col.oldestSecurity', 'Oldest security update')}</th>
          <th>{t('patches.col.collected', 'Last collected')}</th>
        </tr>
      </thead>
      <tbody>
        {sortHosts(hosts).map((h) => {
          const age = oldestSecurityAgeSeconds(h, now);
          return (
            <tr key={h.host} data-host={h.host}>
              <td>
                <Link to={prefixRoute(`${ROUTES.Patches}/hosts/${encodeURIComponent(h.host)}`)}>{h.host}</Link>
                {h.hostname && h.hostname !== h.host && <div className={s.muted}>{h.hostname}</div>}
              </td>
              <td>{h.manager ?? '—'}</td>
              <td>{h.pending}</td>
              <td className={cx(h.security > 0 && p.warn)}>{h.security}</td>
              <td>
                {h.rebootRequired === null ? (
                  '—'
                ) : h.rebootRequired ? (
                  <Badge text={t('patches.rebootYes', 'reboot required')} color="orange" />
                ) : (
                  t('patches.rebootNo', 'no')
                )}
              </td>
              <td className={cx(age !== null && age > OLD_SECURITY_SECONDS && p.critical)}>
                {age === null ? '—' : formatSeconds(age)}
              </td>
              <td>
                {formatTime(h.collectedAt)}{' '}
                {h.stale && (
                  <Badge
                    text={t('patches.stale', 'stale')}
                    color="red"
                    tooltip={t(
                      'patches.staleHint',
                      'Not collected within patches.stale_after: the counts may be out of date'
                    )}
                  />
                )}
                {h.status !== 'ok' && (
                  <div className={s.error}>
                    {h.status}
                    {h.error ? `: ${h.error}` : ''}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Patches() {
  const s = useStyles2(getTableStyles);
  const p = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const cursor = params.get('cursor') ?? undefined;
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [collected, setCollected] = useState<CollectResult>();
  const [cursors, setCursors] = useState<string[]>([]);
  const hosts = usePoll(listPatchHosts, [], 60_000, !busy && !creating);
  const plans = usePoll(() => listPlans({ state, cursor }), [state, cursor], 30_000, !busy && !creating);
  const people = usePoll(listPeople, [], 300_000, canEdit);
  const now = useMemo(() => Date.now(), [hosts.data]);
  const list = hosts.data?.hosts ?? [];

  const collect = async () => {
    setBusy(true);
    setActionError(undefined);
    setCollected(undefined);
    try {
      setCollected(await collectPatchHosts());
      await hosts.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        <div data-testid="patches-page">
          <div className={p.head}>
            <h3>{t('patches.hosts', 'Pending patches per host')}</h3>
            {canEdit && (
              <Button icon="sync" variant="secondary" disabled={busy} onClick={() => void collect()}>
                {t('patches.collect', 'Collect now')}
              </Button>
            )}
          </div>
          {actionError !== undefined && <ActionError error={actionError} />}
          {collected && (
            <Alert
              severity={collected.failed.length ? 'warning' : 'success'}
              title={t('patches.collected', 'Collected {{n}} hosts', { n: collected.collected })}
              onRemove={() => setCollected(undefined)}
            >
              {collected.failed.map((f) => (
                <div key={f.host}>
                  {f.host}: {f.error}
                </div>
              ))}
            </Alert>
          )}
          {hosts.error !== undefined && <ErrorMessage error={hosts.error} onRetry={hosts.reload} />}
          {!hosts.data && hosts.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
          {hosts.data && list.length === 0 && (
            <Alert
              severity="info"
              title={t('patches.noHosts.title', 'No host collected yet')}
              data-testid="patch-hosts-empty"
            >
              {t(
                'patches.noHosts.hint',
                'The server collects pending patches from the host exporters it finds as targets of Prometheus (server config prometheus.url, and patches.jobs naming the jobs of the host exporters), every patches.interval. Once a target answers its /api/v1/patches, the host shows here.'
              )}
            </Alert>
          )}
          {list.length > 0 && <HostsTable hosts={list} now={now} />}

          <div className={p.head}>
            <h3>{t('patches.plans.title', 'Patch plans')}</h3>
            <Field label={t('patches.plans.state', 'State')}>
              <Select
                aria-label={t('patches.plans.state', 'State')}
                width={24}
                options={[
                  { value: '', label: t('patches.plans.allStates', 'all states') },
                  ...PLAN_STATES.map((v) => ({ value: v, label: planStateLabel(v) })),
                ]}
                value={state ?? ''}
                onChange={(v) => {
                  setCursors([]);
                  setParams(withFilter(params, { state: v.value || undefined }));
                }}
              />
            </Field>
            {canEdit && (
              <Button icon="plus" onClick={() => setCreating(true)}>
                {t('patches.plans.new', 'New patch plan')}
              </Button>
            )}
          </div>
          {plans.error !== undefined && <ErrorMessage error={plans.error} onRetry={plans.reload} />}
          {plans.data && plans.data.plans.length === 0 && (
            <p className={s.muted}>{t('patches.plans.none', 'No patch plan in this state.')}</p>
          )}
          {plans.data && plans.data.plans.length > 0 && (
            <table className={s.table} data-testid="patch-plans">
              <thead>
                <tr>
                  <th>{t('patches.col.number', 'Number')}</th>
                  <th>{t('patches.plan.title', 'Title')}</th>
                  <th>{t('patches.col.state', 'State')}</th>
                  <th>{t('patches.plan.hosts', 'Hosts')}</th>
                  <th>{t('patches.col.what', 'Packages / advisories')}</th>
                  <th>{t('patches.col.gates', 'Gates met')}</th>
                  <th>{t('patches.col.window', 'Window')}</th>
                  <th>{t('patches.col.updated', 'Updated')}</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.plans.map((plan) => (
                  <tr key={plan.id} data-plan={plan.number}>
                    <td>
                      <Link to={prefixRoute(`${ROUTES.Patches}/plans/${encodeURIComponent(plan.id)}`)}>
                        {plan.number}
                      </Link>
                    </td>
                    <td>
                      {plan.title} {plan.emergency && <Badge text={t('patches.emergency', 'emergency')} color="red" />}
                    </td>
                    <td>
                      <Badge text={planStateLabel(plan.state)} color={planStateColor(plan.state)} />
                    </td>
                    <td>
                      {plan.hostGroup ? `${plan.hostGroup}: ` : ''}
                      {plan.hosts.join(', ')}
                    </td>
                    <td className={s.code}>{[...plan.packages, ...plan.advisories].join(', ') || '—'}</td>
                    <td>
                      {plan.gates.filter((g) => g.met).length} / {plan.gates.length}
                    </td>
                    <td>{plan.window ? `${formatTime(plan.window.start)} – ${formatTime(plan.window.end)}` : '—'}</td>
                    <td>{formatTime(plan.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plans.data && (cursors.length > 0 || plans.data.nextCursor) && (
            <Stack gap={1}>
              <Button
                variant="secondary"
                size="sm"
                disabled={cursors.length === 0}
                onClick={() => {
                  setParams(withFilter(params, { cursor: cursors[cursors.length - 1] || undefined }));
                  setCursors(cursors.slice(0, -1));
                }}
              >
                {t('patches.previous', 'Previous')}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={!plans.data.nextCursor}
                onClick={() => {
                  setCursors([...cursors, cursor ?? '']);
                  setParams(withFilter(params, { cursor: plans.data!.nextCursor ?? undefined }));
                }}
              >
                {t('patches.next', 'Next')}
              </Button>
            </Stack>
          )}
        </div>
        {creating && (
          <NewPlanForm
            people={people.data?.people ?? []}
            onClose={() => setCreating(false)}
            onSaved={(plan) => {
              setCreating(false);
              navigate(prefixRoute(`${ROUTES.Patches}/plans/${encodeURIComponent(plan.id)}`));
            }}
          />
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

export default Patches;

const getStyles = (theme: GrafanaTheme2) => ({
  head: css({
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    margin: theme.spacing(2, 0, 1),
    h3: { marginBottom: theme.spacing(1), marginRight: 'auto' },
  }),
  warn: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightBold }),
  critical: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightBold }),
});
