import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';
import { expireRiskAcceptances, notifyOverdue } from './service';

/**
 * The vulnerability API on SQLite and PostgreSQL, importing the hand-written Trivy and Grype
 * fixtures (fixtures/README.md) and variants of them made here. The server's clock is moved by
 * hand (ctx.now); its own tick is slowed to an hour so only the test runs the scheduled jobs.
 */

type Json = Record<string, unknown>;
interface Imp {
  id: string;
  asset: string;
  target: string;
  reported: number;
  created: number;
  updated: number;
  unchanged: number;
  awaitingVerification: number;
  reopened: number;
}
interface Finding {
  id: string;
  asset: string;
  packageName: string;
  packageType: string;
  installedVersion: string;
  vulnerabilityId: string;
  aliases: string[];
  severity: string;
  state: string;
  description: string;
  dueAt: string | null;
  overdue: boolean;
  knownExploited: boolean;
  source: string;
  fixedBy: string | null;
  timeline: Array<{ kind: string; actor: string; detail: Json }>;
  allowedActions: string[];
}

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as {
    Results: Array<{ Target: string; Vulnerabilities?: Json[] }>;
  } & Json;
const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();
const IMAGE = 'registry.example.com/payments/api:1.4.2';

const kevDir = mkdtempSync(path.join(tmpdir(), 'opsdesk-kev-'));
const KEV = path.join(kevDir, 'known_exploited_vulnerabilities.json');
// the shape of CISA's feed (www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json)
writeFileSync(
  KEV,
  JSON.stringify({
    title: 'CISA Catalog of Known Exploited Vulnerabilities',
    catalogVersion: '2026.11.30',
    count: 1,
    vulnerabilities: [
      {
        cveID: 'CVE-2023-4911',
        vendorProject: 'GNU',
        product: 'GNU C Library',
        vulnerabilityName: 'GNU C Library Buffer Overflow Vulnerability',
        dateAdded: '2023-11-21',
        dueDate: '2023-12-12',
      },
    ],
  }),
);

