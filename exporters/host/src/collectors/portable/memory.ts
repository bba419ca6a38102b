import { gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type Mem = Awaited<ReturnType<SystemInformation['mem']>>;

/** systeminformation's field → the gauge it becomes */
const GAUGES: ReadonlyArray<readonly [keyof Mem, ReturnType<typeof gaugeDescriptor>]> = [
  [
    'total',
    gaugeDescriptor(
      'opsdesk_host_memory_total_bytes',
      'Usable RAM in bytes (systeminformation, sampled in the background).',
    ),
  ],
  [
    'available',
    gaugeDescriptor(
      'opsdesk_host_memory_available_bytes',
      'RAM in bytes available to programs without swapping (systeminformation).',
    ),
  ],
  [
    'free',
    gaugeDescriptor(
      'opsdesk_host_memory_free_bytes',
      'RAM in bytes not used for anything (systeminformation).',
    ),
  ],
  [
    'swaptotal',
    gaugeDescriptor('opsdesk_host_memory_swap_total_bytes', 'Swap space in bytes (systeminformation).'),
  ],
  [
    'swapfree',
    gaugeDescriptor('opsdesk_host_memory_swap_free_bytes', 'Unused swap space in bytes (systeminformation).'),
  ],
];

export function portableMeminfoCollector(
  log: Logger,
  intervalMs: number,
  si = loadSystemInformation,
): Collector {
  return sampledCollector<Mem>(
    'meminfo',
    { intervalMs, log },
    async () => (await si()).mem(),
    (sink, m) => {
      for (const [field, gauge] of GAUGES) sink.add(gauge, m[field] as number);
    },
  );
}
