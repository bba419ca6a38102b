import { request } from './client';
import type { Channel, Delivery, MessageFilter, MessagePage, NotifyMessage } from './types';

export const listChannels = () => request<{ channels: Channel[] }>('GET', 'api/v1/notify/channels');

/** Queues a test message on the channel (202): it goes through the same queue, limiter and sender as any other. */
export const sendTestMessage = (channel: string) =>
  request<NotifyMessage>('POST', `api/v1/notify/channels/${encodeURIComponent(channel)}/test`, { data: {} });

export const listMessages = (f: MessageFilter) =>
  request<MessagePage>('GET', 'api/v1/notify/messages', {
    params: {
      channel: f.channel,
      status: f.status,
      limit: f.limit ? String(f.limit) : undefined,
      cursor: f.cursor,
    },
  });

export const listDeliveries = (id: string) =>
  request<{ deliveries: Delivery[] }>('GET', `api/v1/notify/messages/${encodeURIComponent(id)}/deliveries`);

export const retryMessage = (id: string) =>
  request<NotifyMessage>('POST', `api/v1/notify/messages/${encodeURIComponent(id)}/retry`, { data: {} });
