import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { Logger } from '@opsdesk/exporter-core';
import { RateLimitedLog } from '@opsdesk/exporter-core';
import type { FlowConfig } from './config';
import { toFlowEvent } from './events';
import type { FlowTracker } from './tracker';

function authorised(req: Request, tokens: readonly string[]): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  return tokens.some((t) => {
    const want = Buffer.from(t);
    return want.length === given.length && timingSafeEqual(want, given);
  });
}

/**
 * POST /api/v1/events: NDJSON (one event per line) or a JSON array. Valid lines are counted even
 * when others are not; the answer is then a 400 that names each bad line and why.
 */
export function ingestRoutes(
  app: express.Express,
  config: FlowConfig,
  tracker: FlowTracker,
  log: Logger,
): void {
  const badLog = new RateLimitedLog(60_000);
  const parseBody = express.text({ type: () => true, limit: config.ingest.max_body_bytes });
  app.post('/api/v1/events', (req: Request, res: Response, next) => {
    if (!authorised(req, config.tokens)) {
      res.status(401).json({
        error: {
          code: 'unauthorized',
          message: 'send Authorization: Bearer <token>, one of the tokens in the exporter config',
          details: [],
        },
      });
      return;
    }
    parseBody(req, res, (err?: unknown) => {
      if (err) return next(err);
      const text = typeof req.body === 'string' ? req.body : '';
      let items: Array<{ line: number; value: unknown }>;
      const trimmed = text.trimStart();
      if (trimmed.startsWith('[')) {
        try {
          items = (JSON.parse(text) as unknown[]).map((value, i) => ({ line: i + 1, value }));
        } catch (e) {
          res.status(400).json({
            error: {
              code: 'malformed_json',
              message: `body is not a JSON array: ${(e as Error).message}`,
              details: [],
            },
          });
          return;
        }
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
        const e = toFlowEvent(value, now);
        if (typeof e === 'string') {
          bad.push({ line, error: e });
          continue;
        }
        const result = tracker.ingest(e);
        counts[result] = (counts[result] ?? 0) + 1;
      }
      if (bad.length) {
        tracker.dropped.set('invalid' as never, (tracker.dropped.get('invalid' as never) ?? 0) + bad.length);
        if (badLog.allow('bad')) log.warn({ bad: bad.slice(0, 3), count: bad.length }, 'events refused');
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
