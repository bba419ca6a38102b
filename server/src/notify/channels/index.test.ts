import { channelSchema } from '../config';
import { createSender, DingtalkSender, FeishuSender, WebhookSender, WecomSender } from './index';

test('createSender makes each robot type’s sender with its platform limits', () => {
  process.env.OPSDESK_TEST_CREATE_URL = 'https://robot.example/hook?key=k';
  const make = (type: string, extra: Record<string, unknown> = {}) =>
    createSender(
      channelSchema.parse({
        name: `c-${type}`,
        type,
        webhook_url: { env: 'OPSDESK_TEST_CREATE_URL' },
        ...extra,
      }),
      '/',
    );
  const wecom = make('wecom');
  expect(wecom).toBeInstanceOf(WecomSender);
  expect(wecom.limits).toEqual({ maxBytes: 4096, rates: [{ count: 20, windowMs: 60_000 }] });
  expect(make('feishu')).toBeInstanceOf(FeishuSender);
  expect(make('feishu').limits.rates).toEqual([
    { count: 5, windowMs: 1_000 },
    { count: 100, windowMs: 60_000 },
  ]);
  expect(make('dingtalk', { rate: { per_minute: 10 } })).toBeInstanceOf(DingtalkSender);
  expect(make('dingtalk', { rate: { per_minute: 10 } }).limits.rates).toEqual([
    { count: 10, windowMs: 60_000 },
  ]);
  expect(make('webhook')).toBeInstanceOf(WebhookSender);
});

test('a secret that cannot be read, or a webhook_url that is not a URL, names the setting without its value', () => {
  process.env.OPSDESK_TEST_CREATE_URL = 'https://robot.example/hook?key=k';
  delete process.env.OPSDESK_TEST_CREATE_NO_SECRET;
  const feishu = channelSchema.parse({
    name: 'ops-feishu',
    type: 'feishu',
    webhook_url: { env: 'OPSDESK_TEST_CREATE_URL' },
    secret: { env: 'OPSDESK_TEST_CREATE_NO_SECRET' },
  });
  expect(() => createSender(feishu, '/')).toThrow(
    /^notify\.channels\[ops-feishu\]\.secret: environment variable OPSDESK_TEST_CREATE_NO_SECRET is not set/,
  );
  process.env.OPSDESK_TEST_CREATE_BAD_URL = 'robot-key-12345';
  const wecom = channelSchema.parse({
    name: 'ops-wecom',
    type: 'wecom',
    webhook_url: { env: 'OPSDESK_TEST_CREATE_BAD_URL' },
  });
  expect(() => createSender(wecom, '/')).toThrow(
    /^notify\.channels\[ops-wecom\]\.webhook_url: the value is not a URL/,
  );
  expect(() => createSender(wecom, '/')).not.toThrow(/robot-key-12345/);
});
