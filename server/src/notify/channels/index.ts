import type { ChannelConfig } from '../config';
import type { ChannelSender } from '../types';
import type { SenderOptions } from './common';
import { DingtalkSender } from './dingtalk';
import { EmailSender } from './email';
import { FeishuSender } from './feishu';
import { WebhookSender } from './webhook';
import { WecomSender } from './wecom';

export { DingtalkSender } from './dingtalk';
export { FeishuSender } from './feishu';
export { WebhookSender, WEBHOOK_BODY_VERSION, type WebhookBodyV1 } from './webhook';
export { WecomSender } from './wecom';
export type { SenderOptions } from './common';

/**
 * The sender for one configured channel. Its secrets are read here: a missing one throws an Error
 * naming the setting (`notify.channels[ops-wecom].webhook_url: environment variable X is not set`).
 * `fetch` replaces the HTTP client and `now` the clock signatures are made with (tests).
 */
export function createSender(
  channel: ChannelConfig,
  baseDir: string,
  opts: SenderOptions = {},
): ChannelSender {
  switch (channel.type) {
    case 'wecom':
      return new WecomSender(channel, baseDir, opts);
    case 'feishu':
      return new FeishuSender(channel, baseDir, opts);
    case 'dingtalk':
      return new DingtalkSender(channel, baseDir, opts);
    case 'webhook':
      return new WebhookSender(channel, baseDir, opts);
    case 'email':
      return new EmailSender(channel, baseDir, opts);
  }
}
