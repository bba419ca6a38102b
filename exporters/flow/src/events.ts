import { eventParser, eventTimeSchema } from '@opsdesk/exporter-core';
import { z } from 'zod';
import type { FlowEvent } from './tracker';

const eventSchema = z.strictObject({
  instance: z.string().min(1).max(200),
  flow: z.string().min(1).max(100),
  step: z.string().min(1).max(100),
  outcome: z.enum(['ok', 'failed']).default('ok'),
  time: eventTimeSchema,
  reason: z.string().max(100).optional(),
});

/** Checks one decoded event (from a POST body or a log line); see eventParser. */
export const toFlowEvent: (value: unknown, now: number) => FlowEvent | string = eventParser(eventSchema);
