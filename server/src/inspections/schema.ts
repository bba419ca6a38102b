import { z } from 'zod';
import { nextCursorSchema, severitySchema } from '../incidents/schema';
import { LAYERS } from './template';

const ref = z.string().min(1).max(100);
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const isoTime = z.string().describe('an instant (RFC 3339, UTC)');
const personId = z.string().min(1).max(64).describe('a person id of the people directory');

export const summarySchema = z
  .strictObject({
    normal: z.number().int(),
    warning: z.number().int(),
    critical: z.number().int(),
    error: z.number().int(),
    manualAbnormal: z.number().int(),
    notApplicable: z.number().int(),
    pending: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'InspectionSummary' });

// ------------------------------------------------------------- templates

export const templateKeyParams = z.strictObject({ key: ref });
export const templateVersionParams = z.strictObject({ key: ref, version: z.coerce.number().int().min(1) });
export const templateItemParams = z.strictObject({ key: ref, item: ref });
export const templatesQuery = z.strictObject({
  archived: z.enum(['true', 'false']).default('false').describe('true: archived templates too'),
});

export const importTemplateBody = z
  .strictObject({
    yaml: z
      .string()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('the template as YAML (provisioning/inspections/*.yml)'),
    definition: z.unknown().optional().describe('the template as JSON, the same fields as the YAML'),
  })
  .refine((b) => (b.yaml === undefined) !== (b.definition === undefined), {
    message: 'send exactly one of yaml or definition',
    path: ['yaml'],
  })
  .meta({ id: 'InspectionTemplateImport' });

const lastRunSchema = z.strictObject({
  number: z.string(),
  state: z.string(),
  evaluatedAt: isoTime,
  summary: summarySchema,
});

export const templateSchema = z
  .strictObject({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    version: z.number().int(),
    archived: z.boolean(),
    layers: z.array(z.strictObject({ layer: z.enum(LAYERS), items: z.number().int() })),
    itemCount: z.number().int(),
    updatedAt: isoTime,
    lastRun: lastRunSchema.nullable(),
  })
  .meta({ id: 'InspectionTemplate' });

export const templatesResponse = z
  .strictObject({ templates: z.array(templateSchema) })
  .meta({ id: 'InspectionTemplates' });
export const importTemplateResponse = z
  .strictObject({ outcome: z.enum(['created', 'updated', 'unchanged']), template: templateSchema })
  .meta({ id: 'InspectionTemplateImported' });
export const templateDetailResponse = z
  .strictObject({
    template: templateSchema,
    versions: z.array(
      z.strictObject({ version: z.number().int(), createdAt: isoTime, createdBy: z.string() }),
    ),
  })
  .meta({ id: 'InspectionTemplateDetail' });
export const templateVersionResponse = z
  .strictObject({
    key: z.string(),
    version: z.number().int(),
    createdAt: isoTime,
    createdBy: z.string(),
    definition: z.record(z.string(), z.unknown()).describe('the definition as validated (the YAML fields)'),
    yaml: z.string(),
  })
  .meta({ id: 'InspectionTemplateVersion' });

export const trendQuery = z.strictObject({ limit: limit(500, 30) });
export const trendResponse = z
  .strictObject({
    template: z.string(),
    runs: z.array(
      z.strictObject({
        number: z.string(),
        evaluatedAt: isoTime,
        state: z.string(),
        summary: summarySchema,
        passRate: z
          .number()
          .nullable()
          .describe('normal and not-applicable items over the items with a result'),
      }),
    ),
  })
  .meta({ id: 'InspectionTrend' });
