import React, { useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, ErrorBoundaryAlert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { listChannels, listMessages, retryMessage, sendTestMessage } from '../api/notify';
import type { Channel, MessageFilter, NotifyMessage } from '../api/types';
import { ChannelTable } from '../components/ChannelTable';
import { DeliveryLog } from '../components/DeliveryLog';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatSeconds } from '../components/format';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';

const PAGE = 50;
/** a queue whose oldest message waited longer than this is stuck (the stuck-queue alert's threshold is the server's) */
const OLD_QUEUE_SECONDS = 10 * 60;

function queueSummary(channels: Channel[], now: number) {
  const queued = channels.reduce((n, c) => n + c.queued, 0);
  const oldest = channels
    .map((c) => (c.oldestQueuedAt ? Date.parse(c.oldestQueuedAt) : Infinity))
    .reduce((a, b) => Math.min(a, b), Infinity);
  return {
    queued,
    oldestSeconds: Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : null,
    sent: channels.reduce((n, c) => n + c.sentLastHour, 0),
    failed: channels.reduce((n, c) => n + c.failedLastHour, 0),
    misconfigured: channels.filter((c) => c.status === 'config_error').length,
  };
}

function Notifications() {
  const s = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const [filter, setFilter] = useState<MessageFilter>({ limit: PAGE });
  const [cursors, setCursors] = useState<string[]>([]);
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const [queuedTest, setQueuedTest] = useState<NotifyMessage>();
  const channels = usePoll(listChannels, [], 10_000, !busy);
  const key = JSON.stringify(filter);
  const messages = usePoll(() => listMessages(filter), [key], 10_000, !busy);
  // ages are as of the channel list's answer, so the tiles and the table agree
  // a new answer is what moves the clock
  const now = useMemo(() => Date.now(), [channels.data]);
  const list = channels.data?.channels ?? [];
  const summary = queueSummary(list, now);

  const act = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    setActionError(undefined);
    try {
      await fn();
      await Promise.all([channels.reload(), messages.reload()]);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        {channels.error !== undefined && <ErrorMessage error={channels.error} onRetry={channels.reload} />}
        {!channels.data && channels.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
        {channels.data && (
          <div data-testid="notifications-page">
            <div className={s.tiles} data-testid="notify-queue">
              <div className={s.tile}>
                <div className={s.value}>{summary.queued}</div>
                <div className={s.label}>{t('notify.queue.depth', 'queued messages')}</div>
              </div>
              <div
                className={cx(
                  s.tile,
                  summary.oldestSeconds !== null && summary.oldestSeconds > OLD_QUEUE_SECONDS && s.warning
                )}
              >
                <div className={s.value}>
                  {summary.oldestSeconds === null ? '—' : formatSeconds(summary.oldestSeconds)}
                </div>
                <div className={s.label}>{t('notify.queue.oldest', 'oldest queued message waiting')}</div>
              </div>
              <div className={s.tile}>
                <div className={s.value}>{summary.sent}</div>
                <div className={s.label}>{t('notify.queue.sent', 'sent in the last hour')}</div>
              </div>
              <div className={cx(s.tile, summary.failed > 0 && s.critical)}>
                <div className={s.value}>{summary.failed}</div>
                <div className={s.label}>{t('notify.queue.failed', 'failed in the last hour')}</div>
              </div>
            </div>
            {summary.misconfigured > 0 && (
              <Alert
                severity="error"
                title={t('notify.configError.title', 'A platform refuses a channel configuration')}
              >
                {t(
                  'notify.configError.hint',
                  'The platform answered that the robot address or signing secret is wrong, or the robot was removed. Fix the channel in the server configuration (webhook_url, secret), reload the server, then send a test message.'
                )}
              </Alert>
            )}

            <h3>{t('notify.channels', 'Channels')}</h3>
            {list.length === 0 ? (
              <Alert severity="info" title={t('notify.noChannels.title', 'No channel is configured')}>
                {t(
                  'notify.noChannels.hint',
                  'Channels (WeCom, Feishu, DingTalk, email, webhook) are set in the server configuration under notify.channels.'
                )}
              </Alert>
            ) : (
              <ChannelTable
                channels={list}
                now={now}
                canEdit={canEdit}
                testing={busy?.startsWith('test:') ? busy.slice(5) : undefined}
                onTest={(c) =>
                  act(`test:${c.name}`, async () => {
                    setQueuedTest(undefined);
                    setQueuedTest(await sendTestMessage(c.name));
                  })
                }
              />
            )}
            {queuedTest && (
              <Alert
                severity="success"
                title={t('notify.testQueued', 'Test message queued on {{channel}}', { channel: queuedTest.channel })}
                onRemove={() => setQueuedTest(undefined)}
              >
                {t(
                  'notify.testQueuedHint',
                  'It goes through the same queue and rate limit as any other message; its status shows in the delivery log below.'
                )}
              </Alert>
            )}
            {actionError !== undefined && <ErrorMessage error={actionError} subject="record" />}

            <h3>{t('notify.log', 'Delivery log')}</h3>
            {messages.error !== undefined && <ErrorMessage error={messages.error} onRetry={messages.reload} />}
            {messages.data && (
              <DeliveryLog
                page={messages.data}
                channels={list.map((c) => c.name)}
                filter={filter}
                onFilter={(f) => {
                  setCursors([]);
                  setFilter(f);
                }}
                hasPrevious={cursors.length > 0}
                onPrevious={() => {
                  setFilter({ ...filter, cursor: cursors[cursors.length - 1] || undefined });
                  setCursors(cursors.slice(0, -1));
                }}
                onNext={() => {
                  setCursors([...cursors, filter.cursor ?? '']);
                  setFilter({ ...filter, cursor: messages.data!.nextCursor ?? undefined });
                }}
                canEdit={canEdit}
                busy={busy !== undefined}
                onRetry={(m) => act(`retry:${m.id}`, () => retryMessage(m.id))}
              />
            )}
          </div>
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

export default Notifications;

const getStyles = (theme: GrafanaTheme2) => ({
  tiles: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
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
});
