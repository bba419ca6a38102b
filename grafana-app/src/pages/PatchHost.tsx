import React, { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Badge, LinkButton, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { getPatchHost } from '../api/patches';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatSeconds, formatTime } from '../components/format';
import { oldestSecurityAgeSeconds } from '../components/patchFormat';
import { getTableStyles } from '../components/tableStyles';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { appHref } from '../utils/routing';

/** One host: its pending packages with advisories and CVEs, and what was pending before (history). */
function PatchHost() {
  const { host = '' } = useParams<{ host: string }>();
  const s = useStyles2(getTableStyles);
  const detail = usePoll(() => getPatchHost(host), [host], 60_000);
  const now = useMemo(() => Date.now(), [detail.data]);
  const d = detail.data;
  const age = d ? oldestSecurityAgeSeconds(d.host, now) : null;
  return (
    <PluginPage pageNav={{ text: host }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={appHref(ROUTES.Patches)}>
        {t('patches.back', 'Patches')}
      </LinkButton>
      {detail.error !== undefined && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {!d && detail.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {d && (
        <div data-testid="patch-host-page">
          <h2>{d.host.host}</h2>
          <table className={s.table}>
            <tbody>
              <tr>
                <th>{t('patches.host.hostname', 'Hostname')}</th>
                <td>{d.host.hostname ?? '—'}</td>
                <th>{t('patches.col.manager', 'Package manager')}</th>
                <td>{d.host.manager ?? '—'}</td>
              </tr>
              <tr>
                <th>{t('patches.col.pending', 'Pending')}</th>
                <td>{d.host.pending}</td>
                <th>{t('patches.col.security', 'Security')}</th>
                <td>{d.host.security}</td>
              </tr>
              <tr>
                <th>{t('patches.col.reboot', 'Reboot required')}</th>
                <td>
                  {d.host.rebootRequired === null
                    ? '—'
                    : d.host.rebootRequired
                      ? t('patches.rebootYes', 'reboot required')
                      : t('patches.rebootNo', 'no')}
                </td>
                <th>{t('patches.col.oldestSecurity', 'Oldest security update')}</th>
                <td>{age === null ? '—' : formatSeconds(age)}</td>
              </tr>
              <tr>
                <th>{t('patches.col.collected', 'Last collected')}</th>
                <td>
                  {formatTime(d.host.collectedAt)}{' '}
                  {d.host.stale && <Badge text={t('patches.stale', 'stale')} color="red" />}
                </td>
                <th>{t('patches.host.checked', 'Checked by the exporter')}</th>
                <td>{formatTime(d.host.checkedAt)}</td>
              </tr>
              {d.host.status !== 'ok' && (
                <tr>
                  <th>{t('patches.host.status', 'Status')}</th>
                  <td colSpan={3} className={s.error}>
                    {d.host.status}
                    {d.host.error ? `: ${d.host.error}` : ''}
                  </td>
                </tr>
              )}
            </tbody>
          </table>

          <h3>{t('patches.host.packages', 'Pending packages')}</h3>
          {d.packages.length === 0 ? (
            <p className={s.muted}>{t('patches.host.noPackages', 'Nothing pending.')}</p>
          ) : (
            <table className={s.table} data-testid="patch-packages">
              <thead>
                <tr>
                  <th>{t('patches.pkg.name', 'Package')}</th>
                  <th>{t('patches.pkg.installed', 'Installed')}</th>
                  <th>{t('patches.pkg.candidate', 'Candidate')}</th>
                  <th>{t('patches.pkg.origin', 'Origin / repository')}</th>
                  <th>{t('patches.pkg.advisories', 'Advisories')}</th>
                  <th>{t('patches.pkg.cves', 'CVEs')}</th>
                  <th>{t('patches.pkg.firstSeen', 'Pending since')}</th>
                </tr>
              </thead>
              <tbody>
                {d.packages.map((p) => (
                  <tr key={`${p.name}:${p.arch}`}>
                    <td className={s.code}>
                      {p.name}
                      {p.arch ? `:${p.arch}` : ''}{' '}
                      {p.security && <Badge text={t('patches.pkg.security', 'security')} color="red" />}
                    </td>
                    <td className={s.code}>
                      {p.installedVersion ?? t('patches.pkg.new', 'not installed (new package)')}
                    </td>
                    <td className={s.code}>{p.candidateVersion}</td>
                    <td>{[p.origin, p.repository].filter(Boolean).join(' / ') || '—'}</td>
                    <td className={s.code}>{p.advisories.join(', ') || '—'}</td>
                    <td className={s.code}>{p.cves.join(', ') || '—'}</td>
                    <td>{formatTime(p.firstSeenAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('patches.host.history', 'History')}</h3>
          {d.history.length === 0 ? (
            <p className={s.muted}>{t('patches.host.noHistory', 'No history yet.')}</p>
          ) : (
            <table className={s.table} data-testid="patch-history">
              <thead>
                <tr>
                  <th>{t('patches.pkg.name', 'Package')}</th>
                  <th>{t('patches.pkg.candidate', 'Candidate')}</th>
                  <th>{t('patches.pkg.firstSeen', 'Pending since')}</th>
                  <th>{t('patches.pkg.resolved', 'Resolved')}</th>
                </tr>
              </thead>
              <tbody>
                {d.history.map((h, i) => (
                  <tr key={`${h.name}-${h.candidateVersion}-${i}`}>
                    <td className={s.code}>{h.name}</td>
                    <td className={s.code}>{h.candidateVersion}</td>
                    <td>{formatTime(h.firstSeenAt)}</td>
                    <td>{h.resolvedAt ? formatTime(h.resolvedAt) : t('patches.pkg.stillPending', 'still pending')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </PluginPage>
  );
}

export default PatchHost;
