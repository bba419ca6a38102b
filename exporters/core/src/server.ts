import { gzipSync } from 'node:zlib';
import express, { type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '@opsdesk/runtime';
import { MetricSink, renderFamilies } from './metrics';
import type { ProcessMetrics } from './process-metrics';
import { SelectionError, type CollectorRunner } from './runner';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface ExporterAppOptions {
  title: string;
  version: string;
  runner: CollectorRunner;
  registry: Registry;
  /** the exporter's own process_* series; omitted in tests of the HTTP layer alone */
  processMetrics?: ProcessMetrics;
  log: Logger;
  isReady(): boolean;
  /** the exporter's own routes (ingest, status), mounted before the JSON 404 */
  extraRoutes?(app: express.Express): void;
}

function queryList(req: Request, key: string): string[] {
  const v = (req.query as Record<string, unknown>)[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** `/metrics`, `/-/healthy`, `/-/ready`, a landing page, and JSON errors for everything else. */
export function createExporterApp(opts: ExporterAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/metrics', async (req, res) => {
    let names: string[];
    try {
      names = opts.runner.select(queryList(req, 'collect[]'), queryList(req, 'exclude[]'));
    } catch (err) {
      if (err instanceof SelectionError) return sendError(res, 400, 'bad_collector_selection', err.message);
      throw err;
    }
    const sink = await opts.runner.scrape(names);
    const own = new MetricSink(Infinity);
    await opts.processMetrics?.write(own);
    const body =
      renderFamilies(sink.families.values(), sink.histograms) +
      renderFamilies(own.families.values()) +
      (await opts.registry.metrics());
    res.setHeader('Content-Type', EXPOSITION_CONTENT_TYPE);
    res.setHeader('Cache-Control', 'no-store');
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      // A scrape body is tens of KB: compressing inline at level 1 takes well under a millisecond,
      // less than the thread-pool round trip an async gzip would add to every scrape.
      res.end(gzipSync(body, { level: 1 }));
    } else {
      res.end(body);
    }
  });

  app.get('/-/healthy', (_req, res) => {
    res.type('text/plain').send(`${opts.title} is Healthy.\n`);
  });

  app.get('/-/ready', (_req, res) => {
    if (opts.isReady()) res.type('text/plain').send(`${opts.title} is Ready.\n`);
    else res.status(503).type('text/plain').send(`${opts.title} is not ready.\n`);
  });

  app.get('/', (_req, res) => {
    const list = opts.runner.enabledNames
      .map((n) => `<li><a href="metrics?collect[]=${n}">${n}</a></li>`)
      .join('');
    res
      .type('html')
      .send(
        `<!doctype html><html><head><title>${opts.title}</title></head><body><h1>${opts.title} ${opts.version}</h1>` +
          `<p><a href="metrics">Metrics</a> · <a href="-/healthy">Health</a> · <a href="-/ready">Readiness</a></p>` +
          `<p>Enabled collectors:</p><ul>${list}</ul></body></html>`,
      );
  });

  opts.extraRoutes?.(app);

  app.use((req, res) => {
    sendError(
      res,
      404,
      'not_found',
      `no route for ${req.method} ${req.path}; try /metrics, /-/healthy or /-/ready`,
    );
  });

  app.use(
    (
      err: Error & { status?: number; limit?: number },
      _req: Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      if (res.headersSent) return;
      if (err.status === 413) {
        return sendError(
          res,
          413,
          'body_too_large',
          `request body over ${err.limit} bytes; send smaller batches or raise the limit in the config`,
        );
      }
      if (err.status && err.status >= 400 && err.status < 500)
        return sendError(res, err.status, 'bad_request', err.message);
      opts.log.error({ err: err.message }, 'request failed');
      sendError(res, 500, 'internal', err.message);
    },
  );
  return app;
}
