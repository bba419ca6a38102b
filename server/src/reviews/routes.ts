import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { idParams } from '../incidents/schema';
import { openActionItemsSchema, reviewBody, reviewSchema } from './schema';
import { ReviewService } from './service';

export function reviewRoutes(ctx: AppContext) {
  const svc = new ReviewService(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id/review',
      summary: 'The post-incident review (复盘) of an incident',
      tag: 'reviews',
      role: 'viewer',
      params: idParams,
      response: reviewSchema,
      handler: ({ params }) => svc.get(params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/incidents/:id/review',
      summary: 'Write or replace the review; action items keep their id',
      tag: 'reviews',
      role: 'editor',
      params: idParams,
      body: reviewBody,
      response: reviewSchema,
      handler: ({ params, body, caller }) => svc.put(params.id, body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/action-items',
      summary: 'Open review action items across incidents, soonest due first, with an overdue flag',
      tag: 'reviews',
      role: 'viewer',
      response: openActionItemsSchema,
      handler: () => svc.openActionItems(),
    }),
  ];
}
