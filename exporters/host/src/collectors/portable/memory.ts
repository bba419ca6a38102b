import type { Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type Mem = Awaited<ReturnType<SystemInformation['mem']>>;

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
      sink
        .gauge(
          'opsdesk_host_memory_total_bytes',
          'Usable RAM in bytes (systeminformation, sampled in the background).',
        )
        .set(m.total);
      sink
        .gauge(
          'opsdesk_host_memory_available_bytes',
          'RAM in bytes available to programs without swapping (systeminformation).',
        )
        .set(m.available);
      sink
        .gauge('opsdesk_host_memory_free_bytes', 'RAM in bytes not used for anything (systeminformation).')
        .set(m.free);
      sink
        .gauge('opsdesk_host_memory_swap_total_bytes', 'Swap space in bytes (systeminformation).')
        .set(m.swaptotal);
      sink
        .gauge('opsdesk_host_memory_swap_free_bytes', 'Unused swap space in bytes (systeminformation).')
        .set(m.swapfree);
    },
  );
}
