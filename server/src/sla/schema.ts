import { z } from 'zod';
import { severitySchema } from '../incidents/schema';

export const slaReportGoalSchema = z
  .object({
    severity: severitySchema,
    goal: z.enum(['response', 'resolution']),
    count: z.number(),
    met: z.number(),
    breached: z.number(),
    running: z.number().describe('not yet met or breached, paused included'),
    selfCleared: z
      .number()
      .describe('resolved by Alertmanager before the response goal fell due, nobody responded'),
    pctMet: z.number().nullable().describe('met / (met + breached) × 100'),
  })
  .meta({ id: 'SlaReportGoal' });

export const slaReportServiceSchema = z
  .object({
    service: z.string(),
    incidents: z.number(),
    responded: z.number().describe('incidents a person responded to (the MTTA sample)'),
    resolved: z.number().describe('resolved incidents (the MTTR sample)'),
    mttaSeconds: z.number().nullable(),
    mttrSeconds: z.number().nullable(),
    downtimeSeconds: z.number(),
    mtbfSeconds: z.number().nullable(),
    availability: z.number().nullable().describe('1 − downtime / elapsed, a ratio'),
  })
  .meta({ id: 'SlaReportService' });

/** GET /api/v1/sla/report (docs/sla.md defines the figures). */
export const slaReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    elapsedSeconds: z
      .number()
      .describe('the part of [from, to) that has happened: MTBF and availability count only this'),
    service: z.string().nullable(),
    incidents: z.number(),
    goals: z.array(slaReportGoalSchema),
    services: z.array(slaReportServiceSchema),
  })
  .meta({ id: 'SlaReport' });
