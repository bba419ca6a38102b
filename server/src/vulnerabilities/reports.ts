import { z } from 'zod';
import { ApiError } from '../http/errors';
import { SEVERITY_RANK, type Scanner, type VulnSeverity } from './model';

/**
 * Scanner reports → findings. The shapes follow each scanner's JSON output as its source defines
 * it (Trivy pkg/types/report.go and vulnerability.go, trivy-db's Vulnerability; Grype
 * grype/presenter/models document.go, match.go, vulnerability.go, package.go, source.go): only
 * the fields read here are checked, everything else a newer scanner adds is ignored.
 */

const text = (max: number) => z.string().max(max);
const id = z.string().trim().min(1, 'expected a vulnerability id').max(200);

const trivyCvss = z.looseObject({
  V2Vector: text(200).optional(),
  V3Vector: text(200).optional(),
  V40Vector: text(300).optional(),
  V2Score: z.number().optional(),
  V3Score: z.number().optional(),
  V40Score: z.number().optional(),
});

const trivyVulnerability = z.looseObject({
  VulnerabilityID: id,
  VendorIDs: z.array(text(200)).max(100).optional(),
  PkgID: text(1000).optional(),
  PkgName: z.string().min(1, 'expected the package name').max(1000),
  PkgPath: text(4000).optional(),
  PkgIdentifier: z.looseObject({ PURL: text(2000).optional(), UID: text(200).optional() }).optional(),
  InstalledVersion: text(500).default(''),
  FixedVersion: text(2000).optional(),
  Status: text(100).optional(),
  Severity: z.enum(['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], {
    message: 'expected one of Trivy’s severities UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL',
  }),
  SeveritySource: text(200).optional(),
  PrimaryURL: text(2000).optional(),
  Title: text(10_000).optional(),
  Description: text(200_000).optional(),
  References: z.array(text(2000)).max(1000).optional(),
  CVSS: z.record(z.string(), trivyCvss).optional(),
  DataSource: z.looseObject({ ID: text(200).optional(), Name: text(500).optional() }).optional(),
});

const trivyResult = z.looseObject({
  Target: text(4000),
  Class: text(100).optional(),
  Type: text(100).optional(),
  Vulnerabilities: z.array(trivyVulnerability).nullable().optional(),
});

export const trivyReportSchema = z.looseObject({
  SchemaVersion: z.number().optional(),
  CreatedAt: text(100).optional(),
  ArtifactName: text(1000).optional(),
  ArtifactType: text(100).optional(),
  Results: z.array(trivyResult).nullable().optional(),
});

const grypeMetadata = z.looseObject({
  id,
  dataSource: text(2000).optional(),
  namespace: text(500).optional(),
  severity: text(100).optional(),
  urls: z.array(text(2000)).max(1000).nullable().optional(),
  description: text(200_000).optional(),
  cvss: z
    .array(
      z.looseObject({
        version: text(20).optional(),
        vector: text(300).optional(),
        metrics: z.looseObject({ baseScore: z.number().optional() }).optional(),
      }),
    )
    .max(100)
    .nullable()
    .optional(),
});

const GRYPE_SEVERITIES = ['Unknown', 'Negligible', 'Low', 'Medium', 'High', 'Critical'] as const;

const grypeMatch = z.looseObject({
  vulnerability: grypeMetadata.extend({
    severity: z.enum(GRYPE_SEVERITIES, {
      message: 'expected one of Grype’s severities Unknown, Negligible, Low, Medium, High, Critical',
    }),
    fix: z
      .looseObject({
        versions: z.array(text(500)).max(100).nullable().default([]),
        state: text(100).default(''),
      })
      .optional(),
  }),
  relatedVulnerabilities: z.array(grypeMetadata).max(100).nullable().optional(),
  artifact: z.looseObject({
    id: text(200).optional(),
    name: z.string().min(1, 'expected the package name').max(1000),
    version: text(500),
    type: text(100),
    purl: text(2000).optional(),
  }),
});

