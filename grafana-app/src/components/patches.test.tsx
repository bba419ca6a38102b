import React from 'react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { PatchHost } from '../api/patchTypes';
import { ActionError } from './ActionError';
import { GateChecklist } from './GateChecklist';
import {
  backupText,
  detectScanner,
  findingFilterOf,
  gateChecklist,
  localInputToIso,
  missingLabel,
  oldestSecurityAgeSeconds,
  orderFindingActions,
  orderPlanActions,
  reportSummary,
  sortHosts,
  splitList,
  timelineDetail,
  withFilter,
} from './patchFormat';

jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: jest.fn() }),
  isFetchError: () => false,
  config: { bootData: { user: { orgRole: 'Viewer' } } },
}));
jest.mock('react-router-dom', () => ({
  Link: ({ to, children }: { to: string; children: React.ReactNode }) => <a href={to}>{children}</a>,
}));

const host = (h: Partial<PatchHost> & { host: string }): PatchHost => ({
  job: 'host',
  attemptedAt: '2026-12-01T08:00:00Z',
  hostname: null,
  manager: 'apt',
  status: 'ok',
  error: null,
  collectedAt: '2026-12-01T08:00:00Z',
  checkedAt: '2026-12-01T07:59:00Z',
  stale: false,
  pending: 0,
  security: 0,
  rebootRequired: false,
  oldestSecuritySince: null,
  ...h,
});

describe('patch plans', () => {
  test('the checklist lists the gates in the order of the states, a met gate with nothing missing', () => {
    const rows = gateChecklist({
      gates: [
        { state: 'installed', met: false, missing: ['backup_evidence'] },
        { state: 'tested', met: true, missing: ['ignored once met'] },
        { state: 'verified', met: false, missing: ['packages_pending', 'reboot'] },
        { state: 'approved', met: true, missing: [] },
        { state: 'scheduled', met: false, missing: ['maintenance_window'] },
      ],
    });
    expect(rows.map((r) => r.state)).toEqual(['tested', 'approved', 'scheduled', 'installed', 'verified']);
    expect(rows[0]).toEqual({ state: 'tested', met: true, missing: [] });
    expect(rows[4]!.missing).toEqual(['packages_pending', 'reboot']);
  });

  test('the checklist renders met and missing, naming what is missing', () => {
    render(
      <GateChecklist
        plan={{
          gates: [
            { state: 'tested', met: true, missing: [] },
            { state: 'installed', met: false, missing: ['backup_evidence', 'some_new_code'] },
          ],
        }}
      />
    );
    const list = screen.getByTestId('plan-gates');
    const installed = list.querySelector('[data-gate="installed"]') as HTMLElement;
    expect(list.querySelector('[data-gate="tested"]')).toHaveAttribute('data-met', 'true');
    expect(installed).toHaveAttribute('data-met', 'false');
    expect(within(installed).getByText(/no backup evidence; some new code/)).toBeInTheDocument();
  });

  test('a code the app does not know reads as the server wrote it', () => {
    expect(missingLabel('backup_evidence')).toBe('no backup evidence');
    expect(missingLabel('change_freeze')).toBe('change freeze');
  });

  test('buttons follow the server’s allowed actions, the next step of the main line first', () => {
    expect(orderPlanActions(['rollback', 'fail', 'verify'])).toEqual(['verify', 'fail', 'rollback']);
    expect(orderPlanActions(['decline', 'approve', 'test'])).toEqual(['test', 'approve', 'decline']);
    expect(orderPlanActions([])).toEqual([]);
    expect(orderFindingActions(['reopen', 'verify'])).toEqual(['verify', 'reopen']);
  });

  test('a 409 gate_unmet shows the server’s message; another 409 the general advice', () => {
    const message = 'to reach installed: no backup evidence; add backup {backupRunId} or {tool, snapshotId}';
    const { unmount } = render(<ActionError error={new ApiError('conflict', 409, message, 'gate_unmet')} />);
    expect(screen.getByText('A gate of the plan is not met')).toBeInTheDocument();
    expect(screen.getByTestId('error-detail')).toHaveTextContent(message);
    unmount();
    render(
      <ActionError error={new ApiError('conflict', 409, 'cannot verify a plan that is draft', 'illegal_transition')} />
    );
    expect(screen.queryByText('A gate of the plan is not met')).toBeNull();
    expect(screen.getByTestId('error-detail')).toHaveTextContent('cannot verify a plan that is draft');
  });

  test('backup evidence in one line', () => {
    expect(backupText({ backupRunId: 'r-1', policy: 'db', tool: 'restic', snapshotId: 'ab12', takenAt: null })).toBe(
      'run r-1 · db · ab12'
    );
    expect(backupText({ backupRunId: null, policy: null, tool: 'lvm', snapshotId: 'snap-7', takenAt: null })).toBe(
      'lvm · snap-7'
    );
  });
});

