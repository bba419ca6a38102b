import {
  byNameArch,
  commandFailed,
  rpmDatabase,
  cveIds,
  type PatchManager,
  type PatchStatus,
  type PendingPackage,
} from './types';

/** Rows of a zypper table (`a | b | c`), as arrays of trimmed cells, header and rule lines skipped. */
export function zypperRows(text: string): string[][] {
  const rows: string[][] = [];
  let header = true;
  for (const line of text.split('\n')) {
    if (/^-+\+[-+]*$/.test(line.trim())) {
      header = false;
      continue;
    }
    if (!line.includes('|')) continue;
    if (header) continue;
    rows.push(line.split('|').map((c) => c.trim()));
  }
  return rows;
}

/** `zypper list-updates`: `S | Repository | Name | Current Version | Available Version | Arch`. */
export function parseListUpdates(text: string): Map<string, number> {
  const byRepo = new Map<string, number>();
  for (const row of zypperRows(text)) {
    const repo = row[1];
    if (!repo) continue;
    byRepo.set(repo, (byRepo.get(repo) ?? 0) + 1);
  }
  return byRepo;
}

/** `zypper list-patches --category security`: counts the patches whose Status is `needed`. */
export function parseSecurityPatches(text: string): number {
  return zypperRows(text).filter((row) => row.some((c) => c === 'needed')).length;
}

/** The names of the needed patches in `zypper list-patches --category security` (column Name). */
export function parseNeededPatchNames(text: string): string[] {
  return zypperRows(text)
    .filter((row) => row.some((c) => c === 'needed'))
    .map((row) => row[1] as string)
    .filter(Boolean);
}

export interface ZypperPatchInfo {
  name: string;
  /** `name.arch` of the packages the patch updates (its `Conflicts: pkg.arch < version` lines) */
  packages: string[];
  cves: string[];
}

/**
 * `zypper info -t patch <name…>`: one block per patch, from `Information for patch <name>:` to the
 * next; the packages are its Conflicts list (`libopenssl3.x86_64 < 3.0.8-150500.5.34.1`), the CVE
 * ids are those its description names.
 */
export function parsePatchInfo(text: string): ZypperPatchInfo[] {
  const patches: ZypperPatchInfo[] = [];
  let cur: (ZypperPatchInfo & { text: string[]; inConflicts: boolean }) | undefined;
  const finish = () => {
    if (cur) patches.push({ name: cur.name, packages: cur.packages, cves: cveIds(cur.text.join('\n')) });
  };
  for (const line of text.split('\n')) {
    const head = /^Information for patch (\S+?):?$/.exec(line.trim());
    if (head) {
      finish();
      cur = { name: head[1] as string, packages: [], cves: [], text: [], inConflicts: false };
      continue;
    }
    if (!cur) continue;
    const field = /^(\S[^:]*?)\s*:(.*)$/.exec(line);
    if (field) cur.inConflicts = field[1] === 'Conflicts';
    else if (cur.inConflicts) {
      const m = /^\s+(\S+)\.([A-Za-z0-9_]+)\s*(?:<|<=|=)/.exec(line);
      if (m && m[2] !== 'src' && m[2] !== 'nosrc') cur.packages.push(`${m[1]}.${m[2]}`);
      continue;
    }
    cur.text.push(line);
  }
  finish();
  return patches;
}

/** `zypper list-updates` rows as pending packages, marked security by the needed security patches. */
export function zypperPendingPackages(listUpdates: string, patches: ZypperPatchInfo[]): PendingPackage[] {
  const byPackage = new Map<string, ZypperPatchInfo[]>();
  for (const p of patches)
    for (const pkg of p.packages) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), p]);
  const packages: PendingPackage[] = [];
  for (const row of zypperRows(listUpdates)) {
    const [, repo, name, current, available, arch] = row;
    if (!repo || !name || !available || !arch) continue;
    const ps = byPackage.get(`${name}.${arch}`) ?? byPackage.get(`${name}.noarch`) ?? [];
    packages.push({
      name,
      arch,
      installedVersion: current || null,
      candidateVersion: available,
      origin: repo,
      repository: repo,
      security: ps.length > 0,
      advisories: ps.map((p) => p.name).sort(),
      cves: [...new Set(ps.flatMap((p) => p.cves))].sort(),
    });
  }
  return packages.sort(byNameArch);
}

export const zypper: PatchManager = {
  name: 'zypper',
  program: 'zypper',
  async check(run, fileMtime): Promise<PatchStatus> {
    const base = ['--non-interactive', '--quiet', '--no-refresh'];
    const luArgs = [...base, 'list-updates'];
    const lu = await run('zypper', luArgs);
    if (lu.code !== 0) throw commandFailed('zypper', luArgs, lu);
    const lpArgs = [...base, 'list-patches', '--category', 'security'];
    const lp = await run('zypper', lpArgs);
    // 100/101: patches (security patches) are available — answers, not failures.
    if (![0, 100, 101].includes(lp.code)) throw commandFailed('zypper', lpArgs, lp);
    // which packages each needed security patch updates, and its CVEs: one `info` for all of them
    const needed = parseNeededPatchNames(lp.stdout);
    let patches: ZypperPatchInfo[] = [];
    if (needed.length) {
      const infoArgs = [...base, 'info', '-t', 'patch', ...needed];
      const info = await run('zypper', infoArgs);
      if (info.code !== 0) throw commandFailed('zypper', infoArgs.slice(0, 6), info);
      patches = parsePatchInfo(info.stdout);
    }
    const locks = await run('zypper', [...base, 'locks']);
    const reboot = await run('zypper', ['--non-interactive', 'needs-rebooting']).catch(() => undefined);
    return {
      manager: 'zypper',
      packages: zypperPendingPackages(lu.stdout, patches),
      pendingByOrigin: parseListUpdates(lu.stdout),
      security: parseSecurityPatches(lp.stdout),
      held: locks.code === 0 ? zypperRows(locks.stdout).length : undefined,
      rebootRequired:
        reboot && (reboot.code === 102 || reboot.code === 0)
          ? reboot.code === 102
          : (await fileMtime('/run/reboot-needed')) !== undefined,
      metadataTimestampSeconds: undefined,
      databaseFile: await rpmDatabase(fileMtime),
    };
  },
};
