import { Counter, Gauge, type Registry } from 'prom-client';
import type { AppContext } from '../context';
import type { ChannelConfig } from './config';
import { notifyStore } from './store';

export type FailReason = 'config' | 'rejected' | 'expired';
export type AttemptKind = 'transient' | 'config' | 'throttled';

export interface NotifyMetrics {
  /** every series of these channels exported from the start (at 0) */
  declare(channels: readonly ChannelConfig[]): void;
  sent(channel: ChannelConfig): void;
  failed(channel: ChannelConfig, reason: FailReason): void;
  throttled(channel: ChannelConfig): void;
  attemptFailed(channel: ChannelConfig, kind: AttemptKind): void;
}

const FAIL_REASONS: FailReason[] = ['config', 'rejected', 'expired'];
const ATTEMPT_KINDS: AttemptKind[] = ['transient', 'config', 'throttled'];
const byRegistry = new WeakMap<Registry, NotifyMetrics>();

/**
 * The notification domain's /metrics. Counters count what this process did; the queue gauges and
 * the configuration-error gauge are read from the store at each scrape, so every replica reports
 * the same. Labels are the configured channels' names and types, never message content.
 */
export function notifyMetrics(ctx: AppContext): NotifyMetrics {
  const registry = ctx.metrics.registry;
  const known = byRegistry.get(registry);
  if (known) return known;
  const registers = [registry];
  const labelNames = ['channel', 'type'] as const;
  const sent = new Counter({
    name: 'opsdesk_notify_messages_sent_total',
    help: 'Notification messages delivered whole (every part acknowledged by the platform), by channel.',
    labelNames,
    registers,
  });
  const failed = new Counter({
    name: 'opsdesk_notify_messages_failed_total',
    help: 'Notification messages given up, by channel and reason: rejected (the platform refused the message itself), expired (not delivered within notify.max_age), config (expired while the channel’s configuration was wrong). See GET /api/v1/notify/messages?status=failed; POST …/retry queues one again.',
    labelNames: [...labelNames, 'reason'],
    registers,
  });
  const throttled = new Counter({
    name: 'opsdesk_notify_throttled_total',
    help: 'Times a channel waited for its rate limit: the platform answered throttled, or the server’s own sliding window (the platform’s documented limit) held a message back.',
    labelNames,
    registers,
  });
  const attempts = new Counter({
    name: 'opsdesk_notify_delivery_attempts_failed_total',
    help: 'Requests to a platform that did not deliver, by kind: transient (timeout, refused, 5xx; retried with backoff), config (bad signature, revoked robot; retried every few minutes and after a reload), throttled.',
    labelNames: [...labelNames, 'kind'],
    registers,
  });
  const read = async () => {
    const now = ctx.now();
    const [counts, rows] = await Promise.all([
      notifyStore.channelCounts(ctx.db, now - 3_600_000),
      notifyStore.channels(ctx.db),
    ]);
    return { now, counts, status: new Map(rows.map((r) => [r.name, r.status])) };
  };
  type Snapshot = Awaited<ReturnType<typeof read>>;
  // one read serves the three gauges of a scrape: dropped once all three have it, or on the next
  // turn of the event loop after it (a scrape of one gauge), whichever comes first
  let current: { p: Promise<Snapshot>; users: number } | undefined;
  const shared = () => {
    let c = current;
    if (!c) {
      const made = { p: read(), users: 0 };
      void made.p
        .finally(() => setImmediate(() => current === made && (current = undefined)))
        .catch(() => undefined);
      c = current = made;
    }
    if (++c.users >= 3) current = undefined;
    return c.p;
  };
  const perChannel = (name: string, help: string, value: (s: Snapshot, channel: string) => number) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const s = await shared();
        this.reset();
        for (const c of ctx.config.notify.channels)
          this.set({ channel: c.name, type: c.type }, value(s, c.name));
      },
    });
  perChannel(
    'opsdesk_notify_queue_messages',
    'Notification messages waiting to be delivered (queued or being sent), by channel.',
    (s, c) => s.counts.queued.get(c)?.n ?? 0,
  );
  perChannel(
    'opsdesk_notify_queue_oldest_age_seconds',
    'Age of the oldest notification message waiting on the channel, in seconds; 0 when none waits.',
    (s, c) => {
      const q = s.counts.queued.get(c);
      return q ? Math.max(0, (s.now - q.oldest) / 1000) : 0;
    },
  );
  perChannel(
    'opsdesk_notify_channel_config_error',
    'Whether the platform’s last answer said the channel’s configuration is wrong (1: bad signature, revoked robot, missing secret; its messages wait), else 0.',
    (s, c) => (s.status.get(c) === 'config_error' ? 1 : 0),
  );
  const labels = (c: ChannelConfig) => ({ channel: c.name, type: c.type });
  const m: NotifyMetrics = {
    declare(channels) {
      for (const c of channels) {
        sent.inc(labels(c), 0);
        throttled.inc(labels(c), 0);
        for (const reason of FAIL_REASONS) failed.inc({ ...labels(c), reason }, 0);
        for (const kind of ATTEMPT_KINDS) attempts.inc({ ...labels(c), kind }, 0);
      }
    },
    sent: (c) => sent.inc(labels(c)),
    failed: (c, reason) => failed.inc({ ...labels(c), reason }),
    throttled: (c) => throttled.inc(labels(c)),
    attemptFailed: (c, kind) => attempts.inc({ ...labels(c), kind }),
  };
  byRegistry.set(registry, m);
  return m;
}
