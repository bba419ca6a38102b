import { admitEventTime, jsonLines, logTailCollector, type LineHandler } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { toTransferEvent, type ChannelStore } from './channels';
import type { TransferLog } from './config';

const NUMERIC = new Set(['bytes', 'latency']);
const ENUMS = new Set(['direction', 'outcome']);

/** How one line of the file becomes an event: JSON as it is, or the regex's named groups. */
function lineHandler(source: TransferLog, store: ChannelStore, maxFutureSkewMs: number): LineHandler {
  const take = (value: unknown, now: number): string | undefined => {
    const merged = typeof value === 'object' && value !== null ? { ...source.set, ...value } : value;
    const parsed = toTransferEvent(merged, now);
    if (typeof parsed === 'string') {
      store.drop('invalid');
      return parsed;
    }
    const e = admitEventTime(parsed, now, maxFutureSkewMs);
    if (typeof e === 'string') {
      store.drop('future');
      return e;
    }
    store.accept(e);
    return undefined;
  };
  if (source.format === 'json') return jsonLines(take);
  const re = new RegExp(source.regex as string);
  return (text, now) => {
    const m = re.exec(text);
    if (!m?.groups) {
      store.drop('invalid');
      return `does not match /${source.regex}/`;
    }
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(m.groups)) {
      if (v === undefined) continue;
      if (NUMERIC.has(k) || (k === 'time' && /^\d+$/.test(v))) fields[k] = Number(v);
      else fields[k] = ENUMS.has(k) ? v.toLowerCase() : v; // IN/OUT, OK/FAILED as logs write them
    }
    return take(fields, now);
  };
}

/** Follows the configured transfer logs (JSON lines or regex-parsed) into the channel store. */
export function transferLogsCollector(
  sources: readonly TransferLog[],
  store: ChannelStore,
  log: Logger,
  maxFutureSkewMs: number,
  resolvePath?: (p: string) => string,
) {
  return logTailCollector(
    'opsdesk_transfer_',
    sources,
    (s) => lineHandler(s, store, maxFutureSkewMs),
    log,
    resolvePath,
  );
}
