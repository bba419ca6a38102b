import { z } from 'zod';

/**
 * What a host exporter's `GET /api/v1/patches` must look like to be stored (version 1). Anything
 * else — another program on the port, a truncated body, a version we do not know — is a failed
 * collection with this schema's message, never a row.
 */
const text = (max: number) => z.string().max(max);
const isoOrNull = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 time')
  .nullable();

export const MAX_PACKAGES = 20_000;

export const exporterPackageSchema = z.object({
  name: text(256).min(1),
  arch: text(64),
  installedVersion: text(256).nullable(),
  candidateVersion: text(256).min(1),
  origin: text(256).nullable(),
  repository: text(256).nullable(),
  security: z.boolean(),
  advisories: z.array(text(128)).max(1000),
  cves: z.array(text(64)).max(5000),
});

export const exporterDocumentSchema = z.object({
  version: z.literal(1),
  host: text(256),
  manager: text(32).nullable(),
  status: z.enum(['ok', 'error', 'pending']),
  error: text(4000).nullable(),
  checkedAt: isoOrNull,
  metadataRefreshedAt: isoOrNull,
  rebootRequired: z.boolean().nullable(),
  packages: z.array(exporterPackageSchema).max(MAX_PACKAGES),
});
export type ExporterDocument = z.output<typeof exporterDocumentSchema>;

export const HOST_STATUSES = ['ok', 'error', 'pending', 'failed'] as const;

export const patchHostSchema = z
  .strictObject({
    host: z.string().describe('the Prometheus instance of the host exporter, e.g. db1:9741'),
    job: z.string().describe('its Prometheus job (config patches.jobs)'),
    hostname: z.string().nullable().describe("the host's own name, as its exporter reports it"),
    manager: z.string().nullable().describe('apt, dnf, yum or zypper'),
    status: z
      .enum(HOST_STATUSES)
      .describe(
        "ok; error: the exporter's package-manager check fails (packages are the last good list); pending: it has not checked yet; failed: the server could not read it (down, timeout, not a host exporter)",
      ),
    error: z.string().nullable(),
    collectedAt: z.string().nullable().describe('the last collection that read a package list'),
    checkedAt: z.string().nullable().describe("when the host's package manager was last asked"),
    attemptedAt: z.string().describe('the last attempt, whatever its outcome'),
    stale: z
      .boolean()
      .describe('no package list newer than patches.stale_after, or Prometheus no longer lists the target'),
    pending: z.int(),
    security: z.int(),
    rebootRequired: z.boolean().nullable(),
    oldestSecuritySince: z
      .string()
      .nullable()
      .describe('since when the oldest pending security update has been pending'),
  })
  .meta({ id: 'PatchHost' });

export const patchPackageSchema = z
  .strictObject({
    name: z.string(),
    arch: z.string(),
    installedVersion: z.string().nullable().describe('null: a new package (a kernel) the upgrade installs'),
    candidateVersion: z.string(),
    origin: z.string().nullable(),
    repository: z.string().nullable(),
    security: z.boolean(),
    advisories: z.array(z.string()).describe('RHSA-…, SUSE-…; apt names none'),
    cves: z.array(z.string()),
    firstSeenAt: z.string().describe('since when an upgrade of this package has been pending'),
  })
  .meta({ id: 'PatchPackage' });

export const patchHistorySchema = z
  .strictObject({
    name: z.string(),
    arch: z.string(),
    candidateVersion: z.string(),
    security: z.boolean(),
    firstSeenAt: z.string(),
    resolvedAt: z
      .string()
      .nullable()
      .describe(
        'when the host stopped reporting it (installed, or a newer candidate replaced it); null: pending',
      ),
  })
  .meta({ id: 'PatchHistoryEntry' });

export const hostsResponseSchema = z.strictObject({ hosts: z.array(patchHostSchema) });
export const hostParams = z.strictObject({
  host: z.string().min(1).max(256).describe('the Prometheus instance, URL-encoded (db1%3A9741)'),
});
export const hostResponseSchema = z.strictObject({
  host: patchHostSchema,
  packages: z.array(patchPackageSchema),
  history: z.array(patchHistorySchema).describe('the latest 500 entries, newest first'),
});
export const collectBody = z
  .strictObject({
    hosts: z
      .array(z.string().min(1).max(256))
      .min(1)
      .max(1000)
      .optional()
      .describe('only these hosts (Prometheus instances); default every target of patches.jobs'),
  })
  .meta({ id: 'PatchCollectRequest' });
export const collectResponseSchema = z
  .strictObject({
    collected: z
      .int()
      .describe('hosts whose state was read (their own status may still be error or pending)'),
    failed: z.array(z.strictObject({ host: z.string(), error: z.string() })),
  })
  .meta({ id: 'PatchCollectResult' });
