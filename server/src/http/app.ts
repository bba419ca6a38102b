import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { receiverMetrics, type RefusalReason } from '../alertmanager/metrics';
import type { AppContext } from '../context';
import { isDatabaseUnavailable } from '../db/unavailable';
import { ApiError } from './errors';
import { asSeenThroughGrafana } from './grafana-proxy';
import { buildOpenApi } from './openapi';
import { RateLimiter } from './rate-limit';
import type { Caller } from '../auth/roles';
import { JSON_TYPES, mountRoutes, type AnyRoute } from './routes';
import { ThrottledLog } from './throttled-log';

export const WEBHOOK_PATH = '/api/v1/alertmanager/webhook';
/** Scanner reports: a whole image's Trivy or Grype report is tens of MB (vulnerabilities.import_body_limit_bytes). */
export const VULNERABILITY_IMPORTS_PATH = '/api/v1/vulnerabilities/imports';
/** Seconds a client is asked to wait when the server sheds load or the database is away. */
const OVERLOAD_RETRY_AFTER = 5;
const DATABASE_RETRY_AFTER = 15;

/** JSON body parsers by limit, so a reloaded limit applies to the next request. */
function jsonParser(limit: () => number): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  return (req, res, next) => {
    const bytes = limit();
    let p = parsers.get(bytes);
    if (!p) {
      p = express.json({ limit: bytes, type: JSON_TYPES });
      parsers.set(bytes, p);
    }
    p(req, res, next);
  };
}

/**
 * Notifications processed at once. Over alertmanager.max_in_flight the receiver answers 503 with
 * Retry-After before reading the body: Alertmanager retries a 5xx (never a 4xx), so shedding loses nothing.
 */
function receiverGuard(ctx: AppContext, throttled: ThrottledLog): RequestHandler {
  let inFlight = 0;
  return (req, res, next) => {
    const max = ctx.config.alertmanager.max_in_flight;
    if (inFlight >= max) {
      throttled.warn(
        'receiver-overload',
        { inFlight, max },
        'shedding Alertmanager notifications (503, Alertmanager retries); raise alertmanager.max_in_flight if this lasts',
      );
      res.setHeader('Retry-After', String(OVERLOAD_RETRY_AFTER));
      next(
        new ApiError(
          503,
          'overloaded',
          `${inFlight} notifications are being stored (alertmanager.max_in_flight ${max}); retry in ${OVERLOAD_RETRY_AFTER} s`,
        ),
      );
      return;
    }
    inFlight++;
    let done = false;
    const release = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}

/**
 * The exposition, whole when every collector answers. While the database is away the gauges read
 * from the store cannot be, and /metrics still serves everything else (the process, the refused
 * notifications counter), as Prometheus expects a target that is up to do.
 */
async function exposition(ctx: AppContext, throttled: ThrottledLog): Promise<string> {
  const registry = ctx.metrics.registry;
  try {
    return await registry.metrics();
  } catch (err) {
    throttled.warn(
      'metrics-partial',
      { err: (err as Error).message },
      '/metrics serves what does not need the database; the store gauges are left out until it answers',
    );
    const parts: string[] = [];
    for (const metric of registry.getMetricsAsArray()) {
      try {
        parts.push(await registry.getSingleMetricAsString(metric.name));
      } catch {
        // a gauge computed from the store: left out
      }
    }
    return `${parts.join('\n')}\n`;
  }
}

/** Why the receiver refused a notification, from the error it answered with. */
function refusalReason(e: ApiError): RefusalReason {
  if (e.status === 401 || e.status === 403) return 'unauthorized';
  if (e.status === 413) return 'too_large';
  if (e.code === 'malformed_json' || e.status === 415) return 'malformed';
  if (e.code === 'overloaded') return 'overload';
  if (e.code === 'database_unavailable') return 'database_unavailable';
  if (e.status >= 500) return 'internal';
  return 'invalid';
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
  /**
   * Sees every JSON response before it is sent (method, path without the query, status, body).
   * Tests check each one against the OpenAPI document (testing/contract.ts); production sets none.
   */
  onJsonResponse?(method: string, path: string, status: number, body: unknown): void;
}

function observeJson(observe: NonNullable<AppOptions['onJsonResponse']>): RequestHandler {
  return (req, res, next) => {
    const json = res.json.bind(res);
    const path = req.path;
    res.json = (body: unknown) => {
      observe(req.method, path, res.statusCode, body);
      return json(body);
    };
    next();
  };
}

export function createApp(ctx: AppContext, opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'extended');
  app.use(securityHeaders);
  if (opts.onJsonResponse) app.use(observeJson(opts.onJsonResponse));
  const throttled = new ThrottledLog(ctx.log);

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
    res.end(await exposition(ctx, throttled));
  });
  const openapi = buildOpenApi(opts.routes, opts.version);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const { refused } = receiverMetrics(ctx.metrics.registry);
  const api = express.Router();
  // The receiver first: its own concurrency limit and body limit (sized for thousands of alerts).
  api.post(
    WEBHOOK_PATH,
    receiverGuard(ctx, throttled),
    jsonParser(() => ctx.config.alertmanager.body_limit_bytes),
  );
  api.post(
    VULNERABILITY_IMPORTS_PATH,
    jsonParser(() => ctx.config.vulnerabilities.import_body_limit_bytes),
  );
  mountRoutes(
    api,
    opts.routes,
    opts.authenticate,
    new RateLimiter(() => ctx.config.http.rate_limit),
    jsonParser(() => ctx.config.http.body_limit_bytes),
  );
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
      const setting =
        req.path === WEBHOOK_PATH
          ? 'alertmanager.body_limit_bytes'
          : req.path === VULNERABILITY_IMPORTS_PATH
            ? 'vulnerabilities.import_body_limit_bytes'
            : 'http.body_limit_bytes';
      e = new ApiError(
        413,
        'body_too_large',
        `request body over ${body.limit} bytes; send less or raise ${setting}`,
      );
    } else if (body?.type === 'entity.parse.failed') {
      e = new ApiError(400, 'malformed_json', `request body is not valid JSON: ${body.message}`);
    } else if (body?.status && body.status >= 400 && body.status < 500) {
      e = new ApiError(body.status, 'bad_request', body.message ?? 'bad request');
    } else if (isDatabaseUnavailable(err)) {
      // One line per minute while the database is away, not one stack trace per request.
      throttled.warn(
        'database-unavailable',
        { err: (err as Error)?.message ?? String(err), code: (err as { code?: string })?.code },
        'the database does not answer; requests get 503 with Retry-After until it does',
      );
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER));
      e = new ApiError(
        503,
        'database_unavailable',
        `the database does not answer; retry in ${DATABASE_RETRY_AFTER} s (the server log says why)`,
      );
    } else {
      ctx.log.error(
        { err: (err as Error)?.stack ?? String(err), method: req.method, path: req.path },
        'request failed',
      );
      e = new ApiError(500, 'internal', 'internal error; the server log has the details');
    }
    if (req.path === WEBHOOK_PATH && req.method === 'POST') refused.inc({ reason: refusalReason(e) });
    if (res.headersSent) return;
    e = asSeenThroughGrafana(req, e);
    res.status(e.status).json({ error: { code: e.code, message: e.message, details: e.details } });
  });
  return app;
}
