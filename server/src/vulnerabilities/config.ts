import { duration } from '@opsdesk/runtime';
import { z } from 'zod';

const days = z.number().int().min(0).max(3650);

/**
 * `vulnerabilities:` of the server configuration: the remediation SLA (DefectDojo's defaults:
 * critical 7, high 30, medium 90, low 120 days), on calendar days or on the business days of a
 * named service calendar of sla.calendars, shorter for known-exploited vulnerabilities.
 */
export const vulnerabilitiesSchema = z
  .strictObject({
    sla: z
      .strictObject({
        /** a calendar of sla.calendars; default: the first one (its time zone ends each day) */
        calendar: z.string().min(1).optional(),
        /** calendar: every day counts; business: only the calendar's working days (holidays off, 调休 on) */
        days_kind: z.enum(['calendar', 'business']).default('calendar'),
        days: z
          .strictObject({
            critical: days.default(7),
            high: days.default(30),
            medium: days.default(90),
            low: days.default(120),
            /** no deadline unless set */
            negligible: days.optional(),
            /** no deadline unless set: a scanner that cannot rate it yet */
            unknown: days.optional(),
          })
          .prefault({}),
        /** days for a vulnerability in known_exploited_file, when shorter than its severity's */
        known_exploited_days: days.optional(),
      })
      .prefault({}),
    /** CISA's Known Exploited Vulnerabilities catalogue (JSON, `vulnerabilities[].cveID`), read when it changes */
    known_exploited_file: z.string().min(1).optional(),
    /** body limit of POST /api/v1/vulnerabilities/imports: a whole image's report is tens of MB */
    import_body_limit_bytes: z
      .number()
      .int()
      .min(1024 * 1024)
      .max(512 * 1024 * 1024)
      .default(64 * 1024 * 1024),
    /** the longest a risk acceptance may last */
    risk_acceptance_max: duration({ min: '1d', max: '5y' }).default(365 * 86_400_000),
  })
  .prefault({});

export type VulnerabilitiesConfig = z.output<typeof vulnerabilitiesSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-checks against the rest of the configuration (the calendar must exist and be a service calendar). */
export function vulnerabilitiesConfigIssues(cfg: {
  vulnerabilities: VulnerabilitiesConfig;
  sla: { calendars: ReadonlyArray<{ name: string; kind?: string }> };
}): Issue[] {
  const name = cfg.vulnerabilities.sla.calendar;
  if (name === undefined) return [];
  const calendar = cfg.sla.calendars.find((c) => c.name === name);
  const path = ['vulnerabilities', 'sla', 'calendar'];
  if (!calendar)
    return [
      {
        path,
        message: `no calendar named ${JSON.stringify(name)}; defined: ${cfg.sla.calendars.map((c) => c.name).join(', ')}`,
      },
    ];
  if (calendar.kind === 'trading')
    return [
      {
        path,
        message: `calendar ${name} is a trading calendar, closed on make-up workdays (调休) when the team works; name a service calendar`,
      },
    ];
  return [];
}
