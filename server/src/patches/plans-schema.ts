import { z } from 'zod';
import { instant } from '../http/input';
import { nextCursorSchema } from '../incidents/schema';
import { hostName } from './plans-config';

/** The states of a patch plan (补丁计划): the main line, then the ends beside it. */
export const PLAN_STATES = [
  'draft',
  'tested',
  'approved',
  'scheduled',
  'installed',
  'verified',
  'closed',
  'declined',
  'failed',
  'rolled_back',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = [
  'test',
  'approve',
  'schedule',
  'install',
  'verify',
  'close',
  'decline',
  'fail',
  'rollback',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The states with a gate: what must be recorded before a plan may enter them. */
export const GATED_STATES = ['tested', 'approved', 'scheduled', 'installed', 'verified'] as const;
export type GatedState = (typeof GATED_STATES)[number];

export const planStateSchema = z.enum(PLAN_STATES).meta({ id: 'PatchPlanState' });

const text = (max: number) => z.string().trim().min(1).max(max);
const personId = z.string().min(1).max(100);
const packageName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9+._:~-]{0,127}$/,
    'expected a package name as the package manager lists it, e.g. openssl or libssl3',
  );
const advisoryId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
    'expected an advisory or CVE id, e.g. DSA-5764-1, RHSA-2024:1234 or CVE-2024-5535',
  );

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const postInstallCheckSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.:-]{0,79}$/, 'expected a short name, e.g. db-up'),
    expr: text(4000).describe('a PromQL expression, evaluated as an instant query when the plan is verified'),
    expect: z
      .enum(['empty', 'non_empty'])
      .describe(
        'empty: the check passes when the query returns no series (an alert-style expression: `up{job="db"} == 0`); non_empty: when it returns at least one',
      ),
  })
  .meta({ id: 'PatchPlanCheck' });

export const emergencySchema = z
  .strictObject({
    reason: text(2000),
    approver: personId.describe(
      'the person (people directory id) who authorises the emergency and approves the plan',
    ),
  })
  .meta({ id: 'PatchPlanEmergency' });

export const createPlanBody = z
  .strictObject({
    title: text(300),
    hosts: z
      .array(hostName)
      .min(1)
      .max(1000)
      .refine(unique, 'a host appears twice; list each once')
      .optional()
      .describe('host exporter instances (e.g. db1:9741); or hostGroup'),
    hostGroup: z.string().min(1).max(100).optional().describe('a group of maintenance.host_groups; or hosts'),
    packages: z.array(packageName).max(500).refine(unique, 'a package appears twice').default([]),
    advisories: z.array(advisoryId).max(500).refine(unique, 'an advisory appears twice').default([]),
    emergency: emergencySchema.optional(),
    postInstallChecks: z
      .array(postInstallCheckSchema)
      .max(20)
      .refine((l) => unique(l.map((c) => c.name)), 'two checks have the same name; name each once')
      .default([]),
  })
  .refine((b) => (b.hosts === undefined) !== (b.hostGroup === undefined), {
    message: 'name the hosts either as hosts (a list) or as hostGroup, exactly one of the two',
    path: ['hosts'],
  })
  .refine((b) => b.packages.length + b.advisories.length > 0, {
    message: 'a plan patches something: give packages or advisories (or both)',
    path: ['packages'],
  })
  .meta({ id: 'CreatePatchPlanBody' });
export type CreatePlanBody = z.output<typeof createPlanBody>;

export const testBody = z
  .strictObject({
    testHosts: z.array(hostName).min(1).max(100).describe('the hosts the patches were tried on first'),
    result: z.enum(['passed', 'failed']),
    evidence: text(4000).describe('a link to the test record or a note of what was checked'),
  })
  .meta({ id: 'PatchPlanTestBody' });

export const approveBody = z
  .strictObject({
    approver: personId.describe('the approving person; the caller must be that person (four eyes)'),
    note: z.string().max(2000).optional(),
  })
  .meta({ id: 'PatchPlanApproveBody' });

export const scheduleBody = z
  .strictObject({ start: instant, end: instant })
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), {
    message: 'end must be after start',
    path: ['end'],
  })
  .meta({ id: 'PatchPlanScheduleBody' });

const backupRunEvidence = z.strictObject({
  backupRunId: z.string().min(1).max(100).describe('a run of the backups domain (GET /api/v1/backups/runs)'),
});
const snapshotEvidence = z.strictObject({
  tool: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'expected the backup tool, e.g. restic, borg, lvm or vsphere'),
  snapshotId: text(200),
  takenAt: instant
    .optional()
    .describe('when the snapshot was taken (checked against maintenance.backup_max_age)'),
});
export const backupEvidenceSchema = z.union([backupRunEvidence, snapshotEvidence]).meta({
  id: 'PatchPlanBackupEvidence',
  description: 'a backup run of the backups domain, or a snapshot of a tool',
});

export const installBody = z
  .strictObject({
    backup: backupEvidenceSchema
      .optional()
      .describe(
        'required: the backup taken before installing (a plan without one is refused with 409 gate_unmet)',
      ),
    installedAt: instant.optional().describe('when the install happened; now when left out'),
    notes: z.string().max(20_000).optional(),
  })
  .meta({ id: 'PatchPlanInstallBody' });

