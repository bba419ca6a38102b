import { freePort, startRobot, type Robot } from '@opsdesk/testing';
import { serverConfigSchema } from '../config';
import { startServer, type RunningServer } from '../server';
import { webhookPayload, type TestAlert } from '../testing/alerts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../testing/databases';
import { silentLog, T0 } from '../testing/notify';
import { ADMIN_TOKEN } from '../testing/server';

// Acceptance 2 of issue 13: a burst of 500 alerts in 50 groups through the Alertmanager → IM bridge
// reaches a 20-per-minute WeCom robot as ordered, aggregated messages, none lost, none repeated,
// firing and resolved apart, with the server stopped and started again on the same database in
// the middle. The robot's limit and the server's limiter run on one fake clock; the senders are
// stepped with runOnce, the real templates and the real WeCom sender speak to the stand-in robot.

const GROUPS = 50;
const PER_GROUP = 10;
const ENV = 'OPSDESK_TEST_BRIDGE_ROBOT';
const g = (i: number) => `g${String(i).padStart(2, '0')}`;

/** A group's notification as Alertmanager sends it; the group's summary names the phase and the group. */
function notification(group: number, n: number, status: 'firing' | 'resolved') {
  const p = webhookPayload({ alertname: 'BurstTest', group: g(group) }, alerts(group, n, status));
  return {
    ...p,
    commonAnnotations: { summary: `${status === 'firing' ? 'FIRING' : 'RESOLVED'} group ${g(group)}` },
  };
}

function alerts(group: number, n: number, status: 'firing' | 'resolved'): TestAlert[] {
  return Array.from({ length: n }, (_, i) => ({
    labels: { alertname: 'BurstTest', group: g(group), instance: `${g(group)}-i${i}`, severity: 'critical' },
    annotations: { summary: `${status === 'firing' ? 'FIRING' : 'RESOLVED'} ${g(group)}-i${i}` },
    startsAt: new Date(T0 - 60_000).toISOString(),
    status,
    ...(status === 'resolved' ? { endsAt: new Date(T0 + 30 * 60_000).toISOString() } : {}),
  }));
}

