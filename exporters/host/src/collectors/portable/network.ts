import type { Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type NetStats = Awaited<ReturnType<SystemInformation['networkStats']>>;

export function portableNetdevCollector(
  log: Logger,
  intervalMs: number,
  si = loadSystemInformation,
): Collector {
  return sampledCollector<NetStats>(
    'netdev',
    { intervalMs, log },
    async () => (await si()).networkStats('*'),
    (sink, list) => {
      const counters: Array<[string, string, keyof NetStats[number]]> = [
        [
          'opsdesk_host_network_receive_bytes_total',
          'Bytes received on the interface (systeminformation).',
          'rx_bytes',
        ],
        [
          'opsdesk_host_network_receive_errors_total',
          'Receive errors on the interface (systeminformation).',
          'rx_errors',
        ],
        [
          'opsdesk_host_network_receive_drops_total',
          'Received packets dropped (systeminformation).',
          'rx_dropped',
        ],
        [
          'opsdesk_host_network_transmit_bytes_total',
          'Bytes sent on the interface (systeminformation).',
          'tx_bytes',
        ],
        [
          'opsdesk_host_network_transmit_errors_total',
          'Transmit errors on the interface (systeminformation).',
          'tx_errors',
        ],
        [
          'opsdesk_host_network_transmit_drops_total',
          'Packets dropped on the way out (systeminformation).',
          'tx_dropped',
        ],
      ];
      for (const [name, help, key] of counters) {
        const w = sink.counter(name, help, ['device']);
        for (const s of list) {
          const v = Number(s[key]);
          if (Number.isFinite(v)) w.set(v, s.iface);
        }
      }
      const up = sink.gauge('opsdesk_host_network_up', '1 when the interface is up (systeminformation).', [
        'device',
      ]);
      for (const s of list) up.set(s.operstate === 'up' ? 1 : 0, s.iface);
    },
  );
}
