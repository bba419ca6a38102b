import { createHmac } from 'node:crypto';
import { startRobot, type Robot, type RobotOptions } from '@opsdesk/testing';
import { channelSchema } from '../config';
import type { NotifyEvent, Rendered } from '../types';
import { WebhookSender } from './webhook';

const robots: Robot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

let seq = 0;
async function setup(robotOpts: Partial<RobotOptions> = {}, secret?: string) {
  const robot = await startRobot({ platform: 'webhook', ...robotOpts });
  robots.push(robot);
  const env = `OPSDESK_TEST_WEBHOOK_${process.pid}_${seq++}`;
  process.env[env] = robot.url;
  if (secret) process.env[`${env}_SECRET`] = secret;
  const channel = channelSchema.parse({
    name: 'itsm',
    type: 'webhook',
    webhook_url: { env },
    // a hang is waited out for 1 s; other tests get room on a loaded machine
    timeout: robotOpts.intercept ? '1s' : '10s',
    ...(secret ? { secret: { env: `${env}_SECRET` } } : {}),
  });
  return { robot, sender: new WebhookSender(channel, '/') };
}

const event: NotifyEvent = {
  kind: 'incident.opened',
  key: 'inc-42',
  phase: 'firing',
  severity: 'P1',
  service: 'orders',
  at: Date.UTC(2026, 11, 2, 3, 0, 0),
  data: { number: 42, title: '订单库不可用' },
};

function message(over: Partial<Rendered> = {}): Rendered {
  return {
    title: 'P1 订单库不可用',
    color: 'red',
    phase: 'firing',
    language: 'zh-Hans',
    sections: ['**服务**：orders'],
    buttons: [{ label: '查看', url: 'http://g/i/42' }],
    mentions: [{ id: 'zhang', name: '张三', language: 'zh-Hans' }],
    events: [event],
    ...over,
  };
}

async function sendAll(sender: WebhookSender, m: Rendered) {
  const outcomes = [];
  for (const part of sender.render(m)) outcomes.push(await sender.send(part, new AbortController().signal));
  return outcomes;
}

test('posts body version 1 with the message and its events, signed over timestamp.body', async () => {
  const { robot, sender } = await setup({ secret: 'hook-secret' }, 'hook-secret');
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  const got = robot.received[0]!;
  expect(got.body).toEqual({
    version: '1',
    channel: 'itsm',
    event: 'incident.opened',
    key: 'inc-42',
    phase: 'firing',
    part: { index: 1, count: 1 },
    message: {
      title: 'P1 订单库不可用',
      color: 'red',
      phase: 'firing',
      language: 'zh-Hans',
      sections: ['**服务**：orders'],
      buttons: [{ label: '查看', url: 'http://g/i/42' }],
      mentions: [{ id: 'zhang', name: '张三', language: 'zh-Hans' }],
    },
    events: [
      {
        kind: 'incident.opened',
        key: 'inc-42',
        phase: 'firing',
        severity: 'P1',
        service: 'orders',
        at: '2026-12-02T03:00:00.000Z',
        data: { number: 42, title: '订单库不可用' },
      },
    ],
  });
  // the receiver can check the signature from the raw body and the two headers alone
  const raw = JSON.stringify(got.body);
  const ts = got.headers['x-opsdesk-timestamp'] as string;
  expect(got.headers['x-opsdesk-signature']).toBe(
    `sha256=${createHmac('sha256', 'hook-secret').update(`${ts}.${raw}`).digest('hex')}`,
  );
});

test('a wrong secret is config (401); a removed hook is config (410); a 400 is rejected', async () => {
  const { sender } = await setup({ secret: 'right' }, 'wrong');
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'config', status: 401 }),
  ]);
  const gone = await setup();
  gone.robot.revoke();
  expect(await sendAll(gone.sender, message())).toEqual([
    expect.objectContaining({ kind: 'config', status: 410 }),
  ]);
  const bad = await setup({ intercept: () => ({ status: 400, body: { error: 'no' } }) });
  expect(await sendAll(bad.sender, message())).toEqual([
    expect.objectContaining({ kind: 'rejected', status: 400 }),
  ]);
});

test('429 is throttled for its Retry-After; 503 and a hang are transient', async () => {
  let clock = 0;
  const { sender } = await setup({ now: () => clock, limits: { perMinute: 1 } });
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'throttled', retryAfterMs: 60_000 }),
  ]);
  clock = 60_001;
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  let mode: 'hang' | '503' = '503';
  const flaky = await setup({ intercept: () => (mode === 'hang' ? 'hang' : { status: 503, body: 'busy' }) });
  expect(await sendAll(flaky.sender, message())).toEqual([
    expect.objectContaining({ kind: 'transient', status: 503 }),
  ]);
  mode = 'hang';
  expect(await sendAll(flaky.sender, message())).toEqual([
    expect.objectContaining({ kind: 'transient', code: 'timeout' }),
  ]);
});
