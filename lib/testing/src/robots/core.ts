import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the chat platforms' incoming robots (WeCom 群机器人, Feishu 自定义机器人,
 * DingTalk 自定义机器人) and a generic webhook receiver. No real platform can be reached from a
 * test, so each stand-in checks a request the way its platform documents it and answers with the
 * platform's own error bodies; the per-platform files name their sources.
 */

export type RobotPlatform = 'wecom' | 'feishu' | 'dingtalk' | 'webhook';

/** One request as the stand-in saw it. */
export interface RobotRequest {
  method: string;
  /** path and query, as sent */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** the body's text (UTF-8) */
  raw: string;
  /** the body's size in bytes */
  bytes: number;
  /** the clock's time when the request arrived */
  at: number;
}

/** A message the robot accepted (it would have appeared in the group). */
export interface RobotMessage {
  at: number;
  platform: RobotPlatform;
  /** wecom, dingtalk: msgtype; feishu: msg_type; webhook: the body's `event` or 'json' */
  type: string;
  /** the parsed JSON body */
  body: Json;
  /** the body's size in bytes */
  bytes: number;
  /** the message's text as a person would read it (markdown content, card elements joined) */
  text: string;
  /** whom the message mentions, as the platform identifies them (WeCom userid, Feishu open_id, DingTalk mobile) */
  mentions: string[];
  headers: Record<string, string | string[] | undefined>;
}

/** What the stand-in answered, for every request (accepted or refused). */
export interface RobotAnswer {
  at: number;
  status: number;
  body: unknown;
  /** the platform's error code as a string; '0' when accepted */
  code: string;
}

