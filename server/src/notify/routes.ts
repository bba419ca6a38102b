import { boundPayload, storedGroupKey } from '../alertmanager/limits';
import { webhookPayloadSchema, type WebhookPayload } from '../alertmanager/schema';
import { mapSeverity } from '../alertmanager/service';
import type { AppContext } from '../context';
import { ApiError, conflict, notFound } from '../http/errors';
import { own } from '../http/input';
import { defineRoute } from '../http/routes';
import {
  bridgeParams,
  bridgeResultSchema,
  channelListSchema,
  channelParams,
  deliveriesSchema,
  messagePageSchema,
  messageParams,
  messageSchema,
  messagesQuery,
} from './schema';
import { enqueue } from './outbox';
import { channelLimits, notifierOf } from './service';
import { notifyStore, type MessageRow } from './store';
import type { NotifyEvent } from './types';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

const errorOf = (r: {
  last_error_at: number | null;
  last_error_kind: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
}) =>
  r.last_error_at === null
    ? null
    : {
        at: iso(r.last_error_at) as string,
        kind: r.last_error_kind ?? '',
        code: r.last_error_code,
        message: r.last_error_message ?? '',
      };

export function toMessage(r: MessageRow) {
  return {
    id: String(r.id),
    channel: r.channel,
    kind: r.kind,
    key: r.agg_key,
    phase: r.phase,
    status: r.status,
    title: r.title,
    attempts: Number(r.attempts),
    parts: Number(r.parts),
    partsSent: Number(r.parts_sent),
    createdAt: iso(r.created_at) as string,
    nextAttemptAt: r.status === 'queued' ? iso(r.next_attempt_at) : null,
    sentAt: iso(r.sent_at),
    lastError: errorOf(r),
  };
}

function requireChannel(ctx: AppContext, name: string) {
  const channel = ctx.config.notify.channels.find((c) => c.name === name);
  if (!channel) {
    const names = ctx.config.notify.channels.map((c) => c.name);
    throw notFound(
      `channel ${name} (configured: ${names.length ? names.join(', ') : 'none'}; add it under notify.channels)`,
    );
  }
  return channel;
}

async function requireMessage(ctx: AppContext, id: string) {
  const row = await notifyStore.message(ctx.db, Number(id));
  if (!row) throw notFound(`message ${id}`);
  return row;
}

/**
 * Alerts a bridged event keeps (templates show at most this many; the rest are counted in
 * truncatedAlerts, as Alertmanager's own max_alerts does), so a group of thousands stays a small row.
 */
export const BRIDGED_ALERTS = 200;

/** Alertmanager's group, one event per phase: firing and resolved alerts are never one message. */
export function bridgeEvents(ctx: AppContext, channel: string, received: WebhookPayload): NotifyEvent[] {
  const { payload: p } = boundPayload(received);
  const key = storedGroupKey(p.groupKey);
  const now = ctx.now();
  const events: NotifyEvent[] = [];
  for (const phase of ['firing', 'resolved'] as const) {
    const alerts = p.alerts.filter((a) => a.status === phase);
    if (alerts.length === 0) continue;
    events.push({
      kind: 'alert.group',
      key,
      phase,
      severity: mapSeverity(
        ctx.config.incidents,
        own(p.commonLabels, 'severity') ?? own(alerts[0]?.labels ?? {}, 'severity'),
      ),
      service: own(p.commonLabels, ctx.config.incidents.service_label),
      at: now,
      // the webhook's own shape, with only this phase's alerts: templates read it as PrometheusAlert users know it
      data: {
        status: phase,
        receiver: p.receiver,
        groupKey: p.groupKey,
        groupLabels: p.groupLabels,
        commonLabels: p.commonLabels,
        commonAnnotations: p.commonAnnotations,
        externalURL: p.externalURL,
        truncatedAlerts: p.truncatedAlerts + Math.max(0, alerts.length - BRIDGED_ALERTS),
        alerts: alerts.slice(0, BRIDGED_ALERTS),
      },
      channels: [channel],
    });
  }
  return events;
}

