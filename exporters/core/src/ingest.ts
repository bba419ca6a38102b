import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { Logger } from './logger';
import { RateLimitedLog } from './logger';

export interface EventIngestOptions<T> {
  /** bearer tokens accepted; an empty list refuses every request */
  tokens: readonly string[];
  maxBodyBytes: number;
  log: Logger;
  /** checks one decoded event: the event, or why it is refused, naming the field */
  parse(value: unknown, now: number): T | string;
  /** takes a valid event and says what became of it (`accepted`, `unknown_channel`, …), for the answer's counts */
  accept(event: T): string;
  /** the number of refused lines of a request, for a drop counter */
  onInvalid(count: number): void;
}

function authorised(req: Request, tokens: readonly string[]): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  return tokens.some((t) => {
    const want = Buffer.from(t);
    return want.length === given.length && timingSafeEqual(want, given);
  });
}

const failure = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message, details: [] } });

/**
 * POST `path`: events as NDJSON (one per line) or a JSON array, behind a bearer token. Valid lines
 * are taken even when others are not; the answer is then a 400 that names each bad line and why,
 * with the counts of what was taken. A body over the limit is a 413 and nothing of it is taken.
 */
export function eventIngestRoute<T>(app: express.Express, path: string, opts: EventIngestOptions<T>): void {
  const badLog = new RateLimitedLog(60_000);
  const parseBody = express.text({ type: () => true, limit: opts.maxBodyBytes });
  app.post(path, (req: Request, res: Response, next) => {
    if (!authorised(req, opts.tokens)) {
      failure(
        res,
        401,
        'unauthorized',
        'send Authorization: Bearer <token>, one of the tokens in the exporter config',
      );
      return;
    }
    parseBody(req, res, (err?: unknown) => {
      if (err) return next(err);
      const text = typeof req.body === 'string' ? req.body : '';
      let items: Array<{ line: number; value: unknown }>;
      if (text.trimStart().startsWith('[')) {
        let array: unknown;
        try {
          array = JSON.parse(text);
        } catch (e) {
          failure(res, 400, 'malformed_json', `body is not a JSON array: ${(e as Error).message}`);
          return;
        }
        if (!Array.isArray(array)) {
          failure(res, 400, 'malformed_json', 'body is not a JSON array');
          return;
        }
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
      const now = Date.now();
      const counts: Record<string, number> = {};
      const bad: Array<{ line: number; error: string }> = [];
      for (const { line, value } of items) {
        if (typeof value === 'symbol') {
          bad.push({ line, error: `not JSON (${value.description?.slice(11)})` });
          continue;
        }
        const e = opts.parse(value, now);
        if (typeof e === 'string') {
          bad.push({ line, error: e });
          continue;
        }
        const result = opts.accept(e);
        counts[result] = (counts[result] ?? 0) + 1;
      }
      if (bad.length) {
        opts.onInvalid(bad.length);
        if (badLog.allow('bad')) opts.log.warn({ bad: bad.slice(0, 3), count: bad.length }, 'events refused');
        res.status(400).json({
          error: {
            code: 'invalid_events',
            message: `${bad.length} of ${items.length} events refused (line ${bad[0]!.line}: ${bad[0]!.error}); the others were counted`,
            details: bad.slice(0, 100),
          },
          counts,
        });
        return;
      }
      res.json({ counts });
    });
  });
}