describe.each(DATABASE_KINDS)('the Alertmanager → IM bridge on %s', (kind) => {
  let database: TestDatabase;
  let robot: Robot;
  let server: RunningServer | undefined;
  const clock = { now: T0 };

  const start = async () => {
    const s = await startServer(
      serverConfigSchema.parse({
        http: { rate_limit: { per_second: 100_000, burst: 100_000 } },
        notify: { channels: [{ name: 'team', type: 'wecom', webhook_url: { env: ENV }, mention: 'none' }] },
      }),
      {
        listen: `127.0.0.1:${await freePort()}`,
        database: database.url,
        log: silentLog(),
        bootstrapToken: ADMIN_TOKEN,
        notifier: { start: false },
      },
    );
    s.ctx.now = () => clock.now;
    return s;
  };
  const post = async (s: RunningServer, body: unknown, channel = 'team') => {
    const res = await fetch(`${s.url}/api/v1/alertmanager/notify/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { queued?: number; error?: { message: string } },
    };
  };
  /** Steps the senders on the fake clock, 5 s at a time, for `minutes`. */
  const drain = async (s: RunningServer, minutes: number) => {
    for (let t = 0; t < minutes * 12; t++) {
      await s.notifier.runOnce();
      clock.now += 5_000;
    }
  };
  const queued = async (s: RunningServer) =>
    Number(
      (
        await s.ctx.db.kysely
          .selectFrom('notify_messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', ['queued', 'sending'])
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await freshDatabase(kind);
    robot = await startRobot({ platform: 'wecom', now: () => clock.now });
    process.env[ENV] = robot.url;
  });
  afterAll(async () => {
    await server?.close();
    await robot.close();
    await database.drop();
    delete process.env[ENV];
  });

  test('500 alerts in 50 groups arrive ordered and aggregated, none lost, none repeated, across a restart', async () => {
    server = await start();
    expect(
      (await post(server, webhookPayload({ alertname: 'X' }, alerts(0, 1, 'firing')), 'nope')).status,
    ).toBe(404);
    // Alertmanager's first notification of each group (5 alerts), then the group complete (10)
    for (let i = 0; i < GROUPS; i++)
      expect((await post(server, notification(i, 5, 'firing'))).body).toEqual({ queued: 1 });
    for (let i = 0; i < GROUPS; i++)
      expect((await post(server, notification(i, PER_GROUP, 'firing'))).body).toEqual({ queued: 1 });
    await drain(server, 1);
    const beforeRestart = robot.received.length;
    expect(beforeRestart).toBeGreaterThan(0);
    expect(await queued(server)).toBeGreaterThan(0);

    await server.close();
    server = await start(); // the same database: what was queued is still queued
    for (let i = 0; i < GROUPS; i++)
      expect((await post(server, notification(i, PER_GROUP, 'resolved'))).body).toEqual({ queued: 1 });
    const s = server;
    for (let i = 0; i < 30 * 12 && (await queued(s)) > 0; i++) {
      await s.notifier.runOnce();
      clock.now += 5_000;
    }
    expect(await queued(s)).toBe(0);

    const texts = robot.received.map((m) => m.text);
    // the robot never had to refuse: our limiter kept its 20 a minute
    expect(robot.answers.filter((a) => a.code !== '0')).toEqual([]);
    const times = robot.received.map((m) => m.at);
    for (const t of times)
      expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(20);
    // firing and resolved apart
    for (const t of texts) expect([t.includes('FIRING'), t.includes('RESOLVED')]).not.toEqual([true, true]);
    // aggregated: 150 notifications became at most 100 messages (each group's first notification
    // superseded by its complete one), and with more queued than a minute allows, groups of one
    // phase were merged: fewer requests than groups × phases, every message sent whole
    const rows = await s.ctx.db.kysely.selectFrom('notify_messages').select(['status', 'phase']).execute();
    expect(rows.length).toBeLessThanOrEqual(2 * GROUPS);
    expect(robot.received.length).toBeLessThan(2 * GROUPS);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    console.log(
      `${kind}: ${GROUPS} groups, 3 notifications each → ${rows.length} messages in ${robot.received.length} requests`,
    );
    const line = (phase: string, i: number, a: number) => new RegExp(`(^|\\n)${phase} ${g(i)}-i${a}\\n`);
    for (let i = 0; i < GROUPS; i++) {
      const about = (phase: string) =>
        texts.flatMap((t, k) => (t.includes(`${phase} group ${g(i)}`) ? [k] : []));
      const firing = about('FIRING');
      const resolved = about('RESOLVED');
      expect(firing.length).toBeGreaterThan(0);
      expect(resolved.length).toBeGreaterThan(0);
      // the complete group only: the superseded first notification never went out
      for (const k of firing) expect(texts[k]).toContain(`（${PER_GROUP} 条）`);
      expect(Math.max(...firing)).toBeLessThan(Math.min(...resolved));
      // every alert exactly once per phase: none lost, none repeated
      for (let a = 0; a < PER_GROUP; a++) {
        expect([g(i), a, texts.filter((t) => line('FIRING', i, a).test(t)).length]).toEqual([g(i), a, 1]);
        expect([g(i), a, texts.filter((t) => line('RESOLVED', i, a).test(t)).length]).toEqual([g(i), a, 1]);
      }
    }
    // the groups in the order Alertmanager sent them (merged into one request: in order inside it,
    // below the title line, which names the latest)
    const first = (i: number) => {
      const k = texts.findIndex((t) => t.includes(`FIRING group ${g(i)}`));
      const body = texts[k] ?? '';
      return [k, body.indexOf(`FIRING group ${g(i)}`, body.indexOf('\n'))] as const;
    };
    for (let i = 1; i < GROUPS; i++) {
      const [[k, at], [k0, at0]] = [first(i), first(i - 1)];
      expect(k > k0 || (k === k0 && at > at0)).toBe(true);
    }
  }, 120_000);
});
