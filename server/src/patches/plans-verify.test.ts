import { checkOutcome, checksMissing, evaluateHosts, type HostPatchView } from './plans-verify';

const INSTALLED = Date.parse('2026-10-10T02:30:00Z');
const view = (over: Partial<HostPatchView> = {}): HostPatchView => ({
  collectedAt: INSTALLED + 60_000,
  rebootRequired: false,
  status: 'ok',
  pending: [],
  ...over,
});
const run = (
  states: Record<string, HostPatchView>,
  over: Partial<Parameters<typeof evaluateHosts>[0]> = {},
) =>
  evaluateHosts({
    planRef: 'PP-7',
    hosts: Object.keys(states).length ? Object.keys(states) : ['db1:9741'],
    states: new Map(Object.entries(states)),
    packages: ['openssl'],
    advisories: ['DSA-5764-1'],
    installedAt: INSTALLED,
    reboot: null,
    ...over,
  });

describe('the verified gate over the hosts’ collected state', () => {
  test('a clean host passes; other pending packages do not matter', () => {
    const r = run({
      'db1:9741': view({ pending: [{ name: 'tzdata', candidateVersion: '2025b', advisories: [] }] }),
    });
    expect(r.missing).toEqual([]);
    expect(r.results).toEqual([
      {
        host: 'db1:9741',
        collectedAt: INSTALLED + 60_000,
        status: 'ok',
        stillPending: [],
        rebootRequired: false,
        problems: [],
      },
    ]);
  });

  test('a plan package, or a package of one of its advisories or CVEs, still pending is named with its host', () => {
    const r = run(
      {
        'db1:9741': view({
          pending: [{ name: 'openssl', candidateVersion: '3.0.15-1~deb12u1', advisories: [] }],
        }),
        'db2:9741': view({
          pending: [{ name: 'libssl3', candidateVersion: '3.0.15-1~deb12u1', advisories: ['DSA-5764-1'] }],
        }),
        'db3:9741': view({
          pending: [{ name: 'libcrypto', candidateVersion: '1', advisories: [], cves: ['CVE-2024-5535'] }],
        }),
      },
      { advisories: ['DSA-5764-1', 'CVE-2024-5535'] },
    );
    expect(r.missing.map((m) => [m.missing, m.message.split(' (')[0]])).toEqual([
      ['packages_pending', 'host db1:9741 still reports openssl 3.0.15-1~deb12u1 pending'],
      ['packages_pending', 'host db2:9741 still reports libssl3 3.0.15-1~deb12u1 pending'],
      ['packages_pending', 'host db3:9741 still reports libcrypto 1 pending'],
    ]);
    expect(r.missing[0]?.how).toContain('POST /api/v1/patches/plans/PP-7/rollback');
  });

  test('a host never collected, one whose list predates the install (with why), one whose check failed', () => {
    const r = evaluateHosts({
      planRef: 'PP-7',
      hosts: ['new:9741', 'old:9741', 'broken:9741'],
      states: new Map([
        ['old:9741', view({ collectedAt: INSTALLED - 1 })],
        ['broken:9741', view({ status: 'error' })],
      ]),
      failures: new Map([['old:9741', 'connect ECONNREFUSED 10.0.0.5:9741']]),
      packages: ['openssl'],
      advisories: [],
      installedAt: INSTALLED,
      reboot: null,
    });
    expect(r.missing.map((m) => m.missing)).toEqual([
      'hosts_collected',
      'hosts_collected',
      'hosts_collected',
    ]);
    expect(r.missing.map((m) => m.message)).toEqual([
      'host new:9741 has never been collected',
      "host old:9741's package list is from 2026-10-10T02:29:59.999Z, before the install at 2026-10-10T02:30:00.000Z (collecting it just now failed: connect ECONNREFUSED 10.0.0.5:9741)",
      "host broken:9741's patch check is error, so it cannot show the packages are installed",
    ]);
  });

  test('a required reboot must be recorded; a reboot recorded but the exporter checking after it still needing one is refused', () => {
    expect(run({ 'db1:9741': view({ rebootRequired: true }) }).missing.map((m) => m.missing)).toEqual([
      'reboot',
    ]);
    expect(
      run({ 'db1:9741': view({ rebootRequired: true }) }, { reboot: { at: INSTALLED + 30_000 } }).missing,
    ).toEqual([]);
    const again = run(
      { 'db1:9741': view({ rebootRequired: true, checkedAt: INSTALLED + 120_000 }) },
      { reboot: { at: INSTALLED + 30_000 } },
    );
    expect(again.missing.map((m) => m.message)).toEqual([
      'host db1:9741 still reports a reboot required, checked at 2026-10-10T02:32:00.000Z after the reboot recorded at 2026-10-10T02:30:30.000Z',
    ]);
    // an exporter check from before the install shows nothing about it
    expect(run({ 'db1:9741': view({ checkedAt: INSTALLED - 5 }) }).missing.map((m) => m.missing)).toEqual([
      'hosts_collected',
    ]);
  });

  test('post-install checks: empty or non-empty results, a query error, each failure named', () => {
    const c = { name: 'db-up', expr: 'up{job="db"} == 0', expect: 'empty' as const };
    expect(checkOutcome(c, { samples: [] })).toMatchObject({ passed: true, series: 0, value: null });
    const down = checkOutcome(c, { samples: [{ labels: { instance: 'db1:9100' }, value: 0 }] });
    expect(down).toMatchObject({ passed: false, series: 1, value: 0 });
    const some = checkOutcome(
      { ...c, expect: 'non_empty' },
      { samples: [{ labels: {}, value: Number.NaN }] },
    );
    expect(some).toMatchObject({ passed: true, value: null });
    const broken = checkOutcome(c, {
      error: 'Prometheus refused query "up{": bad_data: unexpected end of input',
    });
    expect(checksMissing('PP-7', [down, broken, some]).map((m) => m.message)).toEqual([
      'post-install check db-up failed: up{job="db"} == 0 returned 1 series, expected none',
      'post-install check db-up could not be evaluated: Prometheus refused query "up{": bad_data: unexpected end of input',
    ]);
  });
});
