import os from 'node:os';
import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';

export interface Inventory {
  os: string;
  osVersion: string;
  kernel: string;
  arch: string;
  cpuModel: string;
  hostname: string;
  logicalCpus: number;
  physicalCpus: number;
  memoryBytes: number;
}

/** Static facts from systeminformation; it spawns processes on some platforms, so it runs at start and hourly. */
export async function readInventory(): Promise<Inventory> {
  const si = await import('systeminformation');
  const [osInfo, cpu, mem] = await Promise.all([si.osInfo(), si.cpu(), si.mem()]);
  return {
    os: osInfo.distro || osInfo.platform,
    osVersion: osInfo.release || '',
    kernel: osInfo.kernel || os.release(),
    arch: osInfo.arch || os.arch(),
    cpuModel: [cpu.manufacturer, cpu.brand].filter(Boolean).join(' ').trim(),
    hostname: osInfo.hostname || os.hostname(),
    logicalCpus: cpu.cores || os.cpus().length,
    physicalCpus: cpu.physicalCores || cpu.cores,
    memoryBytes: mem.total,
  };
}

const INFO = gaugeDescriptor(
  'opsdesk_host_info',
  'Host inventory: OS, version, kernel, architecture, CPU model and hostname (systeminformation, refreshed hourly); always 1.',
  ['os', 'os_version', 'kernel', 'arch', 'cpu_model', 'hostname'],
);
const CPUS = gaugeDescriptor(
  'opsdesk_host_cpus',
  'CPUs the OS sees: kind="logical" counts hardware threads, kind="physical" cores (inventory).',
  ['kind'],
);
const MEMORY_INSTALLED = gaugeDescriptor(
  'opsdesk_host_memory_installed_bytes',
  'Physical memory the OS reports, in bytes (inventory; see opsdesk_host_memory_total_bytes for usable RAM).',
);

export function inventoryCollector(
  opts: { interval: number },
  log: Logger,
  read: () => Promise<Inventory> = readInventory,
): Collector {
  const task = new BackgroundTask<Inventory>({
    name: 'inventory',
    intervalMs: opts.interval,
    timeoutMs: 60_000,
    log,
    run: read,
  });
  return backgroundCollector({
    name: 'inventory',
    tasks: [task],
    log,
    collect({ sink }) {
      const inv = task.value;
      if (!inv) return;
      sink.add(INFO, 1, inv.os, inv.osVersion, inv.kernel, inv.arch, inv.cpuModel, inv.hostname);
      sink.add(CPUS, inv.logicalCpus, 'logical');
      sink.add(CPUS, inv.physicalCpus, 'physical');
      sink.add(MEMORY_INSTALLED, inv.memoryBytes);
    },
  });
}
