import React, { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Badge, Button, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { getPlan } from '../api/patches';
import { listPeople } from '../api/oncall';
import type { PatchPlanDetail, PlanAction } from '../api/patchTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatTime } from '../components/format';
import { GateChecklist } from '../components/GateChecklist';
import {
  backupText,
  orderPlanActions,
  planActionLabel,
  planStateColor,
  planStateLabel,
} from '../components/patchFormat';
import { PlanActionForm } from '../components/PlanForms';
import { RecordTimeline } from '../components/RecordTimeline';
import { useCanEdit } from '../components/settings';
import { getTableStyles } from '../components/tableStyles';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { appHref, prefixRoute } from '../utils/routing';

function Facts({ plan }: { plan: PatchPlanDetail }) {
  const s = useStyles2(getTableStyles);
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <tr data-testid={testId}>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <table className={s.table} data-testid="plan-facts">
      <tbody>
        {row(
          t('patches.plan.hosts', 'Hosts'),
          <>
            {plan.hostGroup ? `${plan.hostGroup}: ` : ''}
            {plan.hosts.map((h, i) => (
              <React.Fragment key={h}>
                {i > 0 && ', '}
                <Link to={prefixRoute(`${ROUTES.Patches}/hosts/${encodeURIComponent(h)}`)}>{h}</Link>
              </React.Fragment>
            ))}
          </>
        )}
        {row(t('patches.plan.packages', 'Packages'), <span className={s.code}>{plan.packages.join(', ') || '—'}</span>)}
        {row(
          t('patches.plan.advisories', 'Advisories'),
          <span className={s.code}>{plan.advisories.join(', ') || '—'}</span>
        )}
        {plan.emergency &&
          row(
            t('patches.plan.emergency', 'Emergency'),
            `${plan.emergency.reason} (${t('patches.form.approver', 'Approver')}: ${plan.emergency.approver})`
          )}
        {(plan.postInstallChecks ?? []).length > 0 &&
          row(
            t('patches.plan.checks', 'Post-install checks (PromQL)'),
            (plan.postInstallChecks ?? []).map((c) => (
              <div key={c.name} className={s.code}>
                {c.name}: {c.expr} (
                {c.expect === 'empty'
                  ? t('patches.plan.expectEmpty', 'empty')
                  : t('patches.plan.expectNonEmpty', 'not empty')}
                )
              </div>
            ))
          )}
        {plan.test &&
          row(
            t('patches.fact.test', 'Test'),
            `${plan.test.result} · ${plan.test.testHosts.join(', ')} · ${plan.test.evidence} · ${plan.test.by}`,
            'plan-test'
          )}
        {plan.approval &&
          row(
            t('patches.form.approver', 'Approver'),
            `${plan.approval.approver} · ${formatTime(plan.approval.at)}${plan.approval.note ? ` · ${plan.approval.note}` : ''}`,
            'plan-approval'
          )}
        {plan.window &&
          row(
            t('patches.col.window', 'Window'),
            `${formatTime(plan.window.start)} – ${formatTime(plan.window.end)}${plan.window.maintenanceWindow ? ` (${plan.window.maintenanceWindow})` : ''}`
          )}
        {plan.backup &&
          row(t('patches.form.backupEvidence', 'Backup evidence'), backupText(plan.backup), 'plan-backup')}
        {plan.install &&
          row(
            t('patches.fact.install', 'Installed'),
            `${formatTime(plan.install.at)} · ${plan.install.by}${plan.install.notes ? ` · ${plan.install.notes}` : ''}`
          )}
        {plan.outcome &&
          row(t('patches.fact.outcome', 'Reason'), `${plan.outcome.reason} · ${plan.outcome.by}`, 'plan-outcome')}
        {plan.rollback &&
          row(
            t('patches.fact.rollback', 'Rollback'),
            `${plan.rollback.what} — ${plan.rollback.why} · ${plan.rollback.by}`
          )}
        {row(t('patches.fact.created', 'Created'), `${formatTime(plan.createdAt)} · ${plan.createdBy}`)}
      </tbody>
    </table>
  );
}

