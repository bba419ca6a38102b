import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAptPackages, parseAptPolicy, parseAptSimulation } from './apt';
import {
  parseCheckUpdate,
  parseNevra,
  parseRpmInstalled,
  parseSecurityAdvisories,
  parseUpdateinfoIds,
  rpmPendingPackages,
} from './dnf';
import {
  parseListUpdates,
  parseNeededPatchNames,
  parsePatchInfo,
  parseSecurityPatches,
  zypperPendingPackages,
} from './zypper';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '..', 'fixtures', 'patches', name), 'utf8');

test('apt: pending upgrades by origin and the security count from a real Debian 12 simulation', () => {
  const { pendingByOrigin, security } = parseAptSimulation(fixture('apt-dist-upgrade-debian12.txt'));
  expect(Object.fromEntries(pendingByOrigin)).toEqual({
    'Debian:12.15/oldstable': 47,
    'Debian-Security:12/oldstable-security': 49,
    'Debian:12.15/oldstable, Debian-Security:12/oldstable-security': 17,
  });
  // a package available from both the point release and the security archive counts as security
  expect(security).toBe(66);
});

test('apt: Ubuntu-style origins and packages with no installed version', () => {
  const text = [
    'Inst libssl3 [3.0.2-0ubuntu1.9] (3.0.2-0ubuntu1.10 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])',
    'Inst linux-image-5.15.0-92-generic (5.15.0-92.102 Ubuntu:22.04/jammy-updates [amd64])',
    'Conf libssl3 (3.0.2-0ubuntu1.10 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])',
    'Remv old-package [1.0]',
  ].join('\n');
  const { pendingByOrigin, security } = parseAptSimulation(text);
  expect([...pendingByOrigin.values()].reduce((a, b) => a + b)).toBe(2);
  expect(security).toBe(1);
});

test('dnf: check-update by repository, without counting obsoletes twice', () => {
  expect(Object.fromEntries(parseCheckUpdate(fixture('dnf-check-update-rhel9.txt')))).toEqual({
    baseos: 6,
    appstream: 2,
    'docker-ce-stable': 1,
  });
});

test('dnf: security advisories count distinct packages', () => {
  // kernel appears in two advisories
  expect(parseSecurityAdvisories(fixture('dnf-updateinfo-security-rhel9.txt'))).toBe(5);
});

test('zypper: updates by repository and needed security patches', () => {
  expect(Object.fromEntries(parseListUpdates(fixture('zypper-list-updates-sles15.txt')))).toEqual({
    'SLE-Module-Basesystem15-SP5-Updates': 3,
    'SLE-Product-SLES15-SP5-Updates': 1,
  });
  expect(parseSecurityPatches(fixture('zypper-list-patches-security-sles15.txt'))).toBe(3);
});

test('nothing pending parses as zero, not as an error', () => {
  expect(
    parseAptSimulation(
      'Reading package lists...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
    ).security,
  ).toBe(0);
  expect(parseCheckUpdate('').size).toBe(0);
  expect(parseSecurityPatches('No updates found.\n')).toBe(0);
});

