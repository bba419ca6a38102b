import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectOnce, sampleOf, seriesOf } from '@opsdesk/exporter-core';
import { DEFAULT_DISK_EXCLUDE, DEFAULT_FS_TYPES_EXCLUDE, DEFAULT_MOUNT_POINTS_EXCLUDE } from '../config';
import type { HostPaths } from '../procfs';
import { cpuCollector } from './cpu';
import { diskstatsCollector } from './diskstats';
import { filefdCollector } from './filefd';
import { filesystemCollector, parseMounts } from './filesystem';
import { loadavgCollector } from './loadavg';
import { meminfoCollector } from './meminfo';
import { netdevCollector } from './netdev';
import { pressureCollector } from './pressure';
import { statCollector } from './stat';

// Captured on a Debian 12 VM (kernel 6.18, 2 vCPU, virtio disk) with scripts/capture-fixture.sh.
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'debian12-vm');
const paths: HostPaths = {
  procfs: path.join(FIXTURE, 'proc'),
  sysfs: path.join(FIXTURE, 'sys'),
  rootfs: '/',
};

test('cpu: seconds per cpu and mode from /proc/stat at USER_HZ 100', async () => {
  const sink = await collectOnce(cpuCollector(paths));
  // cpu0 3717 0 1630 53461 24 0 21 5 0 0
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(37.17);
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '0', mode: 'idle' })).toBe(534.61);
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '1', mode: 'iowait' })).toBe(2.8);
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '1', mode: 'steal' })).toBe(0.1);
  expect(seriesOf(sink, 'opsdesk_host_cpu_seconds_total')).toHaveLength(16);
  // the aggregate "cpu" line is not exported: sum by (mode) gives it
  expect(seriesOf(sink, 'opsdesk_host_cpu_seconds_total').some((s) => s.labels.cpu === '')).toBe(false);
});

test('stat: boot time, context switches, forks and process counts', async () => {
  const sink = await collectOnce(statCollector(paths));
  expect(sampleOf(sink, 'opsdesk_host_boot_time_seconds')).toBe(1795670423);
  expect(sampleOf(sink, 'opsdesk_host_context_switches_total')).toBe(1330695);
  expect(sampleOf(sink, 'opsdesk_host_forks_total')).toBe(9633);
  expect(sampleOf(sink, 'opsdesk_host_procs_running')).toBe(1);
  expect(sampleOf(sink, 'opsdesk_host_procs_blocked')).toBe(0);
});

test('loadavg, meminfo and filefd', async () => {
  const load = await collectOnce(loadavgCollector(paths));
  expect([1, 5, 15].map((w) => sampleOf(load, `opsdesk_host_load${w}`))).toEqual([0.14, 0.16, 0.1]);
  const mem = await collectOnce(meminfoCollector(paths));
  expect(sampleOf(mem, 'opsdesk_host_memory_total_bytes')).toBe(24684092 * 1024);
  expect(sampleOf(mem, 'opsdesk_host_memory_available_bytes')).toBe(24030788 * 1024);
  expect(sampleOf(mem, 'opsdesk_host_memory_buffers_bytes')).toBe(8016 * 1024);
  expect(sampleOf(mem, 'opsdesk_host_memory_swap_total_bytes')).toBe(0);
  const fd = await collectOnce(filefdCollector(paths));
  expect(sampleOf(fd, 'opsdesk_host_filefd_allocated')).toBe(618);
  expect(sampleOf(fd, 'opsdesk_host_filefd_maximum')).toBe(2466177);
});

test('pressure: some and full totals in seconds per resource', async () => {
  const sink = await collectOnce(pressureCollector(paths));
  expect(sampleOf(sink, 'opsdesk_host_pressure_some_seconds_total', { resource: 'cpu' })).toBe(16.778881);
  expect(sampleOf(sink, 'opsdesk_host_pressure_some_seconds_total', { resource: 'io' })).toBe(2.662196);
  expect(sampleOf(sink, 'opsdesk_host_pressure_full_seconds_total', { resource: 'io' })).toBe(2.396045);
  expect(sampleOf(sink, 'opsdesk_host_pressure_full_seconds_total', { resource: 'memory' })).toBe(0);
});

test('pressure: a kernel without PSI yields no series and no failure', async () => {
  const sink = await collectOnce(pressureCollector({ ...paths, procfs: '/nonexistent' }));
  expect(sink.families.size).toBe(0);
});

