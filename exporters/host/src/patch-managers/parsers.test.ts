import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAptSimulation } from './apt';
import { parseCheckUpdate, parseSecurityAdvisories } from './dnf';
import { parseListUpdates, parseSecurityPatches } from './zypper';

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
