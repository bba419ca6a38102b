import { countLines } from './apt';
import { commandFailed, type PatchManager, type PatchStatus, type Run } from './types';

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
    async check(run): Promise<PatchStatus> {
      const updArgs = ['-q', 'check-update'];
      const upd = await run(tool, updArgs);
      if (upd.code !== 0 && upd.code !== 100) throw commandFailed(tool, updArgs, upd);
      const secArgs = ['-q', 'updateinfo', 'list', '--security', '--available'];
      const sec = await run(tool, secArgs);
      if (sec.code !== 0) throw commandFailed(tool, secArgs, sec);
      const locks = await run(tool, ['-q', 'versionlock', 'list']).catch(() => undefined);
      return {
        manager: tool,
        pendingByOrigin: parseCheckUpdate(upd.stdout),
        security: parseSecurityAdvisories(sec.stdout),
        held: locks && locks.code === 0 ? countLines(locks.stdout) : undefined,
        rebootRequired: await rebootRequired(run, tool),
        metadataTimestampSeconds: undefined,
      };
    },
  };
}

export const dnf = rpmManager('dnf');
export const yum = rpmManager('yum');
