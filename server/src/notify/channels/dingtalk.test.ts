import { dingtalkSign, startRobot, type Robot, type RobotOptions } from '@opsdesk/testing';
import { channelSchema } from '../config';
import type { Recipient, Rendered } from '../types';
import { cutMarker } from './common';
import { DINGTALK_MAX_BODY_BYTES, DingtalkSender } from './dingtalk';

const robots: Robot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

let seq = 0;
async function setup(
  robotOpts: Partial<RobotOptions> = {},
  opts: { secret?: string; now?: () => number } = {},
) {
  const robot = await startRobot({ platform: 'dingtalk', ...robotOpts });
  robots.push(robot);
  const env = `OPSDESK_TEST_DINGTALK_${process.pid}_${seq++}`;
  process.env[env] = robot.url;
  if (opts.secret) process.env[`${env}_SECRET`] = opts.secret;
  const channel = channelSchema.parse({
    name: 'ops-dingtalk',
    type: 'dingtalk',
    webhook_url: { env },
    // a hang is waited out for 1 s; other tests get room on a loaded machine
    timeout: robotOpts.intercept ? '1s' : '10s',
    ...(opts.secret ? { secret: { env: `${env}_SECRET` } } : {}),
  });
  return { robot, sender: new DingtalkSender(channel, '/', opts.now ? { now: opts.now } : {}) };
}

const zhao: Recipient = { id: 'zhao', name: '赵六', dingtalkMobile: '13800001111', language: 'zh-Hans' };
const qian: Recipient = { id: 'qian', name: '钱七', language: 'zh-Hans' };

function message(over: Partial<Rendered> = {}): Rendered {
  return {
    title: 'P2 磁盘使用率 92%',
    color: 'orange',
    phase: 'firing',
    language: 'zh-Hans',
    sections: ['**主机**：db-01\n**当前值**：92%'],
    buttons: [{ label: '查看', url: 'http://grafana/a/opsdesk/incidents/9' }],
    mentions: [],
    ...over,
  };
}

async function sendAll(sender: DingtalkSender, m: Rendered) {
  const outcomes = [];
  for (const part of sender.render(m)) outcomes.push(await sender.send(part, new AbortController().signal));
  return outcomes;
}

const SECRET = 'SEC0a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** A time whose signature holds a "+": sent unencoded, the platform would read it as a space and refuse it. */
function timeWithPlus(): number {
  const base = Date.now();
  for (let t = base; t < base + 10_000; t++) if (dingtalkSign(t, SECRET).includes('+')) return t;
  throw new Error('no signature with "+" in 10 000 ms');
}

test('a signed markdown mentions in both at.atMobiles and the text, so the robot really @-s', async () => {
  const at = timeWithPlus();
  const { robot, sender } = await setup({ secret: SECRET, now: () => at }, { secret: SECRET, now: () => at });
  expect(await sendAll(sender, message({ mentions: [zhao, qian] }))).toEqual([{ ok: true }]);
  const got = robot.received[0]!;
  expect(got.type).toBe('markdown');
  expect(got.body.at).toEqual({ atMobiles: ['13800001111'], isAtAll: false });
  expect(got.mentions).toEqual(['13800001111']);
  expect(got.text).toContain('@钱七');
  expect(got.text).toContain('[查看](http://grafana/a/opsdesk/incidents/9)');
});

test('buttons without a mention make an actionCard', async () => {
  const { robot, sender } = await setup();
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  expect(robot.received[0]!.type).toBe('actionCard');
  expect(robot.received[0]!.body.actionCard.btns).toEqual([
    { title: '查看', actionURL: 'http://grafana/a/opsdesk/incidents/9' },
  ]);
});

test('a wrong secret is config (310000 sign not match); a clock over an hour off is config too', async () => {
  const { sender } = await setup({ secret: SECRET }, { secret: `${SECRET}x` });
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({
      ok: false,
      kind: 'config',
      code: '310000',
      error: expect.stringMatching(/^sign not match/),
    }),
  ]);
  const skewed = await setup({ secret: SECRET }, { secret: SECRET, now: () => Date.now() + 3_700_000 });
  expect(await sendAll(skewed.sender, message())).toEqual([
    expect.objectContaining({
      kind: 'config',
      code: '310000',
      error: expect.stringMatching(/^invalid timestamp/),
    }),
  ]);
});

test('a message over 20 000 bytes becomes [k/n] parts within the limit that reassemble to the whole', async () => {
  const { robot, sender } = await setup({ secret: SECRET, limits: { perMinute: 1000 } }, { secret: SECRET });
  const sections = Array.from(
    { length: 70 },
    (_, i) => `**告警 ${i}**：磁盘 /data 使用率 ${'持续上升 '.repeat(30)}[图表](http://g/d/${i})`,
  );
  sections.push(`日志：${'No space left on device 💾 '.repeat(900)}`);
  const m = message({ sections, mentions: [zhao] });
  expect((await sendAll(sender, m)).every((o) => o.ok)).toBe(true);
  const n = robot.received.length;
  expect(n).toBeGreaterThan(2);
  const marker = cutMarker('zh-Hans');
  const back: string[] = [];
  let continues = false;
  robot.received.forEach((got, i) => {
    expect(got.bytes).toBeLessThanOrEqual(DINGTALK_MAX_BODY_BYTES);
    expect(got.body.markdown.title).toBe(`[${i + 1}/${n}] P2 磁盘使用率 92%`);
    const [heading, ...blocks] = (got.body.markdown.text as string).split('\n\n');
    expect(heading).toBe(`#### 🟠 [${i + 1}/${n}] P2 磁盘使用率 92%`);
    if (i === 0) {
      expect(blocks.pop()).toBe('@13800001111');
      expect(blocks.pop()).toBe('[查看](http://grafana/a/opsdesk/incidents/9)');
      expect(got.mentions).toEqual(['13800001111']);
    } else expect(got.body.at).toBeUndefined();
    let body = blocks.join('\n\n');
    const cut = body.endsWith(marker);
    if (cut) body = body.slice(0, -marker.length);
    const parts = body.split('\n\n');
    if (continues) back[back.length - 1] += parts.shift()!;
    back.push(...parts);
    continues = cut;
  });
  expect(back).toEqual(sections);
});

test('130101 is throttled, a removed robot (300005) is config, a hang is transient after the timeout', async () => {
  let hang = false;
  const { robot, sender } = await setup({
    limits: { perMinute: 1 },
    intercept: () => (hang ? 'hang' : undefined),
  });
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'throttled', code: '130101', retryAfterMs: 60_000 }),
  ]);
  robot.revoke();
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'config', code: '300005' }),
  ]);
  hang = true;
  const started = Date.now();
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'transient', code: 'timeout' }),
  ]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

test('a 302 (a robot blocked after sending on over its limit) is throttled for 10 minutes, another 3xx transient', async () => {
  let status = 302;
  const { sender } = await setup({
    intercept: () => ({ status, headers: { location: 'https://www.dingtalk.com/' } }),
  });
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'throttled', code: '302', retryAfterMs: 600_000 }),
  ]);
  status = 307;
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'transient', status: 307 }),
  ]);
});
