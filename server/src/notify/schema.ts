import { z } from 'zod';
import { nextCursorSchema } from '../incidents/schema';
import { CHANNEL_TYPES, EVENT_KINDS, LANGUAGES } from './types';

const errorInfo = z
  .object({
    at: z.string(),
    kind: z.string().describe('throttled, config, transient, rejected or expired'),
    code: z.string().nullable().describe('the platform’s error code, e.g. WeCom 45009, Feishu 19021'),
    message: z.string(),
  })
  .nullable()
  .meta({ id: 'NotifyError' });

export const channelSchema = z
  .object({
    name: z.string(),
    type: z.enum(CHANNEL_TYPES),
    language: z.enum(LANGUAGES),
    limits: z.object({
      maxBytes: z.number().describe('bytes per request; a longer message is split into parts titled [k/n]'),
      rates: z.array(z.object({ count: z.number(), windowSeconds: z.number() })),
    }),
    status: z
      .enum(['ok', 'config_error', 'unknown'])
      .describe(
        'config_error: the platform’s last answer (or a missing secret) says the configuration is wrong; unknown: nothing sent yet',
      ),
    lastError: errorInfo,
    queued: z.number(),
    oldestQueuedAt: z.string().nullable(),
    sentLastHour: z.number(),
    failedLastHour: z.number(),
  })
  .meta({ id: 'NotifyChannel' });
export const channelListSchema = z.object({ channels: z.array(channelSchema) });

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

export const messageSchema = z
  .object({
    id: z.string(),
    channel: z.string(),
    kind: z.enum(EVENT_KINDS),
    key: z.string().describe('aggregation key: the incident’s id or the Alertmanager groupKey'),
    phase: z.enum(['firing', 'resolved', 'info']),
    status: z.enum(MESSAGE_STATUSES),
    title: z.string(),
    attempts: z.number(),
    parts: z.number().describe('requests the message takes (0 until rendered)'),
    partsSent: z.number(),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    lastError: errorInfo,
  })
  .meta({ id: 'NotifyMessage' });

export const messagePageSchema = z.object({ messages: z.array(messageSchema), nextCursor: nextCursorSchema });

export const messagesQuery = z.object({
  channel: z.string().max(63).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'expected the nextCursor of the previous page')
    .optional(),
});

export const channelParams = z.object({ name: z.string().min(1).max(63) });
export const bridgeParams = z.object({ channel: z.string().min(1).max(63) });
export const messageParams = z.object({
  id: z.string().regex(/^[1-9][0-9]{0,15}$/, 'expected a message id, e.g. 42'),
});

export const deliveriesSchema = z.object({
  deliveries: z.array(
    z
      .object({
        at: z.string(),
        part: z.number(),
        parts: z.number(),
        outcome: z
          .enum(['sent', 'throttled', 'config', 'transient', 'rejected'])
          .describe(
            'transient also for a request whose answer was never recorded (the server stopped during it)',
          ),
        httpStatus: z.number().nullable(),
        code: z.string().nullable(),
        error: z.string().nullable(),
        durationMs: z.number(),
      })
      .meta({ id: 'NotifyDelivery' }),
  ),
});

export const bridgeResultSchema = z
  .object({ queued: z.number().describe('messages queued: one per phase (firing, resolved) present') })
  .meta({ id: 'BridgeResult' });
