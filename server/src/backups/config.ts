import { duration } from '@opsdesk/runtime';
import { z } from 'zod';

export const BACKUP_TOOLS = ['restic', 'borg', 'pgbackrest', 'dump', 'other'] as const;

/** A policy name is a metric label and a CLI argument: keep it to what both read without quoting. */
export const policyName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'expected 1-63 lowercase letters, digits, dots, dashes or underscores, e.g. settlement-db',
  );

/**
 * One backup policy (docs/backups.md): what is backed up, by which tool, when, how long it is kept,
 * the recovery point and recovery time objectives, how often a restore is rehearsed (恢复演练),
 * the calendar its runs follow (optional) and the person who owns it.
 */
export const backupPolicySchema = z.strictObject({
  name: policyName,
  description: z.string().default(''),
  /** what is backed up: a system, a data set (e.g. "PostgreSQL settlement on db-1") */
  target: z.string().min(1),
  tool: z.enum(BACKUP_TOOLS),
  /** for people: when it runs, e.g. "daily 01:00" (the backup host's scheduler runs it) */
  schedule: z.string().min(1),
  /** for people: what is kept, e.g. "7 daily, 4 weekly, 12 monthly" */
  retention: z.string().min(1),
  /** at most this much data may be lost: the newest good backup is never older than this */
  rpo: duration({ min: '1m' }),
  /** a restore must take at most this long (a restore test measures it) */
  rto: duration({ min: '1m' }),
  /** a restore test must pass at least this often */
  restore_test_interval: duration({ min: '1h' }).default(30 * 86_400_000),
  /**
   * a calendar of sla.calendars: the RPO then elapses only on its working days (a backup that runs
   * on trading days is not late over a weekend or a holiday); without one it elapses in wall time
   */
  calendar: z.string().optional(),
  /** a person id of the people directory */
  owner: z.string().min(1),
});
export type BackupPolicyConfig = z.output<typeof backupPolicySchema>;

export const backupsSchema = z
  .strictObject({
    policies: z.array(backupPolicySchema).default([]),
    ingest: z
      .strictObject({
        /** a report whose times are further ahead of the server's clock than this is refused (a host's clock is wrong) */
        max_future_skew: duration().default(5 * 60_000),
        /** the tool's own summary is kept up to this size (JSON bytes); a larger one is dropped, the run kept */
        summary_limit_bytes: z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024)
          .default(64 * 1024),
      })
      .prefault({}),
  })
  .prefault({});
export type BackupsConfig = z.output<typeof backupsSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-checks with the calendars and the people directory (the server config's superRefine). */
export function backupsIssues(
  cfg: { backups: BackupsConfig; people: ReadonlyArray<{ id: string }> },
  calendars: ReadonlySet<string>,
): Issue[] {
  const issues: Issue[] = [];
  const people = new Set(cfg.people.map((p) => p.id));
  const seen = new Set<string>();
  cfg.backups.policies.forEach((p, i) => {
    const at = ['backups', 'policies', i];
    if (seen.has(p.name))
      issues.push({ path: [...at, 'name'], message: `policy ${p.name} appears twice; rename one` });
    seen.add(p.name);
    if (p.calendar !== undefined && !calendars.has(p.calendar))
      issues.push({
        path: [...at, 'calendar'],
        message: `no calendar named ${JSON.stringify(p.calendar)}; define it under sla.calendars or use one of: ${[...calendars].join(', ')}`,
      });
    if (!people.has(p.owner))
      issues.push({
        path: [...at, 'owner'],
        message: `${JSON.stringify(p.owner)} is not in the people directory; add it under people (id, name, …) or correct the id`,
      });
  });
  return issues;
}