describe('pending package lists', () => {
  test('apt: every upgrade of a real bookworm simulation, with codenames from apt-cache policy', () => {
    const codenames = parseAptPolicy(fixture('apt-cache-policy-debian12.txt'));
    expect(codenames.get('Debian-Security:12/oldstable-security')).toBe('bookworm-security');
    expect(codenames.get('Debian:12.15/oldstable')).toBe('bookworm');
    const text = fixture('apt-dist-upgrade-debian12-bookworm-security.txt');
    const pkgs = parseAptPackages(text, codenames);
    expect(pkgs).toHaveLength(116);
    // the counts the series report agree with the list
    expect(pkgs.filter((p) => p.security)).toHaveLength(parseAptSimulation(text).security);
    expect(pkgs.find((p) => p.name === 'tzdata')).toEqual({
      name: 'tzdata',
      arch: 'all',
      installedVersion: '2025b-0+deb12u2',
      candidateVersion: '2026f-0+deb12u1',
      origin: 'Debian-Security',
      repository: 'bookworm-security',
      security: true,
      advisories: [],
      cves: [],
    });
    // from both the point release and the security archive: the security one is reported
    expect(pkgs.find((p) => p.name === 'libgcrypt20')).toMatchObject({
      origin: 'Debian-Security',
      repository: 'bookworm-security',
      security: true,
    });
    expect(pkgs.find((p) => p.name === 'bash')).toMatchObject({
      installedVersion: '5.2.15-2+b8',
      candidateVersion: '5.2.15-2+b13',
      origin: 'Debian',
      repository: 'bookworm',
      security: false,
    });
    expect(pkgs.map((p) => p.name)).toEqual([...pkgs.map((p) => p.name)].sort());
  });

  test('apt: a new package has no installed version; multi-arch names keep their arch; unknown archives fall back to the suite', () => {
    const pkgs = parseAptPackages(
      [
        'Inst linux-image-6.1.0-30-amd64 (6.1.124-1 Debian-Security:12/stable-security [amd64])',
        'Inst libc6:i386 [2.36-9+deb12u7] (2.36-9+deb12u9 Debian:12.9/stable [i386])',
        'Inst libssl3 [3.0.2-0ubuntu1.9] (3.0.2-0ubuntu1.10 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])',
      ].join('\n'),
    );
    expect(pkgs.map((p) => [p.name, p.arch, p.installedVersion, p.origin, p.repository, p.security])).toEqual(
      [
        ['libc6', 'i386', '2.36-9+deb12u7', 'Debian', 'stable', false],
        ['libssl3', 'amd64', '3.0.2-0ubuntu1.9', 'Ubuntu', 'jammy-security', true],
        ['linux-image-6.1.0-30-amd64', 'amd64', null, 'Debian-Security', 'stable-security', true],
      ],
    );
  });

  test('dnf: NEVRA with and without an epoch', () => {
    expect(parseNevra('openssl-libs-1:3.0.7-28.el9_4.x86_64')).toEqual({
      name: 'openssl-libs',
      evr: '1:3.0.7-28.el9_4',
      arch: 'x86_64',
    });
    expect(parseNevra('python3-urllib3-1.26.5-5.el9_4.1.noarch')).toEqual({
      name: 'python3-urllib3',
      evr: '1.26.5-5.el9_4.1',
      arch: 'noarch',
    });
    expect(parseNevra('garbage')).toBeUndefined();
  });

  test('dnf: packages with installed versions, advisories and CVEs', () => {
    const pkgs = rpmPendingPackages(
      fixture('dnf-check-update-rhel9.txt'),
      parseRpmInstalled(fixture('rpm-qa-rhel9.txt')),
      parseUpdateinfoIds(fixture('dnf-updateinfo-security-rhel9.txt')),
      parseUpdateinfoIds(fixture('dnf-updateinfo-security-cve-rhel9.txt')),
    );
    // obsoletes are not listed twice
    expect(pkgs.map((p) => `${p.name}.${p.arch}`)).toEqual([
      'NetworkManager.x86_64',
      'NetworkManager-libnm.x86_64',
      'docker-ce.x86_64',
      'kernel.x86_64',
      'kernel-core.x86_64',
      'openssl.x86_64',
      'openssl-libs.x86_64',
      'postgresql.x86_64',
      'python3-urllib3.noarch',
    ]);
    expect(pkgs.find((p) => p.name === 'openssl')).toEqual({
      name: 'openssl',
      arch: 'x86_64',
      installedVersion: '1:3.0.7-27.el9',
      candidateVersion: '1:3.0.7-28.el9_4',
      origin: 'baseos',
      repository: 'baseos',
      security: true,
      advisories: ['RHSA-2024:6041'],
      cves: ['CVE-2024-5535'],
    });
    // two kernels installed (installonly): the newer is the one the upgrade replaces
    expect(pkgs.find((p) => p.name === 'kernel')).toMatchObject({
      installedVersion: '5.14.0-427.13.1.el9_4',
      advisories: ['RHSA-2024:5928', 'RHSA-2024:6186'],
      cves: ['CVE-2024-36971', 'CVE-2024-38541'],
    });
    expect(pkgs.find((p) => p.name === 'docker-ce')).toMatchObject({
      installedVersion: '3:26.1.4-1.el9',
      security: false,
      advisories: [],
      cves: [],
    });
    expect(pkgs.filter((p) => p.security)).toHaveLength(
      parseSecurityAdvisories(fixture('dnf-updateinfo-security-rhel9.txt')),
    );
  });

  test('zypper: needed security patches name their packages and CVEs', () => {
    const names = parseNeededPatchNames(fixture('zypper-list-patches-security-sles15.txt'));
    expect(names).toEqual([
      'SUSE-SLE-Module-Basesystem-15-SP5-2024-2891',
      'SUSE-SLE-Module-Basesystem-15-SP5-2024-3016',
      'SUSE-SLE-Product-SLES-15-SP5-2024-3034',
    ]);
    const info = parsePatchInfo(fixture('zypper-info-patch-sles15.txt'));
    expect(info.map((p) => p.name)).toEqual(names);
    expect(info[2]).toEqual({
      name: 'SUSE-SLE-Product-SLES-15-SP5-2024-3034',
      packages: ['kernel-default.x86_64', 'kernel-default-base.x86_64', 'kernel-source.noarch'],
      cves: ['CVE-2024-36971', 'CVE-2024-41011'],
    });
    // source packages are not installable packages
    expect(info[0]?.packages).not.toContain('curl.src');
    const pkgs = zypperPendingPackages(fixture('zypper-list-updates-sles15.txt'), info);
    expect(pkgs.find((p) => p.name === 'libopenssl3')).toEqual({
      name: 'libopenssl3',
      arch: 'x86_64',
      installedVersion: '3.0.8-150500.5.27.1',
      candidateVersion: '3.0.8-150500.5.34.1',
      origin: 'SLE-Module-Basesystem15-SP5-Updates',
      repository: 'SLE-Module-Basesystem15-SP5-Updates',
      security: true,
      advisories: ['SUSE-SLE-Module-Basesystem-15-SP5-2024-3016'],
      cves: ['CVE-2024-5535', 'CVE-2024-6119'],
    });
    expect(pkgs.filter((p) => p.security).map((p) => p.name)).toEqual([
      'curl',
      'kernel-default',
      'libcurl4',
      'libopenssl3',
    ]);
  });

  test('zypper: no needed patches leaves every update non-security', () => {
    const pkgs = zypperPendingPackages(fixture('zypper-list-updates-sles15.txt'), []);
    expect(pkgs).toHaveLength(4);
    expect(pkgs.every((p) => !p.security && p.advisories.length === 0)).toBe(true);
  });
});