describe('hosts', () => {
  test('the age of the oldest security update is from its first sighting; none when nothing is pending', () => {
    const now = Date.parse('2026-12-02T08:00:00Z');
    expect(oldestSecurityAgeSeconds(host({ host: 'a', oldestSecuritySince: '2026-11-30T08:00:00Z' }), now)).toBe(
      2 * 86400
    );
    expect(oldestSecurityAgeSeconds(host({ host: 'a' }), now)).toBeNull();
  });

  test('hosts with security updates come first, the longest waiting first', () => {
    const sorted = sortHosts([
      host({ host: 'web1:9741', pending: 9 }),
      host({ host: 'db2:9741', security: 1, oldestSecuritySince: '2026-11-20T00:00:00Z' }),
      host({ host: 'db1:9741', security: 1, oldestSecuritySince: '2026-11-01T00:00:00Z' }),
      host({ host: 'app1:9741', security: 3, oldestSecuritySince: '2026-11-25T00:00:00Z' }),
    ]);
    expect(sorted.map((h) => h.host)).toEqual(['app1:9741', 'db1:9741', 'db2:9741', 'web1:9741']);
  });
});

describe('vulnerability reports', () => {
  // the top level of each tool's documented JSON output (trivy image --format json; grype -o json)
  const trivy = {
    SchemaVersion: 2,
    ArtifactName: 'registry.example/gateway:1.4.2',
    ArtifactType: 'container_image',
    Results: [
      {
        Target: 'registry.example/gateway:1.4.2 (debian 12.5)',
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: [
          { VulnerabilityID: 'CVE-2024-5535', PkgName: 'openssl', InstalledVersion: '3.0.11-1~deb12u2' },
          { VulnerabilityID: 'CVE-2024-2511', PkgName: 'openssl', InstalledVersion: '3.0.11-1~deb12u2' },
        ],
      },
      { Target: 'app/package-lock.json', Class: 'lang-pkgs', Type: 'npm' },
    ],
  };
  const grype = {
    matches: [{ vulnerability: { id: 'CVE-2024-5535' }, artifact: { name: 'openssl' } }],
    source: { type: 'image', target: { userInput: 'registry.example/gateway:1.4.2' } },
    descriptor: { name: 'grype', version: '0.79.0' },
  };

  test('the scanner is told by the report’s shape', () => {
    expect(detectScanner(trivy)).toBe('trivy');
    expect(detectScanner(grype)).toBe('grype');
    expect(detectScanner({ vulnerabilities: [] })).toBeUndefined();
    expect(detectScanner([1, 2])).toBeUndefined();
    expect(detectScanner(null)).toBeUndefined();
  });

  test('the preview counts the vulnerabilities and names the asset as the server would default it', () => {
    expect(reportSummary(trivy)).toEqual({
      scanner: 'trivy',
      asset: 'registry.example/gateway:1.4.2',
      vulnerabilities: 2,
    });
    expect(reportSummary(grype)).toEqual({
      scanner: 'grype',
      asset: 'registry.example/gateway:1.4.2',
      vulnerabilities: 1,
    });
    expect(reportSummary({ ...grype, source: { type: 'directory', target: '/srv/app' } })?.asset).toBe('/srv/app');
  });
});

test('the server’s Trivy and Grype fixtures (written from each tool’s documented output) are recognised', () => {
  const dir = path.join(__dirname, '..', '..', '..', 'server', 'src', 'vulnerabilities', 'fixtures');
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const t = read('trivy-image.json');
  const g = read('grype-image.json');
  expect(reportSummary(t)).toEqual({
    scanner: 'trivy',
    asset: t.ArtifactName,
    vulnerabilities: t.Results.flatMap((r: { Vulnerabilities?: unknown[] }) => r.Vulnerabilities ?? []).length,
  });
  expect(reportSummary(g)).toEqual({
    scanner: 'grype',
    asset: g.source.target.userInput,
    vulnerabilities: g.matches.length,
  });
});

describe('filters in the URL', () => {
  test('read from the query, overdue only when true', () => {
    expect(findingFilterOf(new URLSearchParams('severity=critical&state=open&asset=db1&overdue=true'))).toEqual({
      severity: 'critical',
      state: 'open',
      asset: 'db1',
      overdue: true,
      cursor: undefined,
    });
    expect(findingFilterOf(new URLSearchParams('overdue=false')).overdue).toBeUndefined();
  });

  test('a new filter starts at the first page; paging keeps the filter', () => {
    const now = new URLSearchParams('severity=high&cursor=abc');
    expect(withFilter(now, { state: 'open' }).toString()).toBe('severity=high&state=open');
    expect(withFilter(now, { severity: undefined }).toString()).toBe('');
    expect(withFilter(now, { cursor: 'def' }).toString()).toBe('severity=high&cursor=def');
  });
});

test('form helpers: lists as typed, local times, timeline details', () => {
  expect(splitList(' db1:9741, db2:9741\nweb1:9741 ')).toEqual(['db1:9741', 'db2:9741', 'web1:9741']);
  expect(splitList('')).toEqual([]);
  // jest runs in UTC (jest.config.js): the browser's wall time is UTC here
  expect(localInputToIso('2026-12-05T02:00')).toBe('2026-12-05T02:00:00.000Z');
  expect(localInputToIso('')).toBeUndefined();
  expect(localInputToIso('not a time')).toBeUndefined();
  expect(timelineDetail({ result: 'passed', testHosts: ['t1'], note: null })).toBe(
    'result: passed · testHosts: ["t1"]'
  );
  expect(timelineDetail({})).toBe('');
});
