import { freePort, startRobot, type Robot } from '@opsdesk/testing';
import { channelSchema } from '../config';
import type { Recipient, Rendered } from '../types';
import { cutMarker } from './common';
import { WECOM_MAX_CONTENT_BYTES, WecomSender } from './wecom';

const robots: Robot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

let envSeq = 0;
async function setup(
  robotOpts: Partial<Parameters<typeof startRobot>[0]> = {},
  channelOpts: Record<string, unknown> = {},
) {
  const robot = await startRobot({ platform: 'wecom', ...robotOpts });
  robots.push(robot);
  const env = `OPSDESK_TEST_WECOM_${process.pid}_${envSeq++}`;
  process.env[env] = robot.url;
  const channel = channelSchema.parse({
    name: 'ops-wecom',
    type: 'wecom',
    webhook_url: { env },
    // a hang is waited out for 1 s; other tests get room on a loaded machine
    timeout: robotOpts.intercept ? '1s' : '10s',
    ...channelOpts,
  });
  return { robot, sender: new WecomSender(channel, '/') };
}

const zhang: Recipient = { id: 'zhang', name: '张三', wecomUserId: 'zhangsan', language: 'zh-Hans' };
const li: Recipient = { id: 'li', name: '李四', language: 'zh-Hans' };

function message(over: Partial<Rendered> = {}): Rendered {
  return {
    title: 'P1 订单库不可用',
    color: 'red',
    phase: 'firing',
    language: 'zh-Hans',
    sections: ['**服务**：订单\n**级别**：P1'],
    buttons: [],
    mentions: [],
    ...over,
  };
}

const signal = () => new AbortController().signal;

async function sendAll(sender: WecomSender, m: Rendered) {
  const outcomes = [];
  for (const part of sender.render(m)) outcomes.push(await sender.send(part, signal()));
  return outcomes;
}

test('a mention goes out as markdown with <@userid>, and the robot counts it as a mention', async () => {
  const { robot, sender } = await setup();
  expect(
    await sendAll(
      sender,
      message({ mentions: [zhang, li], buttons: [{ label: '查看', url: 'http://g/i/1' }] }),
    ),
  ).toEqual([{ ok: true }]);
  expect(robot.received).toHaveLength(1);
  const got = robot.received[0]!;
  expect(got.type).toBe('markdown');
  expect(got.mentions).toEqual(['zhangsan']);
  // the person without a WeCom id is named, and the button is a link
  expect(got.text).toContain('@李四');
  expect(got.text).toContain('[查看](http://g/i/1)');
  expect(got.text).toContain('<font color="warning">P1 订单库不可用</font>');
});

test('without a mention: markdown_v2, or a template_card when there are buttons', async () => {
  const { robot, sender } = await setup();
  await sendAll(sender, message());
  await sendAll(
    sender,
    message({
      buttons: [
        { label: '查看事件', url: 'http://g/i/1' },
        { label: '静默 1 小时', url: 'http://am/s' },
      ],
    }),
  );
  expect(robot.received.map((m) => m.type)).toEqual(['markdown_v2', 'template_card']);
  const card = robot.received[1]!.body.template_card;
  expect(card.main_title.title).toBe('P1 订单库不可用');
  expect(card.jump_list).toEqual([
    { type: 1, title: '查看事件', url: 'http://g/i/1' },
    { type: 1, title: '静默 1 小时', url: 'http://am/s' },
  ]);
  expect(card.card_action).toEqual({ type: 1, url: 'http://g/i/1' });
});

test('a long message is split into [k/n] parts each within 4096 bytes that reassemble to the whole', async () => {
  const { robot, sender } = await setup({ limits: { perMinute: 1000 } });
  const sections = Array.from(
    { length: 30 },
    (_, i) => `**告警 ${i}**：订单库连接池耗尽，${'等待超时 '.repeat(20)}[图表](http://g/d/${i})`,
  );
  const big = `超长日志：${'连接被拒绝 🚫 '.repeat(400)}`; // alone over the limit
  const m = message({ sections: [...sections, big], mentions: [zhang] });
  const outcomes = await sendAll(sender, m);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const n = robot.received.length;
  expect(n).toBeGreaterThan(3);
  const marker = cutMarker('zh-Hans');
  const back: string[] = [];
  let continues = false;
  robot.received.forEach((got, i) => {
    const content = got.body.markdown.content as string;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(WECOM_MAX_CONTENT_BYTES);
    const [heading, ...blocks] = content.split('\n\n');
    expect(heading).toBe(`**<font color="warning">[${i + 1}/${n}] P1 订单库不可用</font>**`);
    if (i === 0) expect(blocks.pop()).toBe('<@zhangsan>');
    let body = blocks.join('\n\n');
    const cut = body.endsWith(marker);
    if (cut) body = body.slice(0, -marker.length);
    const parts = body.split('\n\n');
    if (continues) back[back.length - 1] += parts.shift()!;
    back.push(...parts);
    continues = cut;
  });
  expect(back).toEqual(m.sections);
  expect(robot.received[0]!.mentions).toEqual(['zhangsan']);
});