export const historyResponse = z
  .strictObject({
    template: z.string(),
    item: z.string(),
    points: z.array(
      z.strictObject({
        number: z.string(),
        evaluatedAt: isoTime,
        status: z.string(),
        value: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'InspectionItemHistory' });

// ------------------------------------------------------------- runs

export const runParams = z.strictObject({ id: ref });
export const runItemParams = z.strictObject({ id: ref, key: ref });
export const runsQuery = z.strictObject({
  template: ref.optional(),
  state: z.enum(['open', 'signed', 'completed', 'cancelled']).optional(),
  incident: ref.optional().describe('runs verifying this incident (id or number)'),
  limit: limit(200, 50),
  cursor: z.string().max(500).optional(),
});

export const startRunBody = z
  .strictObject({
    template: ref.describe('the template key, e.g. daily-trading'),
    inspector: personId
      .optional()
      .describe('the inspector (巡检人) expected to sign; anyone may when left out'),
    reviewer: personId
      .optional()
      .describe('the reviewer (复核人) expected to sign; another person than the inspector'),
  })
  .meta({ id: 'InspectionRunStart' });

const evidenceSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z
    .string()
    .max(2000)
    .optional()
    .describe('a link to the evidence (a file store, a ticket, a screenshot)'),
});

export const recordItemBody = z
  .strictObject({
    result: z.enum(['normal', 'abnormal', 'not_applicable']),
    note: z.string().max(4000).optional().describe('required when abnormal: what was found'),
    evidence: z.array(evidenceSchema).max(20).optional(),
  })
  .meta({ id: 'InspectionItemResult' });

export const signBody = z
  .strictObject({ role: z.enum(['inspector', 'reviewer']) })
  .meta({ id: 'InspectionSign' });
export const cancelBody = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'InspectionCancel' });
export const followUpBody = z
  .strictObject({
    kind: z.literal('incident').default('incident'),
    severity: severitySchema,
    title: z.string().trim().min(1).max(200).optional(),
    service: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: 'InspectionFollowUp' });
export const compareQuery = z.strictObject({ a: ref, b: ref });

const seriesSchema = z.strictObject({ labels: z.record(z.string(), z.string()), value: z.number() });

export const runItemSchema = z
  .strictObject({
    key: z.string(),
    layer: z.string(),
    kind: z.enum(['metric', 'configuration', 'manual']),
    title: z.string(),
    description: z.string().nullable(),
    guidance: z.string().nullable(),
    evidenceRequired: z.boolean(),
    query: z.string().nullable(),
    thresholds: z
      .strictObject({
        comparison: z.string(),
        warning: z.number().nullable(),
        critical: z.number().nullable(),
      })
      .nullable(),
    unit: z.string().nullable(),
    labelAliases: z.record(z.string(), z.string()),
    status: z
      .string()
      .describe(
        'metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable',
      ),
    value: z.number().nullable(),
    series: z.array(seriesSchema).describe('the failing series, frozen when the run started (at most 100)'),
    truncated: z.number().int(),
    error: z.string().nullable(),
    note: z.string().nullable(),
    evidence: z.array(z.strictObject({ name: z.string(), url: z.string().optional() })),
    completedBy: z.string().nullable(),
    completedAt: isoTime.nullable(),
    followUp: z.strictObject({ kind: z.string(), id: z.string(), ref: z.string() }).nullable(),
  })
  .meta({ id: 'InspectionRunItem' });

const runTemplateRef = z.strictObject({ key: z.string(), title: z.string(), version: z.number().int() });
const subjectSchema = z.strictObject({ kind: z.string(), id: z.string() }).nullable();

