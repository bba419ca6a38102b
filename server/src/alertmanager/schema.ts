import { z } from 'zod';
import { MAX_INSTANT, MIN_INSTANT } from '../http/input';

/**
 * Text from Alertmanager is never refused for its length: the body limit bounds the request, and
 * the service truncates what it stores (see limits.ts). Only the shape is checked here.
 */
const labels = z.record(z.string(), z.string());

/** Go's time.Time as Alertmanager marshals it; `0001-01-01T00:00:00Z` is its zero value ("not set"). */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
const amTime = z.iso
  .datetime({
    offset: true,
    message: 'expected an RFC 3339 time as Alertmanager sends it, e.g. 2026-12-01T01:30:00.123Z',
  })
  .refine(
    (s) => {
      const ms = Date.parse(s);
      return Number.isFinite(ms) && ms >= MIN_INSTANT && ms < MAX_INSTANT;
    },
    { message: 'expected a time between 1970-01-01 and 2099-12-31' },
  );

export const amAlertSchema = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels,
    annotations: labels.default({}),
    startsAt: amTime,
    endsAt: z.union([z.literal(GO_ZERO_TIME), amTime]).default(GO_ZERO_TIME),
    generatorURL: z.string().default(''),
    fingerprint: z.string().min(1).max(64),
  })
  .meta({ id: 'AlertmanagerAlert' });
export type AmAlert = z.output<typeof amAlertSchema>;

/** Alertmanager webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const webhookPayloadSchema = z
  .object({
    version: z.literal('4', {
      message: 'expected payload version "4" (Alertmanager 0.x webhook); other versions are not understood',
    }),
    groupKey: z.string().min(1).max(65_536),
    truncatedAlerts: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('alerts Alertmanager left out of this notification (its webhook max_alerts)'),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().max(4096),
    groupLabels: labels.default({}),
    commonLabels: labels.default({}),
    commonAnnotations: labels.default({}),
    externalURL: z.string().max(65_536).default(''),
    alerts: z.array(amAlertSchema).min(1).max(100_000),
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;

export const webhookResultSchema = z
  .object({
    outcome: z.enum(['opened', 'updated', 'reopened', 'resolved', 'unchanged', 'ignored']),
    incident: z.string().nullable().describe('incident number, when the payload concerns one'),
    alertsNew: z.number(),
    alertsResolved: z.number(),
    truncatedAnnotations: z
      .number()
      .describe('label or annotation values stored shortened (over the stored length, with a marker)'),
  })
  .meta({ id: 'WebhookResult' });
