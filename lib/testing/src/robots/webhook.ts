import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseObject, type Platform, type PlatformContext, type Verdict } from './core';

/**
 * A receiver of OpsDesk's generic webhook (server/src/notify/channels/webhook.ts, body version "1"):
 * POST <url> with a JSON body whose `version` is "1"; when a secret is set, `X-OpsDesk-Timestamp`
 * (Unix seconds, within 5 minutes) and `X-OpsDesk-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>`. It answers as an ordinary HTTP service: 200 {"ok":true}, 400 for a body
 * that is not version 1, 401 for a bad signature, 410 once revoked, 429 with Retry-After when a
 * limit is set and exceeded.
 */

export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The hex HMAC-SHA256 the sender puts after "sha256=". */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export const webhookPlatform: Platform = {
  path: (key) => `/hooks/${encodeURIComponent(key)}`,
  limits: {},
  addressCodes: ['404', '410'],
  check(req, ctx: PlatformContext): Verdict {
    const url = new URL(req.url, 'http://robot');
    if (url.pathname !== `/hooks/${encodeURIComponent(ctx.key)}`)
      return { accept: false, status: 404, code: '404', body: { error: 'no such hook' } };
    if (ctx.revoked)
      return { accept: false, status: 410, code: '410', body: { error: 'this hook was removed' } };
    if (ctx.secret !== undefined) {
      const ts = header(req.headers['x-opsdesk-timestamp']);
      const sig = header(req.headers['x-opsdesk-signature']);
      const want = ts ? `sha256=${webhookSignature(ctx.secret, ts, req.raw)}` : '';
      const fresh =
        ts !== undefined &&
        /^\d+$/.test(ts) &&
        Math.abs(ctx.now / 1000 - Number(ts)) <= WEBHOOK_SIGNATURE_TOLERANCE_SECONDS;
      if (
        !fresh ||
        !sig ||
        sig.length !== want.length ||
        !timingSafeEqual(Buffer.from(sig), Buffer.from(want))
      )
        return { accept: false, status: 401, code: '401', body: { error: 'bad or stale signature' } };
    }
    const body = parseObject(req.raw);
    if (req.method !== 'POST' || !body || body.version !== '1')
      return {
        accept: false,
        status: 400,
        code: '400',
        body: { error: 'expected a JSON body with version "1"' },
      };
    const limited = ctx.throttled();
    if (limited)
      return {
        accept: false,
        status: 429,
        code: '429',
        body: { error: 'too many requests' },
        headers: { 'retry-after': String(Math.ceil(limited.windowMs / 1000)) },
      };
    const message = body.message as { title?: unknown; sections?: unknown; mentions?: unknown } | undefined;
    const text = [
      typeof message?.title === 'string' ? message.title : '',
      ...(Array.isArray(message?.sections) ? (message.sections as unknown[]).map(String) : []),
    ].join('\n');
    const mentions = Array.isArray(message?.mentions)
      ? (message.mentions as Array<{ id?: unknown }>).map((m) => String(m.id))
      : [];
    return {
      accept: true,
      message: { type: typeof body.event === 'string' ? body.event : 'json', body, text, mentions },
    };
  },
};
