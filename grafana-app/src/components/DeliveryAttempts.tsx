import React from 'react';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { listDeliveries } from '../api/notify';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './format';
import { outcomeLabel } from './notifyFormat';
import { getTableStyles } from './tableStyles';
import { usePoll } from './usePoll';

/** Every attempt to hand one message (each of its parts) to the platform, with the platform's answer. */
export function DeliveryAttempts({ message }: { message: string }) {
  const s = useStyles2(getTableStyles);
  const attempts = usePoll(() => listDeliveries(message), [message], 0);
  if (attempts.error !== undefined) return <ErrorMessage error={attempts.error} onRetry={attempts.reload} />;
  if (!attempts.data) return <LoadingPlaceholder text={t('common.loading', 'Loading…')} />;
  if (attempts.data.deliveries.length === 0)
    return <p className={s.muted}>{t('notify.attempts.none', 'Not attempted yet.')}</p>;
  return (
    <table className={s.table} data-testid="notify-attempts">
      <thead>
        <tr>
          <th>{t('notify.attempts.at', 'At')}</th>
          <th>{t('notify.attempts.part', 'Part')}</th>
          <th>{t('notify.attempts.outcome', 'Outcome')}</th>
          <th>{t('notify.attempts.http', 'HTTP')}</th>
          <th>{t('notify.attempts.code', 'Platform code')}</th>
          <th>{t('notify.attempts.error', 'Error')}</th>
          <th>{t('notify.attempts.duration', 'Took')}</th>
        </tr>
      </thead>
      <tbody>
        {attempts.data.deliveries.map((d, i) => (
          <tr key={i}>
            <td>{formatTime(d.at)}</td>
            <td>
              {d.part}/{d.parts}
            </td>
            <td className={d.outcome === 'sent' ? undefined : s.error}>{outcomeLabel(d.outcome)}</td>
            <td>{d.httpStatus ?? '—'}</td>
            <td className={s.code}>{d.code ?? '—'}</td>
            <td>{d.error ?? ''}</td>
            <td>{d.durationMs} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
