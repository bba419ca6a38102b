import { t } from '../i18n';
import type { ChannelStatus, DeliveryOutcome, MessageStatus } from '../api/types';

export function channelTypeLabel(type: string): string {
  switch (type) {
    case 'wecom':
      return t('notify.type.wecom', 'WeCom robot');
    case 'feishu':
      return t('notify.type.feishu', 'Feishu bot');
    case 'dingtalk':
      return t('notify.type.dingtalk', 'DingTalk robot');
    case 'email':
      return t('notify.type.email', 'Email');
    case 'webhook':
      return t('notify.type.webhook', 'Webhook');
    default:
      return type;
  }
}

export function channelStatusLabel(status: ChannelStatus): string {
  switch (status) {
    case 'ok':
      return t('notify.status.ok', 'OK');
    case 'config_error':
      return t('notify.status.configError', 'Configuration error');
    default:
      return t('notify.status.unknown', 'Not used yet');
  }
}

export function messageStatusLabel(status: MessageStatus): string {
  switch (status) {
    case 'queued':
      return t('notify.message.queued', 'Queued');
    case 'sending':
      return t('notify.message.sending', 'Sending');
    case 'sent':
      return t('notify.message.sent', 'Sent');
    case 'failed':
      return t('notify.message.failed', 'Failed');
  }
}

export function outcomeLabel(outcome: DeliveryOutcome): string {
  switch (outcome) {
    case 'sent':
      return t('notify.outcome.sent', 'sent');
    case 'throttled':
      return t('notify.outcome.throttled', 'throttled by the platform');
    case 'config':
      return t('notify.outcome.config', 'configuration error');
    case 'transient':
      return t('notify.outcome.transient', 'temporary failure, retried');
    case 'rejected':
      return t('notify.outcome.rejected', 'rejected by the platform');
  }
}

/** 20 / min, 5 / s, 100 / 1 h */
export function rateLabel(r: { count: number; windowSeconds: number }): string {
  if (r.windowSeconds === 1) return t('notify.rate.perSecond', '{{count}} / s', { count: r.count });
  if (r.windowSeconds === 60) return t('notify.rate.perMinute', '{{count}} / min', { count: r.count });
  if (r.windowSeconds === 3600) return t('notify.rate.perHour', '{{count}} / h', { count: r.count });
  return t('notify.rate.perWindow', '{{count}} / {{seconds}} s', { count: r.count, seconds: r.windowSeconds });
}

export function bytesLabel(n: number): string {
  return n >= 1024 && n % 1024 === 0 ? `${n / 1024} KiB` : `${n} B`;
}
