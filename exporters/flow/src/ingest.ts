import { eventIngestRoute, type Route } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { FlowConfig } from './config';
import { toFlowEvent } from './events';
import type { FlowTracker } from './tracker';

/** POST /api/v1/events: flow events as NDJSON or a JSON array (see eventIngestRoute for the answers). */
export function ingestRoute(
  config: FlowConfig,
  tracker: FlowTracker,
  log: Logger,
  now: () => number = Date.now,
): Route {
  return eventIngestRoute('/api/v1/events', {
    tokens: config.tokens,
    maxBodyBytes: config.ingest.max_body_bytes,
    log,
    parse: toFlowEvent,
    maxFutureSkewMs: config.ingest.max_future_skew,
    accept: (e) => tracker.ingest(e),
    onInvalid: (n, reason) => tracker.countInvalid(n, reason),
    now,
  });
}
