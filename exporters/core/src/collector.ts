import type { Logger } from '@opsdesk/runtime';
import type { MetricSink } from './metrics';

export interface CollectContext {
  /** Where this collector writes the series it saw on this scrape. */
  readonly sink: MetricSink;
  /** Aborted when the collector's timeout expires; long operations should stop early. */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/**
 * One source of metrics, in one file, like a node_exporter collector. `collect` throws (or
 * rejects) when it cannot read its source; the runner then reports its success as 0 and the
 * other collectors are unaffected.
 */
export interface Collector {
  readonly name: string;
  /** Per-collector timeout in milliseconds; the runner's default applies when absent. */
  readonly timeoutMs?: number;
  collect(ctx: CollectContext): Promise<void> | void;
  /** Starts background work (periodic checks); called once when the exporter starts. */
  start?(): void;
  /** Stops background work; called on shutdown. */
  stop?(): void;
}
