import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real apt, pointed at a constructed dpkg status file (APT_CONFIG → Dir::State::status), so what
 * is "installed" is what a test says while the candidates come from this machine's real package
 * lists. "Installing" a package is rewriting that file: apt, and the host exporter reading it,
 * see the change exactly as after a real upgrade.
 *
 *   const apt = aptFixture(dir, { tzdata: '2024a-0+deb12u1' });
 *   startService({ …, env: { APT_CONFIG: apt.aptConfig } });
 *   apt.install('tzdata', apt.candidate('tzdata'));
 */
export interface AptFixture {
  aptConfig: string;
  statusFile: string;
  /** the version apt would install, from this machine's lists (apt-cache policy) */
  candidate(name: string): string;
  /** records the package as installed at this version (rewrites the status file atomically) */
  install(name: string, version: string): void;
  /** the versions now recorded as installed */
  installed(): Record<string, string>;
}

const REPO_ONLY_FIELDS = /^(Filename|Size|MD5sum|SHA1|SHA256|SHA512|Description-md5|Tag):/;

/**
 * The package's own control record as the archive has it (apt-cache show), with the installed
 * version and a Status line: apt then takes the installed version for the archive's when they are
 * the same (a made-up record would differ in Provides or Depends and look like another build).
 */
function stanza(aptConfig: string, name: string, version: string): string {
  const show = execFileSync('apt-cache', ['show', name], {
    env: { ...process.env, APT_CONFIG: aptConfig, LC_ALL: 'C' },
    encoding: 'utf8',
  });
  const record = (show.split('\n\n')[0] as string)
    .split('\n')
    .filter((l) => !REPO_ONLY_FIELDS.test(l) && !/^Version:/.test(l) && l.trim() !== '');
  // continuation lines (a long Description) belong to the field before them; keep them in place
  return [record[0], 'Status: install ok installed', `Version: ${version}`, ...record.slice(1), ''].join(
    '\n',
  );
}

/**
 * `packages`: name → installed version. Use packages with no dependencies beyond debconf
 * (tzdata, distro-info-data): the file holds only them. Essential packages are switched off
 * (pkgCacheGen::Essential none), or apt would plan to install the whole base system.
 */
export function aptFixture(dir: string, packages: Record<string, string>): AptFixture {
  const statusFile = path.join(dir, 'dpkg-status');
  const aptConfig = path.join(dir, 'apt.conf');
  const versions = { ...packages };
  writeFileSync(
    aptConfig,
    `Dir::State::status "${statusFile}";\npkgCacheGen::Essential "none";\nDir::State::extended_states "${path.join(dir, 'extended_states')}";\n`,
  );
  writeFileSync(path.join(dir, 'extended_states'), '');
  const realStatus = readFileSync('/var/lib/dpkg/status', 'utf8');
  const debconf = realStatus.split('\n\n').find((s) => s.startsWith('Package: debconf\n'));
  // an empty status first, so apt-cache show can read the archive's records through this config
  writeFileSync(statusFile, '');
  const write = () => {
    const stanzas = Object.entries(versions).map(([n, v]) => stanza(aptConfig, n, v));
    const text = [...(debconf ? [`${debconf.trim()}\n`] : []), ...stanzas].join('\n') + '\n';
    writeFileSync(`${statusFile}.new`, text);
    renameSync(`${statusFile}.new`, statusFile);
  };
  write();
  return {
    aptConfig,
    statusFile,
    candidate(name) {
      const out = execFileSync('apt-cache', ['policy', name], {
        env: { ...process.env, APT_CONFIG: aptConfig, LC_ALL: 'C' },
        encoding: 'utf8',
      });
      const m = /Candidate: (\S+)/.exec(out);
      if (!m || m[1] === '(none)') throw new Error(`apt knows no candidate for ${name}: ${out}`);
      return m[1] as string;
    },
    install(name, version) {
      versions[name] = version;
      write();
    },
    installed: () => ({ ...versions }),
  };
}
