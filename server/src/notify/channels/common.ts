import { resolveSecret, type ChannelConfig } from '../config';
import type { Language, Part, RateLimit, Recipient, SendOutcome } from '../types';

/** What every robot sender shares: its secrets, its HTTP exchange and how a message is cut into parts. */

export interface SenderOptions {
  fetch?: typeof fetch;
  /** the clock signatures are made with (a fake clock in tests); default Date.now */
  now?: () => number;
}

export function setting(channel: ChannelConfig, key: string): string {
  return `notify.channels[${channel.name}].${key}`;
}

/** The robot's address from its secret reference; an error naming the setting when it is missing or not a URL. */
export function webhookUrl(channel: ChannelConfig, baseDir: string): URL {
  const name = setting(channel, 'webhook_url');
  if (!channel.webhook_url)
    throw new Error(`${name}: a ${channel.type} channel needs webhook_url: { env: NAME } or { file: path }`);
  const raw = resolveSecret(channel.webhook_url, name, baseDir);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // never echo the value: it holds the robot's key
    throw new Error(
      `${name}: the value is not a URL (expected e.g. https://…); check the variable or file it names`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${name}: expected an http or https URL, not ${url.protocol}`);
  return url;
}

export function optionalSecret(channel: ChannelConfig, baseDir: string): string | undefined {
  return channel.secret ? resolveSecret(channel.secret, setting(channel, 'secret'), baseDir) : undefined;
}

/** What a platform allows one robot or webhook: bytes per request, requests per window; whether it signs. */
export interface PlatformLimits {
  maxBytes: number;
  rates: readonly RateLimit[];
  /** the channel's `secret` signs requests (Feishu and DingTalk 加签, the webhook's HMAC); WeCom has none */
  signs: boolean;
}

/**
 * The state every HTTP sender keeps, from the channel: its address and signing secret (resolved
 * from their references when the sender is built, so a missing one is a config error at once),
 * fetch and the clock (a fake one in tests), and the platform's limits lowered by the channel's rate.
 */
export abstract class HttpSender {
  readonly limits: { maxBytes: number; rates: readonly RateLimit[] };
  protected readonly url: string;
  protected readonly secret: string | undefined;
  protected readonly fetch: typeof fetch;
  protected readonly now: () => number;

  protected constructor(
    protected readonly channel: ChannelConfig,
    baseDir: string,
    opts: SenderOptions,
    platform: PlatformLimits,
  ) {
    this.url = webhookUrl(channel, baseDir).toString();
    this.secret = platform.signs ? optionalSecret(channel, baseDir) : undefined;
    this.fetch = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
    this.limits = { maxBytes: platform.maxBytes, rates: channelRates(channel, platform.rates) };
  }
}

/** The platform's rates, each lowered (never raised) by the channel's `rate`. */
export function channelRates(channel: ChannelConfig, platform: readonly RateLimit[]): RateLimit[] {
  const rates = platform.map((r) => ({ ...r }));
  const lower = (count: number | undefined, windowMs: number) => {
    if (count === undefined) return;
    const same = rates.find((r) => r.windowMs === windowMs);
    if (same) same.count = Math.min(same.count, count);
    else rates.push({ count, windowMs });
  };
  lower(channel.rate?.per_second, 1_000);
  lower(channel.rate?.per_minute, 60_000);
  return rates.sort((a, b) => a.windowMs - b.windowMs);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Text JSON.stringify writes without a \u escape: control characters (an ANSI colour code in a log
 * line) dropped, lone surrogates replaced. WeCom refuses any \uXXXX in a body (40033).
 */
export function jsonSafe(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex -- the characters removed
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Shown at the end of a section that alone was over the limit and goes on in the next part. */
export function cutMarker(language: Language): string {
  return language === 'en' ? '\n…(continued in the next part)' : '\n…（接下一部分）';
}

/** A Markdown link, an image, an autolink or an HTML-like tag (<@userid>, <at id=…></at>, <font …>): never cut inside. */
const ATOMIC = /!?\[[^\]\n]*\]\([^)\s]*\)|<[^<>\n]*>/g;

/**
 * The longest head of `text` that `fits`, cut on a code point (never inside a UTF-8 character),
 * never inside a link or a tag, at a line break or a space near the end when there is one.
 * At least one code point, so a caller always makes progress.
 */
export function cutHead(text: string, fits: (head: string) => boolean): [string, string] {
  const points = Array.from(text);
  const offsets: number[] = [0];
  for (const p of points) offsets.push(offsets[offsets.length - 1]! + p.length);
  let lo = 1; // at least one code point
  let hi = points.length;
  if (!fits(text.slice(0, offsets[1]))) hi = 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, offsets[mid]))) lo = mid;
    else hi = mid - 1;
  }
  let at = offsets[lo]!;
  for (const m of text.matchAll(ATOMIC)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < at && at < end) {
      if (start > 0) at = start;
      break;
    }
    if (start >= at) break;
  }
  const floor = Math.floor(at * 0.75);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= floor && nl > 0) at = nl + 1;
  else {
    const sp = text.lastIndexOf(' ', at - 1);
    if (sp >= Math.floor(at * 0.9) && sp > 0) at = sp + 1;
  }
  return [text.slice(0, at), text.slice(at)];
}

/** How one platform lays a part out; `size` is what the platform limits (content or body bytes). */
export interface Layout<P> {
  /** `first`: the part that carries the mentions and the buttons */
  build(title: string, sections: string[], first: boolean): P;
  size(payload: P): number;
  maxBytes: number;
  marker: string;
}

/**
 * The message as one part when it fits, else as parts titled "[k/n] title": sections packed in
 * order, a section moved whole to the next part when it does not fit beside others, and cut (with
 * the marker) only when it alone is over the limit.
 */
export function splitMessage<P>(title: string, sections: string[], layout: Layout<P>): Part[] {
  const whole = layout.build(title, sections, true);
  const wholeSize = layout.size(whole);
  if (wholeSize <= layout.maxBytes) return [{ payload: whole, bytes: wholeSize }];
  for (let digits = 1; digits <= 6; digits++) {
    const widest = `[${'9'.repeat(digits)}/${'9'.repeat(digits)}] ${title}`;
    const fits = (first: boolean, secs: string[]) =>
      layout.size(layout.build(widest, secs, first)) <= layout.maxBytes;
    const parts = pack(sections, fits, layout.marker);
    if (String(parts.length).length > digits) continue;
    return parts.map((secs, i) => {
      const payload = layout.build(`[${i + 1}/${parts.length}] ${title}`, secs, i === 0);
      return { payload, bytes: layout.size(payload) };
    });
  }
  throw new Error(`a message of ${sections.length} sections needs over a million parts`);
}

function pack(
  sections: string[],
  fits: (first: boolean, secs: string[]) => boolean,
  marker: string,
): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  const queue = [...sections];
  // each turn places a section, closes a non-empty part or cuts at least one code point off a section
  for (let guard = 0; queue.length > 0; guard++) {
    if (guard > 10_000_000) throw new Error('splitMessage: no progress');
    const first = parts.length === 0;
    const section = queue.shift()!;
    if (fits(first, [...current, section])) {
      current.push(section);
      continue;
    }
    if (current.length > 0) {
      parts.push(current);
      current = [];
      queue.unshift(section);
      continue;
    }
    const [head, tail] = cutHead(section, (h) => fits(first, [h + marker]));
    if (tail === '') {
      // one code point over the limit on its own: send it as it is rather than lose it
      parts.push([head]);
    } else {
      parts.push([head + marker]);
      queue.unshift(tail);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** A mention for a person the platform has no id for: their name, so the group still sees whom it means. */
export function plainMention(r: Recipient): string {
  return `@${r.name}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | undefined;
}

/**
 * One POST with the channel's timeout and the caller's signal; a transport failure (timeout,
 * refused connection, reset) is a transient outcome, never a throw.
 */
export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Answer | SendOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.any([signal, timeout]),
      // a robot address never redirects on purpose; a 3xx is classified, not followed
      redirect: 'manual',
    });
    const text = await res.text();
    let json: Record<string, unknown> | undefined;
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) json = v as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  } catch (err) {
    if (timeout.aborted)
      return { ok: false, kind: 'transient', code: 'timeout', error: `no answer within ${timeoutMs} ms` };
    if (signal.aborted)
      return { ok: false, kind: 'transient', code: 'aborted', error: 'the send was stopped' };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      kind: 'transient',
      code: cause?.code ?? 'network',
      error: cause?.message ?? (err as Error).message,
    };
  }
}

