import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../context';
import { onCallAt } from '../oncall/roster';
import { createSender } from './channels';
import { renderMessage, TemplateError } from './templates';
import { person } from '../people/directory';
import type { ChannelConfig } from './config';
import { notifyMetrics, type NotifyMetrics } from './metrics';
import { onEnqueued } from './outbox';
import { notifyStore } from './store';
import type {
  ChannelSender,
  EventKind,
  NotifyEvent,
  Phase,
  RateLimit,
  Recipient,
  Rendered,
  SendOutcome,
} from './types';

/** renderMessage of templates.ts (helper MAIL's), as the Notifier calls it. */
export type RenderFn = (
  events: NotifyEvent[],
  channel: ChannelConfig,
  opts: { grafanaUrl: string; alertmanagerUrl: string; mentions: Recipient[]; baseDir: string },
) => Rendered;
/** createSender of channels/index.ts, as the Notifier calls it. */
export type CreateSenderFn = (channel: ChannelConfig, baseDir: string) => ChannelSender;

export interface NotifierOptions {
  baseDir: string;
  render?: RenderFn;
  createSender?: CreateSenderFn;
  /** this replica's name in leases (default host:pid:random) */
  owner?: string;
  /** the jitter's randomness (tests pin it) */
  random?: () => number;
}

/** A configuration error is retried this often (and after every reload). */
export const CONFIG_RETRY_MS = 3 * 60_000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 10 * 60_000;
/** beyond the channel's request timeout: time to record the answer before another sender may take over */
const LEASE_MARGIN_MS = 10_000;
/** how far down the queue a claim looks for messages to aggregate with the oldest */
const HEAD = 200;
/** keys merged into one message when the queue is longer than the rate window allows */
const MAX_MERGED_KEYS = 25;
/** a merge stops before the rendered message fills more than this share of the platform's size limit */
const MERGE_FILL = 0.8;

/** Exponential backoff with ±20 % jitter: 5 s, 10 s, 20 s, … at most 10 min. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The sliding-window limiter over the channel's recorded requests (`times`, newest first, from the
 * delivery log, so it holds across restarts and replicas): how long until one more request keeps
 * every rate, and how many more the tightest window allows now.
 */
export function limiterState(
  times: readonly number[],
  rates: readonly RateLimit[],
  now: number,
): { waitMs: number; slots: number } {
  let waitMs = 0;
  let slots = Infinity;
  for (const r of rates) {
    const inWindow = times.filter((t) => t > now - r.windowMs);
    slots = Math.min(slots, r.count - inWindow.length);
    // the count-th newest request must leave the window before one more is allowed
    const oldestCounted = inWindow[r.count - 1];
    if (inWindow.length >= r.count && oldestCounted !== undefined)
      waitMs = Math.max(waitMs, oldestCounted + r.windowMs - now + 1);
  }
  return { waitMs, slots: Math.max(0, slots) };
}

export interface Candidate {
  id: number;
  key: string;
  phase: Phase;
  kind: EventKind;
  events: NotifyEvent[];
  /** its content is fixed: part of it was sent, or it was in flight */
  fixed: boolean;
  /** requests were made for it (its delivery log stays with it): it may take others, never be taken */
  tried?: boolean;
}

/**
 * What the oldest waiting message takes with it: the later messages of its key and phase (an
 * Alertmanager group's latest notification supersedes the older ones; an incident's events are
 * kept in order) and, with `merge`, other keys of the same phase while `fits` says the result
 * fits one request. A message never jumps over an earlier one of its own key (a firing after a
 * resolved stays after it), and firing and resolved are never mixed.
 */
