import React, { Fragment, useState } from 'react';
import { Badge, Button, Field, Select, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { MESSAGE_STATUSES, type MessageFilter, type MessagePage, type NotifyMessage } from '../api/types';
import { PlatformErrorText } from './ChannelTable';
import { DeliveryAttempts } from './DeliveryAttempts';
import { formatTime } from './format';
import { messageStatusLabel } from './notifyFormat';
import { getTableStyles } from './tableStyles';

const STATUS_COLOR = { queued: 'blue', sending: 'purple', sent: 'green', failed: 'red' } as const;

/** The messages, newest first, filtered by channel and status; a row opens its delivery attempts. */
export function DeliveryLog({
  page,
  channels,
  filter,
  onFilter,
  hasPrevious,
  onPrevious,
  onNext,
  canEdit,
  busy,
  onRetry,
}: {
  page: MessagePage;
  channels: string[];
  filter: MessageFilter;
  onFilter: (f: MessageFilter) => void;
  hasPrevious: boolean;
  onPrevious: () => void;
  onNext: () => void;
  canEdit: boolean;
  busy: boolean;
  onRetry: (m: NotifyMessage) => void;
}) {
  const s = useStyles2(getTableStyles);
  const [open, setOpen] = useState<string>();
  const all = { value: '', label: t('notify.filter.all', 'all') };
  return (
    <div>
      <Stack gap={1}>
        <Field label={t('notify.col.channel', 'Channel')}>
          <Select
            aria-label={t('notify.col.channel', 'Channel')}
            width={24}
            options={[all, ...channels.map((c) => ({ value: c, label: c }))]}
            value={filter.channel ?? ''}
            onChange={(v) => onFilter({ ...filter, channel: v.value || undefined, cursor: undefined })}
          />
        </Field>
        <Field label={t('notify.col.status', 'Status')}>
          <Select
            aria-label={t('notify.col.status', 'Status')}
            width={20}
            options={[all, ...MESSAGE_STATUSES.map((v) => ({ value: v, label: messageStatusLabel(v) }))]}
            value={filter.status ?? ''}
            onChange={(v) =>
              onFilter({ ...filter, status: (v.value || undefined) as MessageFilter['status'], cursor: undefined })
            }
          />
        </Field>
      </Stack>
      <table className={s.table} data-testid="notify-messages">
        <thead>
          <tr>
            <th>{t('notify.col.created', 'Queued at')}</th>
            <th>{t('notify.col.channel', 'Channel')}</th>
            <th>{t('notify.col.message', 'Message')}</th>
            <th>{t('notify.col.status', 'Status')}</th>
            <th>{t('notify.col.attempts', 'Attempts')}</th>
            <th>{t('notify.col.parts', 'Parts sent')}</th>
            <th>{t('notify.col.error', 'Platform error')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {page.messages.map((m) => (
            <Fragment key={m.id}>
              <tr data-message={m.id}>
                <td>{formatTime(m.createdAt)}</td>
                <td>{m.channel}</td>
                <td>
                  {m.title}
                  <div className={s.muted}>
                    {m.kind} · {m.phase}
                  </div>
                </td>
                <td>
                  <Badge text={messageStatusLabel(m.status)} color={STATUS_COLOR[m.status]} />
                  {m.status === 'sent' && m.sentAt && <div className={s.muted}>{formatTime(m.sentAt)}</div>}
                  {m.nextAttemptAt && m.status === 'queued' && (
                    <div className={s.muted}>
                      {t('notify.nextAttempt', 'next attempt {{at}}', { at: formatTime(m.nextAttemptAt) })}
                    </div>
                  )}
                </td>
                <td>{m.attempts}</td>
                <td>
                  {m.partsSent}/{m.parts}
                </td>
                <td>{m.lastError ? <PlatformErrorText error={m.lastError} /> : '—'}</td>
                <td>
                  <Stack gap={0.5}>
                    <Button
                      size="sm"
                      variant="secondary"
                      fill="text"
                      icon={open === m.id ? 'angle-up' : 'angle-down'}
                      onClick={() => setOpen(open === m.id ? undefined : m.id)}
                    >
                      {t('notify.attempts.show', 'Attempts')}
                    </Button>
                    {canEdit && m.status === 'failed' && (
                      <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRetry(m)}>
                        {t('notify.retry', 'Send again')}
                      </Button>
                    )}
                  </Stack>
                </td>
              </tr>
              {open === m.id && (
                <tr>
                  <td colSpan={8}>
                    <DeliveryAttempts message={m.id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {page.messages.length === 0 && <p className={s.muted}>{t('notify.empty', 'No messages match this filter.')}</p>}
      <Stack gap={1}>
        <Button variant="secondary" icon="arrow-left" disabled={!hasPrevious} onClick={onPrevious}>
          {t('incidents.page.previous', 'Previous')}
        </Button>
        <Button variant="secondary" icon="arrow-right" disabled={!page.nextCursor} onClick={onNext}>
          {t('incidents.page.next', 'Next')}
        </Button>
      </Stack>
    </div>
  );
}
