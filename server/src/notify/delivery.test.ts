import { insertIncident, IncidentService } from '../incidents/service';
import { recordBreaches } from '../sla/tick';
import { DATABASE_KINDS } from '../testing/databases';
import { enqueue } from './outbox';
import { backoffMs, CONFIG_RETRY_MS, limiterState, planAggregate, type Candidate } from './service';
import { notifyStore } from './store';
import { TemplateError } from './templates';
import {
  event,
  harness,
  metric,
  plainRender,
  ScriptedSender,
  T0,
  webhookChannel,
  type Harness,
} from '../testing/notify';
import type { Recipient } from './types';

const CALLER = { actor: 'li.si', role: 'editor', tokenId: 't', tokenName: 'li.si' } as const;

describe('the limiter, the backoff and the aggregation plan (plain functions)', () => {
  test('a sliding window per rate: the 21st request in a minute waits until the first leaves the window', () => {
    const rates = [{ count: 20, windowMs: 60_000 }];
    const times = Array.from({ length: 20 }, (_, i) => T0 + i * 1000).reverse();
    expect(limiterState(times.slice(1), rates, T0 + 19_500)).toEqual({ waitMs: 0, slots: 1 });
    expect(limiterState(times, rates, T0 + 20_000)).toEqual({ waitMs: 40_001, slots: 0 });
    // Feishu's two rates: 5 a second holds first
    const feishu = [
      { count: 5, windowMs: 1_000 },
      { count: 100, windowMs: 60_000 },
    ];
    const burst = [T0 + 400, T0 + 300, T0 + 200, T0 + 100, T0];
    expect(limiterState(burst, feishu, T0 + 500).waitMs).toBe(501);
  });

  test('backoff doubles from 5 s to at most 10 min, with jitter within ±20 %', () => {
    expect([1, 2, 3, 4].map((f) => backoffMs(f, () => 0.5))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30, () => 0.5)).toBe(600_000);
    expect(backoffMs(1, () => 0)).toBe(4_000);
    expect(backoffMs(1, () => 0.999999)).toBeLessThanOrEqual(6_000);
  });

  const c = (
    id: number,
    key: string,
    phase: 'firing' | 'resolved',
    kind: Candidate['kind'] = 'alert.group',
  ): Candidate => ({
    id,
    key,
    phase,
    kind,
    events: [event({ key, phase, kind, data: { mark: id } })],
    fixed: false,
  });
  const marks = (p: { events: Array<{ data: Record<string, unknown> }> }) => p.events.map((e) => e.data.mark);

  test('a group’s latest notification supersedes the older ones; an incident keeps every event; phases never mix', () => {
    const plan = planAggregate(
      [c(1, 'g', 'firing'), c(2, 'g', 'firing'), c(3, 'g', 'resolved'), c(4, 'h', 'firing')],
      {
        merge: false,
        fits: () => true,
      },
    );
    expect([plan.absorbed, marks(plan)]).toEqual([[2], [2]]);
    const inc = planAggregate([c(1, 'i', 'firing', 'incident.opened'), c(2, 'i', 'firing', 'sla.at_risk')], {
      merge: false,
      fits: () => true,
    });
    expect(marks(inc)).toEqual([1, 2]);
  });

  test('nothing jumps over an earlier message of its own key: firing, resolved, firing stay three', () => {
    const plan = planAggregate([c(1, 'g', 'firing'), c(2, 'g', 'resolved'), c(3, 'g', 'firing')], {
      merge: true,
      fits: () => true,
    });
    expect(plan.absorbed).toEqual([]);
    // a message already tried (a failed one queued again) keeps its delivery log: never taken by another
    const retried = planAggregate(
      [c(1, 'g', 'firing'), { ...c(2, 'g', 'firing'), tried: true }, c(3, 'g', 'firing')],
      {
        merge: true,
        fits: () => true,
      },
    );
    expect(retried.absorbed).toEqual([]);
  });

  test('merging other keys of the same phase, in order, stops at the first that does not fit', () => {
    const head = [
      c(1, 'a', 'firing'),
      c(2, 'b', 'resolved'),
      c(3, 'c', 'firing'),
      c(4, 'd', 'firing'),
      c(5, 'e', 'firing'),
    ];
    const plan = planAggregate(head, { merge: true, fits: (evs) => evs.length <= 3 });
    expect([plan.absorbed, marks(plan)]).toEqual([
      [3, 4],
      [1, 3, 4],
    ]);
    expect(planAggregate(head, { merge: false, fits: () => true }).absorbed).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('delivery on %s', (kind) => {
  let h: Harness;
  let sender: ScriptedSender;
  const queue = (e: Parameters<typeof event>[0]) =>
    h.ctx.db.transaction((tx) => enqueue(h.ctx, tx, event({ channels: ['ops'], ...e })));
  const messages = () => h.db.kysely.selectFrom('notify_messages').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    h = await harness(kind, { notify: { channels: [webhookChannel('ops')], max_age: '1h' } }, () => sender);
    sender = new ScriptedSender(undefined, () => h.clock.now);
  });
  afterEach(() => h.close());

  test('a 5xx is retried with backoff (5 s, then 10 s), then delivered; each request is in the delivery log', async () => {
    const n = h.notifier();
    sender.script.push(
      { ok: false, kind: 'transient', status: 502, error: 'bad gateway' },
      { ok: false, kind: 'transient', status: 503, error: 'unavailable' },
    );
    await queue({ key: 'g1' });
    await n.runOnce();
    let [m] = await messages();
    expect([m?.status, Number(m?.failures), Number(m?.next_attempt_at) - T0]).toEqual(['queued', 1, 5_000]);
    h.advance(4_999);
    await n.runOnce();
    expect(sender.received).toHaveLength(0);
    expect(Number((await messages())[0]?.attempts)).toBe(1);
    h.advance(1);
    await n.runOnce();
    [m] = await messages();
    expect([Number(m?.failures), Number(m?.next_attempt_at) - h.clock.now]).toEqual([2, 10_000]);
    h.advance(10_000);
    await n.runOnce();
    [m] = await messages();
    expect([m?.status, Number(m?.attempts), m?.sent_at]).toEqual(['sent', 3, h.clock.now]);
    expect(sender.received).toHaveLength(1);
    const log = await notifyStore.deliveries(h.db, Number(m?.id));
    expect(log.map((d) => [d.outcome, d.http_status === null ? null : Number(d.http_status)])).toEqual([
      ['transient', 502],
      ['transient', 503],
      ['sent', null],
    ]);
    expect(
      await metric(
        h.ctx,
        'opsdesk_notify_delivery_attempts_failed_total{channel="ops",type="webhook",kind="transient"}',
      ),
    ).toBe(2);
    expect(await metric(h.ctx, 'opsdesk_notify_messages_sent_total{channel="ops",type="webhook"}')).toBe(1);
  });

  test('a request that times out is a transient failure, retried', async () => {
    h.ctx.config.notify.channels[0]!.timeout = 1_000;
    const n = h.notifier();
    sender.script.push('hang');
    await queue({ key: 'slow' });
    const started = Date.now();
    await n.runOnce();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const [m] = await messages();
    expect([m?.status, m?.last_error_code, m?.last_error_kind]).toEqual(['queued', 'timeout', 'transient']);
    h.advance(5_000);
    await n.runOnce();
    expect((await messages())[0]?.status).toBe('sent');
  });

  test('throttling waits the platform’s retryAfter without counting as a failure', async () => {
    const n = h.notifier();
    sender.script.push({
      ok: false,
      kind: 'throttled',
      retryAfterMs: 30_000,
      code: '45009',
      error: 'api freq out of limit',
    });
    await queue({ key: 'a' });
    await queue({ key: 'b', phase: 'resolved' });
    await n.runOnce();
    let rows = await messages();
    expect(rows.map((m) => [m.status, Number(m.failures)])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ]);
    h.advance(29_000);
    await n.runOnce();
    expect(sender.received).toHaveLength(0);
    h.advance(1_000);
    await n.runOnce();
    rows = await messages();
    expect(rows.map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(sender.received.map((p) => p.sections[0]?.split('|')[1])).toEqual(['a', 'b']);
    expect(await metric(h.ctx, 'opsdesk_notify_throttled_total{channel="ops",type="webhook"}')).toBe(1);
    expect(
      await metric(
        h.ctx,
        'opsdesk_notify_messages_failed_total{channel="ops",type="webhook",reason="rejected"}',
      ),
    ).toBe(0);
  });

  test('our own limiter holds the platform’s 20 a minute, counted from the delivery log across a restart', async () => {
    // each message fills most of a request, so none can be merged: 25 requests
    for (let i = 0; i < 25; i++) await queue({ key: `k${i}`, data: { pad: 3500, mark: i } });
    await h.notifier().runOnce();
    expect(sender.received).toHaveLength(20);
    h.advance(30_000);
    const restarted = h.notifier(); // a new process on the same database
    await restarted.runOnce();
    expect(sender.received).toHaveLength(20);
    h.advance(30_001);
    await restarted.runOnce();
    expect(sender.received).toHaveLength(25);
    expect(sender.received.map((p) => JSON.parse(p.sections[0]?.split('|')[3] ?? 'null'))).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    expect(
      await metric(h.ctx, 'opsdesk_notify_throttled_total{channel="ops",type="webhook"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  test('a slow platform: the limiter counts each request at its answer, so no 60 s holds 21 arrivals', async () => {
    // the first request reaches the platform 5 s after its claim (a busy machine), the rest at once
    let slow = true;
    sender.onSend = () => {
      if (slow) h.advance(5_000);
      slow = false;
    };
    for (let i = 0; i < 23; i++) await queue({ key: `slow${i}`, data: { pad: 3500, mark: i } });
    const n = h.notifier();
    for (let step = 0; step < 120 && sender.received.length < 23; step++) {
      await n.runOnce();
      h.advance(1_000);
    }
    const at = sender.received.map((p) => p.at);
    expect(at).toHaveLength(23);
    for (const t of at) expect(at.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(20);
    // and no slower than it must be: the 21st went as soon as the first arrival left the window
    expect((at[20] as number) - (at[0] as number)).toBeLessThanOrEqual(60_000 + 1_000);
  });

  test('when more wait than the window allows, small messages of one phase are merged, in order', async () => {
    for (let i = 0; i < 30; i++)
      await queue({ key: `s${i}`, phase: i < 20 ? 'firing' : 'resolved', data: { mark: i } });
    await h.notifier().runOnce();
    const sent = sender.received.map((p) => p.sections.map((x) => Number(x.split('|')[3])));
    // everything went in the first minute's 20 requests, merged; never firing and resolved together
    expect(sent.length).toBeLessThan(20);
    expect(sent.flat()).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (const marks of sent) expect(new Set(marks.map((m) => m < 20)).size).toBe(1);
  });

  test('a configuration error marks the channel (metric 1); the message waits, is retried after a few minutes and after a reload', async () => {
    const n = h.notifier();
    sender.script.push(
      { ok: false, kind: 'config', code: '93000', error: 'invalid webhook url' },
      { ok: false, kind: 'config', code: '93000', error: 'invalid webhook url' },
    );
    await queue({ key: 'c' });
    await n.runOnce();
    const gauge = 'opsdesk_notify_channel_config_error{channel="ops",type="webhook"}';
    expect(await metric(h.ctx, gauge)).toBe(1);
    const [ch] = await notifyStore.channels(h.db);
    expect([ch?.status, ch?.last_error_code]).toEqual(['config_error', '93000']);
    expect((await messages())[0]?.status).toBe('queued');
    h.advance(CONFIG_RETRY_MS - 1);
    await n.runOnce();
    expect(sender.received).toHaveLength(0);
    h.advance(1);
    await n.runOnce(); // the second config answer
    expect(await metric(h.ctx, gauge)).toBe(1);
    h.advance(1_000);
    await n.reload(); // the operator fixed the secret
    await n.runOnce();
    expect((await messages())[0]?.status).toBe('sent');
    expect(await metric(h.ctx, gauge)).toBe(0);
    expect(
      await metric(
        h.ctx,
        'opsdesk_notify_delivery_attempts_failed_total{channel="ops",type="webhook",kind="config"}',
      ),
    ).toBe(2);
  });

  test('a sender that cannot be built (a missing secret) is the channel’s configuration error', async () => {
    const n = h.notifier({
      createSender: () => {
        throw new Error('notify.channels[ops].webhook_url: environment variable X is not set');
      },
    });
    await queue({ key: 'c' });
    await n.runOnce();
    const [ch] = await notifyStore.channels(h.db);
    expect([ch?.status, ch?.last_error_message]).toEqual([
      'config_error',
      'notify.channels[ops].webhook_url: environment variable X is not set',
    ]);
    expect((await messages())[0]?.status).toBe('queued');
  });

  test("a channel's template that does not compile is its configuration error: the message waits, naming the file", async () => {
    const n = h.notifier({
      render: () => {
        throw new TemplateError(
          'templates/alert.group.zh-Hans.hbs:3: Parse error',
          'alert.group.zh-Hans.hbs',
          3,
        );
      },
    });
    await queue({ key: 't' });
    await n.runOnce();
    const [ch] = await notifyStore.channels(h.db);
    expect(ch?.status).toBe('config_error');
    expect(ch?.last_error_message).toContain('alert.group.zh-Hans.hbs:3');
    expect((await messages())[0]?.status).toBe('queued');
  });

  test('rejected fails the message; older than notify.max_age fails it as expired', async () => {
    const n = h.notifier();
    sender.script.push({ ok: false, kind: 'rejected', code: '40058', error: 'content exceed max length' });
    await queue({ key: 'bad' });
    await n.runOnce();
    await queue({ key: 'old' });
    for (let i = 0; i < 30; i++)
      sender.script.push({ ok: false, kind: 'transient', status: 500, error: 'down' });
    for (let i = 0; i < 30 && (await messages())[1]?.status === 'queued'; i++) {
      h.advance(10 * 60_000);
      await n.runOnce();
    }
    const rows = await messages();
    expect(rows.map((m) => [m.status, m.last_error_kind])).toEqual([
      ['failed', 'rejected'],
      ['failed', 'expired'],
    ]);
    expect(Number(rows[1]?.created_at) + 3_600_000).toBeLessThanOrEqual(h.clock.now);
    expect(
      await metric(
        h.ctx,
        'opsdesk_notify_messages_failed_total{channel="ops",type="webhook",reason="expired"}',
      ),
    ).toBe(1);
    expect(
      await metric(
        h.ctx,
        'opsdesk_notify_messages_failed_total{channel="ops",type="webhook",reason="rejected"}',
      ),
    ).toBe(1);
  });

  test('a message over the size limit goes as [k/n] parts; a crash during a part resends that part only, marked as a possible repeat', async () => {
    const n = h.notifier();
    // three sections of 3000 bytes: three parts
    await h.ctx.db.transaction(async (tx) => {
      await enqueue(
        h.ctx,
        tx,
        event({ key: 'big', kind: 'incident.opened', channels: ['ops'], data: { pad: 3000, mark: 1 } }),
      );
      await enqueue(
        h.ctx,
        tx,
        event({ key: 'big', kind: 'sla.at_risk', channels: ['ops'], data: { pad: 3000, mark: 2 } }),
      );
      await enqueue(
        h.ctx,
        tx,
        event({ key: 'big', kind: 'sla.breached', channels: ['ops'], data: { pad: 3000, mark: 3 } }),
      );
    });
    await n.prepare();
    await n.step('ops'); // part 1 goes
    // another process claims part 2 (its lease and its delivery row are written) and dies
    const dead = h.notifier({ owner: 'dead-process' });
    await dead.prepare();
    const claim = (dead as unknown as { claim(c: unknown, s: unknown): Promise<unknown> }).claim.bind(dead);
    await claim(h.ctx.config.notify.channels[0], sender);
    await n.runOnce();
    expect(sender.received).toHaveLength(1); // its lease still holds
    h.advance(20_001); // the channel's 10 s timeout and the lease margin
    await n.runOnce();
    expect(sender.received.map((p) => p.title)).toEqual([
      '[1/3] 3 events',
      '[2/3] [可能重复] 3 events', // the channel's language (zh-Hans by default)
      '[3/3] 3 events',
    ]);
    const [after] = await messages();
    expect([after?.status, Number(after?.parts), Number(after?.parts_sent)]).toEqual(['sent', 3, 3]);
  });
});

describe.each(DATABASE_KINDS)('incident events on %s', (kind) => {
  let h: Harness;
  let sender: ScriptedSender;
  beforeEach(async () => {
    h = await harness(
      kind,
      { notify: { channels: [webhookChannel('ops', { severities: ['P1', 'P2'] })] } },
      () => sender,
    );
    sender = new ScriptedSender(undefined, () => h.clock.now);
  });
  afterEach(() => h.close());

  test('opened → acknowledged → resolved reach the channel as messages written in the incident’s transactions', async () => {
    const svc = new IncidentService(h.ctx);
    const base = { title: 'Gateway down', service: 'gateway', labels: {}, symptom: '', impact: '' };
    const inc = await svc.create({ ...base, severity: 'P1' }, CALLER);
    await svc.create({ ...base, severity: 'P4' }, CALLER); // the channel takes P1 and P2 only
    h.advance(60_000);
    await svc.transition(inc.id, 'acknowledge', CALLER);
    h.advance(60_000);
    await svc.transition(inc.id, 'resolve', CALLER, 'restarted the gateway');
    const n = h.notifier();
    await n.runOnce();
    expect(sender.received.map((p) => p.sections.map((s) => s.split('|').slice(0, 3).join(' ')))).toEqual([
      [`incident.opened ${inc.id} firing`],
      [`incident.acknowledged ${inc.id} info`],
      [`incident.resolved ${inc.id} resolved`],
    ]);
  });

  test('a rolled-back transaction sends nothing', async () => {
    await expect(
      h.ctx.db.transaction(async (tx) => {
        await insertIncident(
          h.ctx,
          tx,
          {
            title: 'never',
            severity: 'P1',
            service: '',
            source: 'manual',
            labels: {},
            symptom: '',
            impact: '',
            occurredAt: T0,
            detectedAt: T0,
          },
          'li.si',
        );
        expect(await tx.kysely.selectFrom('notify_messages').select('id').execute()).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await h.notifier().runOnce();
    expect(sender.received).toHaveLength(0);
    expect(await h.db.kysely.selectFrom('notify_messages').select('id').execute()).toHaveLength(0);
  });

  test('a breach the tick finds on an incident already resolved is on its timeline, but pages nobody', async () => {
    const svc = new IncidentService(h.ctx);
    const inc = await svc.create(
      { title: 'Restored history', severity: 'P1', service: 'trading', labels: {}, symptom: '', impact: '' },
      CALLER,
    );
    h.advance(20 * 60_000); // past the 15 min response goal, and no tick ran (a server that was down)
    await svc.transition(inc.id, 'resolve', CALLER);
    await recordBreaches(h.ctx);
    const timeline = await svc.timeline(inc.id);
    expect(timeline.entries.filter((e) => e.kind === 'sla_breached').map((e) => e.data.goal)).toEqual([
      'response',
    ]);
    const kinds = (
      await h.db.kysely.selectFrom('notify_messages').select('kind').orderBy('id').execute()
    ).map((m) => m.kind);
    expect(kinds).toEqual(['incident.opened', 'incident.resolved']);
  });

  test('the SLA tick queues at-risk once per goal, then the breach', async () => {
    const svc = new IncidentService(h.ctx);
    const inc = await svc.create(
      { title: 'Slow orders', severity: 'P1', service: 'trading', labels: {}, symptom: '', impact: '' },
      CALLER,
    );
    const kinds = async () =>
      (
        await h.db.kysely.selectFrom('notify_messages').select(['kind', 'events']).orderBy('id').execute()
      ).map((m) => [
        m.kind,
        (JSON.parse(m.events) as Array<{ data: { goal?: string } }>)[0]?.data.goal ?? null,
      ]);
    // P1: respond within 15 min; at risk in its last quarter (from 11 min 15 s)
    h.advance(11 * 60_000);
    await recordBreaches(h.ctx);
    expect(await kinds()).toEqual([['incident.opened', null]]);
    h.advance(30_000);
    await recordBreaches(h.ctx);
    await recordBreaches(h.ctx);
    expect(await kinds()).toEqual([
      ['incident.opened', null],
      ['sla.at_risk', 'response'],
    ]);
    h.advance(4 * 60_000);
    await recordBreaches(h.ctx);
    expect(await kinds()).toEqual([
      ['incident.opened', null],
      ['sla.at_risk', 'response'],
      ['sla.breached', 'response'],
    ]);
    const timeline = await svc.timeline(inc.id);
    expect(timeline.entries.filter((e) => e.kind === 'sla_at_risk').map((e) => e.data.goal)).toEqual([
      'response',
    ]);
  });

  test('mentions: the people an event names and, with mention: assignee, the incident’s assignee', async () => {
    h.ctx.config.people = [
      { id: 'zhang.san', name: '张三', wecom_userid: 'ZhangSan', language: 'zh-Hans', roles: [] },
      { id: 'li.si', name: '李四', wecom_userid: 'LiSi', language: 'zh-Hans', roles: ['lead'] },
    ];
    h.ctx.config.notify.channels[0]!.mention = 'assignee';
    const seen: Recipient[][] = [];
    const n = h.notifier({
      render: (evs, ch, opts) => (seen.push(opts.mentions), plainRender(evs, ch, opts)),
    });
    const svc = new IncidentService(h.ctx);
    await svc.create(
      {
        title: 'Disk full',
        severity: 'P2',
        service: 'db',
        labels: {},
        symptom: '',
        impact: '',
        assignee: 'zhang.san',
      },
      CALLER,
    );
    await h.ctx.db.transaction((tx) =>
      enqueue(
        h.ctx,
        tx,
        event({
          key: 'x',
          kind: 'incident.escalated',
          phase: 'firing',
          mention: ['li.si', 'nobody'],
          channels: ['ops'],
        }),
      ),
    );
    await n.runOnce();
    expect(seen.map((m) => m.map((r) => r.wecomUserId))).toEqual([['ZhangSan'], ['LiSi']]);
  });
});
