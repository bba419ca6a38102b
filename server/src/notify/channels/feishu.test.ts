import { startRobot, type Robot, type RobotOptions } from '@opsdesk/testing';
import { channelSchema } from '../config';
import type { Recipient, Rendered } from '../types';
import { cutMarker } from './common';
import { FeishuSender } from './feishu';

const robots: Robot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

let seq = 0;
async function setup(
  robotOpts: Partial<RobotOptions> = {},
  opts: { secret?: string; now?: () => number; timeout?: string } = {},
) {
  const robot = await startRobot({ platform: 'feishu', ...robotOpts });
  robots.push(robot);
  const env = `OPSDESK_TEST_FEISHU_${process.pid}_${seq++}`;
  process.env[env] = robot.url;
  const channel = channelSchema.parse({
    name: 'ops-feishu',
    type: 'feishu',
    webhook_url: { env },
    // a hang is waited out for 1 s; other tests get room on a loaded machine
    timeout: opts.timeout ?? (robotOpts.intercept ? '1s' : '10s'),
    ...(opts.secret ? { secret: { env: `${env}_SECRET` } } : {}),
  });
  if (opts.secret) process.env[`${env}_SECRET`] = opts.secret;
  return { robot, sender: new FeishuSender(channel, '/', opts.now ? { now: opts.now } : {}) };
}

const wang: Recipient = {
  id: 'wang',
  name: '王五',
  feishuOpenId: 'ou_7d8a6e6df7621556ce0d21922b676706',
  language: 'zh-Hans',
};

function message(over: Partial<Rendered> = {}): Rendered {
  return {
    title: 'P1 支付网关超时',
    color: 'red',
    phase: 'firing',
    language: 'zh-Hans',
    sections: ['**服务**：支付\n**持续**：5 分钟'],
    buttons: [
      { label: '查看事件', url: 'http://grafana/a/opsdesk/incidents/7' },
      { label: '静默 1 小时', url: 'http://am/#/silences/new' },
    ],
    mentions: [wang],
    ...over,
  };
}

async function sendAll(sender: FeishuSender, m: Rendered) {
  const outcomes = [];
  for (const part of sender.render(m)) outcomes.push(await sender.send(part, new AbortController().signal));
  return outcomes;
}

test('a signed card with a coloured header, an <at id=…> mention and link buttons is accepted', async () => {
  const { robot, sender } = await setup({ secret: 'feishu-secret' }, { secret: 'feishu-secret' });
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  const got = robot.received[0]!;
  expect(got.type).toBe('interactive');
  expect(got.mentions).toEqual(['ou_7d8a6e6df7621556ce0d21922b676706']);
  expect(got.body.card.header).toEqual({
    title: { tag: 'plain_text', content: 'P1 支付网关超时' },
    template: 'red',
  });
  expect(got.text).toContain('[查看事件](http://grafana/a/opsdesk/incidents/7)');
  expect(got.body.timestamp).toMatch(/^\d{10}$/);
});

test('a wrong secret, or a clock over an hour off, is a config error (19021)', async () => {
  const { sender } = await setup({ secret: 'right' }, { secret: 'wrong' });
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'config', code: '19021' }),
  ]);
  const skewed = await setup({ secret: 's' }, { secret: 's', now: () => Date.now() - 3_700_000 });
  expect(await sendAll(skewed.sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'config', code: '19021' }),
  ]);
  expect(skewed.robot.received).toHaveLength(0);
});

test('a message over 20 KB becomes [k/n] cards each within the limit that reassemble to the whole', async () => {
  const { robot, sender } = await setup(
    { secret: 's', limits: { perSecond: 1000, perMinute: 1000 } },
    { secret: 's' },
  );
  const sections = Array.from(
    { length: 80 },
    (_, i) => `**告警 ${i}** 支付网关 p99 超过 2 s，${'请求排队 '.repeat(25)}[图表](http://g/d/${i})`,
  );
  sections.splice(40, 0, `超长堆栈：${'at com.pay.Gateway.call(Gateway.java:42) 😵 '.repeat(600)}`);
  const m = message({ sections });
  const outcomes = await sendAll(sender, m);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const n = robot.received.length;
  expect(n).toBeGreaterThan(3);
  const marker = cutMarker('zh-Hans');
  const back: string[] = [];
  let continues = false;
  robot.received.forEach((got, i) => {
    expect(got.bytes).toBeLessThanOrEqual(sender.limits.maxBytes);
    expect(got.body.card.header.title.content).toBe(`[${i + 1}/${n}] P1 支付网关超时`);
    const elements = got.body.card.elements as Array<{ tag: string; content?: string }>;
    let texts = elements.filter((e) => e.tag === 'markdown').map((e) => e.content!);
    if (i === 0) {
      expect(texts.pop()).toBe('<at id=ou_7d8a6e6df7621556ce0d21922b676706></at>');
      expect(elements.some((e) => e.tag === 'action')).toBe(true);
    } else expect(elements.some((e) => e.tag === 'action')).toBe(false);
    const last = texts[texts.length - 1]!;
    const cut = last.endsWith(marker);
    if (cut) texts = [...texts.slice(0, -1), last.slice(0, -marker.length)];
    if (continues) back[back.length - 1] += texts.shift()!;
    back.push(...texts);
    continues = cut;
  });
  expect(back).toEqual(sections);
});

test('11232 from the bot is throttled; a removed bot (19001) is config; a malformed card (9499) is rejected', async () => {
  let clock = 1_000_000;
  const { robot, sender } = await setup({ now: () => clock, limits: { perSecond: 1 } });
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  const [throttled] = await sendAll(sender, message());
  expect(throttled).toMatchObject({ ok: false, kind: 'throttled', code: '11232' });
  clock += 1000;
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  clock += 1000;
  expect(
    await sender.send(
      { payload: { msg_type: 'interactive', card: { elements: 'x' } }, bytes: 10 },
      new AbortController().signal,
    ),
  ).toMatchObject({
    ok: false,
    kind: 'rejected',
    code: '9499',
  });
  robot.revoke();
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'config', code: '19001' }),
  ]);
});

test('a bot that hangs is transient after the timeout', async () => {
  const { sender } = await setup({ intercept: () => 'hang' });
  const started = Date.now();
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'transient', code: 'timeout' }),
  ]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});
