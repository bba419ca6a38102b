import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as Stat } from '@grafana/grafana-foundation-sdk/stat';
import { PROMETHEUS, prom, promTable } from './common';

/** The fleet: one row per host, worst first; the host name links to Host detail. */
export function hosts() {
  const table = new Table()
    .title('Hosts')
    .datasource(PROMETHEUS)
    .unit('percentunit')
    .height(14)
    .span(24)
    .withTarget(promTable('up{job="opsdesk-host"}', 'UP'))
    .withTarget(promTable('instance:opsdesk_host_cpu_busy:ratio_rate5m', 'CPU'))
    .withTarget(promTable('instance:opsdesk_host_memory_used:ratio', 'MEM'))
    .withTarget(
      promTable('min by (instance) (instance_mountpoint:opsdesk_host_filesystem_avail:ratio)', 'FS'),
    )
    .withTarget(promTable('max by (instance) (opsdesk_host_patches_security_upgrades_pending)', 'SEC'))
    .withTarget(promTable('max by (instance) (opsdesk_host_reboot_required)', 'RBT'))
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({
      id: 'organize',
      options: {
        excludeByName: { Time: true, job: true, support_hours: true, __name__: true },
        renameByName: {
          'Value #UP': 'Up',
          'Value #CPU': 'CPU busy',
          'Value #MEM': 'Memory used',
          'Value #FS': 'Least space left',
          'Value #SEC': 'Security updates',
          'Value #RBT': 'Reboot needed',
        },
      },
    })
    .overrideByName('instance', [
      {
        id: 'links',
        value: [{ title: 'Host detail', url: '/d/opsdesk-host-detail?var-instance=${__value.raw}' }],
      },
    ])
    .overrideByName('Up', [{ id: 'unit', value: 'bool_yes_no' }])
    .overrideByName('Security updates', [{ id: 'unit', value: 'short' }])
    .overrideByName('Reboot needed', [{ id: 'unit', value: 'bool_yes_no' }]);
  return new DashboardBuilder('Hosts')
    .uid('opsdesk-hosts')
    .tags(['opsdesk', 'hosts'])
    .refresh('1m')
    .time({ from: 'now-1h', to: 'now' })
    .withPanel(
      new Stat()
        .title('Hosts up')
        .unit('short')
        .datasource(PROMETHEUS)
        .span(6)
        .height(4)
        .withTarget(prom('count(up{job="opsdesk-host"} == 1) or vector(0)')),
    )
    .withPanel(
      new Stat()
        .title('Hosts down')
        .unit('short')
        .datasource(PROMETHEUS)
        .span(6)
        .height(4)
        .withTarget(prom('count(up{job="opsdesk-host"} == 0) or vector(0)')),
    )
    .withPanel(
      new Stat()
        .title('Need a reboot')
        .unit('short')
        .datasource(PROMETHEUS)
        .span(6)
        .height(4)
        .withTarget(prom('count(opsdesk_host_reboot_required == 1) or vector(0)')),
    )
    .withPanel(
      new Stat()
        .title('Security updates pending')
        .unit('short')
        .datasource(PROMETHEUS)
        .span(6)
        .height(4)
        .withTarget(prom('sum(opsdesk_host_patches_security_upgrades_pending) or vector(0)')),
    )
    .withPanel(table);
}
