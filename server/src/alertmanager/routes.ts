import type { AppContext } from '../context';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/routes';
import { webhookPayloadSchema, webhookResultSchema } from './schema';
import { receiveWebhook } from './service';

export function alertmanagerRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/alertmanager/webhook',
      summary:
        'Alertmanager webhook receiver (payload version 4); 200 once the notification is stored, 503 with Retry-After when the server cannot store it now (Alertmanager retries)',
      tag: 'alertmanager',
      role: 'editor',
      // Alertmanager retries 5xx only: the receiver sheds load with 503 (alertmanager.max_in_flight),
      // never with a 429 that would drop the notification.
      rateLimited: false,
      nulBytes: 'replace',
      body: webhookPayloadSchema,
      response: webhookResultSchema,
      handler: async ({ body }) => {
        let result;
        try {
          result = await receiveWebhook(ctx, body);
        } catch (err) {
          // A rule refusing a well-formed notification is a server fault: 500, so Alertmanager retries.
          if (err instanceof ApiError && err.status < 500)
            throw new Error(`webhook refused by a rule (${err.code}): ${err.message}`);
          throw err;
        }
        ctx.metrics.webhooks.inc({ outcome: result.outcome === 'unchanged' ? 'duplicate' : 'stored' });
        return result;
      },
    }),
  ];
}