test('the robot’s 45009 is throttled, a revoked robot is config, a wrong key is config', async () => {
  const { robot, sender } = await setup({ limits: { perMinute: 1 } });
  expect(await sendAll(sender, message())).toEqual([{ ok: true }]);
  const [throttled] = await sendAll(sender, message());
  expect(throttled).toMatchObject({ ok: false, kind: 'throttled', code: '45009' });
  expect((throttled as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  robot.revoke();
  const [revoked] = await sendAll(sender, message());
  expect(revoked).toMatchObject({ ok: false, kind: 'config', code: '93000' });

  const other = await setup();
  process.env.OPSDESK_TEST_WECOM_WRONG = other.robot.url.replace(other.robot.key, 'not-the-key');
  const wrong = new WecomSender(
    channelSchema.parse({ name: 'w', type: 'wecom', webhook_url: { env: 'OPSDESK_TEST_WECOM_WRONG' } }),
    '/',
  );
  expect(await sendAll(wrong, message())).toEqual([
    expect.objectContaining({ kind: 'config', code: '93000' }),
  ]);
});

test('a robot that hangs is transient after the channel timeout; a 502 and a refused connection are transient', async () => {
  let mode: 'hang' | '502' = 'hang';
  const { robot, sender } = await setup({
    intercept: () => (mode === 'hang' ? 'hang' : { status: 502, body: 'Bad Gateway' }),
  });
  const started = Date.now();
  const [hung] = await sendAll(sender, message());
  const took = Date.now() - started;
  expect(hung).toMatchObject({ ok: false, kind: 'transient', code: 'timeout' });
  expect(took).toBeGreaterThanOrEqual(950);
  expect(took).toBeLessThan(5000);
  mode = '502';
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ kind: 'transient', status: 502 }),
  ]);
  await robot.close();
  // the kept-alive connection the robot closed
  expect(await sendAll(sender, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'transient' }),
  ]);
  process.env.OPSDESK_TEST_WECOM_NOBODY = `http://127.0.0.1:${await freePort()}/cgi-bin/webhook/send?key=k`;
  const nobody = new WecomSender(
    channelSchema.parse({ name: 'n', type: 'wecom', webhook_url: { env: 'OPSDESK_TEST_WECOM_NOBODY' } }),
    '/',
  );
  expect(await sendAll(nobody, message())).toEqual([
    expect.objectContaining({ ok: false, kind: 'transient', code: 'ECONNREFUSED' }),
  ]);
});

test('a 40058 (content too long) is rejected: retrying cannot help', async () => {
  const { sender } = await setup();
  const part = { payload: { msgtype: 'markdown', markdown: { content: '长'.repeat(2000) } }, bytes: 6000 };
  expect(await sender.send(part, signal())).toMatchObject({ ok: false, kind: 'rejected', code: '40058' });
});

test('a missing webhook_url variable names the setting', () => {
  delete process.env.OPSDESK_TEST_WECOM_UNSET;
  const channel = channelSchema.parse({
    name: 'ops-wecom',
    type: 'wecom',
    webhook_url: { env: 'OPSDESK_TEST_WECOM_UNSET' },
  });
  expect(() => new WecomSender(channel, '/')).toThrow(
    /^notify\.channels\[ops-wecom\]\.webhook_url: environment variable OPSDESK_TEST_WECOM_UNSET is not set/,
  );
});

test('control characters (an ANSI colour code in a log line) are dropped, so WeCom never sees a \\u escape (40033)', async () => {
  const { robot, sender } = await setup();
  const logLine = '\u001b[31mERROR\u001b[0m disk full\u0007';
  expect(await sendAll(sender, message({ sections: [logLine] }))).toEqual([{ ok: true }]);
  expect(robot.received[0]!.text).toContain('[31mERROR[0m disk full');
  const raw = { payload: { msgtype: 'markdown_v2', markdown_v2: { content: logLine } }, bytes: 30 };
  expect(await sender.send(raw, signal())).toMatchObject({ ok: false, kind: 'rejected', code: '40033' });
});
