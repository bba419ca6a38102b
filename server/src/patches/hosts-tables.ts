/** The pending-patch tables of migration 007 (composed into db/tables.ts Tables). */
export interface PatchHostTables {
  patch_hosts: PatchHostsTable;
  patch_host_packages: PatchHostPackagesTable;
  patch_host_history: PatchHostHistoryTable;
  patch_collections: PatchCollectionsTable;
}

/** One row per host exporter (its Prometheus `instance`), the state of its last collection. */
export interface PatchHostsTable {
  host: string;
  job: string;
  /** the URL read: the target's scheme and address, path /api/v1/patches */
  url: string;
  hostname: string | null;
  manager: string | null;
  /** ok, error (the exporter's check failed), pending (no check yet), failed (the server could not read it) */
  status: string;
  error: string | null;
  /** when the exporter's package manager check ran (the exporter's checkedAt) */
  checked_at: number | null;
  metadata_refreshed_at: number | null;
  /** 0/1; null when the manager cannot tell */
  reboot_required: number | null;
  /** the last collection that replaced the package list (status ok) */
  collected_at: number | null;
  /** the last attempt, whatever its outcome */
  attempted_at: number;
  /** the last time Prometheus listed this target */
  seen_at: number;
}

/** The host's pending packages now; first_seen_at: since when this package has had an upgrade pending. */
export interface PatchHostPackagesTable {
  host: string;
  name: string;
  arch: string;
  installed_version: string | null;
  candidate_version: string;
  origin: string | null;
  repository: string | null;
  security: number;
  /** JSON arrays of strings */
  advisories: string;
  cves: string;
  first_seen_at: number;
}

/** One row per (package, candidate version) pending episode: resolved when no longer reported. */
export interface PatchHostHistoryTable {
  host: string;
  name: string;
  arch: string;
  candidate_version: string;
  security: number;
  first_seen_at: number;
  resolved_at: number | null;
}

/** Each scheduled (or requested) collection of every host: the scheduler's "last run" across replicas. */
export interface PatchCollectionsTable {
  started_at: number;
  finished_at: number | null;
  targets: number;
  failed: number;
  error: string | null;
}