export const grypeReportSchema = z.looseObject({
  matches: z.array(grypeMatch),
  source: z
    .looseObject({
      type: text(100).optional(),
      target: z.union([text(4000), z.looseObject({ userInput: text(4000).optional() })]).optional(),
    })
    .nullable()
    .optional(),
  descriptor: z.looseObject({ name: text(100).optional(), version: text(100).optional() }).optional(),
});

/** One finding as a report states it, before it meets the stored ones. */
export interface ReportedFinding {
  packageType: string;
  packageName: string;
  installedVersion: string;
  /** canonical: the CVE when one is known, else the scanner's id */
  vulnerabilityId: string;
  /** every id it was reported under, the canonical one included, sorted */
  aliases: string[];
  fixedVersion: string | null;
  severity: VulnSeverity;
  scannerSeverity: string;
  title: string;
  description: string;
  /** Trivy Result.Target; null for Grype */
  resultTarget: string | null;
  details: {
    primaryUrl: string | null;
    cvss: number | null;
    purl: string | null;
    resultClass: string | null;
    fixState: string | null;
    dataSource: string | null;
  };
}

export interface ParsedReport {
  scanner: Scanner;
  /** the artifact the report names (Trivy ArtifactName, Grype source target), if any */
  artifact: string | undefined;
  /** Trivy: the Result targets that could hold vulnerabilities (judged clean when they list none) */
  resultTargets: string[] | null;
  findings: ReportedFinding[];
  meta: Record<string, unknown>;
}

const CVE = /^CVE-\d{4}-\d{4,}$/i;

/** The CVE among the ids (the lowest, when a record names several), else the scanner's own id. */
export function canonicalId(scannerId: string, related: readonly string[]): string {
  if (CVE.test(scannerId)) return scannerId.toUpperCase();
  const cves = related.filter((x) => CVE.test(x)).map((x) => x.toUpperCase());
  cves.sort();
  return cves[0] ?? scannerId;
}

/** Package-URL types (github.com/package-url/purl-spec), so both scanners name an ecosystem alike. */
const TYPE_ALIASES: Record<string, string> = {
  // Trivy Result.Type (OS families and language analysers)
  debian: 'deb',
  ubuntu: 'deb',
  alpine: 'apk',
  wolfi: 'apk',
  chainguard: 'apk',
  redhat: 'rpm',
  centos: 'rpm',
  rocky: 'rpm',
  alma: 'rpm',
  amazon: 'rpm',
  oracle: 'rpm',
  fedora: 'rpm',
  suse: 'rpm',
  'opensuse.leap': 'rpm',
  'opensuse.tumbleweed': 'rpm',
  sles: 'rpm',
  photon: 'rpm',
  'cbl-mariner': 'rpm',
  azurelinux: 'rpm',
  openeuler: 'rpm',
  'node-pkg': 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  bun: 'npm',
  gomod: 'golang',
  gobinary: 'golang',
  jar: 'maven',
  pom: 'maven',
  gradle: 'maven',
  sbt: 'maven',
  pip: 'pypi',
  pipenv: 'pypi',
  poetry: 'pypi',
  uv: 'pypi',
  'python-pkg': 'pypi',
  bundler: 'gem',
  gemspec: 'gem',
  cargo: 'cargo',
  'rust-binary': 'cargo',
  composer: 'composer',
  'composer-vendor': 'composer',
  nuget: 'nuget',
  'dotnet-core': 'nuget',
  'packages-props': 'nuget',
  // Grype artifact.type (syft package types)
  'go-module': 'golang',
  'java-archive': 'maven',
  'jenkins-plugin': 'maven',
  python: 'pypi',
  'rust-crate': 'cargo',
  'php-composer': 'composer',
  dotnet: 'nuget',
  'apk-db': 'apk',
};

