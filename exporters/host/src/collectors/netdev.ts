import { counterDescriptor, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, readTextIfExists, sysPath, type HostPaths } from '../procfs';

// Positions after the interface name in /proc/net/dev.
const COLUMNS: Array<[number, string, string]> = [
  [0, 'opsdesk_host_network_receive_bytes_total', 'Bytes received on the interface (/proc/net/dev).'],
  [1, 'opsdesk_host_network_receive_packets_total', 'Packets received on the interface (/proc/net/dev).'],
  [2, 'opsdesk_host_network_receive_errors_total', 'Receive errors on the interface (/proc/net/dev).'],
  [
    3,
    'opsdesk_host_network_receive_drops_total',
    'Received packets dropped by the interface or kernel (/proc/net/dev).',
  ],
  [8, 'opsdesk_host_network_transmit_bytes_total', 'Bytes sent on the interface (/proc/net/dev).'],
  [9, 'opsdesk_host_network_transmit_packets_total', 'Packets sent on the interface (/proc/net/dev).'],
  [10, 'opsdesk_host_network_transmit_errors_total', 'Transmit errors on the interface (/proc/net/dev).'],
  [11, 'opsdesk_host_network_transmit_drops_total', 'Packets dropped on the way out (/proc/net/dev).'],
];

const COUNTERS = COLUMNS.map(([, name, help]) => counterDescriptor(name, help, ['device']));
const UP = gaugeDescriptor(
  'opsdesk_host_network_up',
  '1 when the interface operational state is up (/sys/class/net/*/operstate).',
  ['device'],
);
const SPEED = gaugeDescriptor(
  'opsdesk_host_network_speed_bytes',
  'Negotiated link speed in bytes per second (/sys/class/net/*/speed); absent for virtual interfaces.',
  ['device'],
);

export function netdevCollector(
  paths: HostPaths,
  opts: { device_include?: RegExp | undefined; device_exclude?: RegExp | undefined },
): Collector {
  const file = procPath(paths, 'net', 'dev');
  const wanted = (dev: string) =>
    (!opts.device_include || opts.device_include.test(dev)) && !opts.device_exclude?.test(dev);
  return {
    name: 'netdev',
    async collect({ sink }) {
      const text = await readText(file);
      const writers = COUNTERS.map((d) => sink.writer(d));
      const devices: string[] = [];
      for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const device = line.slice(0, colon).trim();
        if (!wanted(device)) continue;
        const f = fields(line.slice(colon + 1));
        if (f.length < 16) throw malformed(file, `interface ${device} has ${f.length} columns, expected 16`);
        COLUMNS.forEach(([index], i) => writers[i]?.set(Number(f[index]), device));
        devices.push(device);
      }
      const up = sink.writer(UP);
      const speed = sink.writer(SPEED);
      await Promise.all(
        devices.map(async (device) => {
          const [state, mbps] = await Promise.all([
            readTextIfExists(sysPath(paths, 'class', 'net', device, 'operstate')),
            readTextIfExists(sysPath(paths, 'class', 'net', device, 'speed')),
          ]);
          if (state !== undefined) up.set(state.trim() === 'up' ? 1 : 0, device);
          const n = mbps === undefined ? NaN : Number(mbps.trim());
          if (n > 0) speed.set(n * 125_000, device);
        }),
      );
    },
  };
}
