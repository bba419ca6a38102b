import { z } from 'zod';
import { nextCursorSchema } from '../incidents/schema';
import { instant } from '../http/input';
import { FINDING_ACTIONS, FINDING_STATES, SCANNERS, VULN_SEVERITIES } from './model';

export const vulnSeveritySchema = z.enum(VULN_SEVERITIES).meta({
  id: 'VulnerabilitySeverity',
  description:
    'Trivy UNKNOWN/LOW/MEDIUM/HIGH/CRITICAL and Grype Unknown/Negligible/Low/Medium/High/Critical, in lower case',
});
export const findingStateSchema = z.enum(FINDING_STATES).meta({
  id: 'FindingState',
  description:
    'open → analysed → fixing → fixed (awaiting verification) → verified → closed; risk_accepted (reopens when it expires) and false_positive aside',
});
export const findingActionSchema = z.enum(FINDING_ACTIONS).meta({ id: 'FindingAction' });
export const scannerSchema = z.enum(SCANNERS).meta({ id: 'Scanner' });

const shortText = z.string().trim().min(1).max(500);
const longText = z.string().max(20_000);

export const findingSchema = z
  .object({
    id: z.string(),
    asset: z.string().describe('what was scanned: a host, an image (Trivy ArtifactName, Grype source)'),
    packageType: z.string().describe('package-URL type: deb, rpm, apk, npm, pypi, maven, golang, …'),
    packageName: z.string(),
    installedVersion: z.string(),
    fixedVersion: z.string().nullable(),
    vulnerabilityId: z.string().describe('the CVE when one is known, else the scanner’s id (GHSA-…, DLA-…)'),
    aliases: z.array(z.string()).describe('every id the scanners reported it under'),
    severity: vulnSeveritySchema,
    scannerSeverity: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    state: findingStateSchema,
    dueAt: z
      .string()
      .nullable()
      .describe('remediation deadline (vulnerabilities.sla); null without one for its severity'),
    overdue: z.boolean().describe('still unfixed (open, analysed, fixing) past dueAt'),
    knownExploited: z
      .boolean()
      .describe('in the known-exploited list (CISA KEV): the shorter deadline applies'),
    source: z.enum(['trivy', 'grype', 'manual']).describe('who reported it last'),
    scanTarget: z
      .string()
      .nullable()
      .describe('what the importing scan scanned; re-imports of it judge the finding'),
    resultTarget: z.string().nullable().describe('Trivy Result.Target it was found in'),
    primaryUrl: z.string().nullable(),
    cvssScore: z.number().nullable(),
    purl: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    analysis: z
      .object({
        impact: z.string(),
        affectedServices: z.array(z.string()),
        plan: z.string(),
        at: z.string(),
        by: z.string(),
      })
      .nullable(),
    patchPlanId: z.string().nullable(),
    changeRef: z.string().nullable(),
    fixedAt: z.string().nullable(),
    fixedBy: z
      .string()
      .nullable()
      .describe('import:<id> when a re-scan no longer reported it, else who marked it fixed'),
    riskAcceptance: z
      .object({
        approver: z.string(),
        reason: z.string(),
        expiresAt: z.string(),
        at: z.string(),
        by: z.string(),
      })
      .nullable(),
    riskAcceptanceExpiredAt: z
      .string()
      .nullable()
      .describe('an acceptance expired and reopened it, and nobody decided again since'),
    verification: z
      .object({
        method: z.enum(['rescan', 'manual']),
        importId: z.string().nullable(),
        note: z.string().nullable(),
        evidence: z.string().nullable(),
        at: z.string(),
        by: z.string(),
      })
      .nullable(),
    resolutionNote: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof findingSchema>;

export const findingTimelineEntrySchema = z
  .object({ at: z.string(), actor: z.string(), kind: z.string(), detail: z.record(z.string(), z.unknown()) })
  .meta({ id: 'FindingTimelineEntry' });

export const findingDetailSchema = findingSchema
  .extend({
    timeline: z.array(findingTimelineEntrySchema),
    allowedActions: z.array(findingActionSchema).describe('the actions its state allows now'),
  })
  .meta({ id: 'FindingDetail' });

export const findingPageSchema = z
  .object({ findings: z.array(findingSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'FindingPage' });

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const findingListQuery = z.strictObject({
  severity: csv(VULN_SEVERITIES).optional(),
  state: csv(FINDING_STATES).optional(),
  asset: z.string().min(1).max(1000).optional(),
  overdue: z.enum(['true', 'false'], { message: 'expected true or false' }).optional(),
  knownExploited: z.enum(['true', 'false'], { message: 'expected true or false' }).optional(),
  q: z.string().max(200).optional().describe('text in the vulnerability id, the package or the title'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export type FindingListQuery = z.output<typeof findingListQuery>;

export const findingCountsSchema = z
  .object({
    open: z.record(vulnSeveritySchema, z.number()).describe('open, analysed or fixing, by severity'),
    overdue: z.record(vulnSeveritySchema, z.number()),
    byState: z.record(findingStateSchema, z.number()),
    riskAcceptancesExpired: z.number(),
  })
  .meta({ id: 'FindingCounts' });

export const findingCountsQuery = z.strictObject({ asset: z.string().min(1).max(1000).optional() });

export const importBody = z
  .strictObject({
    scanner: scannerSchema.optional().describe('detected from the report when absent'),
    asset: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('default: the report’s Trivy ArtifactName or Grype source target'),
    report: z
      .record(z.string(), z.unknown())
      .describe('the scanner’s JSON output as it wrote it (trivy --format json, grype -o json)'),
  })
  .meta({ id: 'VulnerabilityImportBody' });

export const importSchema = z
  .object({
    id: z.string(),
    scanner: scannerSchema,
    asset: z.string(),
    target: z
      .string()
      .describe('what the report scanned; a later import of the same asset and target judges its findings'),
    at: z.string(),
    actor: z.string(),
    reported: z
      .number()
      .describe('findings in the report (one per asset, package, version and vulnerability)'),
    created: z.number(),
    updated: z
      .number()
      .describe('known findings whose severity, fix, title or description the scanner changed'),
    unchanged: z.number(),
    awaitingVerification: z
      .number()
      .describe('findings this scan no longer reports: moved to fixed, awaiting verification'),
    reopened: z.number().describe('fixed, verified or closed findings this scan reports again'),
    resultTargets: z.array(z.string()).describe('Trivy: the result targets it judged'),
  })
  .meta({ id: 'VulnerabilityImport' });

export const importResultSchema = z
  .object({ import: importSchema })
  .meta({ id: 'VulnerabilityImportResult' });
export const importPageSchema = z
  .object({ imports: z.array(importSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'VulnerabilityImportPage' });
export const importListQuery = z.strictObject({
  asset: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});

const vulnId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'expected an id like CVE-2024-3094 or GHSA-xxxx-xxxx-xxxx');

export const createFindingBody = z
  .strictObject({
    asset: z.string().trim().min(1).max(1000),
    packageType: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z][a-z0-9.+-]*$/, 'expected a package-URL type in lower case, e.g. deb, rpm, npm'),
    packageName: z.string().trim().min(1).max(1000),
    installedVersion: z.string().trim().min(1).max(500),
    vulnerabilityId: vulnId,
    aliases: z.array(vulnId).max(50).default([]),
    fixedVersion: z.string().trim().min(1).max(500).optional(),
    severity: vulnSeveritySchema,
    title: z.string().trim().max(500).default(''),
    description: longText.default(''),
    knownExploited: z.boolean().default(false),
  })
  .meta({ id: 'CreateFindingBody' });

export const analyseBody = z
  .strictObject({
    impact: z.string().trim().min(1).max(20_000).describe('影响: what an attacker could do here'),
    affectedServices: z.array(shortText).max(50).default([]),
    plan: longText.default('').describe('how it will be fixed'),
  })
  .meta({ id: 'AnalyseFindingBody' });

export const fixBody = z
  .strictObject({
    patchPlanId: z.string().trim().min(1).max(100).optional().describe('a patch plan (id or number, PP-3)'),
    changeRef: z.string().trim().min(1).max(500).optional().describe('a change ticket or merge request'),
    note: longText.optional(),
  })
  .refine((b) => (b.patchPlanId === undefined) !== (b.changeRef === undefined), {
    message:
      'send patchPlanId (the patch plan that fixes it) or changeRef (the change that does), exactly one',
    path: ['patchPlanId'],
  })
  .meta({ id: 'FixFindingBody' });

export const markFixedBody = z
  .strictObject({ note: longText.optional(), fixedVersion: z.string().trim().min(1).max(500).optional() })
  .meta({ id: 'MarkFindingFixedBody' });

export const verifyBody = z
  .discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('rescan'),
      importId: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .describe('an import of the same asset and target, after the fix, that no longer reports it'),
    }),
    z.strictObject({
      method: z.literal('manual'),
      note: z
        .string()
        .trim()
        .min(1)
        .max(20_000)
        .describe('what was checked, e.g. dpkg -l openssl shows 3.0.15-1~deb12u1'),
      evidence: z.string().trim().min(1).max(2000).describe('a link or reference to the evidence'),
    }),
  ])
  .meta({ id: 'VerifyFindingBody' });

export const noteBody = z
  .strictObject({ note: longText.optional().describe('why it is closed: what the verification showed') })
  .meta({ id: 'FindingNoteBody' });

export const acceptRiskBody = z
  .strictObject({
    approver: z.string().trim().min(1).max(200).describe('a people-directory id (GET /api/v1/people)'),
    reason: z.string().trim().min(1).max(20_000),
    expiresAt: instant.describe('when the acceptance ends and the finding reopens'),
  })
  .meta({ id: 'AcceptRiskBody' });

export const reasonBody = z
  .strictObject({ reason: z.string().trim().min(1).max(20_000) })
  .meta({ id: 'FindingReasonBody' });

export const findingParams = z.object({ id: z.string().min(1).max(100) });
