import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { serverConfigSchema } from '../config';
import { startServer, type RunningServer } from '../server';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../testing/databases';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../testing/server';
import { runEscalations } from './escalation-service';

const S = 1000;
const M = 60 * S;
const cst = (local: string) => new Date(`${local}+08:00`).getTime();
const isoOf = (ms: number) => new Date(ms).toISOString();

// Nothing listens there: a sender that tries it fails and keeps the message queued, which is all
// these tests read (what was queued, for whom).
process.env.OPSDESK_TEST_ESCALATION_WEBHOOK = 'http://127.0.0.1:9/escalation';

const CONFIG = {
  sla: {
    // the tests tick by hand on their fake clock; the server's own timer must not tick meanwhile
    tick_interval: '24h',
    calendars: [
      { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
      // National Day 2026: 10-01..10-07 off, Saturday 10-10 a make-up workday (调休)
      {
        name: 'cn-5x8',
        timezone: 'Asia/Shanghai',
        hours: { weekdays: '09:00-18:00' },
        holidays: { builtin: 'cn' },
      },
    ],
  },
  people: [
    { id: 'zhang.san', name: '张三', wecom_userid: 'ZhangSan' },
    { id: 'li.si', name: '李四' },
    { id: 'wang.wu', name: '王五', roles: ['lead'] },
    { id: 'zhao.liu', name: '赵六', roles: ['manager'] },
  ],
  notify: {
    channels: [
      { name: 'ops-webhook', type: 'webhook', webhook_url: { env: 'OPSDESK_TEST_ESCALATION_WEBHOOK' } },
      // takes no escalation by its filters: only a step that names it reaches it
      {
        name: 'lead-webhook',
        type: 'webhook',
        webhook_url: { env: 'OPSDESK_TEST_ESCALATION_WEBHOOK' },
        events: ['incident.opened'],
      },
    ],
  },
  oncall: {
    rosters: [
      {
        name: 'ops',
        calendar: '24x7',
        layers: [
          { name: 'primary', members: ['zhang.san'], start: '2026-01-05' },
          { name: 'backup', members: ['li.si'], start: '2026-01-05' },
        ],
      },
    ],
    escalation: {
      policies: [
        {
          // the 5×8 contract pages at night for P1 only: its first step; the lead waits for the morning
          name: 'settlement-p1',
          match: { severities: ['P1'], services: ['settlement'] },
          service_hours: 'cn-5x8',
          outside_hours: true,
          steps: [
            { notify: [{ roster: 'ops', layer: 'primary' }], wait: '5m' },
            { notify: [{ role: 'lead' }], wait: '10m', outside_hours: false },
          ],
        },
        {
          name: 'p1',
          match: { severities: ['P1'] },
          steps: [
            { notify: [{ roster: 'ops', layer: 'primary' }], wait: '5m' },
            { notify: [{ roster: 'ops', layer: 'backup' }], wait: '10m' },
            { notify: [{ role: 'lead' }, { channel: 'lead-webhook' }], wait: '15m' },
          ],
          repeat: 1,
        },
        {
          name: '5x8',
          match: { severities: ['P3'] },
          service_hours: 'cn-5x8',
          steps: [
            { notify: [{ roster: 'ops', layer: 'primary' }], wait: '30m' },
            { notify: [{ role: 'manager' }], wait: '1h' },
          ],
        },
      ],
    },
  },
};

type Escalation = {
  policy: string | null;
  state: string;
  step: number;
  repeat: number;
  nextAt: string | null;
  stoppedAt: string | null;
  stoppedBy: string | null;
  stopReason: string | null;
  finishedAt: string | null;
  history: Array<{
    policy: string;
    at: string;
    dueAt: string;
    step: number;
    repeat: number;
    notified: string[];
    channels: string[];
  }>;
};
type Entry = { at: string; kind: string; actor: string; data: Record<string, unknown> };

/** What the server can be asked: the in-process test server, or one started by hand for a restart. */
interface Api {
  url: string;
  ctx: RunningServer['ctx'];
}

async function call<T>(s: Api, method: string, path: string, body?: unknown, token = ADMIN_TOKEN) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const openIncident = async (s: Api, severity: string, service: string, title = `${severity} ${service}`) => {
  const r = await call<{ id: string; number: string }>(s, 'POST', '/api/v1/incidents', {
    title,
    severity,
    service,
  });
  expect(r.status).toBe(201);
  return r.body;
};
const escalation = async (s: Api, id: string) => {
  const r = await call<Escalation>(s, 'GET', `/api/v1/incidents/${id}/escalation`);
  expect(r.status).toBe(200);
  return r.body;
};
const escalatedEntries = async (s: Api, id: string) =>
  (await call<{ entries: Entry[] }>(s, 'GET', `/api/v1/incidents/${id}/timeline`)).body.entries.filter(
    (e) => e.kind === 'escalated',
  );
/** The escalation messages queued for an incident: channel and the people each mentions, in order. */
const queued = async (s: Api, id: string) => {
  // a message may carry several events of its incident (the outbox aggregates): each is read
  const rows = await s.ctx.db.kysely
    .selectFrom('notify_messages')
    .select(['id', 'channel', 'events'])
    .where('agg_key', '=', id)
    .orderBy('id')
    .execute();
  return rows
    .flatMap((r) =>
      (
        JSON.parse(r.events) as Array<{
          kind: string;
          at: number;
          mention?: string[];
          data: { escalation: { step: number; repeat?: number; notified: string[] } };
        }>
      )
        .filter((e) => e.kind === 'incident.escalated')
        .map((e) => ({
          at: e.at,
          channel: r.channel,
          step: e.data.escalation.step,
          round: e.data.escalation.repeat ?? 1,
          mention: e.mention ?? [],
          names: e.data.escalation.notified,
        })),
    )
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...rest }) => rest);
};

