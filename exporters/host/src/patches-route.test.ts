import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  aptFixture,
  describeWithPrograms,
  freePort,
  parseExposition,
  startService,
  waitFor,
  type AptFixture,
  type RunningService,
} from '@opsdesk/testing';

// The built binary, with the real apt of this machine reading a constructed dpkg status file.
const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-host-exporter.js');

interface Doc {
  version: number;
  host: string;
  manager: string;
  status: string;
  error: string | null;
  checkedAt: string | null;
  metadataRefreshedAt: string | null;
  rebootRequired: boolean | null;
  packages: Array<Record<string, unknown> & { name: string }>;
}

async function start(dir: string, env: NodeJS.ProcessEnv): Promise<RunningService & { url: string }> {
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'host.yml'),
    'collectors:\n  patches: { manager: apt, interval: 1h }\n  systemd: { enabled: false }\n',
  );
  const url = `http://127.0.0.1:${port}`;
  const svc = await startService({
    command: BIN,
    args: ['--listen', `127.0.0.1:${port}`, '--config', path.join(dir, 'host.yml')],
    readyUrl: `${url}/-/ready`,
    env,
  });
  return { ...svc, url };
}

const get = async (url: string): Promise<Doc> => (await (await fetch(`${url}/api/v1/patches`)).json()) as Doc;

describeWithPrograms({ 'apt-get': 'apt' }, 'GET /api/v1/patches of the real exporter and real apt', () => {
  let dir: string;
  let apt: AptFixture;
  let exp: RunningService & { url: string };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-patches-route-'));
    apt = aptFixture(dir, { tzdata: '2024a-0+deb12u1', 'distro-info-data': '0.58+deb12u1' });
    exp = await start(dir, { APT_CONFIG: apt.aptConfig });
  });
  afterAll(async () => {
    await exp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('lists the pending packages with versions, origin and security, as the series count them', async () => {
    const doc = await waitFor('first patch check', async () => {
      const d = await get(exp.url);
      return d.status === 'pending' ? undefined : d;
    });
    expect(doc).toMatchObject({
      version: 1,
      manager: 'apt',
      status: 'ok',
      error: null,
      rebootRequired: false,
    });
    expect(Date.parse(doc.checkedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(doc.packages.map((p) => p.name)).toEqual(['distro-info-data', 'tzdata']);
    expect(doc.packages[1]).toEqual({
      name: 'tzdata',
      arch: 'all',
      installedVersion: '2024a-0+deb12u1',
      candidateVersion: apt.candidate('tzdata'),
      origin: 'Debian-Security',
      repository: 'bookworm-security',
      security: true,
      advisories: [],
      cves: [],
    });
    expect(doc.packages[0]).toMatchObject({
      installedVersion: '0.58+deb12u1',
      security: false,
      origin: 'Debian',
    });
    const samples = parseExposition(await (await fetch(`${exp.url}/metrics`)).text());
    expect(samples.get('opsdesk_host_patches_security_upgrades_pending')).toBe(1);
  });

  test('an install (the dpkg status rewritten) is seen on the next read, without waiting for the interval', async () => {
    const before = await get(exp.url);
    apt.install('tzdata', apt.candidate('tzdata'));
    // the read that notices the change waits for the new check (the interval is 1h)
    const doc = await waitFor(
      'tzdata no longer pending',
      async () => {
        const d = await get(exp.url);
        return d.packages.some((p) => p.name === 'tzdata') ? undefined : d;
      },
      { timeoutMs: 15_000 },
    );
    expect(doc.status).toBe('ok');
    expect(doc.packages.map((p) => p.name)).toEqual(['distro-info-data']);
    expect(Date.parse(doc.checkedAt as string)).toBeGreaterThan(Date.parse(before.checkedAt as string));
    // and an unchanged database runs nothing: the same check answers again
    expect((await get(exp.url)).checkedAt).toBe(doc.checkedAt);
  });

  test('apt failing is status error with apt’s own message, the last good list kept', async () => {
    writeFileSync(apt.statusFile, 'Package: broken\nthis is not a dpkg status file\n');
    const doc = await waitFor(
      'error status',
      async () => {
        const d = await get(exp.url);
        return d.status === 'error' ? d : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(doc.error).toMatch(/apt-get .*exited with/);
    expect(doc.packages.map((p) => p.name)).toEqual(['distro-info-data']);
  });
});
