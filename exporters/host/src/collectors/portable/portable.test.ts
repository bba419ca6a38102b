import type { CpuInfo } from 'node:os';
import { silentLogger } from '@opsdesk/testing';
import { collectOnce, sampleOf } from '@opsdesk/exporter-core';
import { createHostCollectors } from '..';
import { hostConfigSchema } from '../../config';
import { portableCpuCollector } from './cpu';
import { portableMeminfoCollector } from './memory';
import type { SystemInformation } from './sampled';

// Windows and macOS cannot run here; these stand in for what os.cpus() and systeminformation
// return there, to check the mapping onto the Linux metric names.
const cpus: CpuInfo[] = [
  { model: 'x', speed: 2400, times: { user: 120_500, nice: 0, sys: 30_250, idle: 900_000, irq: 1_000 } },
  { model: 'x', speed: 2400, times: { user: 80_000, nice: 10, sys: 20_000, idle: 950_000, irq: 500 } },
];

test('cpu: os.cpus() milliseconds become cpu_seconds_total per mode', async () => {
  const sink = await collectOnce(portableCpuCollector(() => cpus));
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(120.5);
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '1', mode: 'system' })).toBe(20);
  expect(sampleOf(sink, 'opsdesk_host_cpu_seconds_total', { cpu: '0', mode: 'iowait' })).toBeUndefined();
});

test('meminfo: sampled in the background every interval, absent until the first sample', async () => {
  // on jest's fake clock, so the sampling interval is exact rather than slept through
  jest.useFakeTimers();
  let available = 5e9;
  const fakeSi = async () =>
    ({
      mem: async () => ({ total: 8e9, available, free: 1e9, swaptotal: 2e9, swapfree: 2e9 }),
    }) as unknown as SystemInformation;
  const collector = portableMeminfoCollector(silentLogger, 60_000, fakeSi);
  try {
    expect((await collectOnce(collector)).families.size).toBe(0);
    collector.start?.();
    await jest.advanceTimersByTimeAsync(0);
    const sink = await collectOnce(collector);
    expect(sampleOf(sink, 'opsdesk_host_memory_available_bytes')).toBe(5e9);
    expect(sampleOf(sink, 'opsdesk_host_memory_swap_total_bytes')).toBe(2e9);
    available = 4e9;
    await jest.advanceTimersByTimeAsync(60_000 - 1);
    expect(sampleOf(await collectOnce(collector), 'opsdesk_host_memory_available_bytes')).toBe(5e9);
    await jest.advanceTimersByTimeAsync(1);
    expect(sampleOf(await collectOnce(collector), 'opsdesk_host_memory_available_bytes')).toBe(4e9);
  } finally {
    collector.stop?.();
    jest.useRealTimers();
  }
});

test('the collector set follows the platform, keeping the Linux names', () => {
  const config = hostConfigSchema.parse({});
  const names = (platform: NodeJS.Platform) =>
    createHostCollectors(config, silentLogger, platform).map((c) => c.name);
  expect(names('linux')).toEqual(
    expect.arrayContaining(['cpu', 'stat', 'pressure', 'diskstats', 'filesystem', 'netdev']),
  );
  expect(names('win32')).toEqual([
    'cpu',
    'meminfo',
    'filesystem',
    'netdev',
    'timesync',
    'inventory',
    'patches',
    'systemd',
  ]);
  expect(names('darwin')).toContain('loadavg');
  expect(names('darwin')).not.toContain('pressure');
});