export function packageType(purl: string | undefined, scannerType: string | undefined): string {
  const m = purl ? /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\//.exec(purl) : null;
  if (m?.[1]) return m[1].toLowerCase();
  const t = (scannerType ?? '').trim().toLowerCase();
  return TYPE_ALIASES[t] ?? (t || 'unknown');
}

const TRIVY_SEVERITY: Record<string, VulnSeverity> = {
  UNKNOWN: 'unknown',
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
};
const GRYPE_SEVERITY: Record<string, VulnSeverity> = {
  Unknown: 'unknown',
  Negligible: 'negligible',
  Low: 'low',
  Medium: 'medium',
  High: 'high',
  Critical: 'critical',
};

/** A title for a scanner that gives none (Grype): the description's first sentence, short. */
function titleFrom(description: string, fallback: string): string {
  const first =
    description
      .trim()
      .split(/(?<=\.)\s|\n/)[0]
      ?.trim() ?? '';
  if (!first) return fallback;
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

export function findingKey(f: {
  packageType: string;
  packageName: string;
  installedVersion: string;
  vulnerabilityId: string;
}): string {
  return JSON.stringify([f.packageType, f.packageName, f.installedVersion, f.vulnerabilityId]);
}

/** Two mentions of one finding in one report (a jar in two paths): one finding, the worse severity. */
function merged(findings: ReportedFinding[]): ReportedFinding[] {
  const byKey = new Map<string, ReportedFinding>();
  for (const f of findings) {
    const key = findingKey(f);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, f);
      continue;
    }
    const aliases = [...new Set([...seen.aliases, ...f.aliases])].sort();
    const worse = SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.severity] ? f : seen;
    byKey.set(key, { ...worse, aliases, fixedVersion: seen.fixedVersion ?? f.fixedVersion });
  }
  return [...byKey.values()];
}

function invalid(result: z.ZodSafeParseError<unknown>, scanner: Scanner): never {
  const details = result.error.issues.map((i) => ({
    in: 'body',
    path: ['report', ...i.path].join('.'),
    message: i.message,
  }));
  const first = details[0];
  throw new ApiError(
    400,
    'invalid_request',
    `body ${first?.path ?? 'report'}: ${first?.message ?? 'invalid'} (read as a ${scanner} JSON report)`,
    details,
  );
}

/** Trivy Result classes that hold packages, so a result of one of them without vulnerabilities is a clean scan of its target. */
const PACKAGE_CLASSES = new Set(['os-pkgs', 'lang-pkgs']);

export function parseTrivy(report: unknown): ParsedReport {
  const r = trivyReportSchema.safeParse(report);
  if (!r.success) invalid(r, 'trivy');
  const doc = r.data;
  const findings: ReportedFinding[] = [];
  const resultTargets = new Set<string>();
  for (const result of doc.Results ?? []) {
    const vulns = result.Vulnerabilities ?? [];
    if (vulns.length === 0 && result.Class !== undefined && !PACKAGE_CLASSES.has(result.Class)) continue;
    resultTargets.add(result.Target);
    for (const v of vulns) {
      const scannerId = v.VulnerabilityID.trim();
      const vendorIds = (v.VendorIDs ?? []).map((x) => x.trim()).filter(Boolean);
      const vulnerabilityId = canonicalId(scannerId, vendorIds);
      const scores = Object.values(v.CVSS ?? {}).flatMap((c) => [c.V40Score, c.V3Score, c.V2Score]);
      const cvss = scores.find((s) => typeof s === 'number') ?? null;
      const description = v.Description ?? '';
      findings.push({
        packageType: packageType(v.PkgIdentifier?.PURL, result.Type),
        packageName: v.PkgName,
        installedVersion: v.InstalledVersion,
        vulnerabilityId,
        aliases: [...new Set([vulnerabilityId, scannerId, ...vendorIds])].sort(),
        fixedVersion: v.FixedVersion?.trim() || null,
        severity: TRIVY_SEVERITY[v.Severity] ?? 'unknown',
        scannerSeverity: v.Severity,
        title: v.Title?.trim() || titleFrom(description, scannerId),
        description,
        resultTarget: result.Target,
        details: {
          primaryUrl: v.PrimaryURL ?? null,
          cvss,
          purl: v.PkgIdentifier?.PURL ?? null,
          resultClass: result.Class ?? null,
          fixState: v.Status ?? null,
          dataSource: v.DataSource?.Name ?? v.SeveritySource ?? null,
        },
      });
    }
  }
  return {
    scanner: 'trivy',
    artifact: doc.ArtifactName?.trim() || undefined,
    resultTargets: [...resultTargets].sort(),
    findings: merged(findings),
    meta: {
      schemaVersion: doc.SchemaVersion ?? null,
      artifactType: doc.ArtifactType ?? null,
      createdAt: doc.CreatedAt ?? null,
    },
  };
}

