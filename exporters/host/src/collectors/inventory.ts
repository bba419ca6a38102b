import os from 'node:os';
import path from 'node:path';
import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { runCommand, type Logger } from '@opsdesk/runtime';

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

/**
 * Static facts from systeminformation, read in this process. The exporter itself calls
 * readInventoryIsolated instead; this runs in its child (inventory-main.ts).
 */
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

const NUMBER_FIELDS = ['logicalCpus', 'physicalCpus', 'memoryBytes'] as const;
const TEXT_FIELDS = ['os', 'osVersion', 'kernel', 'arch', 'cpuModel', 'hostname'] as const;

/** The child's answer, checked field by field: a broken child must not put garbage in a label. */
export function parseInventory(text: string): Inventory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`inventory child printed no JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const v = (value ?? {}) as Record<string, unknown>;
  for (const f of TEXT_FIELDS)
    if (typeof v[f] !== 'string') throw new Error(`inventory child: ${f} is not a string`);
  for (const f of NUMBER_FIELDS)
    if (typeof v[f] !== 'number' || !Number.isFinite(v[f]) || (v[f] as number) < 0)
      throw new Error(`inventory child: ${f} is not a non-negative number`);
  return Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS].map((f) => [f, v[f]])) as unknown as Inventory;
}

/**
 * readInventory in a short-lived child process (at start and hourly). systeminformation is a
 * large module that spawns programs of its own; loaded here it stayed in the exporter's heap for
 * good (about 6 MB of RSS on every host for facts read once an hour), so only the child loads it.
 */
export async function readInventoryIsolated(
  opts: { timeoutMs: number; signal?: AbortSignal } = { timeoutMs: 60_000 },
): Promise<Inventory> {
  const main = path.join(__dirname, 'inventory-main.js');
  const r = await runCommand(process.execPath, ['--max-opt=0', main], { ...opts, maxBuffer: 1024 * 1024 });
  if (r.code !== 0) throw new Error(`inventory child exited ${r.code}: ${r.stderr.trim().slice(0, 500)}`);
  return parseInventory(r.stdout);
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
  read: () => Promise<Inventory> = () => readInventoryIsolated({ timeoutMs: 55_000 }),
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