const CONFIG = {
  people: [
    { id: 'wang.wu', name: '王五' },
    { id: 'zhao.liu', name: '赵六' },
  ],
  notify: {
    channels: [
      {
        name: 'sec',
        type: 'wecom',
        webhook_url: { env: 'OPSDESK_VULN_TEST_UNUSED' },
        events: ['vulnerability.overdue'],
      },
    ],
  },
  sla: {
    tick_interval: '1h',
    calendars: [
      { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
      {
        name: 'cn-5x8',
        timezone: 'Asia/Shanghai',
        hours: { weekdays: '09:00-18:00' },
        holidays: { builtin: 'cn' },
      },
    ],
    policies: (['P1', 'P2', 'P3', 'P4'] as const).map((severity) => ({
      severity,
      response: '1h',
      resolution: '8h',
      calendar: '24x7',
    })),
  },
  vulnerabilities: {
    sla: {
      calendar: 'cn-5x8',
      days_kind: 'business',
      days: { critical: 5, high: 10 },
      known_exploited_days: 2,
    },
    known_exploited_file: KEV,
  },
};

describe.each(DATABASE_KINDS)('vulnerabilities on %s', (kind) => {
  let s: TestServer;
  let t = cst('2026-09-30T10:00:00');
  let viewer = '';
  const at = (iso: string) => {
    t = cst(iso);
  };
  const post = <T = Json>(url: string, body: unknown, token?: string) => s.api<T>('POST', url, body, token);
  const importReport = async (report: unknown, extra: Json = {}) => {
    const r = await post<{ import: Imp }>('/api/v1/vulnerabilities/imports', { report, ...extra });
    expect([r.status, r.body]).toEqual([201, expect.anything()]);
    return r.body.import;
  };
  const findings = async (query = '') =>
    (await s.api<{ findings: Finding[] }>('GET', `/api/v1/vulnerabilities/findings?limit=500${query}`)).body
      .findings;
  const one = async (pkg: string, asset = IMAGE) => {
    const f = (await findings(`&asset=${encodeURIComponent(asset)}`)).filter((x) => x.packageName === pkg);
    expect(f).toHaveLength(1);
    return (await s.api<Finding>('GET', `/api/v1/vulnerabilities/findings/${f[0]!.id}`)).body;
  };
  const act = (id: string, action: string, body: unknown = {}) =>
    post<Finding & { error?: { code: string; message: string } }>(
      `/api/v1/vulnerabilities/findings/${id}/${action}`,
      body,
    );

  beforeAll(async () => {
    process.env.OPSDESK_VULN_TEST_UNUSED = 'http://127.0.0.1:9/cgi-bin/webhook/send?key=unused';
    s = await startTestServer(kind, CONFIG);
    s.ctx.now = () => t;
    viewer = (await post<{ token: string }>('/api/v1/tokens', { name: 'viewer', role: 'viewer' })).body.token;
  });
  afterAll(() => s.stop());

  test('the same Trivy report twice creates no duplicate; a changed description creates none either', async () => {
    const first = await importReport(fixture('trivy-image.json'));
    expect(first).toMatchObject({
      asset: IMAGE,
      target: IMAGE,
      reported: 12,
      created: 12,
      updated: 0,
      unchanged: 0,
    });
    t += 60_000;
    const second = await importReport(fixture('trivy-image.json'));
    expect(second).toMatchObject({
      reported: 12,
      created: 0,
      updated: 0,
      unchanged: 12,
      awaitingVerification: 0,
    });
    expect(await findings(`&asset=${encodeURIComponent(IMAGE)}`)).toHaveLength(12);

    const reworded = fixture('trivy-image.json');
    const curl = reworded.Results[0]!.Vulnerabilities!.find((v) => v.PkgName === 'libcurl4')!;
    curl.Description = 'The scanner’s database rewrote this description overnight.';
    curl.Title = 'curl: a new title';
    t += 60_000;
    expect(await importReport(reworded)).toMatchObject({ created: 0, updated: 1, unchanged: 11 });
    expect(await findings(`&asset=${encodeURIComponent(IMAGE)}`)).toHaveLength(12);
    expect((await one('libcurl4')).description).toBe(
      'The scanner’s database rewrote this description overnight.',
    );
  });

  test('due dates: 5 business days for a critical from 2026-09-30 skip 国庆 and count Saturday 10-10; known exploited gets 2', async () => {
    const zlib = await one('zlib1g');
    expect(zlib.severity).toBe('critical');
    expect(zlib.dueAt).toBe(new Date(cst('2026-10-14T00:00:00')).toISOString());
    const glibc = await one('libc6');
    expect(glibc).toMatchObject({ knownExploited: true, severity: 'high' });
    expect(glibc.dueAt).toBe(new Date(cst('2026-10-10T00:00:00')).toISOString());
    const ssh = await one('openssh-client');
    // 10 business days: 10-08, 09, 10 (Sat), 12, 13, 14, 15, 16, 19, 20
    expect(ssh.dueAt).toBe(new Date(cst('2026-10-21T00:00:00')).toISOString());
    expect((await one('apt')).dueAt).not.toBeNull(); // low keeps the default 120
  });

  test('a Grype report of the same image merges into the Trivy findings (GHSA ids keyed on their CVE)', async () => {
    t += 60_000;
    const g = await importReport(fixture('grype-image.json'));
    expect(g).toMatchObject({ reported: 8, created: 1, awaitingVerification: 0 });
    const braces = await one('braces');
    expect(braces).toMatchObject({ vulnerabilityId: 'CVE-2024-4068', source: 'grype' });
    expect(braces.aliases).toEqual(['CVE-2024-4068', 'GHSA-grv7-fg5c-xmjg']);
    expect((await one('apt')).severity).toBe('negligible');
    expect(await findings(`&asset=${encodeURIComponent(IMAGE)}`)).toHaveLength(13);
    // back to Trivy's view, so the next tests judge Trivy findings
    t += 60_000;
    const back = await importReport(fixture('trivy-image.json'));
    expect(back).toMatchObject({ created: 0, awaitingVerification: 0 });
  });

  test('a dropped finding awaits verification (never closed); a scan narrowed to OS packages leaves the npm findings', async () => {
    const before = await one('openssh-client');
    const fixed = fixture('trivy-image.json');
    fixed.Results[0]!.Vulnerabilities = fixed.Results[0]!.Vulnerabilities!.filter(
      (v) => v.PkgName !== 'openssh-client',
    );
    fixed.Results = fixed.Results.filter((r) => r.Target !== 'app/package-lock.json'); // trivy --pkg-types os
    t += 60_000;
    const imp = await importReport(fixed);
    expect(imp).toMatchObject({ awaitingVerification: 1, created: 0 });
    const after = await one('openssh-client');
    expect(after).toMatchObject({ id: before.id, state: 'fixed', fixedBy: `import:${imp.id}` });
    expect(after.timeline.map((e) => e.kind)).toEqual(['detected', 'fixed']);
    expect((await one('express')).state).toBe('open');
    // the import that no longer reports it verifies it; one that still does would not
    const verified = await act(after.id, 'verify', { method: 'rescan', importId: imp.id });
    expect([verified.status, verified.body.state]).toEqual([200, 'verified']);
    const closed = await act(after.id, 'close', { note: 'openssh 1:9.2p1-2+deb12u3 installed' });
    expect(closed.body.state).toBe('closed');
    // reported again: the fix did not hold, it reopens
    t += 60_000;
    expect(await importReport(fixture('trivy-image.json'))).toMatchObject({ reopened: 1, created: 0 });
    const reopened = await one('openssh-client');
    expect(reopened.state).toBe('open');
    expect(reopened.timeline.map((e) => e.kind)).toEqual([
      'detected',
      'fixed',
      'verify',
      'close',
      'reopened',
    ]);
  });

  test('a clean re-scan that still reports the finding does not verify it', async () => {
    const curl = await one('libcurl4');
    expect(
      (await act(curl.id, 'analyse', { impact: 'HTTP/2 clients only', affectedServices: ['payments'] })).body
        .state,
    ).toBe('analysed');
    expect((await act(curl.id, 'fix', { changeRef: 'CHG-2026-118' })).body.state).toBe('fixing');
    expect((await act(curl.id, 'mark-fixed', { note: 'apt upgrade libcurl4' })).body.state).toBe('fixed');
    t += 60_000;
    const still = await importReport(fixture('trivy-image.json'));
    // reported again after it was marked fixed: reopened by the import itself
    expect(still.reopened).toBe(1);
    expect((await one('libcurl4')).state).toBe('open');
  });

  test('every refused transition names the state and the fix (409) or the input (422)', async () => {
    const zlib = await one('zlib1g');
    const refused: Array<[string, unknown, number, RegExp]> = [
      ['fix', { changeRef: 'CHG-1' }, 409, /cannot fix a finding that is open: analyse it first/],
      ['mark-fixed', {}, 409, /cannot mark-fixed a finding that is open: link the patch plan or change/],
      ['verify', { method: 'manual', note: 'n', evidence: 'e' }, 409, /cannot verify a finding that is open/],
      ['close', {}, 409, /cannot close a finding that is open: verify the fix first/],
      ['reopen', { reason: 'r' }, 409, /cannot reopen a finding that is open/],
      [
        'accept-risk',
        { approver: 'nobody', reason: 'r', expiresAt: '2026-12-30T00:00:00+08:00' },
        422,
        /body approver: nobody is not in the people directory/,
      ],
      [
        'accept-risk',
        { approver: 'wang.wu', reason: 'r', expiresAt: '2026-09-01T00:00:00+08:00' },
        422,
        /body expiresAt: .* has passed/,
      ],
      [
        'accept-risk',
        { approver: 'wang.wu', reason: 'r', expiresAt: '2028-09-01T00:00:00+08:00' },
        422,
        /more than 365 days away \(vulnerabilities.risk_acceptance_max\)/,
      ],
      ['fix', { changeRef: 'CHG-1', patchPlanId: 'PP-1' }, 400, /exactly one/],
      ['verify', { method: 'manual', note: 'checked' }, 400, /body evidence/],
      ['verify', { method: 'guess' }, 400, /body method/],
      ['analyse', {}, 400, /body impact/],
    ];
    for (const [action, body, status, message] of refused) {
      const r = await act(zlib.id, action, body);
      expect([action, r.status, r.body.error?.message]).toEqual([
        action,
        status,
        expect.stringMatching(message),
      ]);
    }
    await act(zlib.id, 'analyse', { impact: 'MiniZip is not shipped in Debian’s zlib1g' });
    const unknownPlan = await act(zlib.id, 'fix', { patchPlanId: 'PP-999' });
    expect([unknownPlan.status, unknownPlan.body.error?.message]).toEqual([
      422,
      expect.stringMatching(/body patchPlanId: no patch plan PP-999/),
    ]);
    const fp = await act(zlib.id, 'false-positive', { reason: 'MiniZip is not built into zlib1g' });
    expect(fp.body.state).toBe('false_positive');
    expect(fp.body.allowedActions).toEqual(['reopen']);
    expect(
      (
        await act(zlib.id, 'accept-risk', {
          approver: 'wang.wu',
          reason: 'r',
          expiresAt: '2026-12-30T00:00:00+08:00',
        })
      ).status,
    ).toBe(409);
    // a later import keeps the decision
    t += 60_000;
    await importReport(fixture('trivy-image.json'));
    expect((await one('zlib1g')).state).toBe('false_positive');

    const ssh = await one('openssh-client');
    const nowhere = await act(ssh.id, 'analyse', { impact: 'remote root on sshd hosts' });
    expect(nowhere.status).toBe(200);
    await act(ssh.id, 'fix', { changeRef: 'CHG-7' });
    await act(ssh.id, 'mark-fixed', {});
    const imports = (
      await s.api<{ imports: Imp[] }>(
        'GET',
        `/api/v1/vulnerabilities/imports?asset=${encodeURIComponent(IMAGE)}`,
      )
    ).body.imports;
    // the latest import ran at the instant the fix was recorded, and still lists it
    const still = await act(ssh.id, 'verify', { method: 'rescan', importId: imports[0]!.id });
    expect([still.status, still.body.error?.code, still.body.error?.message]).toEqual([
      409,
      'still_reported',
      expect.stringMatching(/still reports CVE-2024-6387 in openssh-client/),
    ]);
    const early = await act(ssh.id, 'verify', { method: 'rescan', importId: imports.at(-1)!.id });
    expect([early.status, early.body.error?.message]).toEqual([
      422,
      expect.stringMatching(/before the fix was recorded/),
    ]);
    const elsewhere = await post<{ import: Imp }>('/api/v1/vulnerabilities/imports', {
      report: fixture('trivy-image.json'),
      asset: 'other-host',
    });
    const wrongTarget = await act(ssh.id, 'verify', { method: 'rescan', importId: elsewhere.body.import.id });
    expect([wrongTarget.status, wrongTarget.body.error?.message]).toEqual([
      422,
      expect.stringMatching(/scanned other-host/),
    ]);
    const unknown = await act(ssh.id, 'verify', { method: 'rescan', importId: 'nope' });
    expect([unknown.status, unknown.body.error?.message]).toEqual([
      422,
      expect.stringMatching(/body importId: no import nope/),
    ]);
    const manual = await act(ssh.id, 'verify', {
      method: 'manual',
      note: 'ssh -V: OpenSSH_9.2p1 Debian-2+deb12u3',
      evidence: 'CHG-7 comment 4',
    });
    expect(manual.body).toMatchObject({
      state: 'verified',
      verification: { method: 'manual', evidence: 'CHG-7 comment 4' },
    });
  });

  test('a finding by hand is the same finding a later scan reports; a re-scan still reporting a fixed one reopens it', async () => {
    const lodash = {
      asset: 'web-1:9741',
      packageType: 'npm',
      packageName: 'lodash',
      installedVersion: '4.17.20',
      vulnerabilityId: 'CVE-2021-23337',
      severity: 'high',
      title: 'lodash: command injection via template',
    };
    const created = await post<Finding>('/api/v1/vulnerabilities/findings', lodash);
    expect([created.status, created.body.state, created.body.source]).toEqual([201, 'open', 'manual']);
    const dup = await post<{ error: { code: string; message: string } }>(
      '/api/v1/vulnerabilities/findings',
      lodash,
    );
    expect([dup.status, dup.body.error.code]).toEqual([409, 'duplicate_finding']);
    await act(created.body.id, 'analyse', { impact: 'templates are not user input' });
    await act(created.body.id, 'fix', { changeRef: 'MR-42' });
    await act(created.body.id, 'mark-fixed', {});
    t += 60_000;
    const report = {
      SchemaVersion: 2,
      ArtifactName: '/srv/web',
      ArtifactType: 'filesystem',
      Results: [
        {
          Target: 'package-lock.json',
          Class: 'lang-pkgs',
          Type: 'npm',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2021-23337',
              PkgName: 'lodash',
              InstalledVersion: '4.17.20',
              FixedVersion: '4.17.21',
              Severity: 'HIGH',
            },
          ],
        },
      ],
    };
    const noAsset = await post<{ error: { message: string } }>('/api/v1/vulnerabilities/imports', { report });
    expect([noAsset.status, noAsset.body.error.message]).toEqual([
      422,
      expect.stringMatching(/body asset: .*scanned the path \/srv\/web/),
    ]);
    const imp = await importReport(report, { asset: 'web-1:9741' });
    // the manual finding is the same finding (same key): reported again, so it reopens
    expect(imp).toMatchObject({ created: 0, reopened: 1 });
    await act(created.body.id, 'fix', { changeRef: 'MR-43' }).then((r) => expect(r.status).toBe(409));
    await act(created.body.id, 'analyse', { impact: 'x' });
    await act(created.body.id, 'fix', { changeRef: 'MR-43' });
    await act(created.body.id, 'mark-fixed', {});
    t += 60_000;
    const again = await importReport(report, { asset: 'web-1:9741' });
    const r = await act(created.body.id, 'verify', { method: 'rescan', importId: again.id });
    // the import itself reopened it, so there is nothing fixed to verify any more
    expect([r.status, r.body.error?.code]).toEqual([409, 'illegal_transition']);
  });

  test('risk acceptance reopens when it expires (the tick), with an expired-acceptance gauge until decided again', async () => {
    const perl = await one('perl-base');
    const accepted = await act(perl.id, 'accept-risk', {
      approver: 'zhao.liu',
      reason: 'CPAN is never run on this image',
      expiresAt: new Date(t + 3 * 86_400_000).toISOString(),
    });
    expect(accepted.body).toMatchObject({ state: 'risk_accepted', riskAcceptance: { approver: 'zhao.liu' } });
    expect(await expireRiskAcceptances(s.ctx)).toBe(0);
    t += 3 * 86_400_000;
    const metrics = async () => (await (await fetch(`${s.url}/metrics`)).text()).split('\n');
    expect(await metrics()).toContain('opsdesk_vulnerability_risk_acceptances_expired 1');
    expect(await expireRiskAcceptances(s.ctx)).toBe(1);
    const reopened = await one('perl-base');
    expect(reopened.state).toBe('open');
    expect(reopened.timeline.at(-1)).toMatchObject({ kind: 'risk_acceptance_expired', actor: 'system' });
    expect(await metrics()).toContain('opsdesk_vulnerability_risk_acceptances_expired 1');
    await act(perl.id, 'accept-risk', {
      approver: 'zhao.liu',
      reason: 'renewed',
      expiresAt: new Date(t + 86_400_000).toISOString(),
    });
    expect(await metrics()).toContain('opsdesk_vulnerability_risk_acceptances_expired 0');
  });

  test('overdue findings are listed, counted, and notified once each', async () => {
    at('2026-10-15T09:00:00'); // past the critical's 10-13 and the known-exploited glibc's 10-09
    const overdue = await findings('&overdue=true');
    const names = overdue.filter((f) => f.asset === IMAGE).map((f) => f.packageName);
    expect(names).toEqual(expect.arrayContaining(['libc-bin', 'libc6']));
    expect(names).not.toContain('zlib1g'); // a false positive is never overdue
    const counts = (await s.api<{ overdue: Record<string, number> }>('GET', '/api/v1/vulnerabilities/counts'))
      .body;
    expect(counts.overdue.high).toBe(overdue.filter((f) => f.severity === 'high').length);
    const sent = await notifyOverdue(s.ctx);
    expect(sent).toBe(overdue.length);
    expect(await notifyOverdue(s.ctx)).toBe(0);
    const messages = await s.ctx.db.kysely
      .selectFrom('notify_messages')
      .select(['kind', 'events'])
      .where('kind', '=', 'vulnerability.overdue')
      .execute();
    expect(messages).toHaveLength(overdue.length);
    const events = messages.map(
      (m) => (JSON.parse(m.events) as Array<{ data: { id: string; url: string } }>)[0]!.data,
    );
    expect(events.map((d) => d.id)).toContain('CVE-2023-4911');
    const glibc = overdue.find((f) => f.packageName === 'libc6' && f.asset === IMAGE)!;
    expect(events.map((d) => d.url)).toContain(
      `http://localhost:3000/a/opsdesk-ops-app/vulnerabilities/findings/${glibc.id}`,
    );
    const text = (await (await fetch(`${s.url}/metrics`)).text()).split('\n');
    expect(text).toContain(`opsdesk_vulnerability_findings_overdue{severity="high"} ${counts.overdue.high}`);
  });

  test('viewers read, editors import; a huge report fits the import route’s own body limit', async () => {
    const forbidden = await post<{ error: { message: string } }>(
      '/api/v1/vulnerabilities/imports',
      { report: fixture('trivy-image.json') },
      viewer,
    );
    expect([forbidden.status, forbidden.body.error.message]).toEqual([
      403,
      expect.stringMatching(/needs the editor role/),
    ]);
    expect((await s.api('GET', '/api/v1/vulnerabilities/findings', undefined, viewer)).status).toBe(200);
    const huge = fixture('trivy-image.json');
    const template = huge.Results[1]!.Vulnerabilities![0]!;
    huge.ArtifactName = 'registry.example.com/monolith:9';
    huge.Results = [
      {
        Target: 'app/package-lock.json',
        Vulnerabilities: Array.from({ length: 6000 }, (_, i) => ({
          ...template,
          PkgName: `pkg-${i}`,
          PkgIdentifier: { PURL: `pkg:npm/pkg-${i}@1.0.${i % 7}` },
          InstalledVersion: `1.0.${i % 7}`,
          Description: 'x'.repeat(2000),
        })),
      },
    ];
    const bytes = JSON.stringify({ report: huge }).length;
    expect(bytes).toBeGreaterThan(s.ctx.config.http.body_limit_bytes * 10);
    t += 60_000;
    expect(await importReport(huge)).toMatchObject({ reported: 6000, created: 6000 });
    t += 60_000;
    expect(await importReport(huge)).toMatchObject({ reported: 6000, unchanged: 6000 });
    s.ctx.config.vulnerabilities.import_body_limit_bytes = 1024 * 1024;
    try {
      const big = await post<{ error: { message: string } }>('/api/v1/vulnerabilities/imports', {
        report: huge,
      });
      expect([big.status, big.body.error.message]).toEqual([
        413,
        expect.stringMatching(/raise vulnerabilities.import_body_limit_bytes/),
      ]);
    } finally {
      s.ctx.config.vulnerabilities.import_body_limit_bytes = 64 * 1024 * 1024;
    }
  }, 120_000);
});
