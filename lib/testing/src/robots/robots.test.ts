import { startRobot, type Robot } from './index';

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
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('@zhangsan');
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
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.text).toContain('P1 数据库不可用');
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
