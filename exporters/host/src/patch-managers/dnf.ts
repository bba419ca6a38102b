import { countLines } from './apt';
import {
  byNameArch,
  commandFailed,
  rpmDatabase,
  type PatchManager,
  type PatchStatus,
  type PendingPackage,
  type Run,
} from './types';

/**
 * `dnf check-update` prints `name.arch  version  repo` per pending upgrade and exits 100 when
 * there are any, 0 when none; an "Obsoleting Packages" section may follow and is not counted twice.
 */
export function parseCheckUpdate(text: string): Map<string, number> {
  const byRepo = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (/^Obsoleting Packages/i.test(line) || /^Security:/i.test(line)) break;
    const f = line.trim().split(/\s+/);
    if (f.length !== 3 || !/\.[A-Za-z0-9_]+$/.test(f[0] as string) || !/\d/.test(f[1] as string)) continue;
    const repo = f[2] as string;
    byRepo.set(repo, (byRepo.get(repo) ?? 0) + 1);
  }
  return byRepo;
}

/** `dnf updateinfo list --security` prints `ADVISORY  Severity/Sec.  package-version.arch`; counts distinct packages. */
export function parseSecurityAdvisories(text: string): number {
  const packages = new Set<string>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 3 && /^[A-Z][A-Z0-9]*-\d{4}[:-]/.test(f[0] as string))
      packages.add(f[f.length - 1] as string);
  }
  return packages.size;
}

/** The `name.arch version repo` rows of `dnf check-update`, obsoletes and security notes left out. */
export function parseCheckUpdatePackages(
  text: string,
): Array<{ name: string; arch: string; version: string; repo: string }> {
  const rows: Array<{ name: string; arch: string; version: string; repo: string }> = [];
  for (const line of text.split('\n')) {
    if (/^Obsoleting Packages/i.test(line) || /^Security:/i.test(line)) break;
    const f = line.trim().split(/\s+/);
    if (f.length !== 3 || !/\.[A-Za-z0-9_]+$/.test(f[0] as string) || !/\d/.test(f[1] as string)) continue;
    const dot = (f[0] as string).lastIndexOf('.');
    rows.push({
      name: (f[0] as string).slice(0, dot),
      arch: (f[0] as string).slice(dot + 1),
      version: f[1] as string,
      repo: f[2] as string,
    });
  }
  return rows;
}

/** `name-[epoch:]version-release.arch` → its parts (updateinfo names packages this way). */
export function parseNevra(nevra: string): { name: string; arch: string; evr: string } | undefined {
  const m = /^(.+)-((?:\d+:)?[^-]+-[^-]+)\.([A-Za-z0-9_]+)$/.exec(nevra);
  return m ? { name: m[1] as string, evr: m[2] as string, arch: m[3] as string } : undefined;
}

/**
 * `updateinfo list --security --available` (`ADVISORY Severity/Sec. nevra`) and the same with
 * `--with-cve` (`CVE-… Severity/Sec. nevra`): ids per `name.arch`.
 */
export function parseUpdateinfoIds(text: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || !/^[A-Z][A-Z0-9]*-\d{4}[:-]/.test(f[0] as string)) continue;
    const p = parseNevra(f[f.length - 1] as string);
    if (!p) continue;
    const key = `${p.name}.${p.arch}`;
    const list = ids.get(key) ?? [];
    if (!list.includes(f[0] as string)) list.push(f[0] as string);
    ids.set(key, list);
  }
  for (const list of ids.values()) list.sort();
  return ids;
}

/** The installed versions from `rpm -qa --qf '%{NAME}.%{ARCH} %|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\n'`. */
export function parseRpmInstalled(text: string): Map<string, string> {
  const installed = new Map<string, string>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 2) continue;
    // installonly packages (kernels) are installed several times: the newest is the one upgraded
    const prev = installed.get(f[0] as string);
    if (prev === undefined || prev.localeCompare(f[1] as string, 'en', { numeric: true }) < 0)
      installed.set(f[0] as string, f[1] as string);
  }
  return installed;
}

/**
 * Pending packages: a package is a security update when a security advisory names it (any of
 * its versions up to the candidate: an older advisory stays unfixed until the upgrade).
 */
export function rpmPendingPackages(
  checkUpdate: string,
  installed: Map<string, string>,
  advisories: Map<string, string[]>,
  cves: Map<string, string[]>,
): PendingPackage[] {
  return parseCheckUpdatePackages(checkUpdate)
    .map((r) => {
      const key = `${r.name}.${r.arch}`;
      const adv = advisories.get(key) ?? [];
      // rpm leaves out the epoch when it is 0; check-update prints it only when it is not
      return {
        name: r.name,
        arch: r.arch,
        installedVersion: installed.get(key) ?? null,
        candidateVersion: r.version,
        origin: r.repo,
        repository: r.repo,
        security: adv.length > 0,
        advisories: adv,
        cves: cves.get(key) ?? [],
      };
    })
    .sort(byNameArch);
}

const RPM_QF = '%{NAME}.%{ARCH} %|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\n';

async function rebootRequired(run: Run, tool: string): Promise<boolean | undefined> {
  // needs-restarting -r: exit 1 = reboot needed, 0 = not needed.
  for (const [file, args] of [
    ['needs-restarting', ['-r']],
    [tool, ['needs-restarting', '-r']],
  ] as Array<[string, string[]]>) {
    try {
      const r = await run(file, args);
      if (r.code === 0) return false;
      if (r.code === 1 && /reboot/i.test(r.stdout)) return true;
    } catch {
      // not installed; try the next form
    }
  }
  return undefined;
}

function rpmManager(tool: 'dnf' | 'yum'): PatchManager {
  return {
    name: tool,
    program: tool,
    async check(run, fileMtime): Promise<PatchStatus> {
      const updArgs = ['-q', 'check-update'];
      const upd = await run(tool, updArgs);
      if (upd.code !== 0 && upd.code !== 100) throw commandFailed(tool, updArgs, upd);
      const secArgs = ['-q', 'updateinfo', 'list', '--security', '--available'];
      const sec = await run(tool, secArgs);
      if (sec.code !== 0) throw commandFailed(tool, secArgs, sec);
      const cveArgs = [...secArgs, '--with-cve'];
      const cve = await run(tool, cveArgs);
      if (cve.code !== 0) throw commandFailed(tool, cveArgs, cve);
      const rpm = await run('rpm', ['-qa', '--qf', RPM_QF]);
      if (rpm.code !== 0) throw commandFailed('rpm', ['-qa'], rpm);
      const locks = await run(tool, ['-q', 'versionlock', 'list']).catch(() => undefined);
      return {
        manager: tool,
        packages: rpmPendingPackages(
          upd.stdout,
          parseRpmInstalled(rpm.stdout),
          parseUpdateinfoIds(sec.stdout),
          parseUpdateinfoIds(cve.stdout),
        ),
        pendingByOrigin: parseCheckUpdate(upd.stdout),
        security: parseSecurityAdvisories(sec.stdout),
        held: locks && locks.code === 0 ? countLines(locks.stdout) : undefined,
        rebootRequired: await rebootRequired(run, tool),
        metadataTimestampSeconds: undefined,
        databaseFile: await rpmDatabase(fileMtime),
      };
    },
  };
}

export const dnf = rpmManager('dnf');
export const yum = rpmManager('yum');