export function parseGrype(report: unknown): ParsedReport {
  const r = grypeReportSchema.safeParse(report);
  if (!r.success) invalid(r, 'grype');
  const doc = r.data;
  const findings = doc.matches.map((m): ReportedFinding => {
    const v = m.vulnerability;
    const scannerId = v.id.trim();
    const related = (m.relatedVulnerabilities ?? []).map((x) => x.id.trim());
    const vulnerabilityId = canonicalId(scannerId, related);
    // the GHSA record of a CVE often carries no description; the CVE's NVD record does
    const description =
      v.description ?? m.relatedVulnerabilities?.find((x) => x.description)?.description ?? '';
    const score = [v, ...(m.relatedVulnerabilities ?? [])]
      .flatMap((x) => x.cvss ?? [])
      .map((c) => c.metrics?.baseScore)
      .find((s) => typeof s === 'number');
    const versions = v.fix?.versions ?? [];
    return {
      packageType: packageType(m.artifact.purl, m.artifact.type),
      packageName: m.artifact.name,
      installedVersion: m.artifact.version,
      vulnerabilityId,
      aliases: [...new Set([vulnerabilityId, scannerId, ...related])].sort(),
      fixedVersion: versions.length ? versions.join(', ') : null,
      severity: GRYPE_SEVERITY[v.severity] ?? 'unknown',
      scannerSeverity: v.severity,
      title: titleFrom(description, scannerId),
      description,
      resultTarget: null,
      details: {
        primaryUrl: v.dataSource ?? v.urls?.[0] ?? null,
        cvss: score ?? null,
        purl: m.artifact.purl ?? null,
        resultClass: null,
        fixState: v.fix?.state || null,
        dataSource: v.namespace ?? null,
      },
    };
  });
  const target = doc.source?.target;
  const artifact = typeof target === 'string' ? target : target?.userInput;
  return {
    scanner: 'grype',
    artifact: artifact?.trim() && artifact !== 'unknown' ? artifact.trim() : undefined,
    resultTargets: null,
    findings: merged(findings),
    meta: {
      sourceType: doc.source?.type ?? null,
      grypeVersion: doc.descriptor?.version ?? null,
    },
  };
}

/** Which scanner wrote a report, from its shape; undefined when it is neither. */
export function detectScanner(report: Record<string, unknown>): Scanner | undefined {
  if (Array.isArray(report.matches)) return 'grype';
  if ('Results' in report || 'ArtifactName' in report || 'SchemaVersion' in report) return 'trivy';
  return undefined;
}

export function parseReport(report: Record<string, unknown>, scanner?: Scanner): ParsedReport {
  const which = scanner ?? detectScanner(report);
  if (!which)
    throw new ApiError(
      400,
      'invalid_request',
      'body report: neither a Trivy JSON report (Results, from trivy --format json) nor a Grype one (matches, from grype -o json); send the report itself, or name the scanner',
      [{ in: 'body', path: 'report', message: 'unknown report format' }],
    );
  return which === 'trivy' ? parseTrivy(report) : parseGrype(report);
}