/**
 * Runs the scheduler's escalation work on the fake clock from `from` to `to`: every `every` ms,
 * and also one second before and at each instant in `exactly`, so a page seen at such an instant
 * is proven to be due exactly then. Returns the instants at which steps paged.
 */
async function tickThrough(
  s: Api,
  clock: { now: number },
  from: number,
  to: number,
  exactly: number[] = [],
  every = 30 * S,
): Promise<number[]> {
  const instants = new Set<number>();
  for (let t = from; t <= to; t += every) instants.add(t);
  for (const t of exactly) if (t >= from && t <= to) instants.add(t - S).add(t);
  const paged: number[] = [];
  for (const t of [...instants].sort((a, b) => a - b)) {
    clock.now = t;
    const n = await runEscalations(s.ctx, () => false);
    for (let i = 0; i < n; i++) paged.push(t);
  }
  return paged;
}

describe.each(DATABASE_KINDS)('escalation on %s', (kind) => {
  let s: TestServer;
  const clock = { now: cst('2026-10-12T10:00:00') };
  beforeAll(async () => {
    s = await startTestServer(kind, CONFIG);
    s.ctx.now = () => clock.now;
  });
  afterAll(() => s.stop());

  test('the policies as configured, in matching order', async () => {
    const r = await s.api<{
      policies: Array<{ name: string; steps: Array<{ waitSeconds: number; outsideHours: boolean }> }>;
    }>('GET', '/api/v1/escalation/policies');
    expect(r.status).toBe(200);
    expect(r.body.policies.map((p) => p.name)).toEqual(['settlement-p1', 'p1', '5x8']);
    expect(r.body.policies[0]?.steps).toMatchObject([
      { waitSeconds: 300, outsideHours: true },
      { waitSeconds: 600, outsideHours: false },
    ]);
  });

  test('an unacknowledged P1 escalates primary → backup → lead on the policy’s minutes and stops at the first acknowledgement', async () => {
    const t0 = cst('2026-10-12T10:00:00');
    clock.now = t0;
    const inc = await openIncident(s, 'P1', 'clearing');
    const token = await s.api<{ token: string }>('POST', '/api/v1/tokens', { name: 'li.si', role: 'editor' });
    expect(token.status).toBe(201);

    const paged = await tickThrough(s, clock, t0, t0 + 20 * M, [t0 + 5 * M, t0 + 15 * M]);
    expect(paged).toEqual([t0, t0 + 5 * M, t0 + 15 * M]);

    const e = await escalation(s, inc.id);
    expect(e).toMatchObject({
      policy: 'p1',
      state: 'running',
      step: 1,
      repeat: 1,
      nextAt: isoOf(t0 + 30 * M),
    });
    expect(e.history).toEqual([
      {
        policy: 'p1',
        at: isoOf(t0),
        dueAt: isoOf(t0),
        step: 1,
        repeat: 0,
        notified: ['zhang.san'],
        channels: ['ops-webhook'],
        uncovered: [],
      },
      {
        policy: 'p1',
        at: isoOf(t0 + 5 * M),
        dueAt: isoOf(t0 + 5 * M),
        step: 2,
        repeat: 0,
        notified: ['li.si'],
        channels: ['ops-webhook'],
        uncovered: [],
      },
      {
        policy: 'p1',
        at: isoOf(t0 + 15 * M),
        dueAt: isoOf(t0 + 15 * M),
        step: 3,
        repeat: 0,
        notified: ['wang.wu'],
        channels: ['lead-webhook'],
        uncovered: [],
      },
    ]);

    const entries = await escalatedEntries(s, inc.id);
    expect(entries.map((x) => [x.at, x.actor, x.data.step, x.data.notified, x.data.channels])).toEqual([
      [isoOf(t0), 'opsdesk', 1, ['zhang.san'], ['ops-webhook']],
      [isoOf(t0 + 5 * M), 'opsdesk', 2, ['li.si'], ['ops-webhook']],
      [isoOf(t0 + 15 * M), 'opsdesk', 3, ['wang.wu'], ['lead-webhook']],
    ]);
    expect(entries[2]?.data.people).toEqual([{ id: 'wang.wu', name: '王五' }]);

    expect(await queued(s, inc.id)).toEqual([
      { channel: 'ops-webhook', step: 1, round: 1, mention: ['zhang.san'], names: ['张三'] },
      { channel: 'ops-webhook', step: 2, round: 1, mention: ['li.si'], names: ['李四'] },
      { channel: 'lead-webhook', step: 3, round: 1, mention: ['wang.wu'], names: ['王五'] },
    ]);

    // the backup acknowledges at +20 min: the repeat due at +30 min never pages
    clock.now = t0 + 20 * M;
    const ack = await call(s, 'POST', `/api/v1/incidents/${inc.id}/acknowledge`, {}, token.body.token);
    expect(ack.status).toBe(200);
    expect((await escalation(s, inc.id)).state).toBe('stopped');
    expect(await tickThrough(s, clock, t0 + 20 * M, t0 + 2 * 60 * M, [t0 + 30 * M], 5 * M)).toEqual([]);
    const after = await escalation(s, inc.id);
    expect(after).toMatchObject({
      state: 'stopped',
      stoppedAt: isoOf(t0 + 20 * M),
      stoppedBy: 'li.si',
      stopReason: 'acknowledged',
      nextAt: null,
    });
    expect(after.history).toHaveLength(3);
    expect(await escalatedEntries(s, inc.id)).toHaveLength(3);
    expect(await queued(s, inc.id)).toHaveLength(3);
  });

  test('acknowledged between two ticks: the step due next does not page', async () => {
    const t0 = cst('2026-10-13T10:00:00');
    clock.now = t0;
    const inc = await openIncident(s, 'P1', 'clearing');
    expect(await tickThrough(s, clock, t0, t0 + 4 * M)).toEqual([t0]);
    clock.now = t0 + 4 * M + 59 * S;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    // no tick in between: the step due at +5 min sees the acknowledgement in its own transaction
    clock.now = t0 + 5 * M;
    expect(await runEscalations(s.ctx, () => false)).toBe(0);
    expect(await escalation(s, inc.id)).toMatchObject({ state: 'stopped', stoppedBy: 'bootstrap', step: 2 });
    expect(await queued(s, inc.id)).toHaveLength(1);
  });

  test('repeated K times, then finished: no page after the last step of the last repeat', async () => {
    const t0 = cst('2026-10-14T10:00:00');
    clock.now = t0;
    const inc = await openIncident(s, 'P1', 'clearing');
    const dues = [0, 5, 15, 30, 35, 45].map((m) => t0 + m * M);
    expect(await tickThrough(s, clock, t0, t0 + 3 * 60 * M, dues, M)).toEqual(dues);
    const e = await escalation(s, inc.id);
    expect(e).toMatchObject({ state: 'finished', finishedAt: isoOf(t0 + 45 * M), nextAt: null });
    expect(e.history.map((h) => [h.repeat, h.step, h.notified])).toEqual([
      [0, 1, ['zhang.san']],
      [0, 2, ['li.si']],
      [0, 3, ['wang.wu']],
      [1, 1, ['zhang.san']],
      [1, 2, ['li.si']],
      [1, 3, ['wang.wu']],
    ]);
    expect((await queued(s, inc.id)).map((q) => [q.round, q.step, q.mention])).toEqual([
      [1, 1, ['zhang.san']],
      [1, 2, ['li.si']],
      [1, 3, ['wang.wu']],
      [2, 1, ['zhang.san']],
      [2, 2, ['li.si']],
      [2, 3, ['wang.wu']],
    ]);
  });

  test('a 5×8 P3 opened on the Friday night before a 调休 Saturday waits for Saturday 09:00', async () => {
    const t0 = cst('2026-10-09T22:00:00');
    clock.now = t0;
    const inc = await openIncident(s, 'P3', 'clearing');
    const saturday9 = cst('2026-10-10T09:00:00');
    expect(await tickThrough(s, clock, t0, saturday9 - 2 * S, [], 30 * M)).toEqual([]);
    expect(await escalation(s, inc.id)).toMatchObject({
      policy: '5x8',
      state: 'waiting_for_service_hours',
      nextAt: isoOf(saturday9),
      history: [],
    });
    expect(
      await tickThrough(s, clock, saturday9 - S, saturday9 + 30 * M, [saturday9, saturday9 + 30 * M], 5 * M),
    ).toEqual([saturday9, saturday9 + 30 * M]);
    expect((await escalation(s, inc.id)).history.map((h) => [h.at, h.notified])).toEqual([
      [isoOf(saturday9), ['zhang.san']],
      [isoOf(saturday9 + 30 * M), ['zhao.liu']],
    ]);
  });

  test('a P3 opened on the eve of National Day waits out the holiday week; a P1 with outside_hours pages at once', async () => {
    const t0 = cst('2026-09-30T20:00:00');
    clock.now = t0;
    const p3 = await openIncident(s, 'P3', 'clearing');
    const p1 = await openIncident(s, 'P1', 'settlement');
    expect(await tickThrough(s, clock, t0, t0 + 4 * M)).toEqual([t0]);
    expect((await escalation(s, p1.id)).history.map((h) => [h.at, h.notified])).toEqual([
      [isoOf(t0), ['zhang.san']],
    ]);
    // its second step (the lead) does not page outside the hours: it waits for the first workday
    const thursday9 = cst('2026-10-08T09:00:00');
    expect(await escalation(s, p1.id)).toMatchObject({
      policy: 'settlement-p1',
      step: 2,
      nextAt: isoOf(thursday9),
    });
    expect(await escalation(s, p3.id)).toMatchObject({ policy: '5x8', nextAt: isoOf(thursday9) });
    // the holiday week, a tick an hour: nothing pages
    expect(await tickThrough(s, clock, t0 + 5 * M, thursday9 - S, [], 60 * M)).toEqual([]);
    clock.now = thursday9;
    expect(await runEscalations(s.ctx, () => false)).toBe(2);
    expect((await escalation(s, p1.id)).history.map((h) => [h.at, h.notified])).toEqual([
      [isoOf(t0), ['zhang.san']],
      [isoOf(thursday9), ['wang.wu']],
    ]);
    expect((await escalation(s, p3.id)).history.map((h) => [h.at, h.notified])).toEqual([
      [isoOf(thursday9), ['zhang.san']],
    ]);
    for (const i of [p1, p3]) await s.api('POST', `/api/v1/incidents/${i.id}/acknowledge`, {});
  });

  test('a P3 waiting for the morning, upgraded to P1, is escalated by the P1 policy at once', async () => {
    const t0 = cst('2026-10-16T23:00:00'); // a Friday night
    clock.now = t0;
    const inc = await openIncident(s, 'P3', 'clearing');
    expect(await tickThrough(s, clock, t0, t0 + 9 * M)).toEqual([]);
    expect(await escalation(s, inc.id)).toMatchObject({
      policy: '5x8',
      state: 'waiting_for_service_hours',
      nextAt: isoOf(cst('2026-10-19T09:00:00')),
    });
    clock.now = t0 + 10 * M;
    expect((await s.api('PATCH', `/api/v1/incidents/${inc.id}`, { severity: 'P1' })).status).toBe(200);
    expect(await tickThrough(s, clock, t0 + 10 * M, t0 + 16 * M, [t0 + 15 * M])).toEqual([
      t0 + 10 * M,
      t0 + 15 * M,
    ]);
    const e = await escalation(s, inc.id);
    expect(e).toMatchObject({ policy: 'p1', state: 'running', step: 3, nextAt: isoOf(t0 + 25 * M) });
    expect(e.history.map((h) => [h.policy, h.step, h.at, h.notified])).toEqual([
      ['p1', 1, isoOf(t0 + 10 * M), ['zhang.san']],
      ['p1', 2, isoOf(t0 + 15 * M), ['li.si']],
    ]);
    const changed = (
      await call<{ entries: Entry[] }>(s, 'GET', `/api/v1/incidents/${inc.id}/timeline`)
    ).body.entries.filter((x) => x.kind === 'escalation_policy_changed');
    expect(changed.map((x) => [x.at, x.data.from, x.data.to])).toEqual([[isoOf(t0 + 10 * M), '5x8', 'p1']]);
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
  });

  test('an unknown incident has no escalation: 404 naming it', async () => {
    const r = await s.api<{ error: { code: string; message: string } }>(
      'GET',
      '/api/v1/incidents/INC-1999-9999/escalation',
    );
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not_found', message: 'incident INC-1999-9999 not found' });
  });

  test('an incident resolved or commented on before its first tick pages nobody', async () => {
    const t0 = cst('2026-10-15T10:00:00');
    clock.now = t0;
    const resolved = await openIncident(s, 'P1', 'clearing');
    const commented = await openIncident(s, 'P1', 'clearing');
    expect((await s.api('POST', `/api/v1/incidents/${resolved.id}/resolve`, {})).status).toBe(200);
    expect((await s.api('POST', `/api/v1/incidents/${commented.id}/comments`, { text: '在看' })).status).toBe(
      201,
    );
    expect(await runEscalations(s.ctx, () => false)).toBe(0);
    expect(await escalation(s, resolved.id)).toMatchObject({
      state: 'stopped',
      stopReason: 'resolved',
      history: [],
    });
    expect(await escalation(s, commented.id)).toMatchObject({
      state: 'stopped',
      stopReason: 'responded',
      history: [],
    });
  });

  test('/metrics: steps per policy and the escalations running', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.split(' ')[1]);
    };
    // p1: 3 (acceptance) + 1 (acknowledged between ticks) + 6 (repeat) + 2 (upgraded); settlement-p1: 2; 5x8: 2 + 1
    expect(value('opsdesk_escalation_steps_total{policy="p1"}')).toBe(12);
    expect(value('opsdesk_escalation_steps_total{policy="settlement-p1"}')).toBe(2);
    expect(value('opsdesk_escalation_steps_total{policy="5x8"}')).toBe(3);
    const running = await s.ctx.db.kysely
      .selectFrom('escalations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('next_at', 'is not', null)
      .executeTakeFirst();
    expect(value('opsdesk_escalations_running')).toBe(Number(running?.n));
    // the Saturday P3 finished with its last step; every other escalation was answered
    expect(Number(running?.n)).toBe(0);
  });

  // after the metrics test: the steps these page are not in its counts
  test('a reopened incident escalates again from step 1 under the policy matching it now, and stops at the next acknowledgement', async () => {
    const t0 = cst('2026-10-20T10:00:00'); // a Tuesday, inside the 5×8 hours
    clock.now = t0;
    const inc = await openIncident(s, 'P1', 'clearing');
    expect(await tickThrough(s, clock, t0, t0 + 6 * M, [t0 + 5 * M])).toEqual([t0, t0 + 5 * M]);
    clock.now = t0 + 7 * M;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    clock.now = t0 + 8 * M;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/resolve`, {})).status).toBe(200);
    // while resolved it moves to the settlement service: only a new run can take settlement-p1
    clock.now = t0 + 9 * M;
    expect((await s.api('PATCH', `/api/v1/incidents/${inc.id}`, { service: 'settlement' })).status).toBe(200);
    expect(await tickThrough(s, clock, t0 + 9 * M, t0 + 39 * M)).toEqual([]);
    expect(await escalation(s, inc.id)).toMatchObject({
      policy: 'p1',
      state: 'stopped',
      stopReason: 'acknowledged',
    });

    const reopened = t0 + 40 * M;
    clock.now = reopened;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/reopen`, {})).status).toBe(200);
    expect(await tickThrough(s, clock, reopened, reopened + 3 * M)).toEqual([reopened]);
    expect(await escalation(s, inc.id)).toMatchObject({
      policy: 'settlement-p1',
      state: 'running',
      step: 2,
      repeat: 0,
      startedAt: isoOf(reopened),
      nextAt: isoOf(reopened + 5 * M),
      stoppedAt: null,
    });

    // acknowledged again a minute before the lead's step: it never pages
    clock.now = reopened + 4 * M;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    expect(await tickThrough(s, clock, reopened + 4 * M, reopened + 30 * M, [reopened + 5 * M])).toEqual([]);
    const e = await escalation(s, inc.id);
    expect(e).toMatchObject({
      policy: 'settlement-p1',
      state: 'stopped',
      stoppedAt: isoOf(reopened + 4 * M),
      stoppedBy: 'bootstrap',
      stopReason: 'acknowledged',
      nextAt: null,
    });
    expect(e.history.map((h) => [h.policy, h.step, h.repeat, h.at, h.notified])).toEqual([
      ['p1', 1, 0, isoOf(t0), ['zhang.san']],
      ['p1', 2, 0, isoOf(t0 + 5 * M), ['li.si']],
      ['settlement-p1', 1, 0, isoOf(reopened), ['zhang.san']],
    ]);
    const entries = (await call<{ entries: Entry[] }>(s, 'GET', `/api/v1/incidents/${inc.id}/timeline`)).body
      .entries;
    expect(
      entries
        .filter((x) => x.kind === 'escalation_restarted')
        .map((x) => [x.at, x.data.policy, x.data.reopenedAt]),
    ).toEqual([[isoOf(reopened), 'settlement-p1', isoOf(reopened)]]);
    expect(
      entries.filter((x) => x.kind === 'escalated').map((x) => [x.at, x.data.policy, x.data.step]),
    ).toEqual([
      [isoOf(t0), 'p1', 1],
      [isoOf(t0 + 5 * M), 'p1', 2],
      [isoOf(reopened), 'settlement-p1', 1],
    ]);
    expect((await queued(s, inc.id)).map((q) => [q.step, q.mention])).toEqual([
      [1, ['zhang.san']],
      [2, ['li.si']],
      [1, ['zhang.san']],
    ]);
    // resolved and reopened once more between two ticks: one more run, its first step once
    clock.now = reopened + 31 * M;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/resolve`, {})).status).toBe(200);
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/reopen`, {})).status).toBe(200);
    expect(await tickThrough(s, clock, reopened + 31 * M, reopened + 33 * M)).toEqual([reopened + 31 * M]);
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    expect(await tickThrough(s, clock, reopened + 34 * M, reopened + 60 * M, [], 5 * M)).toEqual([]);
    expect((await escalation(s, inc.id)).history).toHaveLength(4);
  });

  test('an incident no policy matched starts escalating when raised, still unacknowledged, to a severity a policy takes', async () => {
    const t0 = cst('2026-10-21T10:00:00');
    clock.now = t0;
    const inc = await openIncident(s, 'P2', 'clearing');
    const answered = await openIncident(s, 'P2', 'clearing');
    expect(await tickThrough(s, clock, t0, t0 + 5 * M)).toEqual([]);
    expect(await escalation(s, inc.id)).toMatchObject({ policy: null, state: 'none', history: [] });
    clock.now = t0 + 5 * M + 30 * S;
    expect((await s.api('POST', `/api/v1/incidents/${answered.id}/acknowledge`, {})).status).toBe(200);

    const raised = t0 + 6 * M;
    clock.now = raised;
    for (const i of [inc, answered])
      expect((await s.api('PATCH', `/api/v1/incidents/${i.id}`, { severity: 'P1' })).status).toBe(200);
    expect(await tickThrough(s, clock, raised, raised + 6 * M, [raised + 5 * M])).toEqual([
      raised,
      raised + 5 * M,
    ]);
    const e = await escalation(s, inc.id);
    expect(e).toMatchObject({
      policy: 'p1',
      state: 'running',
      step: 3,
      startedAt: isoOf(raised),
      nextAt: isoOf(raised + 15 * M),
    });
    expect(e.history.map((h) => [h.policy, h.step, h.at, h.notified])).toEqual([
      ['p1', 1, isoOf(raised), ['zhang.san']],
      ['p1', 2, isoOf(raised + 5 * M), ['li.si']],
    ]);
    const changed = (
      await call<{ entries: Entry[] }>(s, 'GET', `/api/v1/incidents/${inc.id}/timeline`)
    ).body.entries.filter((x) => x.kind === 'escalation_policy_changed');
    expect(changed.map((x) => [x.at, x.data.from, x.data.to])).toEqual([[isoOf(raised), null, 'p1']]);
    // the one acknowledged before it was raised pages nobody
    expect(await escalation(s, answered.id)).toMatchObject({ policy: null, history: [] });
    expect(await queued(s, answered.id)).toEqual([]);

    clock.now = raised + 7 * M;
    expect((await s.api('POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    expect(await tickThrough(s, clock, raised + 7 * M, raised + 60 * M, [raised + 15 * M], 5 * M)).toEqual(
      [],
    );
    expect(await escalation(s, inc.id)).toMatchObject({ state: 'stopped', stopReason: 'acknowledged' });
  });
});

