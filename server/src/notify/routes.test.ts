import { startRobot, waitFor, type Robot } from '@opsdesk/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';
import { BRIDGED_ALERTS } from './routes';

type Message = {
  id: string;
  status: string;
  kind: string;
  channel: string;
  attempts: number;
  partsSent: number;
  lastError: { kind: string; code: string | null } | null;
};
const ENV = 'OPSDESK_TEST_ROUTES_HOOK';

describe.each(DATABASE_KINDS)('notify routes on %s', (kind) => {
  let s: TestServer;
  let robot: Robot;
  let refuse = false;
  beforeAll(async () => {
    robot = await startRobot({
      platform: 'webhook',
      intercept: () => (refuse ? { status: 400, body: { error: 'unknown field' } } : undefined),
    });
    process.env[ENV] = robot.url;
    s = await startTestServer(kind, {
      notify: {
        poll_interval: '100ms',
        channels: [
          { name: 'hook', type: 'webhook', webhook_url: { env: ENV }, mention: 'none' },
          {
            name: 'nosecret',
            type: 'webhook',
            webhook_url: { env: 'OPSDESK_TEST_NOT_SET_ANYWHERE' },
            mention: 'none',
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await s.stop();
    await robot.close();
    delete process.env[ENV];
  });

  const message = async (id: string) =>
    (await s.api<{ messages: Message[] }>('GET', '/api/v1/notify/messages?limit=500')).body.messages.find(
      (m) => m.id === id,
    );

  test('a test message goes through the queue to the platform; the channel list shows it sent', async () => {
    const res = await s.api<Message>('POST', '/api/v1/notify/channels/hook/test');
    expect([res.status, res.body.kind, res.body.status]).toEqual([202, 'test', 'queued']);
    await waitFor(
      'the test message sent',
      async () => ((await message(res.body.id))?.status === 'sent' ? true : undefined),
      {
        timeoutMs: 10_000,
        intervalMs: 50,
      },
    );
    expect(robot.received.length).toBeGreaterThanOrEqual(1);
    const list = await s.api<{
      channels: Array<{
        name: string;
        status: string;
        sentLastHour: number;
        lastError: { message: string } | null;
      }>;
    }>('GET', '/api/v1/notify/channels');
    const hook = list.body.channels.find((c) => c.name === 'hook');
    expect([hook?.status, hook?.sentLastHour]).toEqual(['ok', 1]);
    const deliveries = await s.api<{ deliveries: Array<{ outcome: string; part: number; parts: number }> }>(
      'GET',
      `/api/v1/notify/messages/${res.body.id}/deliveries`,
    );
    expect(deliveries.body.deliveries.map((d) => [d.outcome, d.part, d.parts])).toEqual([['sent', 1, 1]]);
  });

  test('a channel whose secret is missing shows config_error naming the setting', async () => {
    await s.api('POST', '/api/v1/notify/channels/nosecret/test');
    const c = await waitFor(
      'the channel marked',
      async () => {
        const list = await s.api<{
          channels: Array<{
            name: string;
            status: string;
            queued: number;
            lastError: { message: string } | null;
          }>;
        }>('GET', '/api/v1/notify/channels');
        const found = list.body.channels.find((x) => x.name === 'nosecret');
        return found?.status === 'config_error' ? found : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    expect(c.queued).toBe(1);
    expect(c.lastError?.message).toContain('OPSDESK_TEST_NOT_SET_ANYWHERE');
  });

  test('a rejected message fails; retry queues it again; retrying a sent one is a 409', async () => {
    refuse = true;
    const res = await s.api<Message>('POST', '/api/v1/notify/channels/hook/test');
    const failed = await waitFor(
      'the message failed',
      async () => {
        const m = await message(res.body.id);
        return m?.status === 'failed' ? m : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    expect(failed.lastError?.kind).toBe('rejected');
    refuse = false;
    const again = await s.api<Message>('POST', `/api/v1/notify/messages/${res.body.id}/retry`);
    expect([again.status, again.body.status]).toEqual([200, 'queued']);
    await waitFor(
      'the retried message sent',
      async () => ((await message(res.body.id))?.status === 'sent' ? true : undefined),
      {
        timeoutMs: 10_000,
        intervalMs: 50,
      },
    );
    const twice = await s.api<{ error: { code: string } }>(
      'POST',
      `/api/v1/notify/messages/${res.body.id}/retry`,
    );
    expect([twice.status, twice.body.error.code]).toEqual([409, 'not_failed']);
  });

  test('bad input names the field; an unknown channel or message is a 404; a viewer may read but not send', async () => {
    const bad = await s.api<{ error: { message: string } }>('GET', '/api/v1/notify/messages?status=lost');
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('query status')]);
    expect((await s.api('GET', '/api/v1/notify/messages/abc/deliveries')).status).toBe(400);
    expect((await s.api('GET', '/api/v1/notify/messages/999999/deliveries')).status).toBe(404);
    const unknown = await s.api<{ error: { message: string } }>('POST', '/api/v1/notify/channels/nope/test');
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      expect.stringContaining('configured: hook, nosecret'),
    ]);
    const bridged = await s.api(
      'POST',
      '/api/v1/alertmanager/notify/nope',
      webhookPayload({ alertname: 'X' }, [{ labels: { alertname: 'X' }, startsAt: '2026-12-01T00:00:00Z' }]),
    );
    expect(bridged.status).toBe(404);
    const viewer = (
      await s.api<{ token: string }>('POST', '/api/v1/tokens', { name: 'wall', role: 'viewer' })
    ).body.token;
    expect((await s.api('GET', '/api/v1/notify/channels', undefined, viewer)).status).toBe(200);
    expect((await s.api('POST', '/api/v1/notify/channels/hook/test', undefined, viewer)).status).toBe(403);
  });

  test('the bridge queues firing and resolved alerts of one notification as two messages', async () => {
    const res = await s.api<{ queued: number }>(
      'POST',
      '/api/v1/alertmanager/notify/hook',
      webhookPayload({ alertname: 'Mixed' }, [
        { labels: { alertname: 'Mixed', instance: 'a' }, startsAt: '2026-12-01T00:00:00Z' },
        {
          labels: { alertname: 'Mixed', instance: 'b' },
          startsAt: '2026-12-01T00:00:00Z',
          status: 'resolved',
          endsAt: '2026-12-01T00:05:00Z',
        },
      ]),
    );
    expect([res.status, res.body.queued]).toEqual([202, 2]);
    // a group of thousands is stored as its first BRIDGED_ALERTS alerts and a count of the rest
    const big = webhookPayload(
      { alertname: 'Huge' },
      Array.from({ length: 1000 }, (_, i) => ({
        labels: { alertname: 'Huge', instance: `h${i}` },
        startsAt: '2026-12-01T00:00:00Z',
      })),
      { truncatedAlerts: 5 },
    );
    expect(
      (await s.api<{ queued: number }>('POST', '/api/v1/alertmanager/notify/hook', big)).body.queued,
    ).toBe(1);
    const row = await s.ctx.db.kysely
      .selectFrom('notify_messages')
      .select('events')
      .where('kind', '=', 'alert.group')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const stored = (
      JSON.parse(row.events) as Array<{ data: { alerts: unknown[]; truncatedAlerts: number } }>
    )[0]?.data;
    expect([stored?.alerts.length, stored?.truncatedAlerts]).toEqual([BRIDGED_ALERTS, 805]);
    const page = await s.api<{ messages: Array<Message & { phase: string }> }>(
      'GET',
      '/api/v1/notify/messages?channel=hook&limit=2',
    );
    expect(page.body.messages.map((m) => [m.kind, m.phase]).sort()).toEqual([
      ['alert.group', 'firing'],
      ['alert.group', 'resolved'],
    ]);
  });
});
