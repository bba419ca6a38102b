import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import {
  ACTIONS,
  commentBody,
  countsQuery,
  countsSchema,
  createIncidentBody,
  idParams,
  incidentDetailSchema,
  incidentSchema,
  listQuery,
  timelineEntrySchema,
  transitionBody,
  transitionParams,
  updateIncidentBody,
} from './schema';
import { IncidentService } from './service';

export function incidentRoutes(ctx: AppContext) {
  const svc = new IncidentService(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents',
      summary: 'List incidents: filters, sort, cursor pagination (pass nextCursor back as cursor)',
      tag: 'incidents',
      role: 'viewer',
      query: listQuery,
      response: z.object({ incidents: z.array(incidentSchema), nextCursor: z.string().nullable() }),
      handler: ({ query }) => svc.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/incidents',
      summary: 'Open an incident by hand',
      tag: 'incidents',
      role: 'editor',
      status: 201,
      body: createIncidentBody,
      response: incidentSchema,
      handler: ({ body, caller }) => svc.create(body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/counts',
      summary: 'How many incidents each status has, under the same filters as the list (status aside)',
      tag: 'incidents',
      role: 'viewer',
      query: countsQuery,
      response: countsSchema,
      handler: ({ query }) => svc.counts(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id',
      summary: 'One incident by uuid or number (INC-2026-0042), with its alerts and SLA clocks',
      tag: 'incidents',
      role: 'viewer',
      params: idParams,
      response: incidentDetailSchema.extend({ allowedActions: z.array(z.enum(ACTIONS)) }),
      handler: ({ params }) => svc.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/incidents/:id',
      summary: 'Change fields of an incident; each change is recorded in the timeline',
      tag: 'incidents',
      role: 'editor',
      params: idParams,
      body: updateIncidentBody,
      response: incidentSchema,
      handler: ({ params, body, caller }) => svc.update(params.id, body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id/timeline',
      summary: 'The append-only timeline: state changes, assignments, comments, alerts, SLA events',
      tag: 'incidents',
      role: 'viewer',
      params: idParams,
      response: z.object({ entries: z.array(timelineEntrySchema) }),
      handler: ({ params }) => svc.timeline(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/incidents/:id/comments',
      summary: 'Add a comment to the timeline',
      tag: 'incidents',
      role: 'editor',
      status: 201,
      params: idParams,
      body: commentBody,
      response: timelineEntrySchema,
      handler: ({ params, body, caller }) => svc.comment(params.id, body.text, caller),
    }),
    // last: /:id/:action would otherwise shadow /:id/comments
    defineRoute({
      method: 'post',
      path: '/api/v1/incidents/:id/:action',
      summary:
        'Transition: acknowledge, mitigate, wait, resolve, close or reopen (409 names the current status)',
      tag: 'incidents',
      role: 'editor',
      params: transitionParams,
      body: transitionBody,
      response: incidentSchema,
      handler: ({ params, body, caller }) => svc.transition(params.id, params.action, caller, body.note),
    }),
  ];
}
