import React from 'react';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { Channel, PlatformError } from '../api/types';
import { formatSeconds, formatTime } from './format';
import { bytesLabel, channelStatusLabel, channelTypeLabel, rateLabel } from './notifyFormat';
import { getTableStyles } from './tableStyles';

export function PlatformErrorText({ error }: { error: PlatformError }) {
  const s = useStyles2(getTableStyles);
  return (
    <span className={s.error} title={formatTime(error.at)}>
      {error.code && <span className={s.code}>{error.code} </span>}
      {error.message}
    </span>
  );
}

/** Each configured channel: its platform's limits, whether the platform took its last message, its queue. */
export function ChannelTable({
  channels,
  now,
  canEdit,
  testing,
  onTest,
}: {
  channels: Channel[];
  now: number;
  canEdit: boolean;
  /** the channel whose test message is being queued */
  testing?: string;
  onTest: (c: Channel) => void;
}) {
  const s = useStyles2(getTableStyles);
  return (
    <table className={s.table} data-testid="notify-channels">
      <thead>
        <tr>
          <th>{t('notify.col.channel', 'Channel')}</th>
          <th>{t('notify.col.type', 'Type')}</th>
          <th>{t('notify.col.status', 'Status')}</th>
          <th>{t('notify.col.limits', 'Limits')}</th>
          <th>{t('notify.col.queued', 'Queued')}</th>
          <th>{t('notify.col.oldest', 'Oldest queued')}</th>
          <th>{t('notify.col.lastHour', 'Last hour: sent / failed')}</th>
          <th>{t('notify.col.lastError', 'Last platform error')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.name} data-channel={c.name}>
            <td>
              <strong>{c.name}</strong>
              <div className={s.muted}>{c.language}</div>
            </td>
            <td>{channelTypeLabel(c.type)}</td>
            <td>
              <Badge
                text={channelStatusLabel(c.status)}
                color={c.status === 'ok' ? 'green' : c.status === 'config_error' ? 'red' : 'blue'}
              />
            </td>
            <td>{[bytesLabel(c.limits.maxBytes), ...c.limits.rates.map(rateLabel)].join(' · ')}</td>
            <td>{c.queued}</td>
            <td>{c.oldestQueuedAt ? formatSeconds((now - Date.parse(c.oldestQueuedAt)) / 1000) : '—'}</td>
            <td>
              {c.sentLastHour} / <span className={c.failedLastHour > 0 ? s.error : undefined}>{c.failedLastHour}</span>
            </td>
            <td>{c.lastError ? <PlatformErrorText error={c.lastError} /> : '—'}</td>
            {canEdit && (
              <td>
                <Button
                  size="sm"
                  variant="secondary"
                  icon="message"
                  disabled={testing !== undefined}
                  aria-label={t('notify.testLabel', 'Send a test message to {{channel}}', { channel: c.name })}
                  onClick={() => onTest(c)}
                >
                  {t('notify.test', 'Send test')}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
