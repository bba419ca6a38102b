import { z } from 'zod';
import type { FlowEvent } from './tracker';

const eventSchema = z.strictObject({
  instance: z.string().min(1).max(200),
  flow: z.string().min(1).max(100),
  step: z.string().min(1).max(100),
  outcome: z.enum(['ok', 'failed']).default('ok'),
  time: z.union([z.iso.datetime({ offset: true }), z.number().positive()]).optional(),
  reason: z.string().max(100).optional(),
});

/**
 * Checks one decoded event (from a POST body or a log line) and returns it with its time in ms, or
 * the reason it is refused, naming the field. An event without a time happened at `now`.
 */
export function toFlowEvent(value: unknown, now: number): FlowEvent | string {
  const r = eventSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return `${issue?.path.join('.') || 'event'}: ${issue?.message}`;
  }
  const t = r.data.time;
  return { ...r.data, time: t === undefined ? now : typeof t === 'number' ? t : Date.parse(t) };
}
