import { commandFailed, type PatchManager, type PatchStatus } from './types';

/**
 * `apt-get --just-print dist-upgrade` lines look like
 * `Inst libssl3 [3.0.11-1~deb12u1] (3.0.11-1~deb12u2 Debian:12.5/stable, Debian-Security:12/stable-security [amd64])`;
 * the origins are everything between the new version and the architecture.
 */
const INST_RE = /^Inst (\S+) (?:\[[^\]]*\] )?\((\S+) (.+?) \[[^\]]+\]\)/;

export function parseAptSimulation(text: string): { pendingByOrigin: Map<string, number>; security: number } {
  const pendingByOrigin = new Map<string, number>();
  let security = 0;
  for (const line of text.split('\n')) {
    const m = INST_RE.exec(line);
    if (!m) continue;
    const origins = m[3] as string;
    pendingByOrigin.set(origins, (pendingByOrigin.get(origins) ?? 0) + 1);
    if (origins.split(', ').some((o) => /-security$/.test(o.trim()))) security++;
  }
  return { pendingByOrigin, security };
}

export function countLines(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

export const apt: PatchManager = {
  name: 'apt',
  program: 'apt-get',
  async check(run, fileMtime): Promise<PatchStatus> {
    // Only reads the package lists apt already has; refreshing them is apt's daily timer's job.
    const simArgs = ['--just-print', '-o', 'Debug::NoLocking=true', 'dist-upgrade'];
    const sim = await run('apt-get', simArgs);
    if (sim.code !== 0) throw commandFailed('apt-get', simArgs, sim);
    const held = await run('apt-mark', ['showhold']);
    const { pendingByOrigin, security } = parseAptSimulation(sim.stdout);
    const stamp =
      (await fileMtime('/var/lib/apt/periodic/update-success-stamp')) ??
      (await fileMtime('/var/lib/apt/lists'));
    return {
      manager: 'apt',
      pendingByOrigin,
      security,
      held: held.code === 0 ? countLines(held.stdout) : undefined,
      rebootRequired: (await fileMtime('/run/reboot-required')) !== undefined,
      metadataTimestampSeconds: stamp,
    };
  },
};
