import { z } from 'zod';
import { instant } from '../http/input';

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const STATUSES = [
  'triggered',
  'acknowledged',
  'mitigated',
  'waiting_for_customer',
  'resolved',
  'closed',
] as const;
export const ACTIONS = ['acknowledge', 'mitigate', 'wait', 'resolve', 'close', 'reopen'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];
export type Action = (typeof ACTIONS)[number];

export const severitySchema = z.enum(SEVERITIES).meta({ id: 'Severity' });
export const statusSchema = z.enum(STATUSES).meta({ id: 'IncidentStatus' });
export const actionSchema = z
  .enum(ACTIONS)
  .meta({ id: 'IncidentAction', description: 'a transition an editor may ask for' });

/** The pagination every list shares: pass nextCursor back as `cursor` for the next page. */
export const nextCursorSchema = z
  .string()
  .nullable()
  .meta({ id: 'NextCursor', description: 'null on the last page; otherwise send it back as cursor' });

const labelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'expected a label name like service or alertname');
export const labelsSchema = z
  .record(labelName, z.string().max(1024))
  .refine((l) => Object.keys(l).length <= 64, 'at most 64 labels');
// a real calendar day, year 1970–2099 (no 2026-02-30, year 0 or 9999)
const isoTime = instant;

export const slaGoalSchema = z
  .object({
    goal: z.enum(['response', 'resolution']),
    goalSeconds: z.number(),
    calendar: z.string(),
    elapsedSeconds: z.number().describe('business time counted so far, pauses excluded'),
    remainingSeconds: z.number(),
    dueAt: z
      .string()
      .nullable()
      .describe('when the goal falls due (or fell due, once breached); null while waiting for the customer'),
    state: z
      .enum(['running', 'paused', 'met', 'breached', 'self_cleared'])
      .describe(
        'paused: waiting for the customer, or outside working hours (see pausedUntil); self_cleared: resolved by Alertmanager before the response goal fell due, nobody responded — neither met nor breached',
      ),
    atRisk: z.boolean().describe('in the last sla.at_risk_share of the goal and not yet due'),
    pausedUntil: z
      .string()
      .nullable()
      .describe('outside working hours: when the clock runs again (the next working time of its calendar)'),
    pauseReason: z.enum(['waiting', 'outside_working_hours']).nullable(),
  })
  .meta({ id: 'SlaGoal' });

export const alertSchema = z
  .object({
    fingerprint: z.string(),
    startsAt: z.string().describe('its latest firing: an alert that fired again is listed once'),
    endsAt: z.string().nullable(),
    status: z
      .enum(['firing', 'resolved', 'closed'])
      .describe('closed: a person resolved or closed the incident while the alert was still firing'),
    alertname: z.string(),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()).describe('as of the latest notification'),
    runbookUrl: z.string().nullable().describe('the runbook_url annotation'),
    generatorURL: z.string(),
    lastSeenAt: z.string(),
  })
  .meta({ id: 'Alert' });

export const incidentSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('human number, e.g. INC-2026-0042'),
    title: z.string(),
    severity: severitySchema,
    status: statusSchema,
    service: z.string(),
    source: z.enum(['alertmanager', 'manual']),
    labels: z.record(z.string(), z.string()),
    symptom: z.string().describe('现象: what was observed'),
    impact: z.string(),
    assignee: z.string().nullable(),
    supportMode: z.enum(['remote', 'onsite']).nullable(),
    groupKey: z.string().nullable(),
    alertname: z.string().nullable(),
    occurredAt: z.string(),
    detectedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    respondedAt: z
      .string()
      .nullable()
      .describe('first action of a person (acknowledge, a transition, a comment); stops the response clock'),
    mitigatedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    truncatedAlerts: z
      .number()
      .describe(
        'alerts Alertmanager left out of the latest notification (webhook max_alerts): the alert list is incomplete',
      ),
    createdAt: z.string(),
    updatedAt: z.string(),
    sla: z.array(slaGoalSchema),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof incidentSchema>;

export const incidentDetailSchema = incidentSchema
  .extend({
    alerts: z.array(alertSchema).describe('the first page of its alerts, one per fingerprint'),
    alertCount: z.number().describe('how many distinct alerts it has'),
    alertsNextCursor: nextCursorSchema.describe('more alerts: GET /api/v1/incidents/{id}/alerts?cursor=…'),
    hasReview: z.boolean(),
    allowedActions: z.array(actionSchema).describe('the transitions its status allows now'),
  })
  .meta({ id: 'IncidentDetail' });

export const incidentPageSchema = z
  .object({ incidents: z.array(incidentSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'IncidentPage' });

export const alertsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export const alertsPageSchema = z
  .object({ alerts: z.array(alertSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'AlertPage' });

export const createIncidentBody = z
  .strictObject({
    title: z.string().trim().min(1).max(500),
    severity: severitySchema,
    service: z.string().max(200).default(''),
    labels: labelsSchema.default({}),
    symptom: z.string().max(20_000).default(''),
    impact: z.string().max(20_000).default(''),
    assignee: z.string().max(200).optional(),
    supportMode: z.enum(['remote', 'onsite']).optional(),
    occurredAt: isoTime.optional(),
    detectedAt: isoTime.optional(),
  })
  .meta({ id: 'CreateIncidentBody' });

export const updateIncidentBody = z
  .strictObject({
    title: z.string().trim().min(1).max(500),
    severity: severitySchema,
    service: z.string().max(200),
    labels: labelsSchema,
    symptom: z.string().max(20_000),
    impact: z.string().max(20_000),
    assignee: z.string().max(200).nullable(),
    supportMode: z.enum(['remote', 'onsite']).nullable(),
    occurredAt: isoTime,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update: send at least one field')
  .meta({ id: 'UpdateIncidentBody' });

export const transitionBody = z
  .strictObject({ note: z.string().max(20_000).optional() })
  .meta({ id: 'TransitionBody' });
export const commentBody = z
  .strictObject({ text: z.string().trim().min(1).max(20_000) })
  .meta({ id: 'CommentBody' });

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const SORTS = [
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'updatedAt',
  '-occurredAt',
  'occurredAt',
  'severity',
] as const;

export const listQuery = z.strictObject({
  status: csv(STATUSES).optional(),
  severity: csv(SEVERITIES).optional(),
  service: z.string().max(200).optional(),
  /** label matchers: `service=gateway`, `env!=test`; repeat or comma-separate */
  label: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .optional(),
  q: z.string().max(200).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  sort: z.enum(SORTS).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListQuery = z.output<typeof listQuery>;

export const timelineEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    kind: z.string(),
    actor: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });
export const timelineSchema = z.object({ entries: z.array(timelineEntrySchema) }).meta({ id: 'Timeline' });

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const transitionParams = idParams.extend({ action: actionSchema });

export const countsQuery = listQuery.omit({ status: true, sort: true, limit: true, cursor: true });
export const countsSchema = z
  .object({
    counts: z.record(statusSchema, z.number()),
    total: z.number(),
  })
  .meta({ id: 'IncidentCounts' });
