import { z } from 'zod';
import { duration, formatDuration } from '@opsdesk/runtime';

/** Bearer tokens an ingest endpoint accepts; use ${ENV} references in the file. */
export const tokensSchema = z.array(z.string().min(16, 'a token needs at least 16 characters')).default([]);

/** The limit of one ingest request's body. */
export const maxBodyBytesSchema = z
  .number()
  .int()
  .min(1024)
  .max(256 * 1024 * 1024)
  .default(16 * 1024 * 1024);

/** No event of a trading platform happened before this; a smaller number is epoch seconds sent as milliseconds. */
const EARLIEST_EVENT_MS = Date.UTC(2000, 0, 1);

/** `time` of an event: ISO 8601 with an offset, or epoch milliseconds (from 2000 on). */
export const eventTimeSchema = z
  .union([
    z.iso.datetime({ offset: true }),
    z
      .number()
      .min(
        EARLIEST_EVENT_MS,
        'expected epoch milliseconds from 2000 on; epoch seconds need multiplying by 1000',
      ),
  ])
  .optional();

/**
 * `ingest.max_future_skew`: how far ahead of the exporter's clock an event's time may be. Anything
 * later (epoch microseconds, a clock set years ahead) is dropped and counted as `future`: taken as
 * the last message of a channel or the entry of a step it would silence interruption and stuck
 * detection until that time.
 */
export const maxFutureSkewSchema = duration({ max: '1d' }).default(5 * 60_000);

const describeTime = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
};

/**
 * Admits an event's time: refused (the reason for the sender) when it lies more than
 * `maxFutureSkewMs` ahead of `now`; otherwise the event, its time clamped to `now` so that no
 * accepted event reaches past the exporter's clock.
 */
export function admitEventTime<T extends { time: number }>(
  event: T,
  now: number,
  maxFutureSkewMs: number,
): T | string {
  const ahead = event.time - now;
  if (!Number.isFinite(event.time) || ahead > maxFutureSkewMs)
    return `time: ${describeTime(event.time)} is ${Number.isFinite(ahead) ? formatDuration(Math.round(ahead)) : 'infinitely'} ahead of this exporter's clock (ingest.max_future_skew is ${formatDuration(maxFutureSkewMs)}); send epoch milliseconds or ISO 8601 with an offset, and check the sender's clock`;
  return ahead > 0 ? { ...event, time: now } : event;
}

/**
 * A checker for one decoded event: the event with its time in ms (`now` when it has none), or the
 * reason it is refused, naming the field.
 */
export function eventParser<S extends z.ZodType<{ time?: string | number | undefined }>>(schema: S) {
  return (value: unknown, now: number): (Omit<z.output<S>, 'time'> & { time: number }) | string => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `${issue?.path.join('.') || 'event'}: ${issue?.message}`;
    }
    const t = r.data.time;
    const time = t === undefined ? now : typeof t === 'number' ? t : Date.parse(t);
    if (Number.isNaN(time)) return `time: ${JSON.stringify(t)} is not a date`;
    return { ...r.data, time };
  };
}
