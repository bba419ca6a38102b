import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { webhookPayloadSchema, webhookResultSchema } from './schema';
import { receiveWebhook } from './service';

export function alertmanagerRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/alertmanager/webhook',
      summary: 'Alertmanager webhook receiver (payload version 4); 200 once the notification is stored',
      tag: 'alertmanager',
      role: 'editor',
      body: webhookPayloadSchema,
      response: webhookResultSchema,
      handler: async ({ body }) => {
        const result = await receiveWebhook(ctx, body);
        ctx.metrics.webhooks.inc({ outcome: result.outcome === 'unchanged' ? 'duplicate' : 'stored' });
        return result;
      },
    }),
  ];
}
