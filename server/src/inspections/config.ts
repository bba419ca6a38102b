import { z } from 'zod';
import { SEVERITIES } from '../incidents/schema';

/**
 * `inspections:` of the server config (issue 16): the report language, the Chromium that prints
 * the PDF, the template files imported at start and on SIGHUP (resolved against the config file's
 * folder; a changed file makes a new version), and the severities whose incidents close only after
 * a passing verification run.
 */
export const inspectionsSchema = z
  .strictObject({
    report_locale: z.enum(['zh-Hans', 'en-US']).default('zh-Hans'),
    chromium: z.string().min(1).default('/usr/bin/chromium'),
    templates: z.array(z.string().min(1)).default([]),
    verification_required_for: z
      .array(z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }))
      .default([]),
  })
  .prefault({});

export type InspectionsConfig = z.output<typeof inspectionsSchema>;