test('diskstats: per device, skipping loop, ram and partitions by default', async () => {
  const sink = await collectOnce(
    diskstatsCollector(paths, { device_exclude: new RegExp(DEFAULT_DISK_EXCLUDE) }),
  );
  // vda 53258 11524 2551506 22696 45714 29441 4346328 10236 0 6616 33741 ...
  const vda = { device: 'vda' };
  expect(sampleOf(sink, 'opsdesk_host_disk_reads_completed_total', vda)).toBe(53258);
  expect(sampleOf(sink, 'opsdesk_host_disk_read_bytes_total', vda)).toBe(2551506 * 512);
  expect(sampleOf(sink, 'opsdesk_host_disk_read_time_seconds_total', vda)).toBe(22.696);
  expect(sampleOf(sink, 'opsdesk_host_disk_written_bytes_total', vda)).toBe(4346328 * 512);
  expect(sampleOf(sink, 'opsdesk_host_disk_io_in_progress', vda)).toBe(0);
  expect(sampleOf(sink, 'opsdesk_host_disk_io_time_seconds_total', vda)).toBe(6.616);
  expect(sampleOf(sink, 'opsdesk_host_disk_io_time_weighted_seconds_total', vda)).toBe(33.741);
  const devices = seriesOf(sink, 'opsdesk_host_disk_reads_completed_total').map((s) => s.labels.device);
  expect(devices).toEqual(['vda']);
});

test('diskstats: the exclude pattern is the user’s to change', async () => {
  const sink = await collectOnce(diskstatsCollector(paths, { device_exclude: /^loop/ }));
  const devices = seriesOf(sink, 'opsdesk_host_disk_reads_completed_total').map((s) => s.labels.device);
  expect(devices).toEqual(['vda', 'zram0']);
});

test('netdev: counters per interface, up from operstate, speed only where the link reports one', async () => {
  const sink = await collectOnce(netdevCollector(paths, {}));
  expect(sampleOf(sink, 'opsdesk_host_network_receive_bytes_total', { device: 'eth0' })).toBe(372581479);
  expect(sampleOf(sink, 'opsdesk_host_network_transmit_packets_total', { device: 'eth0' })).toBe(5884);
  expect(sampleOf(sink, 'opsdesk_host_network_up', { device: 'eth0' })).toBe(1);
  expect(sampleOf(sink, 'opsdesk_host_network_up', { device: 'lo' })).toBe(0); // lo reports "unknown"
  // eth0 is a virtio NIC that reports speed -1; no series rather than a bogus negative speed
  expect(seriesOf(sink, 'opsdesk_host_network_speed_bytes')).toEqual([]);
  const only = await collectOnce(netdevCollector(paths, { device_include: /^eth/ }));
  expect(seriesOf(only, 'opsdesk_host_network_receive_bytes_total').map((s) => s.labels.device)).toEqual([
    'eth0',
  ]);
});

