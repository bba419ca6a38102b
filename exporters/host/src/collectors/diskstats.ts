import { counterDescriptor, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, procPath, readText, type HostPaths } from '../procfs';

/** /proc/diskstats counts sectors of 512 bytes whatever the device's real sector size. */
const SECTOR_BYTES = 512;

type Unit = 'count' | 'sectors' | 'ms';
type Column = [index: number, name: string, help: string, unit: Unit, kind: 'counter' | 'gauge'];

const CONVERT: Record<Unit, (raw: number) => number> = {
  count: (n) => n,
  sectors: (n) => n * SECTOR_BYTES,
  ms: (n) => n / 1000,
};

// Column numbers are positions in a /proc/diskstats line (0 = major, 2 = device name).
const COLUMNS: Column[] = [
  [
    3,
    'opsdesk_host_disk_reads_completed_total',
    'Reads completed on the device (/proc/diskstats).',
    'count',
    'counter',
  ],
  [
    4,
    'opsdesk_host_disk_reads_merged_total',
    'Adjacent reads merged before reaching the device (/proc/diskstats).',
    'count',
    'counter',
  ],
  [
    5,
    'opsdesk_host_disk_read_bytes_total',
    'Bytes read from the device (/proc/diskstats sectors × 512).',
    'sectors',
    'counter',
  ],
  [
    6,
    'opsdesk_host_disk_read_time_seconds_total',
    'Seconds spent by all reads; divide its rate by the read rate for read latency (/proc/diskstats).',
    'ms',
    'counter',
  ],
  [
    7,
    'opsdesk_host_disk_writes_completed_total',
    'Writes completed on the device (/proc/diskstats).',
    'count',
    'counter',
  ],
  [
    8,
    'opsdesk_host_disk_writes_merged_total',
    'Adjacent writes merged before reaching the device (/proc/diskstats).',
    'count',
    'counter',
  ],
  [
    9,
    'opsdesk_host_disk_written_bytes_total',
    'Bytes written to the device (/proc/diskstats sectors × 512).',
    'sectors',
    'counter',
  ],
  [
    10,
    'opsdesk_host_disk_write_time_seconds_total',
    'Seconds spent by all writes; divide its rate by the write rate for write latency (/proc/diskstats).',
    'ms',
    'counter',
  ],
  [
    11,
    'opsdesk_host_disk_io_in_progress',
    'I/O requests issued to the device and not yet completed, right now (/proc/diskstats).',
    'count',
    'gauge',
  ],
  [
    12,
    'opsdesk_host_disk_io_time_seconds_total',
    'Seconds the device had I/O in flight; its rate near 1 means saturated (/proc/diskstats).',
    'ms',
    'counter',
  ],
  [
    13,
    'opsdesk_host_disk_io_time_weighted_seconds_total',
    'Seconds of I/O in flight weighted by the number in flight; its rate is the average queue size (/proc/diskstats).',
    'ms',
    'counter',
  ],
];

const DESCRIPTORS = COLUMNS.map(([, name, help, , kind]) =>
  kind === 'counter' ? counterDescriptor(name, help, ['device']) : gaugeDescriptor(name, help, ['device']),
);

export function diskstatsCollector(paths: HostPaths, opts: { device_exclude: RegExp }): Collector {
  const file = procPath(paths, 'diskstats');
  return {
    name: 'diskstats',
    async collect({ sink }) {
      const text = await readText(file);
      const writers = DESCRIPTORS.map((d) => sink.writer(d));
      for (const line of text.split('\n')) {
        const f = fields(line);
        const device = f[2];
        if (!device || f.length < 14 || opts.device_exclude.test(device)) continue;
        COLUMNS.forEach(([index, , , unit], i) => writers[i]?.set(CONVERT[unit](Number(f[index])), device));
      }
    },
  };
}
