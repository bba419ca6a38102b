import { DashboardBuilder, TimePickerBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { alarmStat, prom } from './common';

/**
 * The wall screen: six numbers readable from 3 m, their background red or green. No variables
 * and the time picker hidden, so kiosk mode (?kiosk) shows nothing else; refreshed every 30 s.
 */
export function noc() {
  const big = (title: string, expr: string) =>
    alarmStat(title).span(8).height(9).withTarget(prom(expr, title));
  return new DashboardBuilder('NOC wall screen')
    .uid('opsdesk-noc')
    .tags(['opsdesk', 'wall'])
    .refresh('30s')
    .time({ from: 'now-15m', to: 'now' })
    .timepicker(new TimePickerBuilder().hidden(true))
    .withPanel(big('Hosts down', 'count(up{job="opsdesk-host"} == 0) or vector(0)'))
    .withPanel(
      big('Critical alerts firing', 'count(ALERTS{alertstate="firing", severity="critical"}) or vector(0)'),
    )
    .withPanel(big('Open P1/P2 incidents', 'sum(opsdesk_incidents_open{severity=~"P1|P2"}) or vector(0)'))
    .withPanel(big('SLAs at risk', 'sum(opsdesk_incident_sla_at_risk) or vector(0)'))
    .withPanel(big('Stuck flow instances', 'sum(opsdesk_flow_step_stuck) or vector(0)'))
    .withPanel(
      big(
        'Channels interrupted or files late',
        '(sum(opsdesk_transfer_interrupted) or vector(0)) + (sum(opsdesk_transfer_file_missing) or vector(0))',
      ),
    );
}