describe('with a modified copy of the capture', () => {
  let dir: string;
  let copy: HostPaths;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-host-'));
    cpSync(FIXTURE, dir, { recursive: true });
    copy = { procfs: path.join(dir, 'proc'), sysfs: path.join(dir, 'sys'), rootfs: '/' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('netdev: a 10 Gb/s link reports its speed in bytes per second', async () => {
    writeFileSync(path.join(copy.sysfs, 'class/net/eth0/speed'), '10000\n');
    const sink = await collectOnce(netdevCollector(copy, {}));
    expect(sampleOf(sink, 'opsdesk_host_network_speed_bytes', { device: 'eth0' })).toBe(1.25e9);
  });

  test('netdev: an interface that vanished from /sys between reads is still counted, without up/speed', async () => {
    rmSync(path.join(copy.sysfs, 'class/net/ifb0'), { recursive: true });
    const sink = await collectOnce(netdevCollector(copy, {}));
    expect(sampleOf(sink, 'opsdesk_host_network_receive_bytes_total', { device: 'ifb0' })).toBe(0);
    expect(sampleOf(sink, 'opsdesk_host_network_up', { device: 'ifb0' })).toBeUndefined();
  });

  test('an unreadable /proc file makes the collector fail with the file named', async () => {
    rmSync(path.join(copy.procfs, 'meminfo'));
    await expect(collectOnce(meminfoCollector(copy))).rejects.toThrow(/meminfo/);
    writeFileSync(path.join(copy.procfs, 'loadavg'), 'garbage\n');
    await expect(collectOnce(loadavgCollector(copy))).rejects.toThrow(/loadavg: unexpected format/);
  });

  test('filesystem: statfs per mount, readonly from options, errors for mounts that are gone', async () => {
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(
      path.join(copy.procfs, '1/mounts'),
      [
        '/dev/vda / ext4 rw,relatime 0 0',
        'proc /proc proc rw 0 0',
        `/dev/vdb ${dir}/data ext4 ro,relatime 0 0`,
        `nfs:/export ${dir}/gone\\040away nfs4 rw 0 0`,
        '',
      ].join('\n'),
    );
    const sink = await collectOnce(
      filesystemCollector(copy, {
        mount_points_exclude: new RegExp(DEFAULT_MOUNT_POINTS_EXCLUDE),
        fs_types_exclude: new RegExp(DEFAULT_FS_TYPES_EXCLUDE),
        mount_timeout: 2000,
      }),
    );
    const root = { device: '/dev/vda', mountpoint: '/', fstype: 'ext4' };
    expect(sampleOf(sink, 'opsdesk_host_filesystem_size_bytes', root)).toBeGreaterThan(0);
    expect(sampleOf(sink, 'opsdesk_host_filesystem_avail_bytes', root)).toBeLessThanOrEqual(
      sampleOf(sink, 'opsdesk_host_filesystem_free_bytes', root) as number,
    );
    expect(sampleOf(sink, 'opsdesk_host_filesystem_device_error', root)).toBe(0);
    expect(
      sampleOf(sink, 'opsdesk_host_filesystem_readonly', {
        device: '/dev/vdb',
        mountpoint: `${dir}/data`,
        fstype: 'ext4',
      }),
    ).toBe(1);
    const gone = { device: 'nfs:/export', mountpoint: `${dir}/gone away`, fstype: 'nfs4' };
    expect(sampleOf(sink, 'opsdesk_host_filesystem_device_error', gone)).toBe(1);
    expect(sampleOf(sink, 'opsdesk_host_filesystem_size_bytes', gone)).toBeUndefined();
    expect(seriesOf(sink, 'opsdesk_host_filesystem_size_bytes').some((s) => s.labels.fstype === 'proc')).toBe(
      false,
    );
  });
});

test('filesystem: a hung network mount is reported as an error after mount_timeout, and not asked again while stuck', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-hung-'));
  mkdirSync(path.join(dir, 'proc', '1'), { recursive: true });
  writeFileSync(
    path.join(dir, 'proc', '1', 'mounts'),
    '/dev/vda / ext4 rw 0 0\nnas:/trades /mnt/trades nfs4 rw 0 0\n',
  );
  const answer = { bsize: 4096, blocks: 10, bfree: 5, bavail: 4, files: 100, ffree: 50 };
  let release: (() => void) | undefined;
  let serverUp = false;
  let asked = 0;
  const collector = filesystemCollector(
    { procfs: path.join(dir, 'proc'), sysfs: '/sys', rootfs: '/' },
    { mount_points_exclude: /^$/, fs_types_exclude: /^$/, mount_timeout: 150 },
    {
      // stands in for statfs on an NFS server that stopped answering
      remoteStatfs: () => {
        asked++;
        if (serverUp) return Promise.resolve(answer);
        return new Promise((resolve) => (release = () => resolve(answer)));
      },
    },
  );
  const nfs = { device: 'nas:/trades', mountpoint: '/mnt/trades', fstype: 'nfs4' };
  const root = { device: '/dev/vda', mountpoint: '/', fstype: 'ext4' };
  // on jest's fake clock the scrape is seen waiting exactly mount_timeout, however busy the machine
  jest.useFakeTimers();
  try {
    let done = false;
    const scrape = collectOnce(collector).finally(() => (done = true));
    await jest.advanceTimersByTimeAsync(149);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    const first = await scrape;
    expect(sampleOf(first, 'opsdesk_host_filesystem_device_error', nfs)).toBe(1);
    expect(sampleOf(first, 'opsdesk_host_filesystem_size_bytes', root)).toBeGreaterThan(0);
    // a stuck mount is skipped, not waited for again: the next scrape ends without the clock moving
    let secondDone = false;
    const next = collectOnce(collector).finally(() => (secondDone = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(secondDone).toBe(true);
    const second = await next;
    expect(sampleOf(second, 'opsdesk_host_filesystem_device_error', nfs)).toBe(1);
    expect(asked).toBe(1);
    serverUp = true;
    release?.();
    await jest.advanceTimersByTimeAsync(0);
    const recovered = await collectOnce(collector);
    expect(sampleOf(recovered, 'opsdesk_host_filesystem_device_error', nfs)).toBe(0);
    expect(sampleOf(recovered, 'opsdesk_host_filesystem_size_bytes', nfs)).toBe(40960);
  } finally {
    jest.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parseMounts: the last mount on a mountpoint wins and escapes are decoded', () => {
  const mounts = parseMounts('a /x ext4 rw 0 0\nb /x xfs ro 0 0\nc /with\\040space tmpfs rw 0 0\n');
  expect(mounts).toEqual([
    { device: 'b', mountpoint: '/x', fstype: 'xfs', readonly: true },
    { device: 'c', mountpoint: '/with space', fstype: 'tmpfs', readonly: false },
  ]);
});
