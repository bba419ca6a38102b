import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { ApiError } from './errors';
import { buildOpenApi } from './openapi';
import { mountRoutes, type AnyRoute, type Caller } from './routes';

/** Token-bucket rate limit per token (or per address without one). */
function rateLimiter(perSecond: number, burst: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = req.get('authorization');
    const key = auth ? createHash('sha256').update(auth).digest('hex') : `ip:${req.ip}`;
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    if (b.tokens < 1) {
      res.setHeader('Retry-After', String(Math.ceil((1 - b.tokens) / perSecond)));
      next(
        new ApiError(
          429,
          'rate_limited',
          `more than ${perSecond} requests per second (burst ${burst}) with this token; slow down or raise http.rate_limit`,
        ),
      );
      return;
    }
    b.tokens -= 1;
    buckets.set(key, b);
    if (buckets.size > 10_000) buckets.clear();
    next();
  };
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

export interface AppOptions {
  version: string;
  routes: readonly AnyRoute[];
  authenticate(req: Request): Promise<Caller>;
  isReady(): Promise<boolean>;
}

export function createApp(ctx: AppContext, opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'extended');
  app.use(securityHeaders);

  app.get('/-/healthy', (_req, res) => {
    res.type('text/plain').send('OpsDesk server is Healthy.\n');
  });
  app.get('/-/ready', async (_req, res) => {
    if (await opts.isReady()) res.type('text/plain').send('OpsDesk server is Ready.\n');
    else
      res.status(503).type('text/plain').send('OpsDesk server is not ready: the database does not answer.\n');
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.end(await ctx.metrics.registry.metrics());
  });
  const openapi = buildOpenApi(opts.routes, opts.version);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const api = express.Router();
  api.use(rateLimiter(ctx.config.http.rate_limit.per_second, ctx.config.http.rate_limit.burst));
  api.use(
    express.json({
      limit: ctx.config.http.body_limit_bytes,
      type: ['application/json', 'application/*+json'],
    }),
  );
  mountRoutes(api, opts.routes, opts.authenticate);
  app.use(api);

  app.use((req, _res, next) => {
    next(
      new ApiError(
        404,
        'not_found',
        `no route for ${req.method} ${req.path}; the API is described at /api/v1/openapi.json`,
      ),
    );
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let e: ApiError;
    const body = err as { type?: string; status?: number; message?: string; limit?: number };
    if (err instanceof ApiError) e = err;
    else if (body?.type === 'entity.too.large') {
      e = new ApiError(
        413,
        'body_too_large',
        `request body over ${body.limit} bytes; send less or raise http.body_limit_bytes`,
      );
    } else if (body?.type === 'entity.parse.failed') {
      e = new ApiError(400, 'malformed_json', `request body is not valid JSON: ${body.message}`);
    } else if (body?.status && body.status >= 400 && body.status < 500) {
      e = new ApiError(body.status, 'bad_request', body.message ?? 'bad request');
    } else {
      ctx.log.error(
        { err: (err as Error)?.stack ?? String(err), method: req.method, path: req.path },
        'request failed',
      );
      e = new ApiError(500, 'internal', 'internal error; the server log has the details');
    }
    if (res.headersSent) return;
    res.status(e.status).json({ error: { code: e.code, message: e.message, details: e.details } });
  });
  return app;
}
