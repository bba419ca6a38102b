import type { FindingSource, FindingState, Scanner, VulnSeverity } from './model';

/** The vulnerability tables of migration 009 (composed into db/tables.ts Tables). */
export interface VulnerabilityTables {
  vulnerability_findings: VulnerabilityFindingsTable;
  vulnerability_imports: VulnerabilityImportsTable;
  vulnerability_import_findings: VulnerabilityImportFindingsTable;
  vulnerability_timeline: VulnerabilityTimelineTable;
}

export interface VulnerabilityFindingsTable {
  id: string;
  asset: string;
  /** the package URL type (deb, rpm, apk, npm, pypi, maven, golang, …): the same for both scanners */
  package_type: string;
  package_name: string;
  installed_version: string;
  /** the CVE when one is known, else the scanner's id (GHSA-…, DLA-…) */
  vulnerability_id: string;
  /** JSON array of every id the scanners gave it */
  aliases: string;
  fixed_version: string | null;
  severity: VulnSeverity;
  /** the scanner's own word (HIGH, Negligible) */
  scanner_severity: string | null;
  title: string;
  description: string;
  /** JSON: primaryUrl, urls, cvss, purl, resultClass, fixState, dataSource */
  details: string;
  state: FindingState;
  source: FindingSource;
  /** what the import that last saw it scanned (Trivy ArtifactName, Grype source); null by hand */
  scan_target: string | null;
  /** Trivy's Result.Target (e.g. "debian 12.5", "app/package-lock.json"); null for Grype */
  result_target: string | null;
  known_exploited: number;
  /** when its remediation clock started: first seen, or reopened after a fix or an expired acceptance */
  sla_start_at: number;
  due_at: number | null;
  overdue_notified_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  last_import_id: string | null;
  /** JSON { impact, affectedServices, plan, at, by } */
  analysis: string | null;
  patch_plan_id: string | null;
  change_ref: string | null;
  fixed_at: number | null;
  /** "import:<id>" when a re-scan no longer reported it, else the actor who marked it fixed */
  fixed_by: string | null;
  /** JSON { approver, reason, expiresAt, at, by } */
  risk_acceptance: string | null;
  risk_expires_at: number | null;
  /** set when an acceptance expired and reopened it; cleared by the next decision */
  acceptance_expired_at: number | null;
  /** JSON { method, importId?, note?, evidence?, at, by } */
  verification: string | null;
  /** why it is a false positive, or was closed or reopened */
  resolution_note: string | null;
  created_at: number;
  created_by: string;
  updated_at: number;
}

export interface VulnerabilityImportsTable {
  id: string;
  scanner: Scanner;
  asset: string;
  target: string;
  at: number;
  actor: string;
  /** findings in the report after merging duplicates within it */
  reported: number;
  created: number;
  updated: number;
  unchanged: number;
  awaiting_verification: number;
  reopened: number;
  /** JSON array of the Trivy Result targets the report judged (empty for Grype: the whole source) */
  result_targets: string;
  /** JSON: the scanner's version and schema, artifact type */
  meta: string;
}

export interface VulnerabilityImportFindingsTable {
  import_id: string;
  finding_id: string;
}

export interface VulnerabilityTimelineTable {
  id: string;
  finding_id: string;
  /** order within one instant (an import writes several entries at once) */
  seq: number;
  at: number;
  kind: string;
  actor: string;
  detail: string;
}
