import { duration, LOG_LEVELS } from '@opsdesk/runtime';
import { calendarSpecSchema } from '@opsdesk/calendar';
import { z } from 'zod';
import { backupsIssues, backupsSchema } from './backups/config';
import { SEVERITIES } from './incidents/schema';
import { notifySchema } from './notify/config';
import { oncallSchema } from './oncall/config';
import { escalationConfigIssues } from './oncall/escalation-config';
import { checkOncall } from './oncall/config-checks';
import { peopleSchema } from './people/config';
import { vulnerabilitiesConfigIssues, vulnerabilitiesSchema } from './vulnerabilities/config';
import { maintenanceIssues, maintenanceSchema } from './patches/plans-config';
import { patchesSchema } from './patches/hosts-config';
import { inspectionsSchema } from './inspections/config';

const severity = z.enum(SEVERITIES);

const policySchema = z.strictObject({
  severity,
  /** only incidents of this service; a policy without one applies to every service */
  service: z.string().optional(),
  /** triggered → acknowledged */
  response: duration({ min: '1m' }),
  /** triggered → resolved */
  resolution: duration({ min: '1m' }),
  calendar: z.string(),
});

export const serverConfigSchema = z
  .strictObject({
    listen: z.string().optional(),
    database: z.string().default('./data/opsdesk.db'),
    log_level: z.enum(LOG_LEVELS).default('info'),
    http: z
      .strictObject({
        body_limit_bytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(1024 * 1024),
        rate_limit: z
          .strictObject({
            /** sustained requests per second per token */
            per_second: z.number().positive().default(300),
            burst: z.number().int().positive().default(1000),
          })
          .prefault({}),
      })
      .prefault({}),
    alertmanager: z
      .strictObject({
        /**
         * Body limit of the webhook receiver. Measured with Alertmanager 0.25 and 0.35 (server/bench/
         * alertmanager-payload.js): 5.2 KB per alert with 10 labels, a 4 KiB description and a
         * long generator URL, so 10,000 alerts in one group is 49.8 MiB; 64 MiB takes that group.
         */
        body_limit_bytes: z
          .number()
          .int()
          .min(1024 * 1024)
          .max(512 * 1024 * 1024)
          .default(64 * 1024 * 1024),
        /** notifications stored at once; more get 503 with Retry-After (Alertmanager retries) */
        max_in_flight: z.number().int().min(1).max(10_000).default(32),
      })
      .prefault({}),
    incidents: z
      .strictObject({
        number_prefix: z
          .string()
          .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'expected 1-10 capital letters or digits, e.g. INC')
          .default('INC'),
        reopen_window: duration().default(3_600_000),
        review_required_for: z.array(severity).default(['P1', 'P2']),
        severity_map: z
          .record(z.string(), severity)
          .default({ critical: 'P1', error: 'P2', warning: 'P3', info: 'P4' }),
        default_severity: severity.default('P3'),
        service_label: z.string().default('service'),
        recurrence_window: duration().default(7 * 86_400_000),
      })
      .prefault({}),
    sla: z
      .strictObject({
        /** a running clock is at risk in the last this-share of its goal (0.25: the last quarter) */
        at_risk_share: z.number().gt(0).lt(1).default(0.25),
        pause_when_waiting: z.boolean().default(true),
        tick_interval: duration({ min: '1s' }).default(30_000),
        /** named calendars the policies refer to; `kind` defaults to service (make-up workdays work) */
        calendars: z.array(calendarSpecSchema).default([
          {
            name: '24x7',
            kind: 'service',
            timezone: 'Asia/Shanghai',
            hours: '24x7',
            holidays: { files: [], dates: [], workdays: [] },
          },
        ]),
        policies: z.array(policySchema).default([
          { severity: 'P1', response: 15 * 60_000, resolution: 4 * 3_600_000, calendar: '24x7' },
          { severity: 'P2', response: 30 * 60_000, resolution: 8 * 3_600_000, calendar: '24x7' },
          { severity: 'P3', response: 2 * 3_600_000, resolution: 24 * 3_600_000, calendar: '24x7' },
          { severity: 'P4', response: 8 * 3_600_000, resolution: 72 * 3_600_000, calendar: '24x7' },
        ]),
      })
      .prefault({}),
    /** the Prometheus the server reads: targets (host exporters to collect from) and PromQL checks */
    prometheus: z
      .strictObject({
        url: z
          .url({
            protocol: /^https?$/,
            error: 'expected an http(s) URL of Prometheus, e.g. http://prometheus:9090',
          })
          .optional(),
        timeout: duration({ min: '1s' }).default(10_000),
      })
      .prefault({}),
    notify: notifySchema.prefault({}),
    people: peopleSchema,
    oncall: oncallSchema,
    vulnerabilities: vulnerabilitiesSchema,
    /** backup policies (RPO, RTO, restore tests) and the report ingest limits (docs/backups.md) */
    backups: backupsSchema,
    /** pending patches: the Prometheus jobs of host exporters and how often to collect them (docs/patches.md) */
    patches: patchesSchema,
    /** patch plans: host groups, maintenance windows and the trading calendar (docs/patches.md) */
    maintenance: maintenanceSchema,
    /** inspections (巡检): report language, Chromium, template files, verification before close (docs/inspections.md) */
    inspections: inspectionsSchema,
  })
  .superRefine((cfg, ctx) => {
    for (const issue of maintenanceIssues(cfg.maintenance, cfg.sla.calendars))
      ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of escalationConfigIssues(cfg)) ctx.addIssue({ code: 'custom', ...issue });
    const names = new Set(cfg.sla.calendars.map((c) => c.name));
    cfg.sla.calendars.forEach((c, i) => {
      if (cfg.sla.calendars.findIndex((d) => d.name === c.name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['sla', 'calendars', i, 'name'],
          message: `calendar ${c.name} appears twice`,
        });
    });
    cfg.sla.policies.forEach((p, i) => {
      if (!names.has(p.calendar)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sla', 'policies', i, 'calendar'],
          message: `no calendar named ${JSON.stringify(p.calendar)}; defined: ${[...names].join(', ')}`,
        });
      }
    });
    checkOncall(cfg, names, ctx);
    for (const issue of vulnerabilitiesConfigIssues(cfg)) ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of backupsIssues(cfg, names)) ctx.addIssue({ code: 'custom', ...issue });
    for (const s of SEVERITIES) {
      if (!cfg.sla.policies.some((p) => p.severity === s && p.service === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sla', 'policies'],
          message: `no policy for severity ${s} without a service; every severity needs a default`,
        });
      }
    }
  });

export type ServerConfig = z.output<typeof serverConfigSchema>;