function Verification({ plan }: { plan: PatchPlanDetail }) {
  const s = useStyles2(getTableStyles);
  const v = plan.verification;
  if (!v) return null;
  return (
    <section data-testid="plan-verification">
      <h3>
        {t('patches.fact.verification', 'Verification')} · {formatTime(v.at)} · {v.by}{' '}
        <Badge
          text={v.passed ? t('patches.verify.passed', 'passed') : t('patches.verify.refused', 'refused')}
          color={v.passed ? 'green' : 'red'}
        />
      </h3>
      {v.reboot && <p>{t('patches.verify.reboot', 'Rebooted at {{at}}', { at: formatTime(v.reboot.at) })}</p>}
      <table className={s.table}>
        <thead>
          <tr>
            <th>{t('patches.col.host', 'Host')}</th>
            <th>{t('patches.col.collected', 'Last collected')}</th>
            <th>{t('patches.fact.stillPending', 'Still pending')}</th>
            <th>{t('patches.col.reboot', 'Reboot required')}</th>
            <th>{t('patches.verify.problems', 'Problems')}</th>
          </tr>
        </thead>
        <tbody>
          {v.results.map((r) => (
            <tr key={r.host}>
              <td>{r.host}</td>
              <td>{formatTime(r.collectedAt)}</td>
              <td className={s.code}>
                {r.stillPending.map((p) => `${p.name} ${p.candidateVersion}`).join(', ') || '—'}
              </td>
              <td>
                {r.rebootRequired === null
                  ? '—'
                  : r.rebootRequired
                    ? t('patches.rebootYes', 'reboot required')
                    : t('patches.rebootNo', 'no')}
              </td>
              <td className={r.problems.length ? s.error : undefined}>{r.problems.join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.checks.length > 0 && (
        <table className={s.table}>
          <thead>
            <tr>
              <th>{t('patches.plan.checkName', 'Check name')}</th>
              <th>{t('patches.plan.checkExpr', 'Expression')}</th>
              <th>{t('patches.verify.result', 'Result')}</th>
            </tr>
          </thead>
          <tbody>
            {v.checks.map((c) => (
              <tr key={c.name}>
                <td>
                  <Badge text={c.name} color={c.passed ? 'green' : 'red'} />
                </td>
                <td className={s.code}>{c.expr}</td>
                <td>
                  {c.error ??
                    t('patches.verify.series', '{{n}} series (first value {{value}})', {
                      n: c.series ?? 0,
                      value: c.value ?? '—',
                    })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PatchPlanPage() {
  const { id = '' } = useParams<{ id: string }>();
  const canEdit = useCanEdit();
  const [action, setAction] = useState<PlanAction>();
  const plan = usePoll(() => getPlan(id), [id], 30_000, action === undefined);
  const people = usePoll(listPeople, [], 300_000, canEdit);
  const p = plan.data;
  return (
    <PluginPage pageNav={{ text: p ? `${p.number} · ${p.title}` : id }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={appHref(ROUTES.Patches)}>
        {t('patches.back', 'Patches')}
      </LinkButton>
      {plan.error !== undefined && <ErrorMessage error={plan.error} onRetry={plan.reload} />}
      {!p && plan.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {p && (
        <div data-testid="patch-plan-page">
          <h2>
            {p.number} · {p.title}
          </h2>
          <Stack gap={1} alignItems="center">
            <span data-testid="plan-state">
              <Badge text={planStateLabel(p.state)} color={planStateColor(p.state)} />
            </span>
            {p.emergency && <Badge text={t('patches.emergency', 'emergency')} color="red" />}
          </Stack>
          <h3>{t('patches.gates', 'Gates')}</h3>
          <GateChecklist plan={p} />
          {canEdit && orderPlanActions(p.allowedActions).length > 0 && (
            <Stack gap={1} wrap="wrap">
              {orderPlanActions(p.allowedActions).map((a, i) => (
                <Button
                  key={a}
                  variant={
                    i === 0
                      ? 'primary'
                      : a === 'decline' || a === 'fail' || a === 'rollback'
                        ? 'destructive'
                        : 'secondary'
                  }
                  fill={i === 0 ? 'solid' : 'outline'}
                  onClick={() => setAction(a)}
                >
                  {planActionLabel(a)}
                </Button>
              ))}
            </Stack>
          )}
          <Facts plan={p} />
          <Verification plan={p} />
          <section>
            <h3>{t('patches.timeline', 'Timeline')}</h3>
            <RecordTimeline entries={p.timeline} />
          </section>
          {action && (
            <PlanActionForm
              plan={p}
              action={action}
              people={people.data?.people ?? []}
              onClose={() => setAction(undefined)}
              onSaved={() => {
                setAction(undefined);
                void plan.reload();
              }}
            />
          )}
        </div>
      )}
    </PluginPage>
  );
}

export default PatchPlanPage;
