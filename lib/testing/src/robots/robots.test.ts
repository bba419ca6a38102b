import { createHmac } from 'node:crypto';
import { dingtalkSign, feishuSign, startRobot, type Robot } from './index';

const robots: Robot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

async function robot(opts: Parameters<typeof startRobot>[0]): Promise<Robot> {
  const r = await startRobot(opts);
  robots.push(r);
  return r;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('WeCom group robot stand-in', () => {
  test('accepts markdown with <@userid> mentions and records it with its receive time', async () => {
    let clock = 1_700_000_000_000;
    const lines: string[] = [];
    const r = await robot({ platform: 'wecom', now: () => clock, log: (l) => lines.push(l) });
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cgi-bin\/webhook\/send\?key=/);
    clock += 5;
    const ans = await post(r.url, {
      msgtype: 'markdown',
      markdown: { content: '**P1** 数据库 <@zhangsan>' },
    });
    expect(ans).toEqual({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]).toMatchObject({ at: 1_700_000_000_005, type: 'markdown', mentions: ['zhangsan'] });
    // one line per message, without the Markdown marks
    expect(lines).toEqual([`[wecom robot 22:13:20] markdown ${r.received[0]!.bytes} B @zhangsan: P1 数据库`]);
  });

  test('a wrong key, then a revoked robot, answer 93000 invalid webhook url', async () => {
    const r = await robot({ platform: 'wecom', key: 'k-1' });
    const wrong = await post(r.url.replace('k-1', 'k-2'), { msgtype: 'text', text: { content: 'x' } });
    expect(wrong.body.errcode).toBe(93000);
    expect(wrong.body.errmsg).toMatch(/^invalid webhook url, hint: \[\d+\]/);
    r.revoke();
    const revoked = await post(r.url, { msgtype: 'text', text: { content: 'x' } });
    expect(revoked.body.errcode).toBe(93000);
    expect(r.received).toHaveLength(0);
  });

  test('markdown content is limited to 4096 bytes of UTF-8, not characters', async () => {
    const r = await robot({ platform: 'wecom' });
    const ok = '警'.repeat(1365) + 'a'; // 4095 + 1 bytes
    expect((await post(r.url, { msgtype: 'markdown', markdown: { content: ok } })).body.errcode).toBe(0);
    const over = '警'.repeat(1366); // 4098 bytes, 1366 characters
    const ans = await post(r.url, { msgtype: 'markdown_v2', markdown_v2: { content: over } });
    expect(ans.body.errcode).toBe(40058);
    expect(ans.body.errmsg).toMatch(/^markdown_v2\.content exceed max length 4096/);
  });

  test('the 21st message within a minute is refused with 45009 and the window slides', async () => {
    let clock = 0;
    const r = await robot({ platform: 'wecom', now: () => clock });
    for (let i = 0; i < 20; i++) {
      clock = i * 1000;
      expect((await post(r.url, { msgtype: 'text', text: { content: `m${i}` } })).body.errcode).toBe(0);
    }
    clock = 59_999;
    const throttled = await post(r.url, { msgtype: 'text', text: { content: 'm20' } });
    expect(throttled.body.errcode).toBe(45009);
    expect(throttled.body.errmsg).toMatch(/^api freq out of limit/);
    clock = 60_001; // the first message (at 0) left the window
    expect((await post(r.url, { msgtype: 'text', text: { content: 'm20' } })).body.errcode).toBe(0);
    expect(r.received.map((m) => m.text)).toEqual([...Array(21).keys()].map((i) => `m${i}`));
  });

  test('template_card needs card_action and at most 3 jump_list links', async () => {
    const r = await robot({ platform: 'wecom' });
    const card = {
      card_type: 'text_notice',
      main_title: { title: 'P1 数据库不可用', desc: '已持续 5 分钟' },
      jump_list: [{ type: 1, title: '查看事件', url: 'http://grafana/x' }],
      card_action: { type: 1, url: 'http://grafana/x' },
    };
    expect((await post(r.url, { msgtype: 'template_card', template_card: card })).body.errcode).toBe(0);
    const noAction = { ...card, card_action: undefined };
    expect((await post(r.url, { msgtype: 'template_card', template_card: noAction })).body.errcode).toBe(
      40063,
    );
    const jumps = {
      ...card,
      jump_list: [1, 2, 3, 4].map((i) => ({ type: 1, title: `b${i}`, url: 'http://x' })),
    };
    expect((await post(r.url, { msgtype: 'template_card', template_card: jumps })).body.errcode).toBe(40058);
    expect((await post(r.url, '{not json')).body.errcode).toBe(47001);
    expect((await post(r.url, { msgtype: 'markdownv3', markdownv3: {} })).body.errcode).toBe(40008);
    // 40033: a JSON \u escape anywhere (here ASCII-only JSON, as Python's json.dumps writes it); an escaped backslash is fine
    const ascii = '{"msgtype":"text","text":{"content":"\\u544a\\u8b66"}}';
    expect((await post(r.url, ascii)).body.errcode).toBe(40033);
    const path = { msgtype: 'text', text: { content: 'C:\\u1234\\logs' } };
    expect((await post(r.url, path)).body.errcode).toBe(0);
    expect(r.received).toHaveLength(2);
    expect(r.received[0]!.text).toContain('P1 数据库不可用');
    expect(r.received[1]!.text).toBe('C:\\u1234\\logs');
  });

  test('intercept can make the robot hang or fail, and close() still ends at once', async () => {
    const r = await robot({
      platform: 'wecom',
      intercept: (req) => (req.raw.includes('hang') ? 'hang' : { status: 502, body: 'bad gateway' }),
    });
    const res = await fetch(r.url, { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    await expect(
      fetch(r.url, { method: 'POST', body: '"hang"', signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
  });
});

describe('Feishu custom bot stand-in', () => {
  // computed with the guide's Python sample (hmac.new((ts + "\n" + secret).encode(), digestmod=sha256), Base64)
  const VECTOR = {
    secret: 'demo',
    timestamp: 1599360473,
    sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=',
  };

  test('feishuSign matches the guide’s algorithm', () => {
    expect(feishuSign(VECTOR.timestamp, VECTOR.secret)).toBe(VECTOR.sign);
  });

  const card = (content: string) => ({
    msg_type: 'interactive',
    card: {
      header: { title: { tag: 'plain_text', content: 'P1 告警' }, template: 'red' },
      elements: [
        { tag: 'markdown', content },
        {
          tag: 'action',
          actions: [
            {
              tag: 'button',
              text: { tag: 'plain_text', content: '查看' },
              url: 'http://g/x',
              type: 'primary',
            },
          ],
        },
      ],
    },
  });

  test('a signed card within the hour is accepted; a wrong sign or a stale timestamp gets 19021', async () => {
    const clock = (VECTOR.timestamp + 3599) * 1000;
    const r = await robot({ platform: 'feishu', secret: VECTOR.secret, now: () => clock });
    expect(r.url).toMatch(/\/open-apis\/bot\/v2\/hook\/[0-9a-f]+$/);
    const ok = await post(r.url, {
      timestamp: String(VECTOR.timestamp),
      sign: VECTOR.sign,
      ...card('<at id=ou_abc></at> 请处理'),
    });
    expect(ok.body).toEqual({ StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
    expect(r.received[0]).toMatchObject({ type: 'interactive', mentions: ['ou_abc'] });
    const wrong = await post(r.url, {
      timestamp: String(VECTOR.timestamp),
      sign: feishuSign(VECTOR.timestamp, 'other'),
      ...card('x'),
    });
    expect(wrong.body).toEqual({
      code: 19021,
      data: {},
      msg: 'sign match fail or timestamp is not within one hour from current time',
    });
    const unsigned = await post(r.url, card('x'));
    expect(unsigned.body.code).toBe(19021);
    const r2 = await robot({
      platform: 'feishu',
      secret: VECTOR.secret,
      now: () => (VECTOR.timestamp + 3601) * 1000,
    });
    const stale = await post(r2.url, {
      timestamp: String(VECTOR.timestamp),
      sign: VECTOR.sign,
      ...card('x'),
    });
    expect(stale.body.code).toBe(19021);
    expect(r.received).toHaveLength(1);
    expect(r2.received).toHaveLength(0);
  });

  test('a body over 20 KB, a bad card or header colour is 9499 Bad Request; a removed hook is 19001', async () => {
    const r = await robot({ platform: 'feishu' });
    expect((await post(r.url, card('x'.repeat(20 * 1024)))).body).toEqual({
      code: 9499,
      data: {},
      msg: 'Bad Request',
    });
    const pink = card('x');
    (pink.card.header as { template: string }).template = 'pink';
    expect((await post(r.url, pink)).body.code).toBe(9499);
    expect((await post(r.url, card('y'.repeat(20 * 1024 - 400)))).body.code).toBe(0);
    r.revoke();
    expect((await post(r.url, card('x'))).body).toEqual({
      code: 19001,
      data: {},
      msg: 'param invalid: incoming webhook access token invalid',
    });
  });

  test('5 a second and 100 a minute, then 11232', async () => {
    let clock = 0;
    const r = await robot({ platform: 'feishu', now: () => clock });
    for (let i = 0; i < 5; i++) expect((await post(r.url, card(`m${i}`))).body.code).toBe(0);
    expect((await post(r.url, card('m5'))).body.code).toBe(11232);
    clock = 1000;
    expect((await post(r.url, card('m5'))).body.code).toBe(0);
    for (let i = 6; i < 100; i++) {
      clock = 1000 + i * 250; // 4 a second, within a minute
      expect((await post(r.url, card(`m${i}`))).body.code).toBe(0);
    }
    clock += 250;
    const over = await post(r.url, card('m100'));
    expect(over.body.code).toBe(11232);
    expect(over.body.msg).toMatch(/^frequency limited/);
  });
});

describe('DingTalk custom robot stand-in', () => {
  // computed with Python: base64(hmac.new(secret, ts + "\n" + secret, sha256)); it holds "+" and "/"
  const VECTOR = {
    secret: 'SEC1234',
    timestamp: '1577262236757',
    sign: 'W7Tum/UlCFmlSbJmFoiWo5z+Y1FmKz132/FNMFKMW5s=',
  };
  const md = (text: string, atMobiles: string[] = []) => ({
    msgtype: 'markdown',
    markdown: { title: '告警', text },
    at: { atMobiles, isAtAll: false },
  });

  test('dingtalkSign matches the documented algorithm', () => {
    expect(dingtalkSign(VECTOR.timestamp, VECTOR.secret)).toBe(VECTOR.sign);
  });

  test('a URL-encoded sign is accepted, a raw "+" or a wrong secret is "sign not match", an old timestamp "invalid timestamp"', async () => {
    const clock = Number(VECTOR.timestamp) + 3_599_000;
    const r = await robot({ platform: 'dingtalk', secret: VECTOR.secret, now: () => clock });
    expect(r.url).toMatch(/\/robot\/send\?access_token=[0-9a-f]+$/);
    const signed = `${r.url}&timestamp=${VECTOR.timestamp}&sign=${encodeURIComponent(VECTOR.sign)}`;
    const ok = await post(signed, md('#### P1 @13800001111', ['13800001111', '13900002222']));
    expect(ok.body).toEqual({ errcode: 0, errmsg: 'ok' });
    // only the mobile also written in the text is @-ed in a markdown message
    expect(r.received[0]!.mentions).toEqual(['13800001111']);
    const raw = await post(`${r.url}&timestamp=${VECTOR.timestamp}&sign=${VECTOR.sign}`, md('x'));
    expect(raw.body).toEqual({ errcode: 310000, errmsg: 'sign not match' });
    const wrong = `${r.url}&timestamp=${VECTOR.timestamp}&sign=${encodeURIComponent(dingtalkSign(VECTOR.timestamp, 'SECother'))}`;
    expect((await post(wrong, md('x'))).body).toEqual({ errcode: 310000, errmsg: 'sign not match' });
    const old = String(Number(VECTOR.timestamp) - 2000);
    const stale = `${r.url}&timestamp=${old}&sign=${encodeURIComponent(dingtalkSign(old, VECTOR.secret))}`;
    expect((await post(stale, md('x'))).body).toEqual({ errcode: 310000, errmsg: 'invalid timestamp' });
    expect(r.received).toHaveLength(1);
  });

  test('a wrong or removed token, a bad body, an unknown msgtype, a body over 20 000 bytes, and the 21st a minute', async () => {
    let clock = 0;
    const r = await robot({ platform: 'dingtalk', key: 'tok', now: () => clock });
    expect((await post(r.url.replace('=tok', '=other'), md('x'))).body).toEqual({
      errcode: 300005,
      errmsg: 'token is not exist',
    });
    expect((await post(r.url, '{')).body.errcode).toBe(40035);
    expect((await post(r.url, { msgtype: 'markdown2' })).body.errcode).toBe(400105);
    expect((await post(r.url, md('x'.repeat(20_000)))).body).toEqual({
      errcode: 460101,
      errmsg: 'message too long, exceed 20000 bytes',
    });
    const action = {
      msgtype: 'actionCard',
      actionCard: { title: 't', text: 'x', btns: [{ title: '查看', actionURL: 'http://g' }] },
    };
    expect((await post(r.url, action)).body.errcode).toBe(0);
    expect(
      (await post(r.url, { msgtype: 'actionCard', actionCard: { title: 't', text: 'x' } })).body.errcode,
    ).toBe(40035);
    for (let i = 1; i < 20; i++) {
      clock = i;
      expect((await post(r.url, md(`m${i}`))).body.errcode).toBe(0);
    }
    expect((await post(r.url, md('m20'))).body).toEqual({
      errcode: 130101,
      errmsg: 'send too fast, exceed 20 times per minute',
    });
    r.revoke();
    expect((await post(r.url, md('x'))).body.errcode).toBe(300005);
  });
});

describe('generic webhook receiver', () => {
  test('checks the HMAC over timestamp.body and the version', async () => {
    const now = 1_700_000_000_000;
    const r = await robot({ platform: 'webhook', secret: 's3cret', now: () => now });
    const body = JSON.stringify({
      version: '1',
      event: 'incident.opened',
      message: { title: 'T', sections: ['a'], mentions: [{ id: 'p1' }] },
    });
    const ts = String(now / 1000);
    const sig = createHmac('sha256', 's3cret').update(`${ts}.${body}`).digest('hex');
    const ok = await post(r.url, body, { 'x-opsdesk-timestamp': ts, 'x-opsdesk-signature': `sha256=${sig}` });
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    expect(r.received[0]).toMatchObject({ type: 'incident.opened', text: 'T\na', mentions: ['p1'] });
    const bad = await post(r.url, body, {
      'x-opsdesk-timestamp': ts,
      'x-opsdesk-signature': `sha256=${'0'.repeat(64)}`,
    });
    expect(bad.status).toBe(401);
    const staleTs = String(now / 1000 - 301);
    const staleSig = createHmac('sha256', 's3cret').update(`${staleTs}.${body}`).digest('hex');
    expect(
      (
        await post(r.url, body, {
          'x-opsdesk-timestamp': staleTs,
          'x-opsdesk-signature': `sha256=${staleSig}`,
        })
      ).status,
    ).toBe(401);
    r.revoke();
    expect(
      (await post(r.url, body, { 'x-opsdesk-timestamp': ts, 'x-opsdesk-signature': `sha256=${sig}` })).status,
    ).toBe(410);
  });
});

test('penaltyMs keeps an over-limit robot throttled for that long', async () => {
  let clock = 0;
  const r = await robot({
    platform: 'dingtalk',
    now: () => clock,
    limits: { perMinute: 1, penaltyMs: 600_000 },
  });
  const md = { msgtype: 'markdown', markdown: { title: 't', text: 'x' } };
  expect((await post(r.url, md)).body.errcode).toBe(0);
  expect((await post(r.url, md)).body.errcode).toBe(130101);
  clock = 120_000; // the minute is over, the penalty is not
  expect((await post(r.url, md)).body.errcode).toBe(130101);
  clock = 600_001;
  expect((await post(r.url, md)).body.errcode).toBe(0);
});

test('countRefused counts refused and throttled requests against the limit, a wrong key not', async () => {
  let clock = 0;
  const r = await robot({
    platform: 'wecom',
    key: 'k',
    now: () => clock,
    limits: { perMinute: 2, countRefused: true },
  });
  const text = { msgtype: 'text', text: { content: 'x' } };
  expect((await post(r.url.replace('=k', '=other'), text)).body.errcode).toBe(93000);
  expect((await post(r.url, { msgtype: 'nope' })).body.errcode).toBe(40008); // counted
  expect((await post(r.url, text)).body.errcode).toBe(0);
  clock = 30_000;
  expect((await post(r.url, text)).body.errcode).toBe(45009); // counted as well
  clock = 60_001; // both requests at 0 left the window; the throttled one at 30 s is one of two
  expect((await post(r.url, text)).body.errcode).toBe(0);
  expect(r.received).toHaveLength(2);
});
