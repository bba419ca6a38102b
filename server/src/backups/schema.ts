import { z } from 'zod';
import { instant } from '../http/input';
import { nextCursorSchema } from '../incidents/schema';
import { BACKUP_TOOLS } from './config';

/** what a report may name a policy by; that it exists is checked against the config (422) */
const policyRef = z.string().min(1).max(64);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** exit codes as shells and supervisors report them (a signal as 128+n, Windows' 32-bit codes) */
const exitCode = z.number().int().min(-2_147_483_648).max(4_294_967_295);
const MESSAGE_LIMIT = 8000;
/** a report is never refused for a long message: the tool's stderr is kept up to the limit */
const message = z
  .string()
  .max(1_000_000)
  .transform((s) => (s.length > MESSAGE_LIMIT ? `${s.slice(0, MESSAGE_LIMIT)}… [truncated]` : s));
const idempotencyKey = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/,
    'expected the report id the client generated once (a UUID, 8-128 letters, digits, . _ : -), the same on every resend',
  );
const seconds = z
  .number()
  .min(0)
  .max(10 * 365 * 86_400);

export const backupRunBody = z
  .strictObject({
    id: idempotencyKey,
    policy: policyRef,
    host: z.string().min(1).max(253).optional().describe('the host the backup ran on'),
    tool: z.enum(BACKUP_TOOLS),
    startedAt: instant,
    finishedAt: instant,
    exitCode: exitCode.describe(
      "the backup command's exit code (restic: 0 success, 3 partial, 1/10-12 failed)",
    ),
    result: z.enum(['success', 'partial', 'failed']),
    snapshotId: z.string().min(1).max(200).optional(),
    bytesAdded: count.optional(),
    bytesProcessed: count.optional(),
    filesNew: count.optional(),
    filesChanged: count.optional(),
    filesUnmodified: count.optional(),
    durationSeconds: seconds.optional().describe('default: finishedAt - startedAt'),
    message: message.optional().describe('an error or a note; kept up to 8000 characters'),
    summary: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        "the tool's own JSON (restic backup --json summary, borg create --json); kept up to backups.ingest.summary_limit_bytes",
      ),
  })
  .meta({ id: 'BackupRunReport' });
export type BackupRunBody = z.output<typeof backupRunBody>;

export const backupRunSchema = z
  .strictObject({
    id: z.string(),
    policy: z.string(),
    host: z.string().nullable(),
    tool: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    durationSeconds: z.number(),
    exitCode: z.number(),
    result: z.enum(['success', 'partial', 'failed']),
    snapshotId: z.string().nullable(),
    bytesAdded: z.number().nullable(),
    bytesProcessed: z.number().nullable(),
    filesNew: z.number().nullable(),
    filesChanged: z.number().nullable(),
    filesUnmodified: z.number().nullable(),
    message: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()).nullable(),
    summaryDropped: z
      .boolean()
      .describe('the summary sent was over backups.ingest.summary_limit_bytes and is not kept'),
    receivedAt: z.string(),
    receivedBy: z.string(),
  })
  .meta({ id: 'BackupRun' });
export type BackupRunOut = z.output<typeof backupRunSchema>;

export const backupRunResponse = z.strictObject({ run: backupRunSchema }).meta({ id: 'BackupRunRecorded' });

