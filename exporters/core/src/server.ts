/**
 * The exporter's HTTP server on `node:http`: `/metrics` (gzip when asked, `collect[]`/`exclude[]`
 * as node_exporter), `/-/healthy`, `/-/ready`, a landing page, then the exporter's own routes
 * (ingest, status: the Route interface at the top of http.ts), and a JSON 404 for the rest.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Logger } from '@opsdesk/runtime';
import { errorReply, routeRequests, RouteTable, textReply, type Reply, type Route } from './http';
import { gaugeDescriptor, MetricSink, renderFamilies, type MetricDescriptor } from './metrics';
import type { ProcessMetrics } from './process-metrics';
import { SelectionError, type CollectorRunner } from './runner';

// The route interface the exporters' own routes are written against (see the top of http.ts).
export * from './http';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface ExporterAppOptions {
  title: string;
  version: string;
  runner: CollectorRunner;
  /** the exporter's own process_* series; omitted in tests of the HTTP layer alone */
  processMetrics?: ProcessMetrics;
  log: Logger;
  isReady(): boolean;
  /** the exporter's own routes (ingest, status), served after the built-in ones */
  routes?: readonly Route[];
}

const notFound = (method: string, path: string): Reply =>
  errorReply(404, 'not_found', `no route for ${method} ${path}; try /metrics, /-/healthy or /-/ready`);

/** The server, not yet listening: `createExporterApp(opts).listen(port, host)`. */
export function createExporterApp(opts: ExporterAppOptions): Server {
  const buildInfo = gaugeDescriptor(
    `${opts.runner.prefix}build_info`,
    `${opts.title} build: version and the Node.js runtime it runs on; always 1.`,
    ['version', 'nodejs'],
  );
  const table = new RouteTable([
    {
      method: 'GET',
      path: '/metrics',
      handle: (req) => serveMetrics(opts, buildInfo, req.query, req.header('accept-encoding')),
    },
    { method: 'GET', path: '/-/healthy', handle: () => textReply(200, `${opts.title} is Healthy.\n`) },
    {
      method: 'GET',
      path: '/-/ready',
      handle: () =>
        opts.isReady()
          ? textReply(200, `${opts.title} is Ready.\n`)
          : textReply(503, `${opts.title} is not ready.\n`),
    },
    { method: 'GET', path: '/', handle: () => landingPage(opts) },
    ...(opts.routes ?? []),
  ]);
  return createServer(routeRequests(table, { log: opts.log, notFound }));
}

async function serveMetrics(
  opts: ExporterAppOptions,
  buildInfo: MetricDescriptor,
  query: URLSearchParams,
  acceptEncoding: string | undefined,
): Promise<Reply> {
  let names: string[];
  try {
    names = opts.runner.select(query.getAll('collect[]'), query.getAll('exclude[]'));
  } catch (err) {
    if (err instanceof SelectionError) return errorReply(400, 'bad_collector_selection', err.message);
    throw err;
  }
  const sink = await opts.runner.scrape(names);
  const own = new MetricSink(Infinity);
  opts.processMetrics?.write(own);
  own.add(buildInfo, 1, opts.version, process.version);
  opts.runner.writeSeriesDropped(own);
  const body =
    renderFamilies(sink.families.values(), sink.histograms) + renderFamilies(own.families.values());
  const headers: Record<string, string> = {
    'Content-Type': EXPOSITION_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  };
  if (!/\bgzip\b/.test(acceptEncoding ?? '')) return { status: 200, headers, body };
  // A scrape body is tens of KB: compressing inline at level 1 takes well under a millisecond,
  // less than the thread-pool round trip an async gzip would add to every scrape.
  return {
    status: 200,
    headers: { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' },
    body: gzipSync(body, { level: 1 }),
  };
}

function landingPage(opts: ExporterAppOptions): Reply {
  const list = opts.runner.enabledNames
    .map((n) => `<li><a href="metrics?collect[]=${n}">${n}</a></li>`)
    .join('');
  return textReply(
    200,
    `<!doctype html><html><head><title>${opts.title}</title></head><body><h1>${opts.title} ${opts.version}</h1>` +
      `<p><a href="metrics">Metrics</a> · <a href="-/healthy">Health</a> · <a href="-/ready">Readiness</a></p>` +
      `<p>Enabled collectors:</p><ul>${list}</ul></body></html>`,
    'text/html; charset=utf-8',
  );
}
