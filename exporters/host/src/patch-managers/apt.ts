import { byNameArch, commandFailed, type PatchManager, type PatchStatus, type PendingPackage } from './types';

/**
 * `apt-get --just-print dist-upgrade` lines look like
 * `Inst libssl3 [3.0.11-1~deb12u1] (3.0.11-1~deb12u2 Debian:12.5/stable, Debian-Security:12/stable-security [amd64])`;
 * the origins (`Label:Version/Archive`, comma-separated) are everything between the new version
 * and the architecture. A package without `[installed]` is new (a kernel dist-upgrade pulls in).
 */
const INST_RE = /^Inst (\S+) (?:\[([^\]]*)\] )?\((\S+) (.+?) \[([^\]]+)\]\)/;

const isSecurityOrigin = (origin: string) => /-security$/.test(origin.trim());

export function parseAptSimulation(text: string): { pendingByOrigin: Map<string, number>; security: number } {
  const pendingByOrigin = new Map<string, number>();
  let security = 0;
  for (const line of text.split('\n')) {
    const m = INST_RE.exec(line);
    if (!m) continue;
    const origins = m[4] as string;
    pendingByOrigin.set(origins, (pendingByOrigin.get(origins) ?? 0) + 1);
    if (origins.split(', ').some(isSecurityOrigin)) security++;
  }
  return { pendingByOrigin, security };
}

/**
 * `apt-cache policy` (no arguments) names each archive's release fields:
 * `release v=12,o=Debian,a=oldstable-security,n=bookworm-security,l=Debian-Security,c=main,b=amd64`.
 * Keyed the way the simulation prints an origin (`Label:Version/Archive`), valued by codename, so
 * the repository reads `bookworm-security` rather than the suite alias that moves (`oldstable-security`).
 */
export function parseAptPolicy(text: string): Map<string, string> {
  const codenames = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s+release (.*)$/.exec(line);
    if (!m) continue;
    const f = new Map<string, string>();
    for (const part of (m[1] as string).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) f.set(part.slice(0, eq), part.slice(eq + 1));
    }
    const label = f.get('l') ?? f.get('o');
    const archive = f.get('a');
    const codename = f.get('n');
    if (label && archive && codename) codenames.set(`${label}:${f.get('v') ?? ''}/${archive}`, codename);
  }
  return codenames;
}

/**
 * The pending packages of a simulation. apt names no advisories: the security flag is the
 * package coming from a `*-security` archive, whose origin and repository are then reported.
 * No CVE ids either: they are only in the candidate's changelog, which `apt-get changelog`
 * downloads per package — not cheap, and not possible on a host without Internet access.
 */
export function parseAptPackages(text: string, codenames: Map<string, string> = new Map()): PendingPackage[] {
  const packages: PendingPackage[] = [];
  for (const line of text.split('\n')) {
    const m = INST_RE.exec(line);
    if (!m) continue;
    const origins = (m[4] as string).split(', ').map((o) => o.trim());
    const security = origins.some(isSecurityOrigin);
    const chosen = (security ? origins.find(isSecurityOrigin) : origins[0]) as string;
    const slash = chosen.lastIndexOf('/');
    const colon = chosen.indexOf(':');
    const archive = slash >= 0 ? chosen.slice(slash + 1) : null;
    const [name, archSuffix] = (m[1] as string).split(':');
    packages.push({
      name: name as string,
      arch: archSuffix ?? (m[5] as string),
      installedVersion: m[2] ?? null,
      candidateVersion: m[3] as string,
      origin: colon > 0 ? chosen.slice(0, colon) : chosen,
      repository: codenames.get(chosen) ?? archive,
      security,
      advisories: [],
      cves: [],
    });
  }
  return packages.sort(byNameArch);
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
    // codenames only make the repository nicer: without them it is the archive's suite
    const policy = await run('apt-cache', ['policy']).catch(() => undefined);
    // where dpkg keeps what is installed (APT_CONFIG may move it): a change there is an install
    const dir = await run('apt-config', ['shell', 'S', 'Dir::State::status/f']).catch(() => undefined);
    const statusFile = dir?.code === 0 ? /^S='(.*)'$/m.exec(dir.stdout)?.[1] : undefined;
    const { pendingByOrigin, security } = parseAptSimulation(sim.stdout);
    const stamp =
      (await fileMtime('/var/lib/apt/periodic/update-success-stamp')) ??
      (await fileMtime('/var/lib/apt/lists'));
    return {
      manager: 'apt',
      packages: parseAptPackages(sim.stdout, policy?.code === 0 ? parseAptPolicy(policy.stdout) : undefined),
      pendingByOrigin,
      security,
      held: held.code === 0 ? countLines(held.stdout) : undefined,
      rebootRequired: (await fileMtime('/run/reboot-required')) !== undefined,
      metadataTimestampSeconds: stamp,
      databaseFile: statusFile ?? '/var/lib/dpkg/status',
    };
  },
};
