import { createLogger } from '@opsdesk/runtime';
import { serverConfigSchema } from '../config';
import type { AppContext } from '../context';
import { migrate, openDb, type Db } from '../db';
import { buildContext } from '../server';
import { freshDatabase, type DatabaseKind, type TestDatabase } from './databases';
import type { ChannelConfig } from '../notify/config';
import { Notifier, type NotifierOptions, type RenderFn } from '../notify/service';
import type { ChannelSender, NotifyEvent, Part, Rendered, SendOutcome } from '../notify/types';

/** Test equipment for the delivery tests: a fake clock, a scripted sender, a plain renderer. */

export const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
export const silentLog = () => createLogger('test', 'error', { write: () => undefined } as never);

/** One section per event: its kind, key and what it carries, so a test can tell what was sent. */
export const plainRender: RenderFn = (events, channel, opts) => ({
  title: events.length === 1 ? `${events[0]?.kind} ${events[0]?.key}` : `${events.length} events`,
  color: 'red',
  phase: events[0]?.phase ?? 'info',
  language: channel.language,
  sections: events.map(
    (e) =>
      `${e.kind}|${e.key}|${e.phase}|${JSON.stringify(e.data.mark ?? null)}|${'x'.repeat(Number(e.data.pad ?? 0))}`,
  ),
  buttons: [],
  mentions: opts.mentions,
});

export interface SentPart {
  at: number;
  title: string;
  sections: string[];
  part: number;
  parts: number;
}

/**
 * A sender whose answers the test scripts (each call takes the next; ok when none is left), that
 * splits a message into parts of at most maxBytes (sections kept whole), and records what arrived.
 */
export class ScriptedSender implements ChannelSender {
  readonly type = 'webhook' as const;
  readonly received: SentPart[] = [];
  readonly script: Array<SendOutcome | 'hang'> = [];
  /** called as each request is on its way (a test advances its fake clock: a slow platform) */
  onSend?: () => void;
  constructor(
    readonly limits: ChannelSender['limits'] = { maxBytes: 4096, rates: [{ count: 20, windowMs: 60_000 }] },
    private readonly now: () => number = Date.now,
  ) {}
  render(m: Rendered): Part[] {
    const groups: string[][] = [[]];
    let size = 0;
    for (const s of m.sections) {
      const last = groups[groups.length - 1] as string[];
      if (last.length && size + s.length > this.limits.maxBytes) {
        groups.push([s]);
        size = s.length;
      } else {
        last.push(s);
        size += s.length;
      }
    }
    return groups.map((sections, i) => {
      const payload = {
        title: groups.length > 1 ? `[${i + 1}/${groups.length}] ${m.title}` : m.title,
        sections,
        part: i + 1,
        parts: groups.length,
      };
      return { payload, bytes: sections.join('').length };
    });
  }
  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    const next = this.script.shift() ?? { ok: true };
    this.onSend?.();
    if (next === 'hang') {
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      return { ok: false, kind: 'transient', code: 'timeout', error: 'no answer within the timeout' };
    }
    if (next.ok) this.received.push({ at: this.now(), ...(part.payload as Omit<SentPart, 'at'>) });
    return next;
  }
}

export const webhookChannel = (name: string, extra: Partial<Record<keyof ChannelConfig, unknown>> = {}) => ({
  name,
  type: 'webhook',
  webhook_url: { env: 'OPSDESK_TEST_UNUSED' },
  mention: 'none',
  ...extra,
});

export interface Harness {
  ctx: AppContext;
  db: Db;
  database: TestDatabase;
  clock: { now: number };
  advance(ms: number): void;
  notifier(opts?: Partial<NotifierOptions>): Notifier;
  close(): Promise<void>;
}

/** A context over a fresh migrated database with a fake clock; notifiers built with the plain renderer. */
export async function harness(
  kind: DatabaseKind,
  config: Record<string, unknown>,
  sender: (channel: ChannelConfig) => ChannelSender,
): Promise<Harness> {
  const database = await freshDatabase(kind);
  const db = openDb(database.url);
  await migrate(db);
  const clock = { now: T0 };
  const ctx = buildContext(serverConfigSchema.parse(config), db, silentLog(), process.cwd(), () => clock.now);
  const built: Notifier[] = [];
  return {
    ctx,
    db,
    database,
    clock,
    advance: (ms) => (clock.now += ms),
    notifier: (opts = {}) => {
      const n = new Notifier(ctx, {
        baseDir: process.cwd(),
        render: plainRender,
        createSender: sender,
        random: () => 0.5,
        ...opts,
      });
      built.push(n);
      return n;
    },
    close: async () => {
      for (const n of built) await n.stop();
      await db.close();
      await database.drop();
    },
  };
}

export function event(over: Partial<NotifyEvent> & Pick<NotifyEvent, 'key'>): NotifyEvent {
  return { kind: 'alert.group', phase: 'firing', at: T0, data: {}, ...over };
}

/** The value of one series in a registry's exposition (NaN when absent). */
export async function metric(ctx: AppContext, series: string): Promise<number> {
  const text = await ctx.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}
