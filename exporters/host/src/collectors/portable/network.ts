import {
  counterDescriptor,
  gaugeDescriptor,
  type Collector,
  type MetricDescriptor,
} from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type NetStats = Awaited<ReturnType<SystemInformation['networkStats']>>;

const device = ['device'];
/** the counter → systeminformation's field it comes from */
const COUNTERS: ReadonlyArray<readonly [MetricDescriptor, keyof NetStats[number]]> = [
  [
    counterDescriptor(
      'opsdesk_host_network_receive_bytes_total',
      'Bytes received on the interface (systeminformation).',
      device,
    ),
    'rx_bytes',
  ],
  [
    counterDescriptor(
      'opsdesk_host_network_receive_errors_total',
      'Receive errors on the interface (systeminformation).',
      device,
    ),
    'rx_errors',
  ],
  [
    counterDescriptor(
      'opsdesk_host_network_receive_drops_total',
      'Received packets dropped (systeminformation).',
      device,
    ),
    'rx_dropped',
  ],
  [
    counterDescriptor(
      'opsdesk_host_network_transmit_bytes_total',
      'Bytes sent on the interface (systeminformation).',
      device,
    ),
    'tx_bytes',
  ],
  [
    counterDescriptor(
      'opsdesk_host_network_transmit_errors_total',
      'Transmit errors on the interface (systeminformation).',
      device,
    ),
    'tx_errors',
  ],
  [
    counterDescriptor(
      'opsdesk_host_network_transmit_drops_total',
      'Packets dropped on the way out (systeminformation).',
      device,
    ),
    'tx_dropped',
  ],
];
const UP = gaugeDescriptor(
  'opsdesk_host_network_up',
  '1 when the interface is up (systeminformation).',
  device,
);

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
      for (const [counter, key] of COUNTERS) {
        const w = sink.writer(counter);
        for (const s of list) {
          const v = Number(s[key]);
          if (Number.isFinite(v)) w.set(v, s.iface);
        }
      }
      const up = sink.writer(UP);
      for (const s of list) up.set(s.operstate === 'up' ? 1 : 0, s.iface);
    },
  );
}
