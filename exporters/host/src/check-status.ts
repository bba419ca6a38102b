import type { BackgroundTask, MetricSink } from '@opsdesk/exporter-core';
import { formatDuration } from '@opsdesk/runtime';

/**
 * The three series every background check exports, so an alert can tell "nothing pending" from
 * "we have not been able to look": `<area>_check_failed`, `<area>_last_success_timestamp_seconds`,
 * `<area>_check_duration_seconds`.
 */
export function writeCheckStatus(
  sink: MetricSink,
  area: string,
  what: string,
  intervalMs: number,
  task: BackgroundTask<unknown>,
): void {
  const every = formatDuration(intervalMs);
  sink
    .gauge(
      `opsdesk_host_${area}_check_failed`,
      `1 when the last ${what} check (run in the background every ${every}) failed; the other ${area} series then keep their last good values. The exporter log says why.`,
    )
    .set(task.lastRunFailed ? 1 : 0);
  if (task.lastSuccessMs !== undefined) {
    sink
      .gauge(
        `opsdesk_host_${area}_last_success_timestamp_seconds`,
        `When the ${what} check last succeeded, Unix seconds; it runs in the background every ${every}.`,
      )
      .set(task.lastSuccessMs / 1000);
  }
  if (task.lastDurationMs !== undefined) {
    sink
      .gauge(
        `opsdesk_host_${area}_check_duration_seconds`,
        `How long the last ${what} check took, in seconds.`,
      )
      .set(task.lastDurationMs / 1000);
  }
}
