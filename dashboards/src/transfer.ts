import { DashboardBuilder, QueryVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { alarmStat, PROMETHEUS, prom, stat, timeseries } from './common';

/**
 * The channels to trading participants: a participant × channel status matrix (a tile per
 * channel, red while interrupted inside its window or while a probe fails), then per channel its
 * traffic, success, latency, loss, files and certificates.
 */
export function transfer() {
  const p = 'participant=~"$participant", channel=~"$channel"';
  const ts = (title: string, unit: string, expr: string, legend: string) =>
    timeseries(title, unit, prom(expr, legend));
  return new DashboardBuilder('Transfer channels')
    .uid('opsdesk-transfer')
    .tags(['opsdesk', 'transfer'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .withVariable(
      new QueryVariableBuilder('participant')
        .label('Participant')
        .datasource(PROMETHEUS)
        .query('label_values(opsdesk_transfer_in_window, participant)')
        .multi(true)
        .includeAll(true)
        .refresh('onTimeRangeChanged' as never),
    )
    .withVariable(
      new QueryVariableBuilder('channel')
        .label('Channel')
        .datasource(PROMETHEUS)
        .query('label_values(opsdesk_transfer_in_window{participant=~"$participant"}, channel)')
        .multi(true)
        .includeAll(true)
        .refresh('onTimeRangeChanged' as never),
    )
    .withPanel(
      alarmStat('Status: participant / channel (0 up, 1 down)')
        .span(24)
        .height(6)
        .withTarget(
          prom(
            `max by (participant, channel) (opsdesk_transfer_interrupted{${p}})
  or on (participant, channel) max by (participant, channel) (opsdesk_transfer_probe_failed_phase{${p}})
  or on (participant, channel) max by (participant, channel) (opsdesk_transfer_file_missing{${p}})
  or on (participant, channel) (0 * opsdesk_transfer_in_window{${p}})`,
            '{{participant}} / {{channel}}',
          ),
        ),
    )
    .withPanel(stat('Interrupted now', `sum(opsdesk_transfer_interrupted{${p}}) or vector(0)`))
    .withPanel(stat('Files late', `sum(opsdesk_transfer_file_missing{${p}}) or vector(0)`))
    .withPanel(stat('Probes failing', `count(opsdesk_transfer_probe_success{${p}} == 0) or vector(0)`))
    .withPanel(
      stat(
        'Events dropped (unknown or invalid)',
        'sum(increase(opsdesk_transfer_events_dropped_total[$__range])) or vector(0)',
      ),
    )
    .withPanel(
      ts(
        'Messages per second',
        'ops',
        `sum by (participant, channel, direction) (rate(opsdesk_transfer_messages_total{${p}}[$__rate_interval]))`,
        '{{participant}}/{{channel}} {{direction}}',
      ),
    )
    .withPanel(
      ts(
        'Bytes per second',
        'Bps',
        `sum by (participant, channel, direction) (rate(opsdesk_transfer_bytes_total{${p}}[$__rate_interval]))`,
        '{{participant}}/{{channel}} {{direction}}',
      ),
    )
    .withPanel(
      ts(
        'Success ratio (10 m)',
        'percentunit',
        `participant_channel:opsdesk_transfer_success:ratio_rate10m{${p}}`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Latency p95 (10 m)',
        's',
        `participant_channel:opsdesk_transfer_latency_seconds:p95_rate10m{${p}}`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Failures per reason',
        'ops',
        `sum by (participant, channel, reason) (rate(opsdesk_transfer_failures_total{${p}}[$__rate_interval]))`,
        '{{participant}}/{{channel}} {{reason}}',
      ),
    )
    .withPanel(
      ts(
        'Silence: seconds since the last successful message',
        's',
        `time() - max by (participant, channel, direction) (opsdesk_transfer_last_message_timestamp_seconds{${p}})`,
        '{{participant}}/{{channel}} {{direction}}',
      ),
    )
    .withPanel(
      ts(
        'Loss (train, 10 m)',
        'percentunit',
        `participant_channel_probe:opsdesk_transfer_train_loss:ratio_rate10m{${p}}`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Round trip p50 (train)',
        's',
        `histogram_quantile(0.5, sum by (participant, channel, le) (rate(opsdesk_transfer_train_rtt_seconds_bucket{${p}}[$__rate_interval])))`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Probe failing phase',
        'short',
        `opsdesk_transfer_probe_failed_phase{${p}} == 1`,
        '{{participant}}/{{channel}} {{probe}}: {{phase}}',
      ),
    )
    .withPanel(
      ts(
        'Certificate days left',
        'd',
        `(opsdesk_transfer_tls_cert_expiry_timestamp_seconds{${p}} - time()) / 86400`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Files arrived (drop folders)',
        'short',
        `sum by (participant, channel) (increase(opsdesk_transfer_drop_arrivals_total{${p}}[$__rate_interval]))`,
        '{{participant}}/{{channel}}',
      ),
    )
    .withPanel(
      ts(
        'Expected files: present (1) or not yet (0)',
        'short',
        `opsdesk_transfer_file_present{${p}}`,
        '{{participant}}/{{channel}} {{file}}',
      ),
    );
}
