import { z } from 'zod';
import { instant } from '../http/input';
import { severitySchema, statusSchema } from '../incidents/schema';
import { personSchema } from '../people/schema';
import { DAY_FILTERS } from './config';

const name = z.string().min(1).max(64);
const personId = z.string().min(1).max(64);

export const layerOutSchema = z
  .strictObject({
    name: z.string(),
    members: z.array(z.string()),
    cadence: z.string().describe('daily, weekly or Nd (every N days)'),
    handoff: z.string().describe('HH:MM, wall time in the roster zone'),
    start: z.string().describe('YYYY-MM-DD: the first member takes the duty day of this date'),
    days: z.enum(DAY_FILTERS),
  })
  .meta({ id: 'RosterLayer' });

export const rosterOutSchema = z
  .strictObject({
    name: z.string(),
    calendar: z.string(),
    timezone: z.string(),
    layers: z.array(layerOutSchema),
  })
  .meta({ id: 'Roster' });

export const rostersResponseSchema = z.strictObject({ rosters: z.array(rosterOutSchema) });

export const shiftSchema = z
  .strictObject({
    roster: z.string(),
    layer: z.string(),
    person: personSchema.nullable().describe('null: nobody covers the layer then'),
    start: z.string(),
    end: z.string(),
    source: z.enum(['rotation', 'override', 'swap']),
    overrideId: z.string().nullable(),
  })
  .meta({ id: 'Shift' });

export const nowQuery = z.strictObject({
  at: instant.optional().describe('default: now'),
  roster: name.optional(),
  layer: name.optional(),
});
export const nowResponseSchema = z
  .strictObject({ at: z.string(), shifts: z.array(shiftSchema) })
  .meta({ id: 'OnCallNow' });

export const rosterParams = z.strictObject({ name });

export const scheduleQuery = z.strictObject({
  from: instant,
  to: instant,
  layer: name.optional(),
});

export const calendarDaySchema = z
  .strictObject({
    date: z.string(),
    kind: z.enum(['workday', 'rest_day', 'holiday']),
    makeup: z.boolean().describe('a make-up workday (调休上班) on what would be a rest day'),
    name: z.string().nullable(),
  })
  .meta({ id: 'RosterDay' });

export const scheduleResponseSchema = z
  .strictObject({ shifts: z.array(shiftSchema), days: z.array(calendarDaySchema) })
  .meta({ id: 'RosterSchedule' });

export const icsQuery = z.strictObject({
  from: instant.optional().describe('default: 7 days ago'),
  to: instant.optional().describe('default: 56 days after from'),
});

export const timelineEntrySchema = z
  .strictObject({
    at: z.string(),
    kind: z.string(),
    actor: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OncallTimelineEntry' });

export const overrideSchema = z
  .strictObject({
    id: z.string(),
    roster: z.string(),
    layer: z.string(),
    person: z.string().describe('people-directory id'),
    start: z.string(),
    end: z.string(),
    reason: z.string(),
    swapId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    removedAt: z.string().nullable(),
    removedBy: z.string().nullable(),
    timeline: z.array(timelineEntrySchema),
  })
  .meta({ id: 'Override' });

export const overridesQuery = z.strictObject({
  roster: name.optional(),
  from: instant.optional().describe('default: now'),
  to: instant.optional().describe('default: 62 days after from'),
});
export const overridesResponseSchema = z
  .strictObject({ overrides: z.array(overrideSchema) })
  .meta({ id: 'OverrideList' });

export const createOverrideBody = z
  .strictObject({
    roster: name,
    layer: name,
    person: personId,
    start: instant,
    end: instant,
    reason: z.string().trim().min(1, 'say why, e.g. 病假 sick leave').max(2000),
  })
  .meta({ id: 'CreateOverrideBody' });

export const overrideParams = z.strictObject({ id: z.string().min(1).max(64) });

const swapSide = z.strictObject({
  person: personId,
  start: instant.describe('any instant inside the shift this person gives away'),
});
export const createSwapBody = z
  .strictObject({
    roster: name,
    layer: name,
    a: swapSide,
    b: swapSide,
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .meta({ id: 'CreateSwapBody' });
/** a swap answers with its two overrides, the shape of a list */
export const swapResponseSchema = overridesResponseSchema;

export const openIncidentSchema = z
  .strictObject({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    severity: severitySchema,
    status: statusSchema,
  })
  .meta({ id: 'HandoverIncident' });

export const handoverSchema = z
  .strictObject({
    id: z.string(),
    roster: z.string(),
    layer: z.string(),
    from: z.string().nullable().describe('who was on call when it was written; null when nobody was'),
    to: z.string(),
    at: z.string(),
    notes: z.string(),
    openIncidents: z.array(openIncidentSchema),
    createdBy: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    timeline: z.array(timelineEntrySchema),
  })
  .meta({ id: 'Handover' });

export const handoversQuery = z.strictObject({
  roster: name.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const handoversResponseSchema = z
  .strictObject({ handovers: z.array(handoverSchema) })
  .meta({ id: 'HandoverList' });

export const createHandoverBody = z
  .strictObject({
    roster: name,
    layer: name,
    to: personId,
    notes: z.string().max(20_000).default(''),
  })
  .meta({ id: 'CreateHandoverBody' });

export const handoverParams = z.strictObject({ id: z.string().min(1).max(64) });
export const acknowledgeBody = z.strictObject({}).meta({ id: 'AcknowledgeHandoverBody' });

export type CreateOverrideBody = z.output<typeof createOverrideBody>;
export type CreateSwapBody = z.output<typeof createSwapBody>;
export type CreateHandoverBody = z.output<typeof createHandoverBody>;
