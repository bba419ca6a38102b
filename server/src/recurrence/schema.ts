import { z } from 'zod';
import { incidentSchema } from '../incidents/schema';

/** The incidents of the same service and alertname within incidents.recurrence_window of one. */
export const relatedSchema = z.object({ incidents: z.array(incidentSchema) });

/** How often each (service, alertname) came back: the problem-management view of repeats. */
export const recurrenceSchema = z.object({
  repeats: z.array(
    z.object({
      service: z.string(),
      alertname: z.string(),
      last30Days: z.number(),
      last90Days: z.number(),
      lastOccurredAt: z.string(),
    }),
  ),
});
