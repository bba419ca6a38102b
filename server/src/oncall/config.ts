import { assertTimeZone } from '@opsdesk/calendar';
import { z } from 'zod';
import { escalationSchema } from './escalation-config';

/** Which days of the service calendar a layer works: a 调休 Saturday is a workday on a service calendar. */
export const DAY_FILTERS = ['any', 'workday', 'rest_day', 'holiday'] as const;
export type DayFilter = (typeof DAY_FILTERS)[number];

const hhmm = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected HH:MM between 00:00 and 23:59, e.g. 09:00');

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD, e.g. 2026-01-05')
  .refine((v) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'this date does not exist');

/** daily, weekly, or `3d` (every three days): how long one member stays on before the next one. */
export const cadenceSchema = z
  .string()
  .regex(/^(daily|weekly|[1-9][0-9]{0,2}d)$/, 'expected daily, weekly or every N days as Nd, e.g. 3d');

export function cadenceDays(cadence: string): number {
  if (cadence === 'daily') return 1;
  if (cadence === 'weekly') return 7;
  return Number(cadence.slice(0, -1));
}

const layerSchema = z.strictObject({
  /** primary, backup, … */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'expected a short name such as primary or backup'),
  /**
   * people ids in rotation order. An empty list is allowed while a layer is being staffed: it then
   * counts as uncovered (opsdesk_oncall_uncovered) whenever its days say it should be covered.
   */
  members: z.array(z.string()).max(200).default([]),
  cadence: cadenceSchema.default('weekly'),
  /** when one duty day hands over to the next, wall time in the roster's zone */
  handoff: hhmm.default('09:00'),
  /** the duty day of `start` is the first member's */
  start: localDate,
  /** a duty day (handoff to handoff) is worked when its date passes this filter on the roster's calendar */
  days: z.enum(DAY_FILTERS).default('any'),
});
export type LayerConfig = z.output<typeof layerSchema>;

const rosterSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'expected lower-case letters, digits, - or _, e.g. ops'),
  /** a name from sla.calendars: the service calendar whose workdays, rest days and holidays the layers follow */
  calendar: z.string(),
  /** the zone of the handoff times; default the calendar's */
  timezone: z
    .string()
    .superRefine((tz, ctx) => {
      try {
        assertTimeZone(tz);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .optional(),
  layers: z.array(layerSchema).min(1).max(10),
});
export type RosterConfig = z.output<typeof rosterSchema>;

/** Duty rosters (值班). */
export const oncallSchema = z
  .strictObject({
    rosters: z.array(rosterSchema).default([]),
    escalation: escalationSchema,
  })
  .prefault({});
export type OncallConfig = z.output<typeof oncallSchema>;