export function notifyRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/notify/channels',
      summary:
        'The notification channels: limits, state, last platform error, queue and the last hour’s counts',
      tag: 'notify',
      role: 'viewer',
      response: channelListSchema,
      handler: async () => {
        const now = ctx.now();
        const [counts, rows] = await Promise.all([
          notifyStore.channelCounts(ctx.db, now - 3_600_000),
          notifyStore.channels(ctx.db),
        ]);
        return {
          channels: ctx.config.notify.channels.map((c) => {
            const row = rows.find((r) => r.name === c.name);
            const limits = channelLimits(ctx, c);
            const q = counts.queued.get(c.name);
            return {
              name: c.name,
              type: c.type,
              language: c.language,
              limits: {
                maxBytes: limits.maxBytes,
                rates: limits.rates.map((r) => ({ count: r.count, windowSeconds: r.windowMs / 1000 })),
              },
              status: row?.status ?? ('unknown' as const),
              lastError: row ? errorOf(row) : null,
              queued: q?.n ?? 0,
              oldestQueuedAt: q ? iso(q.oldest) : null,
              sentLastHour: counts.sent.get(c.name) ?? 0,
              failedLastHour: counts.failed.get(c.name) ?? 0,
            };
          }),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notify/channels/:name/test',
      summary:
        'Queue a test message on a channel (it goes through the queue, the limiter and the platform like any other)',
      tag: 'notify',
      role: 'editor',
      status: 202,
      params: channelParams,
      response: messageSchema,
      handler: async ({ params, caller }) => {
        const channel = requireChannel(ctx, params.name);
        const now = ctx.now();
        const row = await ctx.db.transaction(async (tx) => {
          await enqueue(ctx, tx, {
            kind: 'test',
            key: `test:${now}`,
            phase: 'info',
            at: now,
            data: { title: 'OpsDesk test message', actor: caller.actor, channel: channel.name },
            channels: [channel.name],
          });
          return (await notifyStore.listMessages(tx, { channel: channel.name, limit: 1 }))[0] as MessageRow;
        });
        return toMessage(row);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/notify/messages',
      summary: 'The outbox, newest first: what was queued, sent or given up, with the platform’s last error',
      tag: 'notify',
      role: 'viewer',
      query: messagesQuery,
      response: messagePageSchema,
      handler: async ({ query }) => {
        const rows = await notifyStore.listMessages(ctx.db, {
          channel: query.channel,
          status: query.status,
          limit: query.limit + 1,
          before: query.cursor === undefined ? undefined : Number(query.cursor),
        });
        const page = rows.slice(0, query.limit);
        return {
          messages: page.map(toMessage),
          nextCursor: rows.length > query.limit ? String(page[page.length - 1]?.id) : null,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/notify/messages/:id/deliveries',
      summary: 'Every request made for one message, with the platform’s answer',
      tag: 'notify',
      role: 'viewer',
      params: messageParams,
      response: deliveriesSchema,
      handler: async ({ params }) => {
        const m = await requireMessage(ctx, params.id);
        const rows = await notifyStore.deliveries(ctx.db, m.id);
        const inFlight = m.status === 'sending';
        return {
          deliveries: rows
            // the request being made right now has no answer yet
            .filter((d, i) => !(inFlight && d.outcome === 'pending' && i === rows.length - 1))
            .map((d) => ({
              at: iso(d.at) as string,
              part: Number(d.part),
              parts: Number(d.parts),
              outcome: d.outcome === 'pending' ? ('transient' as const) : d.outcome,
              httpStatus: d.http_status === null ? null : Number(d.http_status),
              code: d.code,
              error:
                d.outcome === 'pending'
                  ? 'no answer recorded: the server stopped during the request (the part was sent again, titled as a possible repeat)'
                  : d.error,
              durationMs: Number(d.duration_ms),
            })),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notify/messages/:id/retry',
      summary: 'Queue a failed message again (from its first unsent part)',
      tag: 'notify',
      role: 'editor',
      errors: [409],
      params: messageParams,
      response: messageSchema,
      handler: async ({ params }) => {
        const now = ctx.now();
        const row = await ctx.db.transaction(async (tx) => {
          const m = await requireMessage({ ...ctx, db: tx }, params.id);
          if (m.status !== 'failed')
            throw conflict(
              'not_failed',
              `message ${m.id} is ${m.status}; only a failed message is queued again`,
            );
          // created_at moves: notify.max_age counts from the retry, or an expired message would expire at once
          const fields = {
            status: 'queued' as const,
            failures: 0,
            next_attempt_at: now,
            created_at: now,
            updated_at: now,
          };
          await notifyStore.updateMessage(tx, m.id, fields);
          return { ...m, ...fields };
        });
        notifierOf(ctx)?.wake(row.channel);
        return toMessage(row);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/alertmanager/notify/:channel',
      summary:
        'Alertmanager → IM bridge: a webhook (payload version 4) forwarded to a channel through the outbox, firing and resolved alerts as separate messages aggregated per group; 202 once queued',
      tag: 'alertmanager',
      role: 'editor',
      status: 202,
      // as the webhook receiver: Alertmanager retries 5xx only, so no 429 that would drop it
      rateLimited: false,
      nulBytes: 'replace',
      params: bridgeParams,
      body: webhookPayloadSchema,
      response: bridgeResultSchema,
      handler: async ({ params, body }) => {
        const channel = requireChannel(ctx, params.channel);
        const events = bridgeEvents(ctx, channel.name, body);
        const queued = await ctx.db.transaction(async (tx) => {
          let n = 0;
          for (const e of events) n += await enqueue(ctx, tx, e);
          return n;
        });
        if (queued !== events.length)
          throw new ApiError(500, 'internal', 'the bridge queued fewer messages than phases');
        return { queued };
      },
    }),
  ];
}