export function isOutcome(v: Answer | SendOutcome): v is SendOutcome {
  return 'ok' in v;
}

/** Retry-After as seconds or an HTTP date; `fallbackMs` when absent or unreadable. */
export function retryAfterMs(headers: Headers, fallbackMs: number, now: number): number {
  const v = headers.get('retry-after');
  if (!v) return fallbackMs;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - now);
}

/** What HTTP itself says before a platform's body is read: throttled, transient or undecided. */
export function httpOutcome(answer: Answer, now: number, fallbackRetryMs: number): SendOutcome | undefined {
  if (answer.status === 429)
    return {
      ok: false,
      kind: 'throttled',
      retryAfterMs: retryAfterMs(answer.headers, fallbackRetryMs, now),
      code: '429',
      error: `HTTP 429: ${answer.text.slice(0, 200)}`,
    };
  if (answer.status >= 300 && answer.status < 400)
    return {
      ok: false,
      kind: 'transient',
      status: answer.status,
      code: String(answer.status),
      error: `HTTP ${answer.status} to ${answer.headers.get('location') ?? '(no location)'}: a robot address does not redirect; retried`,
    };
  if (answer.status >= 500 || answer.status === 408)
    return {
      ok: false,
      kind: 'transient',
      status: answer.status,
      code: String(answer.status),
      error: `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`,
    };
  return undefined;
}