export function planAggregate(
  head: readonly Candidate[],
  opts: { merge: boolean; fits: (events: NotifyEvent[]) => boolean; maxKeys?: number },
): { absorbed: number[]; events: NotifyEvent[] } {
  const [primary, ...rest] = head;
  if (!primary) return { absorbed: [], events: [] };
  if (primary.fixed) return { absorbed: [], events: primary.events };
  const groups = new Map<string, NotifyEvent[]>([[primary.key, primary.events]]);
  const blocked = new Set<string>();
  const absorbed: number[] = [];
  let merge = opts.merge;
  const flat = (g: Map<string, NotifyEvent[]>) => [...g.values()].flat();
  for (const c of rest) {
    if (c.fixed || c.tried || c.phase !== primary.phase || blocked.has(c.key)) {
      blocked.add(c.key);
      continue;
    }
    const prev = groups.get(c.key);
    if (prev) {
      groups.set(c.key, c.kind === 'alert.group' ? c.events : [...prev, ...c.events]);
      absorbed.push(c.id);
      continue;
    }
    if (merge && groups.size < (opts.maxKeys ?? MAX_MERGED_KEYS)) {
      const next = new Map(groups).set(c.key, c.events);
      if (opts.fits(flat(next))) {
        groups.set(c.key, c.events);
        absorbed.push(c.id);
        continue;
      }
      merge = false; // in order: nothing later jumps over the key that did not fit
    }
    blocked.add(c.key);
  }
  return { absorbed, events: flat(groups) };
}

const REPEAT_MARK: Record<Rendered['language'], string> = {
  'zh-Hans': '[可能重复] ',
  en: '[possible repeat] ',
};