/** Replaces the platform's answer for one request: a canned answer, or no answer at all. */
export type RobotOverride =
  { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'destroy';

export interface RobotOptions {
  platform: RobotPlatform;
  /** WeCom `key`, Feishu hook token, DingTalk `access_token`; a random one when not given */
  key?: string;
  /** Feishu and DingTalk 加签 secret (then every request must be signed); the webhook's HMAC key */
  secret?: string;
  /** the platform's rate limit by default (WeCom and DingTalk 20/min, Feishu 5/s and 100/min, webhook none) */
  limits?: {
    perMinute?: number;
    perSecond?: number;
    /**
     * once a limit is exceeded, every request is throttled for this long (DingTalk is reported to
     * block an over-limit robot for 10 minutes, "如果超过20条，会限流10分钟"); default 0
     */
    penaltyMs?: number;
    /**
     * count refused requests too (a bad body, a bad signature, a throttled one), not only accepted
     * messages; a copy of WeCom's guide says its limit "无论消息发送是否成功都计数". Default false.
     */
    countRefused?: boolean;
  };
  /** the clock the signature window and the rate limit use (a fake clock in tests); default Date.now */
  now?: () => number;
  /** runs before any check; what it returns replaces the platform's answer (a 502, a hang) */
  intercept?: (req: RobotRequest) => RobotOverride | undefined | Promise<RobotOverride | undefined>;
  /** called with every accepted message */
  onMessage?: (message: RobotMessage) => void;
  /** one line per accepted message: true prints to stdout, a function gets the line */
  log?: boolean | ((line: string) => void);
  /** how log lines name this robot (e.g. "team", "on-call"); default the platform */
  name?: string;
  /** 0 (default): a free port on 127.0.0.1 */
  port?: number;
}

export interface Robot {
  platform: RobotPlatform;
  /** the address a channel's webhook_url holds, key included (DingTalk: ?access_token=…) */
  url: string;
  key: string;
  received: RobotMessage[];
  answers: RobotAnswer[];
  /** from now on the robot answers as a removed robot does (WeCom 93000, Feishu 19001, DingTalk 300005, webhook 410) */
  revoke(): void;
  close(): Promise<void>;
}

/** What a platform's checker decided about one request. */
export type Verdict =
  | { accept: true; message: Omit<RobotMessage, 'at' | 'platform' | 'headers' | 'bytes'> }
  | { accept: false; status: number; body: unknown; code: string; headers?: Record<string, string> };

export interface PlatformContext {
  key: string;
  secret: string | undefined;
  revoked: boolean;
  now: number;
  /** true when one more message now would exceed a limit; the checker answers with its platform's throttling error */
  throttled: () => { windowMs: number; count: number } | undefined;
}

export interface Platform {
  /** the path and query of the robot's webhook address */
  path(key: string): string;
  limits: { perMinute?: number; perSecond?: number };
  /** the codes a request to a wrong or removed address gets: such a request never reaches the robot's counter */
  addressCodes: readonly string[];
  check(req: RobotRequest, ctx: PlatformContext): Verdict;
}

/** A sliding window per limit over accepted messages, as the platforms count "N messages a minute". */
function limiter(limits: { perMinute?: number; perSecond?: number; penaltyMs?: number }) {
  const windows: Array<{ windowMs: number; count: number }> = [];
  let blockedUntil = -Infinity;
  if (limits.perSecond) windows.push({ windowMs: 1_000, count: limits.perSecond });
  if (limits.perMinute) windows.push({ windowMs: 60_000, count: limits.perMinute });
  const sent: number[] = [];
  return {
    exceeded(now: number) {
      if (now < blockedUntil) return { windowMs: blockedUntil - now, count: 0 };
      for (const w of windows) {
        const inWindow = sent.filter((t) => t > now - w.windowMs).length;
        if (inWindow >= w.count) {
          if (limits.penaltyMs) blockedUntil = now + limits.penaltyMs;
          return w;
        }
      }
      return undefined;
    },
    record(now: number) {
      sent.push(now);
      // only the longest window matters from here on
      while (sent.length > 0 && sent[0]! <= now - 60_000) sent.shift();
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The first line a reader sees, without Markdown marks or tags, at most 80 characters. */
function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) =>
        l
          .replace(/<[^<>]*>/g, '')
          .replace(/^#{1,6}\s+/, '')
          .replace(/\*\*/g, '')
          .trim(),
      )
      .find((l) => l !== '') ?? '';
  const points = Array.from(line);
  return points.length > 80 ? `${points.slice(0, 79).join('')}…` : line;
}

export async function startPlatformRobot(platform: Platform, opts: RobotOptions): Promise<Robot> {
  const key = opts.key ?? randomBytes(16).toString('hex');
  const now = opts.now ?? Date.now;
  const limits = { ...platform.limits, ...opts.limits };
  const limit = limiter(limits);
  const received: RobotMessage[] = [];
  const answers: RobotAnswer[] = [];
  let revoked = false;
  const log =
    opts.log === true
      ? (line: string) => process.stdout.write(`${line}\n`)
      : typeof opts.log === 'function'
        ? opts.log
        : undefined;

  const send = (
    res: ServerResponse,
    at: number,
    status: number,
    body: unknown,
    code: string,
    headers: Record<string, string> = {},
  ) => {
    answers.push({ at, status, body, code });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type':
        typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const buf = await readBody(req);
      const at = now();
      const request: RobotRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        raw: buf.toString('utf8'),
        bytes: buf.length,
        at,
      };
      const override = await opts.intercept?.(request);
      if (override === 'hang') return; // the socket stays open until the client gives up or close()
      if (override === 'destroy') {
        req.socket.destroy();
        return;
      }
      if (override) {
        send(res, at, override.status, override.body ?? '', String(override.status), override.headers);
        return;
      }
      const verdict = platform.check(request, {
        key,
        secret: opts.secret,
        revoked,
        now: at,
        throttled: () => limit.exceeded(at),
      });
      if (!verdict.accept) {
        if (limits.countRefused && !platform.addressCodes.includes(verdict.code)) limit.record(at);
        send(res, at, verdict.status, verdict.body, verdict.code, verdict.headers);
        return;
      }
      limit.record(at);
      const message: RobotMessage = {
        ...verdict.message,
        at,
        platform: opts.platform,
        bytes: request.bytes,
        headers: request.headers,
      };
      received.push(message);
      log?.(
        `[${opts.name ?? opts.platform} robot ${new Date(at).toISOString().slice(11, 19)}] ${message.type} ${message.bytes} B` +
          `${message.mentions.length ? ` @${message.mentions.join(',@')}` : ''}: ${firstLine(message.text)}`,
      );
      opts.onMessage?.(message);
      send(res, at, 200, successBody(opts.platform), '0');
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, now(), 500, String(err), '500');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    platform: opts.platform,
    url: `http://127.0.0.1:${port}${platform.path(key)}`,
    key,
    received,
    answers,
    revoke: () => {
      revoked = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function successBody(platform: RobotPlatform): unknown {
  switch (platform) {
    case 'wecom':
    case 'dingtalk':
      return { errcode: 0, errmsg: 'ok' };
    case 'feishu':
      // Feishu 自定义机器人使用指南, "如果请求成功": the StatusCode/StatusMessage pair is kept for old clients
      return { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' };
    case 'webhook':
      return { ok: true };
  }
}

/** The body as JSON, or undefined when it is not a JSON object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a platform body is checked field by field
export type Json = Record<string, any>;

export function parseObject(raw: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A random hint like the platforms put in their error messages, e.g. "hint: [1708397705432012366598976]". */
export function hint(now: number): string {
  return `${now}${randomBytes(6).readUIntBE(0, 6).toString().padStart(13, '0').slice(0, 13)}`;
}
