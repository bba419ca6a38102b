import { tradingCalendarSpecSchema, type CalendarSpec } from '@opsdesk/calendar';
import {
  collectorSection,
  exporterConfigSchema,
  logSourceSchema,
  maxBodyBytesSchema,
  maxFutureSkewSchema,
  tokensSchema,
} from '@opsdesk/exporter-core';
import { duration, formatDuration } from '@opsdesk/runtime';
import { z } from 'zod';
import { journeySchema } from './journeys';
import { sqlCheckSchema } from './sql-checks';

const name = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'expected a lowercase name with digits and underscores, e.g. risk_check');

const stepSchema = z.strictObject({
  name,
  description: z.string().default(''),
  /** an instance in this step longer than this is stuck */
  time_limit: duration().optional(),
  /** steps that may follow; default: the next one in the list */
  next: z.array(name).optional(),
  /** success or failure ends the instance */
  terminal: z.enum(['success', 'failure']).optional(),
});

const longestTimeLimit = (flow: {
  time_limit?: number | undefined;
  steps: Array<{ time_limit?: number | undefined }>;
}) => Math.max(0, flow.time_limit ?? 0, ...flow.steps.map((s) => s.time_limit ?? 0));

/** How long an instance of the flow may go without progress before it is abandoned, ms. */
export function abandonAfterMs(flow: FlowSpec): number {
  return flow.abandon_after ?? Math.max(3_600_000, 4 * longestTimeLimit(flow));
}

const flowSchema = z
  .strictObject({
    name,
    description: z.string().default(''),
    /** an instance not finished this long after it started is stuck end to end */
    time_limit: duration().optional(),
    /** failure reasons counted by name; any other reason counts as "other" (labels stay bounded) */
    failure_reasons: z.array(name).max(50).default([]),
    /**
     * an instance that has not moved this long is dropped and counted as abandoned (a stuck-step
     * alert then resolves); default: 4 × the flow's longest time limit, at least 1h
     */
    abandon_after: duration({ min: '1s' }).optional(),
    /**
     * when the flow runs (e.g. trading hours); outside it a flow not starting is not an alert: the
     * name of a calendar under `calendars:`, or (the older form) a calendar written out here
     */
    calendar: z.union([z.string().min(1), tradingCalendarSpecSchema]).optional(),
    steps: z.array(stepSchema).min(1).max(30),
  })
  .superRefine((flow, ctx) => {
    const longest = longestTimeLimit(flow);
    if (flow.abandon_after !== undefined && flow.abandon_after <= longest)
      ctx.addIssue({
        code: 'custom',
        path: ['abandon_after'],
        message: `must be longer than the flow's longest time_limit (${formatDuration(longest)}), or stuck instances are dropped before anyone hears of them`,
      });
    const names = flow.steps.map((s) => s.name);
    flow.steps.forEach((s, i) => {
      if (names.indexOf(s.name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'name'],
          message: `step ${s.name} appears twice in flow ${flow.name}`,
        });
      (s.next ?? []).forEach((n, j) => {
        if (!names.includes(n)) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'next', j],
            message: `no step named ${JSON.stringify(n)} in flow ${flow.name}; steps: ${names.join(', ')}`,
          });
        }
      });
    });
  });

export const flowConfigSchema = exporterConfigSchema(
  {
    flows: collectorSection({}),
    logs: collectorSection({}),
    sql: collectorSection({}),
    journeys: collectorSection({}),
  },
  {
    /** bearer tokens accepted by POST /api/v1/events; use ${ENV} references */
    tokens: tokensSchema,
    ingest: z
      .strictObject({
        max_body_bytes: maxBodyBytesSchema,
        /** events timed further ahead of this exporter's clock are dropped (counted as future) */
        max_future_skew: maxFutureSkewSchema,
        /** most instances tracked at once; the oldest are evicted beyond it (counted) */
        max_in_flight: z.number().int().min(1).max(50_000_000).default(2_000_000),
        /** a finished instance is remembered this long, so late and duplicate events are recognised */
        remember_finished: duration().default(10 * 60_000),
      })
      .prefault({}),
    /**
     * where the in-flight instances are kept across restarts: written on SIGTERM and every
     * `save_interval`, read at start (a file that cannot be read or is not one of ours is logged
     * and ignored); without `path` a restart forgets them
     */
    state: z
      .strictObject({
        path: z.string().min(1).optional(),
        save_interval: duration({ min: '1s', max: '1h' }).default(60_000),
      })
      .prefault({}),
    /** JSON-lines files the platform writes flow events to, followed like `tail -F` */
    logs: z.array(logSourceSchema).default([]),
    sql_checks: z.array(sqlCheckSchema).default([]),
    journeys: z.array(journeySchema).default([]),
    /** named calendars the flows refer to; `kind` defaults to trading (make-up workdays closed) */
    calendars: z.array(tradingCalendarSpecSchema).default([]),
    flows: z
      .array(flowSchema)
      .min(1)
      .superRefine((flows, ctx) => {
        flows.forEach((f, i) => {
          if (flows.findIndex((g) => g.name === f.name) !== i)
            ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `flow ${f.name} appears twice` });
        });
      }),
  },
)
  .superRefine((config, ctx) => {
    const names = config.calendars.map((c) => c.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['calendars', i, 'name'],
          message: `calendar ${n} appears twice`,
        });
    });
    config.flows.forEach((f, i) => {
      if (typeof f.calendar === 'string' && !names.includes(f.calendar))
        ctx.addIssue({
          code: 'custom',
          path: ['flows', i, 'calendar'],
          message: `no calendar named ${JSON.stringify(f.calendar)} under calendars:; calendars: ${names.join(', ') || '(none)'}`,
        });
    });
  })
  // Each flow carries its calendar's spec from here on, whichever way the file wrote it.
  .transform((config) => {
    const byName = new Map<string, CalendarSpec>(config.calendars.map((c) => [c.name, c]));
    const specOf = (c: string | CalendarSpec | undefined) => (typeof c === 'string' ? byName.get(c) : c);
    return { ...config, flows: config.flows.map((f) => ({ ...f, calendar: specOf(f.calendar) })) };
  });

export type FlowConfig = z.output<typeof flowConfigSchema>;
export type FlowSpec = FlowConfig['flows'][number];
