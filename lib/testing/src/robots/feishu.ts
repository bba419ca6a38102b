import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseObject, type Json, type Platform, type PlatformContext, type Verdict } from './core';

/**
 * The Feishu custom bot (飞书 自定义机器人), as "自定义机器人使用指南" documents it
 * (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 * POST https://open.feishu.cn/open-apis/bot/v2/hook/<token>, a JSON body with `msg_type`
 * (text, post, image, share_chat, interactive + `card`); "请求体的数据大小不能超过 20 KB";
 * "单租户单机器人 100 次/分钟，5 次/秒" (11232 otherwise); with 签名校验 the body carries
 * `timestamp` (seconds, within 1 hour of now) and `sign` = Base64(HmacSHA256 keyed by
 * `timestamp + "\n" + secret` over an empty message), 19021 otherwise.
 *
 * Answers, from the guide: success {"StatusCode":0,"StatusMessage":"success","code":0,"data":{},"msg":"success"};
 * a malformed body {"code":9499,"msg":"Bad Request","data":{}} (the guide lists the 20 KB limit under
 * it); 19021 "sign match fail or timestamp is not within one hour from current time". From bodies
 * captured by open-source senders: 19001 "param invalid: incoming webhook access token invalid" for
 * a wrong or removed hook, 11232 "frequency limited psm[lark.oapi.app_platform_runtime]appID[1500]".
 * The platform answers all of them with HTTP 200.
 */

export const FEISHU_LIMITS = {
  bodyBytes: 20 * 1024,
  perSecond: 5,
  perMinute: 100,
  signWindowSeconds: 3600,
} as const;

/** The card header colours Feishu's card JSON accepts (header.template). */
export const FEISHU_HEADER_TEMPLATES = [
  'blue',
  'wathet',
  'turquoise',
  'green',
  'yellow',
  'orange',
  'red',
  'carmine',
  'violet',
  'purple',
  'indigo',
  'grey',
  'default',
] as const;

function refuse(code: number, msg: string): Verdict {
  return { accept: false, status: 200, code: String(code), body: { code, data: {}, msg } };
}

const badRequest = () => refuse(9499, 'Bad Request');

/** Base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)), the guide's GenSign. */
export function feishuSign(timestamp: string | number, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// card markdown: <at id=ou_xxx></at> (also id=all, email=…); text messages: <at user_id="ou_xxx">name</at>
const CARD_AT = /<at\s+(?:id|email)=["']?([^"'\s>]+)["']?\s*>/g;
const TEXT_AT = /<at\s+user_id=["']([^"']+)["']\s*>/g;

function str(v: unknown): v is string {
  return typeof v === 'string';
}

/** The card's text as a reader sees it, or undefined when the card is not one Feishu would render. */
function readCard(card: Json): string | undefined {
  const header = card.header as Json | undefined;
  const lines: string[] = [];
  if (header) {
    if (!str(header.title?.content)) return undefined;
    if (
      header.template !== undefined &&
      !(FEISHU_HEADER_TEMPLATES as readonly string[]).includes(header.template)
    )
      return undefined;
    lines.push(header.title.content as string);
  }
  // card JSON 1.0 keeps elements at the top, 2.0 (schema "2.0") under body
  const elements = (card.schema === '2.0' ? card.body?.elements : card.elements) as unknown;
  if (!Array.isArray(elements)) return undefined;
  for (const el of elements as Json[]) {
    switch (el?.tag) {
      case 'markdown':
        if (!str(el.content)) return undefined;
        lines.push(el.content);
        break;
      case 'div':
        if (!str(el.text?.content)) return undefined;
        lines.push(el.text.content as string);
        break;
      case 'note':
        for (const n of (el.elements ?? []) as Json[]) if (str(n.content)) lines.push(n.content);
        break;
      case 'hr':
        break;
      case 'action': {
        if (!Array.isArray(el.actions)) return undefined;
        for (const a of el.actions as Json[]) {
          if (a.tag !== 'button' || !str(a.text?.content)) return undefined;
          if (a.url !== undefined && !/^https?:\/\//.test(String(a.url))) return undefined;
          lines.push(`[${a.text.content as string}](${String(a.url ?? '')})`);
        }
        break;
      }
      case 'button':
        if (!str(el.text?.content)) return undefined;
        lines.push(
          `[${el.text.content as string}](${String(el.url ?? el.behaviors?.[0]?.default_url ?? '')})`,
        );
        break;
      default:
        return undefined;
    }
  }
  return lines.join('\n');
}

export const feishuPlatform: Platform = {
  path: (key) => `/open-apis/bot/v2/hook/${encodeURIComponent(key)}`,
  limits: { perSecond: FEISHU_LIMITS.perSecond, perMinute: FEISHU_LIMITS.perMinute },
  addressCodes: ['19001'],
  check(req, ctx: PlatformContext): Verdict {
    const url = new URL(req.url, 'http://robot');
    const prefix = '/open-apis/bot/v2/hook/';
    if (
      !url.pathname.startsWith(prefix) ||
      decodeURIComponent(url.pathname.slice(prefix.length)) !== ctx.key ||
      ctx.revoked
    )
      return refuse(19001, 'param invalid: incoming webhook access token invalid');
    if (req.method !== 'POST' || req.bytes > FEISHU_LIMITS.bodyBytes) return badRequest();
    const body = parseObject(req.raw);
    if (!body) return badRequest();
    if (ctx.secret !== undefined) {
      const ts = body.timestamp as unknown;
      const seconds = Number(ts);
      if (
        (!str(ts) && typeof ts !== 'number') ||
        !Number.isInteger(seconds) ||
        Math.abs(ctx.now / 1000 - seconds) > FEISHU_LIMITS.signWindowSeconds ||
        !str(body.sign) ||
        !sameText(body.sign, feishuSign(String(ts), ctx.secret))
      )
        return refuse(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    const type = body.msg_type as unknown;
    let text: string;
    let mentions: string[];
    switch (type) {
      case 'text': {
        const t = body.content?.text as unknown;
        if (!str(t)) return badRequest();
        text = t;
        mentions = [...t.matchAll(TEXT_AT)].map((m) => m[1]!);
        break;
      }
      case 'interactive': {
        // the card may also be sent as a JSON string
        const card = (str(body.card) ? parseObject(body.card) : body.card) as Json | undefined;
        const read = card && typeof card === 'object' ? readCard(card) : undefined;
        if (read === undefined) return badRequest();
        text = read;
        mentions = [...read.matchAll(CARD_AT)].map((m) => m[1]!);
        break;
      }
      case 'post':
      case 'image':
      case 'share_chat':
        if (!body.content || typeof body.content !== 'object') return badRequest();
        text = `(${type})`;
        mentions = [];
        break;
      default:
        return badRequest();
    }
    if (ctx.throttled())
      return refuse(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1500]');
    return { accept: true, message: { type: type as string, body, text, mentions } };
  },
};
