import { z } from 'zod';

const text = z.string().max(20_000).default('');
const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-31');

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export const actionItemInput = z
  .strictObject({
    id: z.string().max(100).optional().describe('keep the id to update an existing item; omit for a new one'),
    title: z.string().trim().min(1).max(500),
    owner: z.string().trim().min(1).max(200),
    dueDate,
    status: z.enum(ACTION_STATUSES).default('open'),
  })
  .meta({ id: 'ActionItemInput' });

/** 复盘: the post-incident review. */
export const reviewBody = z
  .strictObject({
    summary: text,
    impact: text,
    trigger: text,
    rootCause: text,
    contributingFactors: text,
    detection: text,
    resolution: text,
    lessons: z.strictObject({ wentWell: text, wentWrong: text, gotLucky: text }).prefault({}),
    actionItems: z.array(actionItemInput).max(200).default([]),
  })
  .meta({ id: 'ReviewBody' });

export const actionItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    owner: z.string(),
    dueDate: z.string(),
    status: z.enum(ACTION_STATUSES),
    overdue: z.boolean().describe('not done or cancelled, and its due date has passed (UTC)'),
  })
  .meta({ id: 'ActionItem' });

export const reviewSchema = z
  .object({
    incident: z.string(),
    summary: z.string(),
    impact: z.string(),
    trigger: z.string(),
    rootCause: z.string(),
    contributingFactors: z.string(),
    detection: z.string(),
    resolution: z.string(),
    lessons: z.object({ wentWell: z.string(), wentWrong: z.string(), gotLucky: z.string() }),
    actionItems: z.array(actionItemSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'Review' });

/** Open action items across incidents (GET /api/v1/action-items). */
export const openActionItemsSchema = z
  .object({
    actionItems: z.array(actionItemSchema.extend({ incident: z.string() }).meta({ id: 'OpenActionItem' })),
  })
  .meta({ id: 'OpenActionItems' });
