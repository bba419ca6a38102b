import {
  hint,
  parseObject,
  type Json,
  utf8Bytes,
  type Platform,
  type PlatformContext,
  type Verdict,
} from './core';

/**
 * The WeCom group robot (企业微信 群机器人), as "群机器人配置说明" documents it
 * (https://developer.work.weixin.qq.com/document/path/91770, also /99110):
 * POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>, a JSON body with `msgtype`;
 * text content ≤ 2048 bytes, markdown and markdown_v2 content ≤ 4096 bytes (UTF-8); `<@userid>` in
 * text/markdown content mentions a member; template_card (text_notice, news_notice) needs
 * card_action; "每个机器人发送的消息不能超过20条/分钟".
 *
 * The answers are WeCom's: HTTP 200 with `errcode`/`errmsg`, the message followed by ", hint: […],
 * from ip: …, more info at https://open.work.weixin.qq.com/devtool/query?e=<code>" as the real
 * service writes it (bodies captured by open-source senders: 93000 "invalid webhook url" for a wrong
 * or removed key, 45009 "api freq out of limit", 40058 "markdown.content exceed max length 4096.
 * invalid Request Parameter"); 47001 data format error, 40008 invalid message type, 44004 empty
 * content and 40063 empty parameter are WeCom's global error codes (全局错误码), and so is 40033
 * "不合法的请求字符，不能包含\uxxxx格式的字符": a body with a JSON \u escape (a control character,
 * a lone surrogate, or JSON written ASCII-only) is refused.
 */

export const WECOM_LIMITS = { markdownBytes: 4096, textBytes: 2048, perMinute: 20 } as const;

function refuse(code: number, message: string, now: number): Verdict {
  return {
    accept: false,
    status: 200,
    code: String(code),
    body: {
      errcode: code,
      errmsg: `${message}, hint: [${hint(now)}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${code}`,
    },
  };
}

const MENTION = /<@([^<>\s]+)>/g;

function mentionsIn(content: string): string[] {
  return [...content.matchAll(MENTION)].map((m) => m[1]!);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

function checkTemplateCard(card: Json, now: number): Verdict | string {
  if (card.card_type !== 'text_notice' && card.card_type !== 'news_notice')
    return refuse(40063, 'template_card.card_type must be text_notice or news_notice', now);
  const main = card.main_title as Record<string, unknown> | undefined;
  if (!(main && str(main.title) && main.title) && !str(card.sub_title_text))
    return refuse(40063, 'template_card.main_title.title or sub_title_text is empty', now);
  const action = card.card_action as Record<string, unknown> | undefined;
  if (!action || (action.type === 1 && !str(action.url)) || (action.type !== 1 && action.type !== 2))
    return refuse(40063, 'template_card.card_action is empty', now);
  const horizontal = (card.horizontal_content_list ?? []) as unknown[];
  if (!Array.isArray(horizontal) || horizontal.length > 6)
    return refuse(40058, 'template_card.horizontal_content_list exceed max size 6', now);
  const jumps = (card.jump_list ?? []) as unknown[];
  if (!Array.isArray(jumps) || jumps.length > 3)
    return refuse(40058, 'template_card.jump_list exceed max size 3', now);
  for (const j of jumps as Array<Record<string, unknown>>) {
    if (!str(j.title) || (j.type === 1 && !str(j.url)))
      return refuse(40063, 'template_card.jump_list.title or url is empty', now);
  }
  const lines = [
    main?.title,
    main?.desc,
    card.emphasis_content?.title,
    card.sub_title_text,
    ...(horizontal as Array<Record<string, unknown>>).map(
      (h) => `${String(h.keyname)}: ${String(h.value ?? '')}`,
    ),
    ...(jumps as Array<Record<string, unknown>>).map((j) => `[${String(j.title)}](${String(j.url ?? '')})`),
  ];
  return lines.filter((l) => str(l) && l !== '').join('\n');
}

export const wecomPlatform: Platform = {
  path: (key) => `/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
  limits: { perMinute: WECOM_LIMITS.perMinute },
  addressCodes: ['93000'],
  check(req, ctx: PlatformContext): Verdict {
    const url = new URL(req.url, 'http://robot');
    if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== ctx.key || ctx.revoked)
      return refuse(93000, 'invalid webhook url', ctx.now);
    const body = parseObject(req.raw);
    if (req.method !== 'POST' || !body) return refuse(47001, 'data format error', ctx.now);
    if (/(?<!\\)(?:\\\\)*\\u[0-9a-fA-F]{4}/.test(req.raw))
      return refuse(
        40033,
        'invalid charset. please check your request, if include \\uxxxx will create fail!',
        ctx.now,
      );
    const type = body.msgtype as unknown;
    let text: string;
    let mentions: string[] = [];
    switch (type) {
      case 'text': {
        const content = body.text?.content as unknown;
        if (!str(content) || content === '') return refuse(44004, 'empty content', ctx.now);
        if (utf8Bytes(content) > WECOM_LIMITS.textBytes)
          return refuse(40058, 'text.content exceed max length 2048. invalid Request Parameter', ctx.now);
        text = content;
        const listed = [
          ...((body.text?.mentioned_list ?? []) as string[]),
          ...((body.text?.mentioned_mobile_list ?? []) as string[]),
        ];
        mentions = [...mentionsIn(content), ...listed];
        break;
      }
      case 'markdown':
      case 'markdown_v2': {
        const content = body[type]?.content as unknown;
        if (!str(content) || content === '') return refuse(44004, 'empty content', ctx.now);
        if (utf8Bytes(content) > WECOM_LIMITS.markdownBytes)
          return refuse(
            40058,
            `${type}.content exceed max length ${WECOM_LIMITS.markdownBytes}. invalid Request Parameter`,
            ctx.now,
          );
        text = content;
        // markdown_v2 has no mention syntax: a <@userid> there is shown as text and notifies nobody
        mentions = type === 'markdown' ? mentionsIn(content) : [];
        break;
      }
      case 'template_card': {
        const card = body.template_card as unknown;
        if (!card || typeof card !== 'object') return refuse(40063, 'template_card is empty', ctx.now);
        const checked = checkTemplateCard(card as Json, ctx.now);
        if (typeof checked !== 'string') return checked;
        text = checked;
        break;
      }
      case 'image':
      case 'news':
      case 'file':
      case 'voice':
        text = `(${type})`;
        break;
      default:
        return refuse(40008, 'invalid message type', ctx.now);
    }
    // WeCom counts the messages it delivered; a throttled request is not delivered
    if (ctx.throttled()) return refuse(45009, 'api freq out of limit', ctx.now);
    return { accept: true, message: { type: type as string, body, text, mentions } };
  },
};
