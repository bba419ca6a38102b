import { createHmac } from 'node:crypto';
import type { ChannelConfig } from '../config';
import type { ChannelSender, Part, RateLimit, Rendered, SendOutcome } from '../types';
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
 * The Feishu custom bot (飞书 自定义机器人, "自定义机器人使用指南"): an `interactive` card with a
 * coloured header, Markdown elements, `<at id=ou_…></at>` mentions and link buttons; the request
 * body ≤ 20 KB; 5 a second and 100 a minute; with 签名校验 `timestamp` (seconds) and
 * `sign` = Base64(HMAC-SHA256 keyed by timestamp + "\n" + secret over an empty message) in the body.
 */

/** 20 KB read as 20 000 bytes, the smaller of its two readings */
export const FEISHU_MAX_BODY_BYTES = 20_000;
const FEISHU_RATES: readonly RateLimit[] = [
  { count: 5, windowMs: 1_000 },
  { count: 100, windowMs: 60_000 },
];
/** `,"timestamp":"1234567890","sign":"<44 Base64 characters>"` added when the part is sent */
const SIGN_BYTES = 80;

/** code → what it means for the channel (the guide's and senders' captured answers) */
const CONFIG_CODES = new Map<number, string>([
  [19001, 'the hook address is wrong or the bot was removed: set a new webhook_url'],
  [19021, 'the signature was refused: check the secret (签名校验) and this host’s clock'],
  [19022, 'this host’s address is not in the bot’s IP whitelist'],
  [19024, 'the bot requires a keyword (自定义关键词) the message does not hold'],
  [19007, 'the bot is disabled'],
]);
const THROTTLED_CODES = new Set([11232]);

export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export class FeishuSender extends HttpSender implements ChannelSender {
  readonly type = 'feishu' as const;

  constructor(channel: ChannelConfig, baseDir: string, opts: SenderOptions = {}) {
    super(channel, baseDir, opts, { maxBytes: FEISHU_MAX_BODY_BYTES, rates: FEISHU_RATES, signs: true });
  }

  render(message: Rendered): Part[] {
    const mentions = message.mentions
      .map((r) => (r.feishuOpenId ? `<at id=${r.feishuOpenId}></at>` : plainMention(r)))
      .join(' ');
    const actions = message.buttons.map((b, i) => ({
      tag: 'button',
      text: { tag: 'plain_text', content: b.label },
      url: b.url,
      type: i === 0 ? 'primary' : 'default',
    }));
    const overhead = this.secret ? SIGN_BYTES : 0;
    return splitMessage(message.title, message.sections, {
      maxBytes: FEISHU_MAX_BODY_BYTES - overhead,
      marker: cutMarker(message.language),
      build: (title, sections, first) => {
        const elements: unknown[] = sections.map((content) => ({ tag: 'markdown', content }));
        if (first && mentions) elements.push({ tag: 'markdown', content: mentions });
        if (first && actions.length > 0) elements.push({ tag: 'action', actions });
        return {
          msg_type: 'interactive',
          card: {
            config: { wide_screen_mode: true },
            header: { title: { tag: 'plain_text', content: title }, template: message.color },
            elements,
          },
        };
      },
      size: (payload) => utf8Bytes(JSON.stringify(payload)),
    }).map((p) => ({ payload: p.payload, bytes: p.bytes + overhead }));
  }

  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    let body = part.payload as Record<string, unknown>;
    if (this.secret) {
      // signed when sent, not when rendered: a part retried an hour later needs a fresh timestamp
      const timestamp = Math.floor(this.now() / 1000);
      body = { timestamp: String(timestamp), sign: feishuSign(timestamp, this.secret), ...body };
    }
    const answer = await postJson(
      this.fetch,
      this.url,
      JSON.stringify(body),
      {},
      this.channel.timeout,
      signal,
    );
    if (isOutcome(answer)) return answer;
    const byHttp = httpOutcome(answer, this.now(), 1_000);
    if (byHttp) return byHttp;
    // the guide's answer has `code`; older answers had only StatusCode
    const code = answer.json?.code ?? answer.json?.StatusCode;
    const msg = String(answer.json?.msg ?? answer.json?.StatusMessage ?? answer.text.slice(0, 200));
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
      return { ok: false, kind: 'throttled', retryAfterMs: 1_000, code: c, error: msg };
    const why = CONFIG_CODES.get(code);
    if (why) return { ok: false, kind: 'config', code: c, status: answer.status, error: `${msg} (${why})` };
    return { ok: false, kind: 'rejected', code: c, status: answer.status, error: msg };
  }
}
