import { z } from 'zod';

const labels = z.record(z.string().max(1024), z.string().max(16_384));

export const amAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: labels.default({}),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.string().max(64).default('0001-01-01T00:00:00Z'),
  generatorURL: z.string().max(4096).default(''),
  fingerprint: z.string().min(1).max(64),
});

/** Alertmanager webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const webhookPayloadSchema = z.object({
  version: z.literal('4', {
    message: 'expected payload version "4" (Alertmanager 0.x webhook); other versions are not understood',
  }),
  groupKey: z.string().min(1).max(4096),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(1024),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: z.string().max(4096).default(''),
  alerts: z.array(amAlertSchema).min(1).max(100_000),
});
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;

export const webhookResultSchema = z.object({
  outcome: z.enum(['opened', 'updated', 'reopened', 'resolved', 'unchanged', 'ignored']),
  incident: z.string().nullable().describe('incident number, when the payload concerns one'),
  alertsNew: z.number(),
  alertsResolved: z.number(),
});
