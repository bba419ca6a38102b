import { Counter, type Registry } from 'prom-client';

/** Why a notification was not stored; every reason is exported from the start (at 0). */
export const REFUSAL_REASONS = [
  'unauthorized', // no token, an unknown one, or one without the editor role (Alertmanager does not retry)
  'too_large', // over alertmanager.body_limit_bytes (Alertmanager does not retry)
  'malformed', // not JSON, or not JSON as application/json (Alertmanager does not retry)
  'invalid', // JSON, but not a webhook payload version 4 (Alertmanager does not retry)
  'overload', // more than alertmanager.max_in_flight at once: 503, Alertmanager retries
  'database_unavailable', // 503, Alertmanager retries
  'internal', // 500, Alertmanager retries
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const NAME = 'opsdesk_alertmanager_notifications_refused_total';

/** The receiver's counters, registered once per registry. */
export function receiverMetrics(registry: Registry): { refused: Counter<'reason'> } {
  let refused = registry.getSingleMetric(NAME) as Counter<'reason'> | undefined;
  if (!refused) {
    refused = new Counter({
      name: NAME,
      help: 'Alertmanager webhook notifications the server answered with an error, by reason. 4xx reasons (unauthorized, too_large, malformed, invalid) are lost: Alertmanager does not retry them; 5xx ones are retried.',
      labelNames: ['reason'],
      registers: [registry],
    });
    for (const reason of REFUSAL_REASONS) refused.inc({ reason }, 0);
  }
  return { refused };
}