/** A one-line title before the template has rendered the message (the queue listing shows it). */
export function plainTitle(event: NotifyEvent): string {
  const d = event.data as {
    incident?: { number?: string; title?: string };
    groupLabels?: Record<string, string>;
    title?: string;
  };
  if (d.incident) return `${d.incident.number ?? ''} ${d.incident.title ?? ''}`.trim();
  if (d.groupLabels)
    return Object.entries(d.groupLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')
      .slice(0, 200);
  return (d.title ?? event.kind).slice(0, 200);
}

/** Messages of the head whose events a claim reads (the oldest, and those it may take with it). */
const LOADED = 60;

/** The people a message mentions: those its events name, and the channel's on-call primary or assignee. */
export async function resolveMentions(
  ctx: AppContext,
  channel: ChannelConfig,
  events: readonly NotifyEvent[],
  at: number,
): Promise<Recipient[]> {
  const ids = new Set<string>();
  for (const e of events) for (const id of e.mention ?? []) ids.add(id);
  const out: Recipient[] = [];
  if (channel.mention === 'oncall' && channel.roster) {
    for (const s of await onCallAt(ctx, at, { roster: channel.roster, layer: 'primary' }))
      if (s.person && !out.some((o) => o.id === s.person?.id)) out.push(s.person);
  }
  if (channel.mention === 'assignee')
    for (const e of events) {
      const a = (e.data as { incident?: { assignee?: string | null } }).incident?.assignee;
      if (a) ids.add(a);
    }
  for (const id of ids) {
    const p = person(ctx, id);
    if (p && !out.some((o) => o.id === p.id)) out.push(p);
  }
  return out;
}

const defaultRender = (): RenderFn => renderMessage;
const defaultCreateSender = (): CreateSenderFn => createSender;

type SenderState = { sender: ChannelSender } | { error: string };

/** The Notifier serving a context (the routes ask it for a channel's limits and wake it). */
const running = new WeakMap<AppContext, Notifier>();
export const notifierOf = (ctx: AppContext): Notifier | undefined => running.get(ctx);

/** A channel's limits as its sender states them; none known when the sender cannot be built (a missing secret). */
export function channelLimits(ctx: AppContext, channel: ChannelConfig): ChannelSender['limits'] {
  const fromNotifier = running.get(ctx)?.senderOf(channel.name);
  try {
    const sender = fromNotifier ?? defaultCreateSender()(channel, process.cwd());
    return sender.limits;
  } catch {
    return { maxBytes: 0, rates: [] };
  }
}

type HeadRow = Awaited<ReturnType<typeof notifyStore.queueHead>>[number];

interface Claim {
  message: HeadRow;
  events: NotifyEvent[];
  deliveryId: number;
  repeat: boolean;
}

/**
 * Sends the outbox: one loop per channel, polling every notify.poll_interval and woken right
 * after an in-process enqueue. Each request is one short transaction that locks the channel's
 * row, checks the sliding-window limiter over the delivery log, claims the oldest waiting message
 * (with what it aggregates), leases it and writes the request's delivery row — then, outside any
 * transaction, the part is rendered and sent, and its answer recorded. Several replicas on one
 * PostgreSQL database take turns on the row lock, so each message is sent by one of them.
 *
 * Delivery is at-least-once only for the one request in flight when a process dies: the message
 * is found `sending` with an expired lease and that part is sent again, titled as a possible
 * repeat. Every other part is sent exactly once.
 */
export class Notifier {
  private readonly owner: string;
  private readonly random: () => number;
  private readonly metrics: NotifyMetrics;
  private senders = new Map<string, SenderState>();
  private loops = new Map<string, Promise<void>>();
  private wakeups = new Map<string, () => void>();
  private woken = new Set<string>();
  private busy = new Map<string, Promise<unknown>>();
  private limited = new Set<string>();
  private stopped = true;
  private render: RenderFn | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: NotifierOptions,
  ) {
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.random = opts.random ?? Math.random;
    this.metrics = notifyMetrics(ctx);
    this.render = opts.render;
  }

  senderOf(name: string): ChannelSender | undefined {
    const s = this.senders.get(name);
    return s && 'sender' in s ? s.sender : undefined;
  }

  private get channels(): ChannelConfig[] {
    return this.ctx.config.notify.channels;
  }

  /** Builds each channel's sender (a missing secret is the channel's configuration error) and its row. */
  async prepare(): Promise<void> {
    this.senders = new Map(
      this.channels.map((c): [string, SenderState] => {
        try {
          const make = this.opts.createSender ?? defaultCreateSender();
          return [c.name, { sender: make(c, this.opts.baseDir) }];
        } catch (err) {
          return [c.name, { error: (err as Error).message }];
        }
      }),
    );
    await notifyStore.ensureChannels(this.ctx.db, this.channels, this.ctx.now());
    this.metrics.declare(this.channels);
  }

  async start(): Promise<void> {
    await this.prepare();
    this.stopped = false;
    running.set(this.ctx, this);
    onEnqueued(this.ctx, (name) => this.wake(name));
    for (const c of this.channels) this.startLoop(c.name);
  }

  /** After a configuration reload: new senders, new channels' loops, and a configuration error retried at once. */
  async reload(): Promise<void> {
    await this.prepare();
    const now = this.ctx.now();
    for (const row of await notifyStore.channels(this.ctx.db))
      if (row.status === 'config_error' && this.senders.has(row.name))
        await notifyStore.updateChannel(this.ctx.db, row.name, { blocked_until: now, updated_at: now });
    if (this.stopped) return;
    for (const c of this.channels) if (!this.loops.has(c.name)) this.startLoop(c.name);
    for (const c of this.channels) this.wake(c.name);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (running.get(this.ctx) === this) running.delete(this.ctx);
    onEnqueued(this.ctx, undefined);
    for (const w of this.wakeups.values()) w();
    await Promise.all(this.loops.values());
    this.loops.clear();
  }

  wake(name: string): void {
    this.woken.add(name);
    this.wakeups.get(name)?.();
  }

  /** Every channel sends what it may now (fake-clock tests): until each waits or has nothing. */
  async runOnce(): Promise<void> {
    if (this.senders.size === 0) await this.prepare();
    for (const c of this.channels) {
      for (let i = 0; i < 10_000; i++) if ((await this.exclusive(c.name)) !== 0) break;
    }
  }

  private startLoop(name: string): void {
    const loop = (async () => {
      while (!this.stopped && this.channels.some((c) => c.name === name)) {
        let wait: number;
        try {
          wait = await this.exclusive(name);
        } catch (err) {
          this.ctx.log.warn(
            { channel: name, err: (err as Error).message },
            'notification sender failed; retrying',
          );
          wait = this.ctx.config.notify.poll_interval;
        }
        if (wait === 0 || this.stopped) continue;
        await this.sleep(name, Math.min(wait, this.ctx.config.notify.poll_interval));
      }
    })().finally(() => this.loops.delete(name));
    this.loops.set(name, loop);
  }

  private sleep(name: string, ms: number): Promise<void> {
    if (this.woken.delete(name)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeups.delete(name);
        this.woken.delete(name);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeups.set(name, done);
    });
  }

  /** One step at a time per channel in this process (the loop and runOnce never overlap). */
  private async exclusive(name: string): Promise<number> {
    for (;;) {
      const running = this.busy.get(name);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const step = this.step(name);
    this.busy.set(name, step);
    try {
      return await step;
    } finally {
      this.busy.delete(name);
    }
  }

  /** One request of the channel; 0 when another may follow at once, else how long to wait (ms). */
  async step(name: string): Promise<number> {
    const channel = this.channels.find((c) => c.name === name);
    const state = this.senders.get(name);
    if (!channel || !state) return this.ctx.config.notify.poll_interval;
    if ('error' in state) {
      await this.configError(channel, { error: state.error, code: undefined, status: undefined });
      return CONFIG_RETRY_MS;
    }
    const sender = state.sender;
    const claim = await this.claim(channel, sender);
    if (typeof claim === 'number') return claim;
    return this.deliver(channel, sender, claim);
  }

  private async claim(channel: ChannelConfig, sender: ChannelSender): Promise<Claim | number> {
    const poll = this.ctx.config.notify.poll_interval;
    const maxAge = this.ctx.config.notify.max_age;
    return this.ctx.db.transaction(async (tx): Promise<Claim | number> => {
      const row = await notifyStore.lockChannel(tx, channel.name);
      if (!row) {
        await notifyStore.ensureChannels(tx, [channel], this.ctx.now());
        return 0;
      }
      const now = this.ctx.now();
      if (row.blocked_until !== null && Number(row.blocked_until) > now)
        return Number(row.blocked_until) - now;
      let head = await notifyStore.queueHead(tx, channel.name, now, HEAD);
      const expired = head.filter((m) => Number(m.created_at) <= now - maxAge);
      for (const m of expired) {
        const reason = row.status === 'config_error' ? 'config' : 'expired';
        await notifyStore.updateMessage(tx, m.id, {
          status: 'failed',
          lease_until: null,
          lease_owner: null,
          last_error_at: now,
          last_error_kind: 'expired',
          last_error_code: null,
          last_error_message: `not delivered within notify.max_age (${Math.round(maxAge / 60_000)} min)${reason === 'config' ? ' while the channel’s configuration was wrong' : ''}`,
          updated_at: now,
        });
        this.metrics.failed(channel, reason);
      }
      if (expired.length) head = head.filter((m) => !expired.includes(m));
      const primary = head[0];
      if (!primary) return poll;
      if (Number(primary.next_attempt_at) > now) return Number(primary.next_attempt_at) - now;

      const rates = sender.limits.rates;
      const longest = Math.max(0, ...rates.map((r) => r.windowMs));
      const most = Math.max(0, ...rates.map((r) => r.count));
      const times = await notifyStore.recentRequests(tx, channel.name, {
        since: now - longest,
        now,
        limit: most,
        maxRequestMs: channel.timeout,
      });
      const { waitMs, slots } = limiterState(times, rates, now);
      if (waitMs > 0) {
        if (!this.limited.has(channel.name)) this.metrics.throttled(channel);
        this.limited.add(channel.name);
        return waitMs;
      }
      this.limited.delete(channel.name);

      const repeat = primary.status === 'sending' || Number(primary.possible_repeat) === 1;
      // the head is read without its events (a storm's groups can be large); only the oldest and
      // the first messages of its phase are read whole, the rest stand in line as they are
      const wanted = [
        primary,
        ...head.filter((m) => m !== primary && m.phase === primary.phase).slice(0, LOADED),
      ];
      const events = await notifyStore.events(
        tx,
        wanted.map((m) => m.id),
      );
      const candidates: Candidate[] = head.map((m) => ({
        id: m.id,
        key: m.agg_key,
        phase: m.phase,
        kind: m.kind,
        events: events.get(m.id) ?? [],
        fixed: m.status === 'sending' || Number(m.parts_sent) > 0 || !events.has(m.id),
        tried: Number(m.attempts) > 0,
      }));
      const groups = new Set(candidates.map((c) => `${c.phase}\u0000${c.key}`)).size;
      const plan = planAggregate(candidates, {
        merge: groups > slots,
        fits: (evs) => this.fits(channel, sender, evs),
      });
      const fields = {
        status: 'sending' as const,
        lease_owner: this.owner,
        lease_until: now + channel.timeout + LEASE_MARGIN_MS,
        attempts: Number(primary.attempts) + 1,
        possible_repeat: repeat ? 1 : 0,
        ...(plan.absorbed.length ? { events: JSON.stringify(plan.events) } : {}),
        updated_at: now,
      };
      await notifyStore.updateMessage(tx, primary.id, fields);
      await notifyStore.deleteMessages(tx, plan.absorbed);
      const deliveryId = await notifyStore.insertDelivery(tx, {
        message_id: primary.id,
        channel: channel.name,
        at: now,
        part: Number(primary.parts_sent) + 1,
        parts: Number(primary.parts),
        outcome: 'pending',
        http_status: null,
        code: null,
        error: null,
      });
      return { message: { ...primary, ...fields }, events: plan.events, deliveryId, repeat };
    });
  }

  private renderer(): RenderFn {
    this.render ??= defaultRender();
    return this.render;
  }

  private renderOpts(mentions: Recipient[]) {
    const n = this.ctx.config.notify;
    return {
      grafanaUrl: n.grafana_url,
      alertmanagerUrl: n.alertmanager_url,
      mentions,
      baseDir: this.opts.baseDir,
    };
  }

  private fits(channel: ChannelConfig, sender: ChannelSender, events: NotifyEvent[]): boolean {
    try {
      const parts = sender.render(this.renderer()(events, channel, this.renderOpts([])));
      return parts.length === 1 && (parts[0]?.bytes ?? Infinity) <= sender.limits.maxBytes * MERGE_FILL;
    } catch {
      return false;
    }
  }

  private async deliver(channel: ChannelConfig, sender: ChannelSender, claim: Claim): Promise<number> {
    const m = claim.message;
    let parts;
    let rendered: Rendered;
    try {
      const mentions = await resolveMentions(this.ctx, channel, claim.events, this.ctx.now());
      rendered = this.renderer()(claim.events, channel, this.renderOpts(mentions));
      if (claim.repeat) rendered = { ...rendered, title: REPEAT_MARK[rendered.language] + rendered.title };
      parts = sender.render(rendered);
    } catch (err) {
      // A channel's own template that does not compile is its configuration's fault: the message
      // keeps its place until the file is fixed (the channel shows the file and line). Anything
      // else that cannot be made from these events cannot be helped by retrying them.
      const config = err instanceof TemplateError;
      this.ctx.log.error(
        { channel: channel.name, message: m.id, err: (err as Error).message },
        config ? "notification not rendered: the channel's template is broken" : 'notification not rendered',
      );
      await this.finish(
        channel,
        claim,
        0,
        0,
        { ok: false, kind: config ? 'config' : 'rejected', error: `render: ${(err as Error).message}` },
        0,
      );
      return 0;
    }
    const index = Number(m.parts_sent);
    const part = parts[index];
    if (!part) {
      // a resend after a crash whose rendering has fewer parts now: everything was sent
      await this.finish(channel, claim, parts.length, parts.length, { ok: true }, 0, rendered.title);
      return 0;
    }
    const started = performance.now();
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(part, AbortSignal.timeout(channel.timeout));
    } catch (err) {
      outcome = { ok: false, kind: 'transient', error: (err as Error).message };
    }
    const ms = Math.round(performance.now() - started);
    return this.finish(channel, claim, index + 1, parts.length, outcome, ms, rendered.title);
  }

  /** Records the answer to the request for part `part` of `parts` (1-based). */
  private async finish(
    channel: ChannelConfig,
    claim: Claim,
    part: number,
    parts: number,
    outcome: SendOutcome,
    durationMs: number,
    title?: string,
  ): Promise<number> {
    const m = claim.message;
    const now = this.ctx.now();
    const error = outcome.ok ? null : outcome;
    await notifyStore.finishDelivery(this.ctx.db, claim.deliveryId, {
      outcome: outcome.ok ? 'sent' : outcome.kind,
      parts,
      http_status: error && 'status' in error ? (error.status ?? null) : null,
      code: error?.code ?? null,
      error: error?.error.slice(0, 2000) ?? null,
      duration_ms: durationMs,
      finished_at: now,
    });
    const base = {
      lease_owner: null,
      lease_until: null,
      parts,
      updated_at: now,
      ...(title !== undefined && Number(m.parts_sent) === 0 ? { title: title.slice(0, 500) } : {}),
    };
    const lastError = error
      ? {
          last_error_at: now,
          last_error_kind: error.kind,
          last_error_code: error.code ?? null,
          last_error_message: error.error.slice(0, 2000),
        }
      : {};
    const update = (fields: Parameters<typeof notifyStore.updateLeased>[3]) =>
      notifyStore.updateLeased(this.ctx.db, m.id, this.owner, { ...base, ...fields });
    if (outcome.ok) {
      const done = part >= parts;
      await update({
        parts_sent: part,
        failures: 0,
        possible_repeat: 0,
        ...(done ? { status: 'sent', sent_at: now } : { status: 'queued', next_attempt_at: now }),
      });
      if (done) this.metrics.sent(channel);
      await this.channelOk(channel);
      return 0;
    }
    switch (outcome.kind) {
      case 'throttled': {
        const until = now + Math.max(1_000, outcome.retryAfterMs);
        await update({ status: 'queued', next_attempt_at: until, ...lastError });
        await this.block(channel, until, outcome);
        this.metrics.throttled(channel);
        this.metrics.attemptFailed(channel, 'throttled');
        return 0;
      }
      case 'transient': {
        const failures = Number(m.failures) + 1;
        const until = now + backoffMs(failures, this.random);
        await update({ status: 'queued', failures, next_attempt_at: until, ...lastError });
        await this.block(channel, until, outcome);
        this.metrics.attemptFailed(channel, 'transient');
        return 0;
      }
      case 'config': {
        // the channel's block holds it back (a reload lifts it); the message keeps its place
        await update({ status: 'queued', next_attempt_at: now, ...lastError });
        await this.configError(channel, outcome);
        this.metrics.attemptFailed(channel, 'config');
        return 0;
      }
      case 'rejected': {
        await update({ status: 'failed', ...lastError });
        this.metrics.failed(channel, 'rejected');
        return 0;
      }
    }
  }

  private async block(
    channel: ChannelConfig,
    until: number,
    e: { kind: string; code?: string | undefined; error: string },
  ) {
    const now = this.ctx.now();
    await notifyStore.updateChannel(this.ctx.db, channel.name, {
      blocked_until: until,
      last_error_at: now,
      last_error_kind: e.kind,
      last_error_code: e.code ?? null,
      last_error_message: e.error.slice(0, 2000),
      updated_at: now,
    });
  }

  private async configError(
    channel: ChannelConfig,
    e: { error: string; code?: string | undefined; status?: number | undefined },
  ): Promise<void> {
    const now = this.ctx.now();
    await notifyStore.updateChannel(this.ctx.db, channel.name, {
      status: 'config_error',
      blocked_until: now + CONFIG_RETRY_MS,
      last_error_at: now,
      last_error_kind: 'config',
      last_error_code: e.code ?? (e.status !== undefined ? String(e.status) : null),
      last_error_message: e.error.slice(0, 2000),
      updated_at: now,
    });
    this.ctx.log.warn(
      { channel: channel.name, err: e.error },
      'notification channel misconfigured; its messages wait',
    );
  }

  private async channelOk(channel: ChannelConfig): Promise<void> {
    await notifyStore.updateChannel(this.ctx.db, channel.name, {
      status: 'ok',
      blocked_until: null,
      updated_at: this.ctx.now(),
    });
  }
}