export const verifyBody = z
  .strictObject({
    reboot: z
      .strictObject({ done: z.literal(true), at: instant })
      .optional()
      .describe('the hosts were rebooted after the install, at this time'),
    notes: z.string().max(20_000).optional(),
  })
  .meta({ id: 'PatchPlanVerifyBody' });

export const rollbackBody = z
  .strictObject({ what: text(4000), why: text(4000) })
  .meta({ id: 'PatchPlanRollbackBody' });
export const reasonBody = z.strictObject({ reason: text(4000) }).meta({ id: 'PatchPlanReasonBody' });

export const closeBody = z
  .strictObject({ note: z.string().max(2000).optional() })
  .meta({ id: 'PatchPlanCloseBody' });

export const planParams = z.object({ id: z.string().min(1).max(100) });

export const listPlansQuery = z.strictObject({
  state: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(PLAN_STATES)))
    .optional()
    .describe('comma-separated states'),
  host: hostName.optional().describe('plans that include this host'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListPlansQuery = z.output<typeof listPlansQuery>;

/** An instant in a response: ISO 8601 in UTC, e.g. 2026-10-10T02:00:00.000Z. */
const time = z.string().describe('ISO 8601, UTC');

const checkResultSchema = z.object({
  name: z.string(),
  expr: z.string(),
  expect: z.enum(['empty', 'non_empty']),
  passed: z.boolean(),
  series: z.number().nullable().describe('series the query returned; null when it failed'),
  value: z.number().nullable().describe('the first series’ value (NaN and ±Inf as null)'),
  error: z.string().nullable(),
});

const hostResultSchema = z.object({
  host: z.string(),
  collectedAt: time.nullable().describe('when the server last read the host’s pending patches'),
  status: z.string().nullable().describe('the host exporter’s patch check: ok, error or pending'),
  stillPending: z.array(
    z.object({ name: z.string(), candidateVersion: z.string(), advisories: z.array(z.string()) }),
  ),
  rebootRequired: z.boolean().nullable(),
  problems: z.array(z.string()).describe('why this host does not pass'),
});

export const gateSchema = z
  .object({
    state: z.enum(GATED_STATES),
    met: z.boolean(),
    missing: z
      .array(z.string())
      .describe(
        'codes of what is missing: test_evidence, approval, maintenance_window, outside_trading_hours, host_group, backup_evidence, install_in_window, hosts_collected, packages_pending, reboot, post_install_checks, prometheus, verification',
      ),
  })
  .meta({ id: 'PatchPlanGate' });

export const patchPlanSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('e.g. PP-3'),
    title: z.string(),
    state: planStateSchema,
    hosts: z
      .array(z.string())
      .describe('the plan’s hosts (a host group is resolved when the plan is created)'),
    hostGroup: z.string().nullable(),
    packages: z.array(z.string()),
    advisories: z.array(z.string()),
    emergency: z.object({ reason: z.string(), approver: z.string() }).nullable(),
    postInstallChecks: z.array(postInstallCheckSchema),
    test: z
      .object({
        at: time,
        by: z.string(),
        testHosts: z.array(z.string()),
        result: z.enum(['passed', 'failed']),
        evidence: z.string(),
      })
      .nullable()
      .describe('the latest test (the timeline keeps earlier ones)'),
    approval: z
      .object({ at: time, approver: z.string(), by: z.string(), note: z.string().nullable() })
      .nullable(),
    window: z
      .object({
        start: time,
        end: time,
        maintenanceWindow: z
          .string()
          .nullable()
          .describe('the maintenance.windows entry holding it; null: an emergency outside every window'),
      })
      .nullable(),
    backup: z
      .object({
        backupRunId: z.string().nullable(),
        policy: z.string().nullable(),
        tool: z.string().nullable(),
        snapshotId: z.string().nullable(),
        takenAt: time.nullable(),
      })
      .nullable(),
    install: z.object({ at: time, by: z.string(), notes: z.string().nullable() }).nullable(),
    verification: z
      .object({
        at: time,
        by: z.string(),
        passed: z.boolean().describe('false: the latest attempt, refused (the plan is still installed)'),
        reboot: z.object({ at: time }).nullable(),
        results: z.array(hostResultSchema),
        checks: z.array(checkResultSchema),
      })
      .nullable()
      .describe('the latest verification attempt'),
    rollback: z.object({ at: time, by: z.string(), what: z.string(), why: z.string() }).nullable(),
    outcome: z
      .object({ at: time, by: z.string(), reason: z.string() })
      .nullable()
      .describe('why it was declined or failed'),
    gates: z.array(gateSchema).describe('the checklist: each gated state, met or what is missing'),
    allowedActions: z.array(z.enum(PLAN_ACTIONS)).describe('the actions its state allows now'),
    createdAt: time,
    createdBy: z.string(),
    updatedAt: time,
  })
  .meta({ id: 'PatchPlan' });
export type PatchPlan = z.infer<typeof patchPlanSchema>;

export const planTimelineEntrySchema = z
  .object({
    at: time,
    actor: z.string(),
    kind: z
      .string()
      .describe(
        'created, tested, test_failed, approved, scheduled, installed, verify_refused, verified, closed, declined, failed, rolled_back',
      ),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PatchPlanTimelineEntry' });

export const patchPlanDetailSchema = patchPlanSchema
  .extend({ timeline: z.array(planTimelineEntrySchema) })
  .meta({ id: 'PatchPlanDetail' });

export const patchPlanPageSchema = z
  .object({ plans: z.array(patchPlanSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'PatchPlanPage' });
