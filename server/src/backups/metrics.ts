import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { policyStatuses } from './service';

type Statuses = Awaited<ReturnType<typeof policyStatuses>>;
type Entry = Statuses[number];

const FIRST = 'opsdesk_backup_rpo_breached';

/**
 * The backup gauges, one series per configured policy (label `policy`), read from the store on
 * each scrape (so every replica reports the same), once per scrape for all of them. A policy
 * without a run has no last-run series; its RPO is breached. Times are Unix seconds.
 */
export function attachBackupMetrics(ctx: AppContext): void {
  const registry = ctx.metrics.registry;
  if (registry.getSingleMetric(FIRST)) return;
  let snapshot: Promise<Statuses> | undefined;
  const read = () => {
    snapshot ??= policyStatuses(ctx).finally(() => setImmediate(() => (snapshot = undefined)));
    return snapshot;
  };
  const gauge = (name: string, help: string, value: (e: Entry) => number | null | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['policy'],
      registers: [registry],
      async collect() {
        const entries = await read();
        this.reset();
        for (const e of entries) {
          const v = value(e);
          if (v !== null && v !== undefined) this.set({ policy: e.policy.name }, v);
        }
      },
    });
  const sec = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : ms / 1000);
  gauge(
    FIRST,
    "1 while the policy's newest good backup (success or partial) started longer than its RPO ago (on its calendar's working days when it names one), or it has none; 0 otherwise. From backups.policies and the reported runs.",
    (e) => (e.status.rpoBreached ? 1 : 0),
  );
  gauge(
    'opsdesk_backup_rpo_seconds',
    "The policy's recovery point objective (backups.policies rpo), in seconds.",
    (e) => sec(e.policy.rpo),
  );
  gauge(
    'opsdesk_backup_rto_seconds',
    "The policy's recovery time objective (backups.policies rto), in seconds.",
    (e) => sec(e.policy.rto),
  );
  gauge(
    'opsdesk_backup_last_run_timestamp_seconds',
    'When the newest reported backup run of the policy finished, whatever its result (Unix seconds); absent before the first.',
    (e) => sec(e.lastRun?.finished_at),
  );
  gauge(
    'opsdesk_backup_last_run_success',
    '1 when the newest backup run of the policy succeeded; 0 when it failed or was partial (some files unreadable: restic exit 3).',
    (e) => (e.lastRun ? (e.lastRun.result === 'success' ? 1 : 0) : null),
  );
  gauge(
    'opsdesk_backup_last_run_bytes_added',
    'Bytes the newest backup run of the policy added to the repository (restic data_added, borg deduplicated size), as reported.',
    (e) => e.lastRun?.bytes_added,
  );
  gauge(
    'opsdesk_backup_last_run_duration_seconds',
    'How long the newest backup run of the policy took, in seconds, as reported.',
    (e) => sec(e.lastRun?.duration_ms),
  );
  gauge(
    'opsdesk_backup_last_success_timestamp_seconds',
    'When the newest good backup run (success or partial: it left a snapshot) of the policy finished (Unix seconds); absent before the first.',
    (e) => sec(e.status.lastSuccessAt),
  );
  gauge(
    'opsdesk_backup_restore_test_interval_seconds',
    'How often a restore test of the policy must pass (backups.policies restore_test_interval), in seconds.',
    (e) => sec(e.policy.restore_test_interval),
  );
  gauge(
    'opsdesk_backup_restore_test_last_timestamp_seconds',
    'When the newest restore test (恢复演练) of the policy finished, passed or not (Unix seconds); absent before the first.',
    (e) => sec(e.status.lastRestoreTest?.at),
  );
  gauge(
    'opsdesk_backup_restore_test_last_duration_seconds',
    'The measured restore time of the newest restore test of the policy, in seconds: the RTO evidence.',
    (e) => sec(e.status.lastRestoreTest?.durationMs),
  );
  gauge(
    'opsdesk_backup_restore_test_last_success',
    '1 when the newest restore test of the policy passed (restored and verified), 0 when it failed.',
    (e) => (e.status.lastRestoreTest ? (e.status.lastRestoreTest.result === 'passed' ? 1 : 0) : null),
  );
  gauge(
    'opsdesk_backup_restore_test_overdue',
    '1 while no restore test of the policy has passed within its restore_test_interval (or none ever passed); 0 otherwise.',
    (e) => (e.status.restoreTestOverdue ? 1 : 0),
  );
}
