import React, { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Badge, Button, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { getFinding, listImports } from '../api/vulnerabilities';
import { listPlans } from '../api/patches';
import { listPeople } from '../api/oncall';
import type { FindingAction, FindingDetail } from '../api/patchTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { FindingActionForm } from '../components/FindingForms';
import { formatTime } from '../components/format';
import {
  findingActionLabel,
  findingStateLabel,
  orderFindingActions,
  severityColor,
  severityLabel,
} from '../components/patchFormat';
import { RecordTimeline } from '../components/RecordTimeline';
import { useCanEdit } from '../components/settings';
import { getTableStyles } from '../components/tableStyles';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { appHref, prefixRoute } from '../utils/routing';

function Facts({ f }: { f: FindingDetail }) {
  const s = useStyles2(getTableStyles);
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <tr data-testid={testId}>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <table className={s.table} data-testid="finding-facts">
      <tbody>
        {row(t('vulns.col.asset', 'Asset'), f.asset)}
        {row(
          t('vulns.col.package', 'Package'),
          <span className={s.code}>
            {f.packageType ? `${f.packageType}/` : ''}
            {f.packageName} {f.installedVersion}
            {f.fixedVersion ? ` → ${f.fixedVersion}` : ` (${t('vulns.noFix', 'no fixed version known')})`}
          </span>
        )}
        {f.aliases.length > 0 &&
          row(t('vulns.aliases', 'Also known as'), <span className={s.code}>{f.aliases.join(', ')}</span>)}
        {row(
          t('vulns.col.due', 'Due'),
          <span className={f.overdue ? s.error : undefined}>
            {formatTime(f.dueAt)}
            {f.overdue && ` · ${t('vulns.overdue', 'overdue')}`}
          </span>
        )}
        {row(t('vulns.source', 'Source'), f.source)}
        {row(t('vulns.seen', 'First / last seen'), `${formatTime(f.firstSeenAt)} / ${formatTime(f.lastSeenAt)}`)}
        {f.description &&
          row(t('vulns.description', 'Description'), <span style={{ whiteSpace: 'pre-wrap' }}>{f.description}</span>)}
      </tbody>
    </table>
  );
}

function Remediation({ f }: { f: FindingDetail }) {
  const s = useStyles2(getTableStyles);
  const row = (label: string, value: React.ReactNode, testId: string) => (
    <tr data-testid={testId}>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <table className={s.table} data-testid="finding-remediation">
      <tbody>
        {row(
          t('vulns.analysis', 'Analysis'),
          f.analysis ? (
            <>
              <div>{f.analysis.impact}</div>
              {(f.analysis.affectedServices ?? []).length > 0 && (
                <div>
                  {t('vulns.field.services', 'Affected services')}: {(f.analysis.affectedServices ?? []).join(', ')}
                </div>
              )}
              {f.analysis.plan && <div>{f.analysis.plan}</div>}
            </>
          ) : (
            <span className={s.muted}>{t('vulns.notAnalysed', 'not analysed yet')}</span>
          ),
          'finding-analysis'
        )}
        {row(
          t('vulns.fix', 'Fix'),
          f.patchPlanId ? (
            <Link to={prefixRoute(`${ROUTES.Patches}/plans/${encodeURIComponent(f.patchPlanId)}`)}>
              {t('vulns.planLink', 'patch plan {{id}}', { id: f.patchPlanId })}
            </Link>
          ) : f.changeRef ? (
            t('vulns.changeLink', 'change {{ref}}', { ref: f.changeRef })
          ) : (
            <span className={s.muted}>—</span>
          ),
          'finding-fix'
        )}
        {row(
          t('vulns.verification', 'Verification'),
          f.verification ? (
            `${f.verification.method === 'rescan' ? t('vulns.field.rescan', 'a clean re-scan') : t('vulns.field.manual', 'a manual check')}` +
              (f.verification.importId ? ` · ${f.verification.importId}` : '') +
              (f.verification.note ? ` · ${f.verification.note}` : '') +
              (f.verification.evidence ? ` · ${f.verification.evidence}` : '') +
              (f.verification.at ? ` · ${formatTime(f.verification.at)}` : '')
          ) : (
            <span className={s.muted}>—</span>
          ),
          'finding-verification'
        )}
        {f.riskAcceptance &&
          row(
            t('vulns.riskAcceptance', 'Risk acceptance'),
            t('vulns.riskAcceptanceText', '{{reason}} — approved by {{approver}}, until {{until}}', {
              reason: f.riskAcceptance.reason,
              approver: f.riskAcceptance.approver,
              until: formatTime(f.riskAcceptance.expiresAt),
            }),
            'finding-risk'
          )}
      </tbody>
    </table>
  );
}

function FindingPage() {
  const { id = '' } = useParams<{ id: string }>();
  const canEdit = useCanEdit();
  const [action, setAction] = useState<FindingAction>();
  const finding = usePoll(() => getFinding(id), [id], 30_000, action === undefined);
  const people = usePoll(listPeople, [], 300_000, canEdit);
  const plans = usePoll(() => listPlans({}), [], 300_000, canEdit);
  const assetOf = finding.data?.asset;
  const imports = usePoll(
    () => (assetOf ? listImports(assetOf) : Promise.resolve(undefined)),
    [assetOf],
    300_000,
    canEdit
  );
  const f = finding.data;
  return (
    <PluginPage pageNav={{ text: f ? `${f.vulnerabilityId} · ${f.asset}` : id }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={appHref(ROUTES.Vulnerabilities)}>
        {t('vulns.back', 'Vulnerabilities')}
      </LinkButton>
      {finding.error !== undefined && <ErrorMessage error={finding.error} onRetry={finding.reload} />}
      {!f && finding.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {f && (
        <div data-testid="finding-page">
          <h2>
            {f.vulnerabilityId}
            {f.title ? ` · ${f.title}` : ''}
          </h2>
          <Stack gap={1} alignItems="center">
            <Badge text={severityLabel(f.severity)} color={severityColor(f.severity)} />
            <span data-testid="finding-state">
              <Badge text={findingStateLabel(f.state)} color={f.state === 'open' ? 'orange' : 'blue'} />
            </span>
            {f.knownExploited && <Badge text={t('vulns.kev', 'known exploited')} color="red" />}
          </Stack>
          <Facts f={f} />
          <h3>{t('vulns.remediation', 'Remediation')}</h3>
          <Remediation f={f} />
          {canEdit && orderFindingActions(f.allowedActions).length > 0 && (
            <Stack gap={1} wrap="wrap">
              {orderFindingActions(f.allowedActions).map((a, i) => (
                <Button key={a} variant={i === 0 ? 'primary' : 'secondary'} onClick={() => setAction(a)}>
                  {findingActionLabel(a)}
                </Button>
              ))}
            </Stack>
          )}
          <section>
            <h3>{t('patches.timeline', 'Timeline')}</h3>
            <RecordTimeline entries={f.timeline} />
          </section>
          {action && (
            <FindingActionForm
              finding={f}
              action={action}
              people={people.data?.people ?? []}
              plans={plans.data?.plans ?? []}
              imports={imports.data?.imports ?? []}
              onClose={() => setAction(undefined)}
              onSaved={() => {
                setAction(undefined);
                void finding.reload();
              }}
            />
          )}
        </div>
      )}
    </PluginPage>
  );
}

export default FindingPage;