export const runsQuery = z.strictObject({
  policy: policyRef.optional(),
  result: z.enum(['success', 'partial', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const runsPageSchema = z
  .strictObject({ runs: z.array(backupRunSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'BackupRunPage' });

const verificationBody = z.strictObject({
  command: z.string().max(4000).optional().describe('the verification command, e.g. sha256sum -c SHA256SUMS'),
  exitCode: exitCode.optional(),
  result: z.enum(['passed', 'failed', 'skipped']),
  output: message.optional().describe('its output; kept up to 8000 characters'),
});

export const restoreTestBody = z
  .strictObject({
    id: idempotencyKey,
    policy: policyRef,
    host: z.string().min(1).max(253).optional(),
    snapshotId: z.string().min(1).max(200).optional(),
    startedAt: instant,
    finishedAt: instant,
    durationSeconds: seconds.describe('the measured restore time: the RTO evidence'),
    bytesRestored: count.optional(),
    filesRestored: count.optional(),
    result: z.enum(['passed', 'failed']),
    restoreExitCode: exitCode,
    verification: verificationBody,
    message: message.optional(),
  })
  .meta({ id: 'RestoreTestReport' });
export type RestoreTestBody = z.output<typeof restoreTestBody>;

export const restoreTestSchema = z
  .strictObject({
    id: z.string(),
    policy: z.string(),
    host: z.string().nullable(),
    snapshotId: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string(),
    durationSeconds: z.number(),
    bytesRestored: z.number().nullable(),
    filesRestored: z.number().nullable(),
    result: z.enum(['passed', 'failed']),
    restoreExitCode: z.number(),
    verification: z.strictObject({
      command: z.string().nullable(),
      exitCode: z.number().nullable(),
      result: z.enum(['passed', 'failed', 'skipped']),
      output: z.string().nullable(),
    }),
    message: z.string().nullable(),
    rtoSeconds: z.number().describe("the policy's RTO when the test was recorded"),
    rtoMet: z.boolean().describe('passed, within the RTO'),
    receivedAt: z.string(),
    receivedBy: z.string(),
  })
  .meta({ id: 'RestoreTest' });
export type RestoreTestOut = z.output<typeof restoreTestSchema>;

export const restoreTestResponse = z
  .strictObject({ restoreTest: restoreTestSchema })
  .meta({ id: 'RestoreTestRecorded' });

export const restoreTestsQuery = z.strictObject({
  policy: policyRef.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const restoreTestsPageSchema = z
  .strictObject({ restoreTests: z.array(restoreTestSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'RestoreTestPage' });

export const policyStatusSchema = z
  .strictObject({
    lastRunAt: z.string().nullable(),
    lastRunResult: z.enum(['success', 'partial', 'failed']).nullable(),
    lastSuccessAt: z.string().nullable().describe('the newest run with a snapshot (success or partial)'),
    lastSnapshotId: z.string().nullable(),
    rpoBreached: z.boolean().describe('no good run, or the RPO since the start of the newest one has passed'),
    rpoDueAt: z.string().nullable(),
    lastRestoreTest: z
      .strictObject({
        at: z.string(),
        result: z.enum(['passed', 'failed']),
        durationSeconds: z.number(),
        rtoMet: z.boolean(),
      })
      .nullable(),
    restoreTestOverdue: z.boolean().describe('no passed restore test within restore_test_interval'),
    restoreTestDueAt: z.string().nullable(),
  })
  .meta({ id: 'BackupPolicyStatus' });

export const policySchema = z
  .strictObject({
    name: z.string(),
    description: z.string(),
    target: z.string(),
    tool: z.enum(BACKUP_TOOLS),
    schedule: z.string(),
    retention: z.string(),
    rpoSeconds: z.number(),
    rtoSeconds: z.number(),
    restoreTestIntervalSeconds: z.number(),
    calendar: z.string().nullable().describe('null: the RPO elapses in wall time'),
    owner: z.string(),
    status: policyStatusSchema,
  })
  .meta({ id: 'BackupPolicy' });
export type PolicyOut = z.output<typeof policySchema>;

export const policiesResponse = z
  .strictObject({ policies: z.array(policySchema) })
  .meta({ id: 'BackupPolicies' });

// Data-restore requests (数据恢复)
export const RESTORE_STATES = [
  'requested',
  'in_progress',
  'restored',
  'failed',
  'verified',
  'cancelled',
] as const;
export const RESTORE_ACTIONS = ['start', 'finish', 'verify', 'cancel'] as const;
export type RestoreAction = (typeof RESTORE_ACTIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const when = instant.optional().describe('when it happened, if not now (e.g. recorded afterwards)');

export const createRestoreRequestBody = z
  .strictObject({
    incidentId: z.string().min(1).max(100).describe('the incident (id or number, e.g. INC-2026-0042)'),
    what: text(2000).describe('what is to be restored, e.g. table settlement.trades of 2026-12-01'),
    policy: policyRef.optional(),
    snapshotId: z.string().min(1).max(200).optional(),
    requestedBy: z.string().min(1).max(64).describe('a person id of the people directory'),
  })
  .meta({ id: 'CreateRestoreRequestBody' });

export const restoreActionBodies = {
  start: z.strictObject({ at: when, note: text(2000).optional() }),
  finish: z.strictObject({ at: when, result: z.enum(['restored', 'failed']), note: text(2000).optional() }),
  verify: z.strictObject({
    at: when,
    evidence: text(4000).describe(
      'how the restored data was checked: row counts, checksums, the application',
    ),
  }),
  cancel: z.strictObject({ reason: text(2000) }),
} as const;
export const restoreActionBody = z
  .strictObject({
    at: when,
    note: text(2000).optional(),
    result: z.enum(['restored', 'failed']).optional().describe('finish: required'),
    evidence: text(4000).optional().describe('verify: required'),
    reason: text(2000).optional().describe('cancel: required'),
  })
  .meta({ id: 'RestoreActionBody' });

export const restoreRequestParams = z.strictObject({ id: z.string().min(1).max(100) });
export const restoreActionParams = z.strictObject({
  id: z.string().min(1).max(100),
  action: z.enum(RESTORE_ACTIONS),
});

export const restoreRequestSchema = z
  .strictObject({
    id: z.string(),
    incidentId: z.string(),
    incidentNumber: z.string(),
    what: z.string(),
    policy: z.string().nullable(),
    snapshotId: z.string().nullable(),
    requestedBy: z.string(),
    state: z.enum(RESTORE_STATES),
    attempts: z.array(
      z.strictObject({
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        result: z.enum(['restored', 'failed']).nullable(),
        note: z.string().nullable(),
      }),
    ),
    durationSeconds: z.number().describe('time spent restoring over every attempt (a running one up to now)'),
    verification: z.strictObject({ at: z.string(), by: z.string(), evidence: z.string() }).nullable(),
    cancelReason: z.string().nullable(),
    allowedActions: z.array(z.enum(RESTORE_ACTIONS)),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RestoreRequest' });
export type RestoreRequestOut = z.output<typeof restoreRequestSchema>;

export const restoreRequestsQuery = z.strictObject({
  incidentId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const incidentRepairSchema = z
  .strictObject({
    incidentId: z.string(),
    number: z.string(),
    detectedAt: z.string(),
    resolvedAt: z.string().nullable(),
    repairSeconds: z.number().describe('time to repair: detection to resolution (to now while unresolved)'),
    restoreSeconds: z
      .number()
      .describe('of which spent restoring data: the union of its restore attempts within the repair time'),
  })
  .meta({ id: 'IncidentRestoreTime' });

export const restoreRequestsPageSchema = z
  .strictObject({
    restoreRequests: z.array(restoreRequestSchema),
    nextCursor: nextCursorSchema,
    repair: incidentRepairSchema
      .nullable()
      .describe('with incidentId: the restore time within its repair time'),
  })
  .meta({ id: 'RestoreRequestPage' });
