import { z } from 'zod';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { defineRoute } from '../http/routes';
import { idParams, incidentSchema, SEVERITIES } from '../incidents/schema';
import { requireIncident, toIncident } from '../incidents/service';
import { incidentStore } from '../incidents/store';
import { recurrence, related, slaReport } from './report';

const isoTime = z.iso.datetime({ offset: true });

export function slaRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/sla/report',
      summary:
        'SLA report for incidents detected in [from, to): % met per severity and goal, MTTA, MTTR and MTBF per service',
      tag: 'sla',
      role: 'viewer',
      query: z.strictObject({ from: isoTime, to: isoTime, service: z.string().max(200).optional() }),
      response: z.object({
        from: z.string(),
        to: z.string(),
        service: z.string().nullable(),
        incidents: z.number(),
        goals: z.array(
          z.object({
            severity: z.enum(SEVERITIES),
            goal: z.enum(['response', 'resolution']),
            count: z.number(),
            met: z.number(),
            breached: z.number(),
            running: z.number(),
            pctMet: z.number().nullable(),
          }),
        ),
        services: z.array(
          z.object({
            service: z.string(),
            incidents: z.number(),
            mttaSeconds: z.number().nullable(),
            mttrSeconds: z.number().nullable(),
            mtbfSeconds: z.number().nullable(),
          }),
        ),
      }),
      handler: ({ query }) => {
        const from = Date.parse(query.from);
        const to = Date.parse(query.to);
        if (to <= from) throw badRequest('query to: must be after from');
        if (to - from > 400 * 86_400_000) throw badRequest('query from/to: at most 400 days per report');
        return slaReport(ctx, from, to, query.service);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id/related',
      summary: 'Incidents of the same service and alertname within incidents.recurrence_window of this one',
      tag: 'incidents',
      role: 'viewer',
      params: idParams,
      response: z.object({ incidents: z.array(incidentSchema) }),
      handler: async ({ params }) => {
        const rows = await related(ctx, await requireIncident(ctx.db, params.id));
        const pauses = await incidentStore.pauses(
          ctx.db,
          rows.map((r) => r.id),
        );
        return { incidents: rows.map((r) => toIncident(ctx, r, pauses.get(r.id) ?? [])) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/recurrence',
      summary: 'Repeat counts per (service, alertname) over the last 30 and 90 days, most repeated first',
      tag: 'incidents',
      role: 'viewer',
      response: z.object({
        repeats: z.array(
          z.object({
            service: z.string(),
            alertname: z.string(),
            last30Days: z.number(),
            last90Days: z.number(),
            lastOccurredAt: z.string(),
          }),
        ),
      }),
      handler: () => recurrence(ctx),
    }),
  ];
}
