import { admitEventTime, jsonLines, logTailCollector, type LogSource } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { toFlowEvent } from './events';
import type { FlowTracker } from './tracker';

/** Follows the configured JSON-lines event logs into the tracker; a refused line counts as an invalid event. */
export function logsCollector(
  sources: readonly LogSource[],
  tracker: FlowTracker,
  log: Logger,
  maxFutureSkewMs: number,
  resolvePath?: (p: string) => string,
) {
  const take = jsonLines((value, now) => {
    const parsed = toFlowEvent(value, now);
    if (typeof parsed === 'string') {
      tracker.countInvalid();
      return parsed;
    }
    const e = admitEventTime(parsed, now, maxFutureSkewMs);
    if (typeof e === 'string') {
      tracker.countInvalid(1, 'future');
      return e;
    }
    tracker.ingest(e);
    return undefined;
  });
  return logTailCollector('opsdesk_flow_', sources, () => take, log, resolvePath);
}
