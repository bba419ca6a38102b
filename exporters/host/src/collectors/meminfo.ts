import { gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { malformed, parseKeyedNumbers, procPath, readText, type HostPaths } from '../procfs';

const FIELDS: Array<[string, string, string]> = [
  ['MemTotal', 'opsdesk_host_memory_total_bytes', 'Usable RAM in bytes (MemTotal in /proc/meminfo).'],
  [
    'MemAvailable',
    'opsdesk_host_memory_available_bytes',
    'RAM in bytes that can be given to programs without swapping, the kernel estimate (MemAvailable in /proc/meminfo). Alert on this, not on free.',
  ],
  [
    'MemFree',
    'opsdesk_host_memory_free_bytes',
    'RAM in bytes not used for anything, not even cache (MemFree in /proc/meminfo).',
  ],
  [
    'Buffers',
    'opsdesk_host_memory_buffers_bytes',
    'RAM in bytes used for block-device buffers (Buffers in /proc/meminfo).',
  ],
  [
    'Cached',
    'opsdesk_host_memory_cached_bytes',
    'RAM in bytes used by the page cache (Cached in /proc/meminfo).',
  ],
  [
    'Shmem',
    'opsdesk_host_memory_shared_bytes',
    'RAM in bytes used by shared memory and tmpfs (Shmem in /proc/meminfo).',
  ],
  ['SwapTotal', 'opsdesk_host_memory_swap_total_bytes', 'Swap space in bytes (SwapTotal in /proc/meminfo).'],
  [
    'SwapFree',
    'opsdesk_host_memory_swap_free_bytes',
    'Unused swap space in bytes (SwapFree in /proc/meminfo).',
  ],
];

/** /proc/meminfo key → the gauge it becomes */
const GAUGES = FIELDS.map(([key, name, help]) => [key, gaugeDescriptor(name, help)] as const);

export function meminfoCollector(paths: HostPaths): Collector {
  const file = procPath(paths, 'meminfo');
  return {
    name: 'meminfo',
    async collect({ sink }) {
      const values = parseKeyedNumbers(await readText(file));
      if (!values.has('MemTotal')) throw malformed(file, 'no MemTotal line');
      for (const [key, gauge] of GAUGES) {
        const v = values.get(key);
        if (v !== undefined) sink.add(gauge, v);
      }
    },
  };
}
