import type { Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { HostConfig } from '../config';
import type { HostPaths } from '../procfs';
import { cpuCollector } from './cpu';
import { diskstatsCollector } from './diskstats';
import { filefdCollector } from './filefd';
import { filesystemCollector } from './filesystem';
import { inventoryCollector } from './inventory';
import { loadavgCollector } from './loadavg';
import { meminfoCollector } from './meminfo';
import { netdevCollector } from './netdev';
import { patchesCollector } from './patches';
import { portableCpuCollector, portableLoadavgCollector } from './portable/cpu';
import { portableFilesystemCollector } from './portable/filesystem';
import { portableMeminfoCollector } from './portable/memory';
import { portableNetdevCollector } from './portable/network';
import { pressureCollector } from './pressure';
import { statCollector } from './stat';
import { systemdCollector } from './systemd';
import { timesyncCollector } from './timesync';

/** How often Windows/macOS collectors sample systeminformation in the background. */
const PORTABLE_SAMPLE_MS = 15_000;

/**
 * Every host collector, keyed by the name used in config and in `collect[]`. On Linux they read
 * /proc, /sys and statfs directly; elsewhere the same names come from the OS through Node and
 * systeminformation, and the Linux-only ones are absent.
 */
export function createHostCollectors(
  config: HostConfig,
  log: Logger,
  platform: NodeJS.Platform = process.platform,
  /** the patches collector when the caller also serves its JSON route (made from the same check) */
  shared: { patches?: Collector } = {},
): Collector[] {
  const c = config.collectors;
  const paths: HostPaths = config.paths;
  const common: Collector[] = [
    timesyncCollector(c.timesync, log),
    inventoryCollector(c.inventory, log),
    shared.patches ?? patchesCollector(c.patches, log),
    systemdCollector(c.systemd, log),
  ];
  if (platform !== 'linux') {
    return [
      portableCpuCollector(),
      ...(platform === 'win32' ? [] : [portableLoadavgCollector()]),
      portableMeminfoCollector(log, PORTABLE_SAMPLE_MS),
      portableFilesystemCollector(log, PORTABLE_SAMPLE_MS),
      portableNetdevCollector(log, PORTABLE_SAMPLE_MS),
      ...common,
    ];
  }
  return [
    cpuCollector(paths),
    statCollector(paths),
    loadavgCollector(paths),
    meminfoCollector(paths),
    pressureCollector(paths),
    filefdCollector(paths),
    diskstatsCollector(paths, c.diskstats),
    filesystemCollector(paths, c.filesystem),
    netdevCollector(paths, c.netdev),
    ...common,
  ];
}