export const runSchema = z
  .strictObject({
    id: z.string(),
    number: z.string(),
    template: runTemplateRef,
    trigger: z.enum(['manual', 'schedule', 'verification']),
    scheduleId: z.string().nullable(),
    scheduledFor: isoTime.nullable(),
    subject: subjectSchema,
    state: z.enum(['open', 'signed', 'completed', 'cancelled']),
    evaluatedAt: isoTime,
    inspector: z.string().nullable(),
    inspectorSignedAt: isoTime.nullable(),
    reviewer: z.string().nullable(),
    reviewerSignedAt: isoTime.nullable(),
    completedAt: isoTime.nullable(),
    createdBy: z.string(),
    summary: summarySchema,
    items: z.array(runItemSchema),
    events: z.array(
      z.strictObject({
        at: isoTime,
        actor: z.string(),
        kind: z.string(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
    allowedActions: z.array(z.string()),
  })
  .meta({ id: 'InspectionRun' });

export const runListItemSchema = z
  .strictObject({
    id: z.string(),
    number: z.string(),
    template: runTemplateRef,
    trigger: z.enum(['manual', 'schedule', 'verification']),
    state: z.enum(['open', 'signed', 'completed', 'cancelled']),
    evaluatedAt: isoTime,
    inspector: z.string().nullable(),
    reviewer: z.string().nullable(),
    completedAt: isoTime.nullable(),
    subject: subjectSchema,
    summary: summarySchema,
  })
  .meta({ id: 'InspectionRunListItem' });

export const runsResponse = z
  .strictObject({ runs: z.array(runListItemSchema), nextCursor: nextCursorSchema })
  .meta({ id: 'InspectionRuns' });
export const followUpResponse = z
  .strictObject({ incident: z.strictObject({ id: z.string(), number: z.string() }), run: runSchema })
  .meta({ id: 'InspectionFollowedUp' });

const sideSchema = z
  .strictObject({ status: z.string(), value: z.number().nullable(), note: z.string().nullable() })
  .nullable();
export const compareResponse = z
  .strictObject({
    a: z.strictObject({ number: z.string(), evaluatedAt: isoTime }),
    b: z.strictObject({ number: z.string(), evaluatedAt: isoTime }),
    items: z.array(
      z.strictObject({
        key: z.string(),
        title: z.string(),
        layer: z.string(),
        kind: z.string(),
        a: sideSchema,
        b: sideSchema,
        changed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'InspectionComparison' });

// ------------------------------------------------------------- reports

export const reportQuery = z.strictObject({ lang: z.enum(['zh-Hans', 'en-US']).optional() });
export const reportsQuery = z.strictObject({ limit: limit(500, 100) });
export const reportsResponse = z
  .strictObject({
    reports: z.array(
      z.strictObject({
        run: z.string(),
        format: z.enum(['html', 'pdf', 'xlsx']),
        locale: z.string(),
        bytes: z.number().int(),
        sha256: z.string(),
        createdAt: isoTime,
      }),
    ),
  })
  .meta({ id: 'InspectionReports' });

const reportItemSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  kind: z.enum(['metric', 'configuration', 'manual']),
  status: z.string(),
  value: z.number().optional(),
  unit: z.string().optional(),
  thresholds: z
    .strictObject({ comparison: z.string(), warning: z.number().optional(), critical: z.number().optional() })
    .optional(),
  series: z.array(z.strictObject({ labels: z.record(z.string(), z.string()), value: z.number().optional() })),
  labelAliases: z.record(z.string(), z.string()),
  truncated: z.number().int().optional(),
  error: z.string().optional(),
  note: z.string().optional(),
  evidence: z.array(z.strictObject({ name: z.string(), url: z.string().optional() })),
  completedBy: z.string().optional(),
  followUp: z.strictObject({ kind: z.string(), ref: z.string() }).optional(),
});

export const reportSchema = z
  .strictObject({
    run: z.strictObject({
      number: z.string(),
      state: z.string(),
      trigger: z.string(),
      templateKey: z.string(),
      templateTitle: z.string(),
      templateVersion: z.number().int(),
      client: z.string().optional(),
      system: z.string().optional(),
      evaluatedAt: isoTime,
      completedAt: isoTime.optional(),
      inspector: z.string().optional(),
      inspectorSignedAt: isoTime.optional(),
      reviewer: z.string().optional(),
      reviewerSignedAt: isoTime.optional(),
      subject: z.string().optional(),
    }),
    summary: summarySchema,
    layers: z.array(z.strictObject({ layer: z.enum(LAYERS), items: z.array(reportItemSchema) })),
    followUps: z.array(z.strictObject({ kind: z.string(), ref: z.string(), item: z.string() })),
    locale: z.enum(['en-US', 'zh-Hans']),
    generatedAt: isoTime,
  })
  .meta({ id: 'InspectionReport' });

// ------------------------------------------------------------- verification

export const verificationParams = z.strictObject({ id: ref });
export const verificationBody = z
  .strictObject({ template: ref.describe('the verification template key') })
  .meta({ id: 'InspectionVerificationStart' });
