import { createHmac } from 'node:crypto';
import type { ChannelConfig } from '../config';
import type { ChannelSender, Color, Part, RateLimit, Rendered, SendOutcome } from '../types';
import {
  cutMarker,
  httpOutcome,
  HttpSender,
  isOutcome,
  plainMention,
  postJson,
  splitMessage,
  utf8Bytes,
  type SenderOptions,
} from './common';

/**
 * The DingTalk custom robot (钉钉 自定义机器人, "自定义机器人接入" and its 安全设置): markdown with
 * mentions in both `at.atMobiles` and "@mobile" in the text (markdown @-s only a mobile written in
 * the text), actionCard with buttons, 20 messages a minute, "message too long, exceed 20000 bytes";
 * with 加签 the URL carries `&timestamp=<ms>&sign=<urlencode(Base64(HMAC-SHA256 keyed by the secret
 * over timestamp + "\n" + secret))>`.
 */

export const DINGTALK_MAX_BODY_BYTES = 20_000;
const DINGTALK_RATES: readonly RateLimit[] = [{ count: 20, windowMs: 60_000 }];

const CONFIG_CODES = new Map<number, string>([
  [
    310000,
    'the robot’s security settings refused it (sign not match, invalid timestamp, a keyword or an IP whitelist): check the secret, the keywords and this host’s clock',
  ],
  [300001, 'the access_token is wrong or the robot was removed: set a new webhook_url'],
  [300005, 'the access_token is wrong or the robot was removed: set a new webhook_url'],
]);
const THROTTLED_CODES = new Set([130101]);
const TRANSIENT_CODES = new Set([-1]);

/** DingTalk's Markdown has no colour; a coloured mark before the heading carries the level */
const MARK: Record<Color, string> = {
  red: '🔴',
  orange: '🟠',
  yellow: '🟡',
  green: '🟢',
  blue: '🔵',
  grey: '⚪',
};

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export class DingtalkSender extends HttpSender implements ChannelSender {
  readonly type = 'dingtalk' as const;

  constructor(channel: ChannelConfig, baseDir: string, opts: SenderOptions = {}) {
    super(channel, baseDir, opts, { maxBytes: DINGTALK_MAX_BODY_BYTES, rates: DINGTALK_RATES, signs: true });
  }

  render(message: Rendered): Part[] {
    const mobiles = message.mentions.flatMap((r) => (r.dingtalkMobile ? [r.dingtalkMobile] : []));
    const mentionLine = message.mentions
      .map((r) => (r.dingtalkMobile ? `@${r.dingtalkMobile}` : plainMention(r)))
      .join(' ');
    // actionCard has no `at`: a message that mentions someone keeps its buttons as links in markdown
    const card = mobiles.length === 0 && message.buttons.length > 0;
    const links = message.buttons.map((b) => `[${b.label}](${b.url})`).join('  ');
    return splitMessage(message.title, message.sections, {
      maxBytes: DINGTALK_MAX_BODY_BYTES,
      marker: cutMarker(message.language),
      build: (title, sections, first) => {
        const blocks = [`#### ${MARK[message.color]} ${title}`, ...sections];
        if (first && card)
          return {
            msgtype: 'actionCard',
            actionCard: {
              title,
              text: blocks.join('\n\n'),
              btnOrientation: message.buttons.length > 2 ? '0' : '1',
              btns: message.buttons.map((b) => ({ title: b.label, actionURL: b.url })),
            },
          };
        if (first && links) blocks.push(links);
        if (first && mentionLine) blocks.push(mentionLine);
        return {
          msgtype: 'markdown',
          markdown: { title, text: blocks.join('\n\n') },
          ...(first && mobiles.length > 0 ? { at: { atMobiles: mobiles, isAtAll: false } } : {}),
        };
      },
      size: (payload) => utf8Bytes(JSON.stringify(payload)),
    });
  }

  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    const url = new URL(this.url);
    if (this.secret) {
      // signed when sent: the timestamp must be within an hour of the platform's clock
      const timestamp = this.now();
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(timestamp, this.secret)); // URLSearchParams encodes + / =
    }
    const answer = await postJson(
      this.fetch,
      url.toString(),
      JSON.stringify(part.payload),
      {},
      this.channel.timeout,
      signal,
    );
    if (isOutcome(answer)) return answer;
    // users report that a robot sending on after 130101 gets a 302 and is blocked for 10 minutes
    if (answer.status === 302)
      return {
        ok: false,
        kind: 'throttled',
        retryAfterMs: 600_000,
        code: '302',
        error: `HTTP 302: DingTalk blocks a robot that kept sending over its limit (about 10 minutes)`,
      };
    const byHttp = httpOutcome(answer, this.now(), 60_000);
    if (byHttp) return byHttp;
    const code = answer.json?.errcode;
    const errmsg = String(answer.json?.errmsg ?? answer.text.slice(0, 200));
    if (answer.status === 200 && code === 0) return { ok: true };
    if (typeof code !== 'number')
      return {
        ok: false,
        kind: answer.status >= 400 ? 'rejected' : 'transient',
        status: answer.status,
        error: `unexpected answer (HTTP ${answer.status}): ${answer.text.slice(0, 200)}`,
      };
    const c = String(code);
    if (THROTTLED_CODES.has(code))
      return { ok: false, kind: 'throttled', retryAfterMs: 60_000, code: c, error: errmsg };
    const why = CONFIG_CODES.get(code);
    if (why)
      return { ok: false, kind: 'config', code: c, status: answer.status, error: `${errmsg} (${why})` };
    if (TRANSIENT_CODES.has(code))
      return { ok: false, kind: 'transient', code: c, status: answer.status, error: errmsg };
    return { ok: false, kind: 'rejected', code: c, status: answer.status, error: errmsg };
  }
}
