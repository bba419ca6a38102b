import {
  gaugeDescriptor,
  type BackgroundTask,
  type MetricDescriptor,
  type MetricSink,
} from '@opsdesk/exporter-core';
import { formatDuration } from '@opsdesk/runtime';

export interface CheckStatusDescriptors {
  failed: MetricDescriptor;
  lastSuccess: MetricDescriptor;
  duration: MetricDescriptor;
}

/**
 * The three series every background check exports, so an alert can tell "nothing pending" from
 * "we have not been able to look": `<area>_check_failed`, `<area>_last_success_timestamp_seconds`,
 * `<area>_check_duration_seconds`. Their help names the check's interval, so they are declared
 * once per collector, from its config.
 */
export function checkStatusDescriptors(
  area: string,
  what: string,
  intervalMs: number,
): CheckStatusDescriptors {
  const every = formatDuration(intervalMs);
  return {
    failed: gaugeDescriptor(
      `opsdesk_host_${area}_check_failed`,
      `1 when the last ${what} check (run in the background every ${every}) failed; the other ${area} series then keep their last good values. The exporter log says why.`,
    ),
    lastSuccess: gaugeDescriptor(
      `opsdesk_host_${area}_last_success_timestamp_seconds`,
      `When the ${what} check last succeeded, Unix seconds; it runs in the background every ${every}.`,
    ),
    duration: gaugeDescriptor(
      `opsdesk_host_${area}_check_duration_seconds`,
      `How long the last ${what} check took, in seconds.`,
    ),
  };
}

export function writeCheckStatus(
  sink: MetricSink,
  d: CheckStatusDescriptors,
  task: BackgroundTask<unknown>,
): void {
  sink.add(d.failed, task.lastRunFailed ? 1 : 0);
  if (task.lastSuccessMs !== undefined) sink.add(d.lastSuccess, task.lastSuccessMs / 1000);
  if (task.lastDurationMs !== undefined) sink.add(d.duration, task.lastDurationMs / 1000);
}
