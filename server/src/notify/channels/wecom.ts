import type { ChannelConfig } from '../config';
import type { ChannelSender, Color, Part, RateLimit, Rendered, SendOutcome } from '../types';
import {
  cutMarker,
  httpOutcome,
  HttpSender,
  isOutcome,
  jsonSafe,
  plainMention,
  postJson,
  splitMessage,
  utf8Bytes,
  type SenderOptions,
} from './common';

/**
 * The WeCom group robot (企业微信 群机器人, "群机器人配置说明"): markdown content ≤ 4096 bytes,
 * `<@userid>` mentions in markdown only (markdown_v2 has none), template_card (text_notice) with
 * link buttons, 20 messages a minute. The answer is HTTP 200 with errcode/errmsg.
 */

export const WECOM_MAX_CONTENT_BYTES = 4096;
const WECOM_RATES: readonly RateLimit[] = [{ count: 20, windowMs: 60_000 }];
/** WeCom documents a template card's sub_title_text as "建议不超过112个字" and at most 3 jump_list links */
const CARD_MAX_TEXT_CHARS = 112;
const CARD_MAX_BUTTONS = 3;

/** errcodes that mean the robot's address is wrong or the robot is gone: the configuration must change */
const CONFIG_CODES = new Set([93000]);
/** WeCom's "system busy" */
const TRANSIENT_CODES = new Set([-1]);
const THROTTLED_CODES = new Set([45009]);

const FONT: Record<Color, string> = {
  red: 'warning',
  orange: 'warning',
  yellow: 'warning',
  green: 'info',
  blue: 'info',
  grey: 'comment',
};

/** template_card source.desc_color: 0 grey, 1 black, 2 red, 3 green */
const DESC_COLOR: Record<Color, number> = { red: 2, orange: 2, yellow: 1, green: 3, blue: 1, grey: 0 };

/** Markdown as the plain text a card shows: links as their label, no emphasis or heading marks. */
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/<[^<>\n]*>/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

export class WecomSender extends HttpSender implements ChannelSender {
  readonly type = 'wecom' as const;

  constructor(channel: ChannelConfig, baseDir: string, opts: SenderOptions = {}) {
    super(channel, baseDir, opts, { maxBytes: WECOM_MAX_CONTENT_BYTES, rates: WECOM_RATES, signs: false });
  }

  render(original: Rendered): Part[] {
    const message = {
      ...original,
      title: jsonSafe(original.title),
      sections: original.sections.map(jsonSafe),
    };
    const tagged = message.mentions.filter((r) => r.wecomUserId);
    const mentionLine = message.mentions
      .map((r) => (r.wecomUserId ? `<@${r.wecomUserId}>` : plainMention(r)))
      .join(' ');
    if (tagged.length === 0 && message.buttons.length > 0) {
      const card = this.card(message);
      if (card) return [card];
    }
    // <@userid> notifies only in markdown; without a mention markdown_v2 renders more Markdown
    const type = tagged.length > 0 ? 'markdown' : 'markdown_v2';
    const heading = (title: string) =>
      type === 'markdown' ? `**<font color="${FONT[message.color]}">${title}</font>**` : `## ${title}`;
    const buttons = message.buttons.map((b) => `[${b.label}](${b.url})`).join('　');
    return splitMessage(message.title, message.sections, {
      maxBytes: WECOM_MAX_CONTENT_BYTES,
      marker: cutMarker(message.language),
      build: (title, sections, first) => {
        const blocks = [heading(title), ...sections];
        if (first && buttons) blocks.push(buttons);
        if (first && mentionLine) blocks.push(mentionLine);
        return { msgtype: type, [type]: { content: blocks.join('\n\n') } };
      },
      size: (payload) => utf8Bytes((payload as Record<string, { content: string }>)[type]!.content),
    });
  }

  /** A text_notice card, when the message is short enough for one and has at most three buttons. */
  private card(message: Rendered): Part | undefined {
    const text = message.sections.map(plain).filter(Boolean).join('\n');
    if (Array.from(text).length > CARD_MAX_TEXT_CHARS || message.buttons.length > CARD_MAX_BUTTONS)
      return undefined;
    const payload = {
      msgtype: 'template_card',
      template_card: {
        card_type: 'text_notice',
        source: { desc: 'OpsDesk', desc_color: DESC_COLOR[message.color] },
        main_title: { title: message.title },
        ...(text ? { sub_title_text: text } : {}),
        jump_list: message.buttons.map((b) => ({ type: 1, title: b.label, url: b.url })),
        card_action: { type: 1, url: message.buttons[0]!.url },
      },
    };
    return { payload, bytes: utf8Bytes(JSON.stringify(payload)) };
  }

  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    const answer = await postJson(
      this.fetch,
      this.url,
      JSON.stringify(part.payload),
      {},
      this.channel.timeout,
      signal,
    );
    if (isOutcome(answer)) return answer;
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
      // the window is a minute; our own limiter normally keeps us under it, so someone else shares the robot
      return { ok: false, kind: 'throttled', retryAfterMs: 60_000, code: c, error: errmsg };
    if (CONFIG_CODES.has(code))
      return {
        ok: false,
        kind: 'config',
        code: c,
        status: answer.status,
        error: `${errmsg} (the robot's key is wrong or the robot was removed: set a new webhook_url)`,
      };
    if (TRANSIENT_CODES.has(code))
      return { ok: false, kind: 'transient', code: c, status: answer.status, error: errmsg };
    return { ok: false, kind: 'rejected', code: c, status: answer.status, error: errmsg };
  }
}
