import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../http/errors';
import { canonicalId, detectScanner, packageType, parseGrype, parseReport, parseTrivy } from './reports';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;

test('a Trivy image report: OS and npm findings, the config result skipped, severities lower-cased', () => {
  const r = parseTrivy(fixture('trivy-image.json'));
  expect(r.artifact).toBe('registry.example.com/payments/api:1.4.2');
  expect(r.resultTargets).toEqual([
    'app/package-lock.json',
    'registry.example.com/payments/api:1.4.2 (debian 12.5)',
  ]);
  expect(r.findings).toHaveLength(12);
  const glibc = r.findings.find((f) => f.packageName === 'libc6');
  expect(glibc).toMatchObject({
    packageType: 'deb',
    installedVersion: '2.36-9+deb12u1',
    vulnerabilityId: 'CVE-2023-4911',
    fixedVersion: '2.36-9+deb12u3',
    severity: 'high',
    scannerSeverity: 'HIGH',
    resultTarget: 'registry.example.com/payments/api:1.4.2 (debian 12.5)',
  });
  expect(glibc?.details.cvss).toBe(7.8);
  const curl = r.findings.find((f) => f.packageName === 'libcurl4');
  expect(curl?.aliases).toEqual(['CVE-2024-2398', 'DSA-5661-1']);
  // Debian's own id without a CVE stays the scanner's id
  expect(r.findings.find((f) => f.packageName === 'bash')?.vulnerabilityId).toBe('TEMP-0841856-B18BAF');
  expect(r.findings.find((f) => f.packageName === 'express')).toMatchObject({
    packageType: 'npm',
    severity: 'medium',
  });
  expect(r.findings.find((f) => f.packageName === 'zlib1g')).toMatchObject({
    severity: 'critical',
    fixedVersion: null,
  });
});

test('a Grype report of the same image: the GHSA match is keyed on its CVE, Negligible kept', () => {
  const r = parseGrype(fixture('grype-image.json'));
  expect(r.artifact).toBe('registry.example.com/payments/api:1.4.2');
  expect(r.resultTargets).toBeNull();
  expect(r.findings).toHaveLength(8);
  expect(r.findings.find((f) => f.packageName === 'braces')).toMatchObject({
    packageType: 'npm',
    vulnerabilityId: 'CVE-2024-4068',
    aliases: ['CVE-2024-4068', 'GHSA-grv7-fg5c-xmjg'],
    severity: 'high',
    fixedVersion: '3.0.3',
    // Grype's GHSA record has no description here: the related CVE's is used
    description: expect.stringContaining('imbalanced braces'),
  });
  expect(r.findings.find((f) => f.packageName === 'apt')).toMatchObject({
    severity: 'negligible',
    packageType: 'deb',
  });
  expect(r.findings.find((f) => f.packageName === 'zlib1g')?.details.fixState).toBe('wont-fix');
});

test('both scanners name the same package alike, so one finding is one key whoever reported it', () => {
  const key = (f: {
    packageType: string;
    packageName: string;
    installedVersion: string;
    vulnerabilityId: string;
  }) => `${f.packageType}/${f.packageName}@${f.installedVersion} ${f.vulnerabilityId}`;
  const trivy = new Set(parseTrivy(fixture('trivy-image.json')).findings.map(key));
  const grype = parseGrype(fixture('grype-image.json')).findings.map(key);
  expect(grype.filter((k) => !trivy.has(k))).toEqual(['deb/libncursesw6@6.4-4 CVE-2023-50495']);
});

test('package types: the purl first, else the scanner’s type mapped to its purl type', () => {
  expect(packageType('pkg:rpm/redhat/openssl@3.0.7', 'redhat')).toBe('rpm');
  expect(packageType(undefined, 'alpine')).toBe('apk');
  expect(packageType(undefined, 'gomod')).toBe('golang');
  expect(packageType(undefined, 'java-archive')).toBe('maven');
  expect(packageType(undefined, 'something-new')).toBe('something-new');
  expect(packageType(undefined, '')).toBe('unknown');
});

test('the canonical id is the CVE when one is known', () => {
  expect(canonicalId('cve-2024-1234', [])).toBe('CVE-2024-1234');
  expect(canonicalId('GHSA-aaaa-bbbb-cccc', ['CVE-2024-9', 'CVE-2023-20000'])).toBe('CVE-2023-20000');
  expect(canonicalId('GHSA-aaaa-bbbb-cccc', [])).toBe('GHSA-aaaa-bbbb-cccc');
});

test('a report is detected from its shape; a broken one is refused naming the field', () => {
  expect(detectScanner(fixture('trivy-image.json'))).toBe('trivy');
  expect(detectScanner(fixture('grype-image.json'))).toBe('grype');
  expect(detectScanner({ foo: 1 })).toBeUndefined();
  expect(() => parseReport({ foo: 1 })).toThrow(/neither a Trivy JSON report/);
  const broken = fixture('trivy-image.json') as {
    Results: Array<{ Vulnerabilities: Array<Record<string, unknown>> }>;
  };
  broken.Results[0]!.Vulnerabilities[2]!.Severity = 'SEVERE';
  let err: ApiError | undefined;
  try {
    parseReport(broken);
  } catch (e) {
    err = e as ApiError;
  }
  expect(err?.status).toBe(400);
  expect(err?.message).toMatch(
    /^body report\.Results\.0\.Vulnerabilities\.2\.Severity: expected one of Trivy’s severities/,
  );
  const grype = fixture('grype-image.json') as { matches: Array<{ artifact: Record<string, unknown> }> };
  delete grype.matches[1]!.artifact.name;
  expect(() => parseReport(grype)).toThrow(/body report\.matches\.1\.artifact\.name/);
});

test('one package listed twice in a report (a jar in two paths) is one finding with the worse severity', () => {
  const doc = fixture('trivy-image.json') as {
    Results: Array<{ Vulnerabilities: Array<Record<string, unknown>> }>;
  };
  const again = { ...doc.Results[0]!.Vulnerabilities[2]!, Severity: 'CRITICAL' };
  doc.Results[0]!.Vulnerabilities.push(again);
  const r = parseTrivy(doc);
  expect(r.findings).toHaveLength(12);
  expect(r.findings.find((f) => f.packageName === 'libc6')?.severity).toBe('critical');
});

test('the demo host’s report (demo/fixtures/trivy-demo.json) is a rootfs scan that needs its asset', () => {
  const demo = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', '..', 'demo', 'fixtures', 'trivy-demo.json'), 'utf8'),
  ) as Record<string, unknown>;
  const r = parseReport(demo);
  expect(r).toMatchObject({ scanner: 'trivy', artifact: '/', resultTargets: ['/ (debian 12.5)'] });
  expect(r.findings).toHaveLength(10);
  expect(r.findings.filter((f) => f.severity === 'critical').map((f) => f.packageName)).toEqual(['zlib1g']);
});
