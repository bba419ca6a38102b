import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { idParams } from '../incidents/schema';
import { requireIncident, toIncident } from '../incidents/service';
import { incidentStore } from '../incidents/store';
import { recurrenceSchema, relatedSchema } from './schema';
import { recurrence, related } from './service';

export function recurrenceRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id/related',
      summary: 'Incidents of the same service and alertname within incidents.recurrence_window of this one',
      tag: 'incidents',
      role: 'viewer',
      params: idParams,
      response: relatedSchema,
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
      response: recurrenceSchema,
      handler: () => recurrence(ctx),
    }),
  ];
}
