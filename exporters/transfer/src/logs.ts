import {
  admitEventTime,
  jsonLines,
  logSourceShape,
  logTailCollector,
  type LineHandler,
} from '@opsdesk/exporter-core';
import { regexSchema, type Logger } from '@opsdesk/runtime';
import { z } from 'zod';
import { toTransferEvent, type ChannelStore } from './channels';

const NUMERIC = new Set(['bytes', 'latency']);
const ENUMS = new Set(['direction', 'outcome']);

export const transferLogSchema = z
  .strictObject({
    ...logSourceShape,
    /** json: one event object per line; regex: `regex` with named groups for the event's fields */
    format: z.enum(['json', 'regex']).default('json'),
    regex: regexSchema.optional(),
    /** fields every line of this file shares, e.g. { participant: broker_b, channel: fix_gateway } */
    set: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .superRefine((s, ctx) => {
    if (s.format === 'regex' && s.regex === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['regex'],
        message: 'format: regex needs a regex with named groups, e.g. (?<participant>\\w+) (?<bytes>\\d+)',
      });
  });
export type TransferLog = z.output<typeof transferLogSchema>;

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
) {
  return logTailCollector('opsdesk_transfer_', sources, (s) => lineHandler(s, store, maxFutureSkewMs), log);
}