// The servers here tick once as they start, not awaited: that tick may read the fake clock the
// test sets right after the start (on PostgreSQL it takes the scheduler's lock first, so it often
// does) and page a step due then itself. These tests therefore read what paged from the history,
// where a step is recorded once whoever paged it, not from what their own ticks return.
describe.each(DATABASE_KINDS)('escalation across a restart on %s', (kind) => {
  let database: TestDatabase;
  const clock = { now: cst('2090-03-06T10:00:00') };
  const config = serverConfigSchema.parse({
    ...CONFIG,
    http: { rate_limit: { per_second: 1000, burst: 1000 } },
  });
  const boot = async () => {
    const running = await startServer(config, {
      listen: `127.0.0.1:${await freePort()}`,
      database: database.url,
      log: createLogger('test', 'error', { write: () => undefined } as never),
      bootstrapToken: ADMIN_TOKEN,
    });
    running.ctx.now = () => clock.now;
    return running;
  };
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.drop());

  test('a restart in the middle resumes from the stored state, never repeating a step', async () => {
    const t0 = cst('2090-03-06T10:00:00');
    clock.now = t0;
    let s = await boot();
    const inc = await openIncident(s, 'P1', 'clearing');
    await tickThrough(s, clock, t0, t0 + 6 * M, [t0 + 5 * M]);
    expect((await escalation(s, inc.id)).history.map((h) => [h.step, h.at])).toEqual([
      [1, isoOf(t0)],
      [2, isoOf(t0 + 5 * M)],
    ]);
    // ticking again at the same instant pages nothing
    expect(await runEscalations(s.ctx, () => false)).toBe(0);
    await s.close();

    s = await boot();
    try {
      expect(await tickThrough(s, clock, t0 + 6 * M, t0 + 16 * M, [t0 + 15 * M])).toEqual([t0 + 15 * M]);
      const e = await escalation(s, inc.id);
      expect(e.history.map((h) => [h.step, h.at])).toEqual([
        [1, isoOf(t0)],
        [2, isoOf(t0 + 5 * M)],
        [3, isoOf(t0 + 15 * M)],
      ]);
      expect((await queued(s, inc.id)).map((q) => q.step)).toEqual([1, 2, 3]);
      expect((await escalatedEntries(s, inc.id)).map((x) => x.data.step)).toEqual([1, 2, 3]);
      expect((await call(s, 'POST', `/api/v1/incidents/${inc.id}/acknowledge`, {})).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  test('down past a step: it pages once on the first tick after the restart, and the next one waits its full minutes', async () => {
    const t0 = cst('2090-03-07T10:00:00');
    clock.now = t0;
    let s = await boot();
    const inc = await openIncident(s, 'P1', 'clearing');
    await tickThrough(s, clock, t0, t0 + 4 * M);
    expect((await escalation(s, inc.id)).history.map((h) => [h.step, h.at])).toEqual([[1, isoOf(t0)]]);
    await s.close();

    // down from +4 min to +40 min: the backup's step (due +5 min) pages at +40 min, the lead's 10 min later
    const back = t0 + 40 * M;
    clock.now = back;
    s = await boot();
    try {
      await tickThrough(s, clock, back, back + 11 * M, [back + 10 * M]);
      expect((await escalation(s, inc.id)).history.map((h) => [h.step, h.at, h.dueAt])).toEqual([
        [1, isoOf(t0), isoOf(t0)],
        [2, isoOf(back), isoOf(t0 + 5 * M)],
        [3, isoOf(back + 10 * M), isoOf(back + 10 * M)],
      ]);
      expect((await queued(s, inc.id)).map((q) => q.step)).toEqual([1, 2, 3]);
    } finally {
      await s.close();
    }
  });
});
