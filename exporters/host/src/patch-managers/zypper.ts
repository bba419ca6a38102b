import { commandFailed, type PatchManager, type PatchStatus } from './types';

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
    const locks = await run('zypper', [...base, 'locks']);
    const reboot = await run('zypper', ['--non-interactive', 'needs-rebooting']).catch(() => undefined);
    return {
      manager: 'zypper',
      pendingByOrigin: parseListUpdates(lu.stdout),
      security: parseSecurityPatches(lp.stdout),
      held: locks.code === 0 ? zypperRows(locks.stdout).length : undefined,
      rebootRequired:
        reboot && (reboot.code === 102 || reboot.code === 0)
          ? reboot.code === 102
          : (await fileMtime('/run/reboot-needed')) !== undefined,
      metadataTimestampSeconds: undefined,
    };
  },
};
