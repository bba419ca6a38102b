// Issue 14 item 1: pending patches per host, collected from the host exporters Prometheus scrapes
// (GET /api/v1/patches). patch_hosts: the last collection of each host (its Prometheus instance);
// patch_host_packages: what it reports pending now, first_seen_at kept while the package stays
// pending (even when its candidate version moves on); patch_host_history: one row per pending
// (package, candidate version), resolved_at set when the host stops reporting it (installed, or
// superseded by a newer candidate); patch_collections: the scheduler's runs, so replicas share
// when the last one started.
export default `
CREATE TABLE patch_hosts (
  host TEXT PRIMARY KEY,
  job TEXT NOT NULL,
  url TEXT NOT NULL,
  hostname TEXT,
  manager TEXT,
  status TEXT NOT NULL,
  error TEXT,
  checked_at BIGINT,
  metadata_refreshed_at BIGINT,
  reboot_required INTEGER,
  collected_at BIGINT,
  attempted_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL
);

CREATE TABLE patch_host_packages (
  host TEXT NOT NULL REFERENCES patch_hosts (host),
  name TEXT NOT NULL,
  arch TEXT NOT NULL,
  installed_version TEXT,
  candidate_version TEXT NOT NULL,
  origin TEXT,
  repository TEXT,
  security INTEGER NOT NULL,
  advisories TEXT NOT NULL DEFAULT '[]',
  cves TEXT NOT NULL DEFAULT '[]',
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (host, name, arch)
);

CREATE TABLE patch_host_history (
  host TEXT NOT NULL REFERENCES patch_hosts (host),
  name TEXT NOT NULL,
  arch TEXT NOT NULL,
  candidate_version TEXT NOT NULL,
  security INTEGER NOT NULL,
  first_seen_at BIGINT NOT NULL,
  resolved_at BIGINT,
  PRIMARY KEY (host, name, arch, candidate_version, first_seen_at)
);
CREATE INDEX patch_host_history_recent ON patch_host_history (host, first_seen_at);

CREATE TABLE patch_collections (
  started_at BIGINT PRIMARY KEY,
  finished_at BIGINT,
  targets INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  error TEXT
);
`;
