import { jsonLines, logTailCollector, type LogSource, type Logger } from '@opsdesk/exporter-core';
import { toFlowEvent } from './events';
import type { FlowTracker } from './tracker';

/** Follows the configured JSON-lines event logs into the tracker; a refused line counts as an invalid event. */
export function logsCollector(sources: readonly LogSource[], tracker: FlowTracker, log: Logger) {
  const take = jsonLines((value, now) => {
    const e = toFlowEvent(value, now);
    if (typeof e === 'string') {
      tracker.countInvalid();
      return e;
    }
    tracker.ingest(e);
    return undefined;
  });
  return logTailCollector('opsdesk_flow_', sources, () => take, log);
}
