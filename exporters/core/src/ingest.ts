import { RateLimitedLog, type Logger } from '@opsdesk/runtime';
import { errorReply, jsonReply, type HttpRequest, type Route } from './http';
import { admitEventTime } from './schemas';

/** Why a line of a request was not taken: not an event (`invalid`) or a time past the allowed skew (`future`). */
export type RefusedReason = 'invalid' | 'future';

export interface EventIngestOptions<T extends { time: number }> {
  /** bearer tokens accepted; an empty list refuses every request */
  tokens: readonly string[];
  maxBodyBytes: number;
  log: Logger;
  /** checks one decoded event: the event, or why it is refused, naming the field */
  parse(value: unknown, now: number): T | string;
  /** takes a valid event and says what became of it (`accepted`, `unknown_channel`, …), for the answer's counts */
  accept(event: T): string;
  /** events whose time is further ahead of the exporter's clock than this are refused as `future` */
  maxFutureSkewMs: number;
  /** the number of refused lines of a request by reason, for a drop counter */
  onInvalid(count: number, reason: RefusedReason): void;
  /** the exporter's clock (tests use a fake one) */
  now?: () => number;
}

function authorised(req: HttpRequest, tokens: readonly string[]): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  // node:crypto is loaded here, not at import: an exporter without ingest never pays its ~0.7 MB.
  const { timingSafeEqual } = process.getBuiltinModule('node:crypto');
  return tokens.some((t) => {
    const want = Buffer.from(t);
    return want.length === given.length && timingSafeEqual(want, given);
  });
}

const failure = (status: number, code: string, message: string) => errorReply(status, code, message, []);

/**
 * POST `path`: events as NDJSON (one per line) or a JSON array, behind a bearer token. Valid lines
 * are taken even when others are not; the answer is then a 400 that names each bad line and why,
 * with the counts of what was taken. A body over the limit is a 413 and nothing of it is taken.
 */
export function eventIngestRoute<T extends { time: number }>(
  path: string,
  opts: EventIngestOptions<T>,
): Route {
  const badLog = new RateLimitedLog(60_000);
  return {
    method: 'POST',
    path,
    maxBodyBytes: opts.maxBodyBytes,
    async handle(req) {
      if (!authorised(req, opts.tokens))
        return failure(
          401,
          'unauthorized',
          'send Authorization: Bearer <token>, one of the tokens in the exporter config',
        );
      const text = await req.text();
      let items: Array<{ line: number; value: unknown }>;
      if (text.trimStart().startsWith('[')) {
        let array: unknown;
        try {
          array = JSON.parse(text);
        } catch (e) {
          return failure(400, 'malformed_json', `body is not a JSON array: ${(e as Error).message}`);
        }
        if (!Array.isArray(array)) return failure(400, 'malformed_json', 'body is not a JSON array');
        items = array.map((value: unknown, i) => ({ line: i + 1, value }));
      } else {
        items = [];
        text.split('\n').forEach((raw, i) => {
          if (raw.trim() === '') return;
          try {
            items.push({ line: i + 1, value: JSON.parse(raw) });
          } catch (e) {
            items.push({ line: i + 1, value: Symbol.for(`malformed: ${(e as Error).message}`) });
          }
        });
      }
      const now = (opts.now ?? Date.now)();
      const counts: Record<string, number> = {};
      const bad: Array<{ line: number; error: string; reason: RefusedReason }> = [];
      for (const { line, value } of items) {
        if (typeof value === 'symbol') {
          bad.push({ line, error: `not JSON (${value.description?.slice(11)})`, reason: 'invalid' });
          continue;
        }
        const parsed = opts.parse(value, now);
        if (typeof parsed === 'string') {
          bad.push({ line, error: parsed, reason: 'invalid' });
          continue;
        }
        const e = admitEventTime(parsed, now, opts.maxFutureSkewMs);
        if (typeof e === 'string') {
          bad.push({ line, error: e, reason: 'future' });
          continue;
        }
        const result = opts.accept(e);
        counts[result] = (counts[result] ?? 0) + 1;
      }
      if (bad.length === 0) return jsonReply(200, { counts });
      for (const reason of ['invalid', 'future'] as const) {
        const n = bad.filter((b) => b.reason === reason).length;
        if (n) opts.onInvalid(n, reason);
      }
      if (badLog.allow('bad')) opts.log.warn({ bad: bad.slice(0, 3), count: bad.length }, 'events refused');
      return jsonReply(400, {
        error: {
          code: 'invalid_events',
          message: `${bad.length} of ${items.length} events refused (line ${bad[0]!.line}: ${bad[0]!.error}); the others were counted`,
          details: bad.slice(0, 100),
        },
        counts,
      });
    },
  };
}
