import type { CommandResult } from '@opsdesk/runtime';

/** One pending upgrade as `GET /api/v1/patches` lists it. */
export interface PendingPackage {
  name: string;
  arch: string;
  /** null when the upgrade installs a new package (a new kernel pulled in by dist-upgrade) */
  installedVersion: string | null;
  candidateVersion: string;
  /** apt: the archive's Label (Debian-Security); dnf/yum/zypper: the repository id */
  origin: string | null;
  /** apt: the archive's codename (bookworm-security), else its suite; dnf/yum/zypper: the repository */
  repository: string | null;
  security: boolean;
  /** advisory ids (RHSA-2024:5928, SUSE-SLE-…-2024-3016) where the manager gives them */
  advisories: string[];
  cves: string[];
}

export interface PatchStatus {
  manager: string;
  /** every pending upgrade, sorted by name then arch */
  packages: PendingPackage[];
  /** pending upgrades per origin (apt: archive origins as apt prints them; dnf/yum/zypper: repository) */
  pendingByOrigin: Map<string, number>;
  /** pending security upgrades: packages for apt and dnf/yum, patches for zypper */
  security: number;
  /** held / version-locked packages; undefined when the manager cannot tell */
  held: number | undefined;
  rebootRequired: boolean | undefined;
  /** when the package lists were last refreshed (apt), seconds; undefined when unknown */
  metadataTimestampSeconds: number | undefined;
  /**
   * The package database (dpkg status, rpmdb) whose change means packages were installed or
   * removed: the exporter checks again then instead of waiting for the next interval.
   */
  databaseFile?: string | undefined;
}

/** Runs one program of the package manager; tests replace it with captured outputs. */
export type Run = (file: string, args: string[]) => Promise<CommandResult>;

export interface PatchManager {
  name: string;
  /** the program whose presence on PATH selects this manager */
  program: string;
  check(run: Run, fileExists: (file: string) => Promise<number | undefined>): Promise<PatchStatus>;
}

export function commandFailed(file: string, args: string[], r: CommandResult): Error {
  const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
  return new Error(`${file} ${args.join(' ')} exited with ${r.code}: ${detail}`);
}

export function byNameArch(a: PendingPackage, b: PendingPackage): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.arch < b.arch ? -1 : a.arch > b.arch ? 1 : 0;
}

const CVE_RE = /\bCVE-\d{4}-\d{4,}\b/g;

/** The distinct CVE ids mentioned in a text, sorted. */
export function cveIds(text: string): string[] {
  return [...new Set(text.match(CVE_RE) ?? [])].sort();
}

/** The rpm database file that changes on every install: sqlite (RHEL 9, SLES 15 SP3+) or Berkeley DB. */
export async function rpmDatabase(
  fileMtime: (f: string) => Promise<number | undefined>,
): Promise<string | undefined> {
  for (const f of [
    '/var/lib/rpm/rpmdb.sqlite',
    '/usr/lib/sysimage/rpm/rpmdb.sqlite',
    '/var/lib/rpm/Packages',
  ])
    if ((await fileMtime(f)) !== undefined) return f;
  return undefined;
}
