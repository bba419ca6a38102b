import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startExporter, type Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import {
  COMMON_GOLDEN_RULES,
  expectGoldenScrape,
  freePort,
  GOLDEN_FROZEN_CLOCK,
  mergeRules,
  ONLY_DATE_FAKED,
  silentLogger,
} from '@opsdesk/testing';
import { createHostCollectors, hostConfigSchema, hostExporter, type HostConfig } from './index';
import { inventoryCollector } from './collectors/inventory';
import { patchesCollector } from './collectors/patches';
import { systemdCollector } from './collectors/systemd';
import { timesyncCollector } from './collectors/timesync';
import { apt } from './patch-managers/apt';

// The host exporter's golden exposition (exporters/host/fixtures/e2e-output.prom): every collector
// the Linux exporter builds, reading the captured debian12-vm /proc and /sys tree, with the
// background checks answered from captured command outputs (fixtures/commands) and the clock frozen.
// `npm run golden` rewrites the file; docs/metrics.md explains what is normalised and why.

const FIXTURES = path.join(__dirname, 'fixtures');
const ROOT = path.join(FIXTURES, 'debian12-vm');
const GOLDEN = path.join(__dirname, '..', 'fixtures', 'e2e-output.prom');
const fixture = (...p: string[]) => readFileSync(path.join(FIXTURES, ...p), 'utf8');

const RULES = mergeRules(COMMON_GOLDEN_RULES, {
  // statfs asks the kernel of the machine running the test about the mount points: the captured
  // tree has the mount table but no filesystems, so sizes and inode counts are not compared
  volatileValues: [/^opsdesk_host_filesystem_(size|free|avail)_bytes$/, /^opsdesk_host_filesystem_files/],
});

/** The collectors that ask programs of this machine, answered from the fixtures instead. */
function withFixtureCommands(config: HostConfig, log: Logger): Collector[] {
  const c = config.collectors;
  const ok = (stdout: string) => Promise.resolve({ code: 0, stdout, stderr: '' });
  const replacements: Record<string, Collector> = {
    timesync: timesyncCollector(c.timesync, log, {
      source: 'chrony',
      run: () => ok(fixture('commands', 'chronyc-tracking.csv')),
    }),
    systemd: systemdCollector(c.systemd, log, {
      booted: true,
      run: () => ok(fixture('commands', 'systemctl-list-units.txt')),
    }),
    patches: patchesCollector(c.patches, log, {
      manager: apt,
      run: (file) =>
        file === 'apt-get'
          ? ok(fixture('patches', 'apt-dist-upgrade-debian12.txt'))
          : file === 'apt-mark'
            ? ok('linux-image-amd64\n')
            : Promise.resolve({ code: 127, stdout: '', stderr: `${file}: not in the fixtures` }),
      // the package lists were refreshed two hours before the frozen clock; a reboot is pending
      fileMtime: (f) =>
        Promise.resolve(
          f === '/var/lib/apt/periodic/update-success-stamp'
            ? GOLDEN_FROZEN_CLOCK / 1000 - 7200
            : f === '/run/reboot-required'
              ? GOLDEN_FROZEN_CLOCK / 1000 - 3600
              : undefined,
        ),
    }),
    inventory: inventoryCollector(c.inventory, log, () =>
      Promise.resolve({
        os: 'Debian GNU/Linux',
        osVersion: '12',
        kernel: '6.1.0-28-cloud-amd64',
        arch: 'x64',
        cpuModel: 'AMD EPYC 7B13',
        hostname: 'debian12-vm',
        logicalCpus: 4,
        physicalCpus: 2,
        memoryBytes: 25_769_803_776,
      }),
    ),
  };
  const collectors = createHostCollectors(config, log, 'linux');
  for (const name of Object.keys(replacements)) {
    if (!collectors.some((x) => x.name === name))
      throw new Error(`the host exporter has no ${name} collector any more; update ${__filename}`);
  }
  return collectors.map((x) => replacements[x.name] ?? x);
}

let rootfs: string;
beforeAll(() => {
  jest.useFakeTimers({ now: GOLDEN_FROZEN_CLOCK, doNotFake: [...ONLY_DATE_FAKED] });
  // the mount points of the captured mount table, so every statfs answers (values not compared)
  rootfs = mkdtempSync(path.join(tmpdir(), 'opsdesk-golden-host-'));
  for (const m of ['dev/shm', 'mnt/sandboxing/model_tools_env/v1/python'])
    mkdirSync(path.join(rootfs, m), { recursive: true });
  // The captured VM's virtio NIC reports no link speed (-1), so the series the network-saturation
  // rules divide by would be absent; here eth0 reports the 10000 Mb/s of a bare-metal host's NIC.
  cpSync(path.join(ROOT, 'sys'), path.join(rootfs, 'sys'), { recursive: true });
  writeFileSync(path.join(rootfs, 'sys', 'class', 'net', 'eth0', 'speed'), '10000\n');
});
afterAll(() => {
  jest.useRealTimers();
  rmSync(rootfs, { recursive: true, force: true });
});

test('the host exporter on the captured debian12-vm tree serves exactly exporters/host/fixtures/e2e-output.prom', async () => {
  const config = hostConfigSchema.parse({
    paths: { procfs: path.join(ROOT, 'proc'), sysfs: path.join(rootfs, 'sys'), rootfs },
    collectors: { systemd: { units: ['chronyd.service', 'trading-gateway.service'] } },
  });
  const exporter = await startExporter(
    { ...hostExporter, create: (cfg, ctx) => ({ collectors: withFixtureCommands(cfg, ctx.log) }) },
    config,
    { listen: `127.0.0.1:${await freePort()}`, log: silentLogger },
  );
  try {
    // the background checks run once at start; scrape when all four have landed
    await expectGoldenScrape(`${exporter.url}/metrics`, {
      file: GOLDEN,
      rules: RULES,
      source: 'host /metrics',
      landed: [
        'opsdesk_host_info{',
        'opsdesk_host_time_sync_synchronized{',
        'opsdesk_host_systemd_failed_units ',
        'opsdesk_host_patches_security_upgrades_pending ',
      ],
    });
  } finally {
    await exporter.close();
  }
});
