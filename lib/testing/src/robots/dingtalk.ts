import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseObject, type Json, type Platform, type PlatformContext, type Verdict } from './core';

/**
 * The DingTalk custom robot (钉钉 自定义机器人), as "自定义机器人接入" and "自定义机器人安全设置"
 * document it (https://open.dingtalk.com/document/robots/custom-robot-access,
 * .../customize-robot-security-settings): POST https://oapi.dingtalk.com/robot/send?access_token=<token>,
 * a JSON body with `msgtype` (text, link, markdown, actionCard, feedCard) and `at`
 * ({ atMobiles, atUserIds, isAtAll }); in markdown and actionCard a mobile in atMobiles is @-ed only
 * when the text also holds "@<mobile>"; "每个机器人每分钟最多发送20条"; with 加签 the URL carries
 * `&timestamp=<ms>&sign=<urlencode(Base64(HmacSHA256 keyed by secret over timestamp + "\n" + secret))>`,
 * the timestamp within 1 hour of now.
 *
 * Answers (HTTP 200, errcode/errmsg): 310000 "sign not match" / "invalid timestamp" (the guide's 常见问题);
 * from bodies captured by open-source senders: 130101 "send too fast, exceed 20 times per minute",
 * 300005 "token is not exist" for a wrong or removed token (older reports show 300001 with the same
 * text), 40035 "缺少参数 json" / "缺少参数 access_token", 400105 "不支持的 msgtype", 460101 "message too
 * long, exceed 20000 bytes". The stand-in applies the 20 000 bytes to the whole body, the stricter reading.
 */

export const DINGTALK_LIMITS = { bodyBytes: 20_000, perMinute: 20, signWindowMs: 3_600_000 } as const;

function refuse(code: number, errmsg: string): Verdict {
  return { accept: false, status: 200, code: String(code), body: { errcode: code, errmsg } };
}

/** Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), before URL-encoding. */
export function dingtalkSign(timestamp: string | number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function str(v: unknown): v is string {
  return typeof v === 'string' && v !== '';
}

export const dingtalkPlatform: Platform = {
  path: (key) => `/robot/send?access_token=${encodeURIComponent(key)}`,
  limits: { perMinute: DINGTALK_LIMITS.perMinute },
  addressCodes: ['300005'],
  check(req, ctx: PlatformContext): Verdict {
    const url = new URL(req.url, 'http://robot');
    const token = url.searchParams.get('access_token');
    if (url.pathname !== '/robot/send' || token === null || token === '')
      return refuse(40035, '缺少参数 access_token');
    if (token !== ctx.key || ctx.revoked) return refuse(300005, 'token is not exist');
    if (ctx.secret !== undefined) {
      // URLSearchParams decodes %2B back to "+", and a "+" left unencoded to a space, as the platform does
      const ts = url.searchParams.get('timestamp');
      const sign = url.searchParams.get('sign');
      if (ts === null || !/^\d+$/.test(ts) || Math.abs(ctx.now - Number(ts)) > DINGTALK_LIMITS.signWindowMs)
        return refuse(310000, 'invalid timestamp');
      if (sign === null || !sameText(sign, dingtalkSign(ts, ctx.secret)))
        return refuse(310000, 'sign not match');
    }
    const body = parseObject(req.raw);
    if (req.method !== 'POST' || !body) return refuse(40035, '缺少参数 json');
    if (req.bytes > DINGTALK_LIMITS.bodyBytes) return refuse(460101, 'message too long, exceed 20000 bytes');
    const type = body.msgtype as unknown;
    const at = (body.at ?? {}) as Json;
    const atMobiles = (Array.isArray(at.atMobiles) ? at.atMobiles : []) as unknown[];
    let text: string;
    switch (type) {
      case 'text':
        if (!str(body.text?.content)) return refuse(40035, '缺少参数 text.content');
        text = body.text.content as string;
        break;
      case 'markdown':
        if (!str(body.markdown?.title)) return refuse(40035, '缺少参数 markdown.title');
        if (!str(body.markdown?.text)) return refuse(40035, '缺少参数 markdown.text');
        text = body.markdown.text as string;
        break;
      case 'actionCard': {
        const card = body.actionCard as Json | undefined;
        if (!str(card?.title)) return refuse(40035, '缺少参数 actionCard.title');
        if (!str(card?.text)) return refuse(40035, '缺少参数 actionCard.text');
        const single = str(card?.singleTitle) && str(card?.singleURL);
        const btns = card?.btns as unknown;
        const many =
          Array.isArray(btns) &&
          btns.length > 0 &&
          btns.every((b: Json) => str(b?.title) && str(b?.actionURL));
        if (!single && !many) return refuse(40035, '缺少参数 actionCard.singleTitle/singleURL or btns');
        const buttons = single
          ? [`[${card!.singleTitle as string}](${card!.singleURL as string})`]
          : (btns as Json[]).map((b) => `[${b.title as string}](${b.actionURL as string})`);
        text = [card!.text as string, ...buttons].join('\n');
        break;
      }
      case 'link':
      case 'feedCard':
        text = `(${type})`;
        break;
      default:
        return refuse(400105, '不支持的 msgtype');
    }
    if (ctx.throttled()) return refuse(130101, 'send too fast, exceed 20 times per minute');
    const mobiles = atMobiles.filter((m): m is string => typeof m === 'string');
    // a text message gets "@name" appended by the platform; markdown and actionCard need "@mobile" in the text
    const mentions = type === 'text' ? mobiles : mobiles.filter((m) => text.includes(`@${m}`));
    return { accept: true, message: { type: type as string, body, text, mentions } };
  },
};
