import {
  DashboardBuilder,
  QueryVariableBuilder,
  RowBuilder,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS, prom, timeseries } from './common';

const ts = timeseries;

/** One host: CPU, memory, pressure, disks, filesystems, network. */
export function hostDetail() {
  const i = 'instance="$instance"';
  return new DashboardBuilder('Host detail')
    .uid('opsdesk-host-detail')
    .tags(['opsdesk', 'hosts'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .withVariable(
      new QueryVariableBuilder('instance')
        .label('Host')
        .datasource(PROMETHEUS)
        .query('label_values(up{job="opsdesk-host"}, instance)')
        .refresh('onTimeRangeChanged' as never),
    )
    .withRow(new RowBuilder('CPU and memory'))
    .withPanel(
      ts(
        'CPU busy',
        'percentunit',
        prom(`instance:opsdesk_host_cpu_busy:ratio_rate5m{${i}}`, 'busy'),
        prom(`instance:opsdesk_host_cpu_iowait:ratio_rate5m{${i}}`, 'iowait', 'B'),
      ),
    )
    .withPanel(
      ts(
        'Load',
        'short',
        prom(`opsdesk_host_load1{${i}}`, '1 min'),
        prom(`opsdesk_host_load15{${i}}`, '15 min', 'B'),
      ),
    )
    .withPanel(
      ts(
        'Memory used',
        'percentunit',
        prom(`instance:opsdesk_host_memory_used:ratio{${i}}`, 'RAM'),
        prom(`instance:opsdesk_host_swap_used:ratio{${i}}`, 'swap', 'B'),
      ),
    )
    .withPanel(
      ts(
        'Pressure stall',
        'percentunit',
        prom(`instance_resource:opsdesk_host_pressure_some:ratio_rate5m{${i}}`, 'some {{resource}}'),
        prom(`instance_resource:opsdesk_host_pressure_full:ratio_rate5m{${i}}`, 'full {{resource}}', 'B'),
      ),
    )
    .withRow(new RowBuilder('Disks and filesystems'))
    .withPanel(
      ts(
        'Disk busy',
        'percentunit',
        prom(`instance_device:opsdesk_host_disk_io_time:ratio_rate5m{${i}}`, '{{device}}'),
      ),
    )
    .withPanel(
      ts(
        'Disk latency',
        's',
        prom(`instance_device:opsdesk_host_disk_read_latency:seconds_rate5m{${i}}`, 'read {{device}}'),
        prom(`instance_device:opsdesk_host_disk_write_latency:seconds_rate5m{${i}}`, 'write {{device}}', 'B'),
      ),
    )
    .withPanel(
      ts(
        'Filesystem space available',
        'percentunit',
        prom(`instance_mountpoint:opsdesk_host_filesystem_avail:ratio{${i}}`, '{{mountpoint}}'),
      ),
    )
    .withPanel(
      ts(
        'Inodes free',
        'percentunit',
        prom(`instance_mountpoint:opsdesk_host_filesystem_files_free:ratio{${i}}`, '{{mountpoint}}'),
      ),
    )
    .withRow(new RowBuilder('Network'))
    .withPanel(
      ts(
        'Network traffic',
        'Bps',
        prom(`rate(opsdesk_host_network_receive_bytes_total{${i}}[$__rate_interval])`, 'in {{device}}'),
        prom(
          `rate(opsdesk_host_network_transmit_bytes_total{${i}}[$__rate_interval])`,
          'out {{device}}',
          'B',
        ),
      ),
    )
    .withPanel(
      ts(
        'Network errors',
        'pps',
        prom(`instance_device:opsdesk_host_network_errors:rate5m{${i}}`, '{{device}}'),
      ),
    );
}
