import { sql } from 'kysely';
import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { lastDue } from './schedules-service';
import { scheduleStore } from './schedules-store';

const FIRST = 'opsdesk_inspections_last_run_timestamp_seconds';

interface TemplateStats {
  template: string;
  lastRunAt: number | null;
  lastRunAbnormal: number | null;
  awaiting: number;
  oldestUnsignedAt: number | null;
}
interface ScheduleStats {
  schedule: string;
  template: string;
  lastDueAt: number | null;
  lastRunAt: number | null;
  missed: number;
}
interface Snapshot {
  templates: TemplateStats[];
  schedules: ScheduleStats[];
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What the gauges show, read from the store once per scrape. */
export async function inspectionStats(ctx: AppContext): Promise<Snapshot> {
  // runs of templates that are not archived; a cancelled run is no inspection
  const runs = await sql<{
    template: string;
    last_run_at: number | string | null;
    awaiting: number | string;
    oldest_unsigned_at: number | string | null;
  }>`
    SELECT t.key AS template,
           MAX(CASE WHEN r.state <> 'cancelled' THEN r.evaluated_at END) AS last_run_at,
           COUNT(CASE WHEN r.state IN ('open', 'signed') THEN 1 END) AS awaiting,
           MIN(CASE WHEN r.state IN ('open', 'signed') THEN r.evaluated_at END) AS oldest_unsigned_at
    FROM inspection_templates t
    LEFT JOIN inspection_runs r ON r.template_id = t.id
    WHERE t.archived_at IS NULL
    GROUP BY t.key`.execute(ctx.db.kysely);
  // the abnormal items of each template's newest open, signed or completed run
  const abnormal = await sql<{ template: string; abnormal: number | string }>`
    SELECT t.key AS template,
           COUNT(CASE WHEN i.status IN ('warning', 'critical', 'error', 'abnormal') THEN 1 END) AS abnormal
    FROM inspection_templates t
    JOIN inspection_runs r ON r.template_id = t.id
    LEFT JOIN inspection_run_items i ON i.run_id = r.id
    WHERE t.archived_at IS NULL
      AND r.id = (SELECT r2.id FROM inspection_runs r2
                  WHERE r2.template_id = t.id AND r2.state IN ('open', 'signed', 'completed')
                  ORDER BY r2.evaluated_at DESC, r2.id DESC LIMIT 1)
    GROUP BY t.key`.execute(ctx.db.kysely);
  const abnormalOf = new Map(abnormal.rows.map((r) => [r.template, Number(r.abnormal)]));
  const now = ctx.now();
  const schedules = (await scheduleStore(ctx.db).list({ enabledOnly: true })).map((s) => ({
    schedule: s.name,
    template: s.templateKey,
    // the newest due time on the calendar itself, so a scheduler that stopped still shows it
    lastDueAt: lastDue(ctx, s, now) ?? s.lastDueAt,
    lastRunAt: s.lastRunAt,
    missed: s.missedCount,
  }));
  return {
    templates: runs.rows.map((r) => ({
      template: r.template,
      lastRunAt: n(r.last_run_at),
      lastRunAbnormal: abnormalOf.get(r.template) ?? null,
      awaiting: Number(r.awaiting),
      oldestUnsignedAt: n(r.oldest_unsigned_at),
    })),
    schedules,
  };
}

/**
 * The inspection gauges, per template (label `template`, its key) and per enabled schedule
 * (labels `schedule`, `template`), read from the store on each scrape (every replica reports the
 * same), once per scrape for all of them. Times are Unix seconds.
 */
export function attachInspectionMetrics(ctx: AppContext): void {
  const registry = ctx.metrics.registry;
  if (registry.getSingleMetric(FIRST)) return;
  let snapshot: Promise<Snapshot> | undefined;
  const read = () => {
    snapshot ??= inspectionStats(ctx).finally(() => setImmediate(() => (snapshot = undefined)));
    return snapshot;
  };
  const sec = (ms: number | null) => (ms === null ? null : ms / 1000);
  const perTemplate = (name: string, help: string, value: (t: TemplateStats) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['template'],
      registers: [registry],
      async collect() {
        const { templates } = await read();
        this.reset();
        for (const t of templates) {
          const v = value(t);
          if (v !== null) this.set({ template: t.template }, v);
        }
      },
    });
  const perSchedule = (name: string, help: string, value: (s: ScheduleStats) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['schedule', 'template'],
      registers: [registry],
      async collect() {
        const { schedules } = await read();
        this.reset();
        for (const s of schedules) {
          const v = value(s);
          if (v !== null) this.set({ schedule: s.schedule, template: s.template }, v);
        }
      },
    });
  perTemplate(
    FIRST,
    'When the newest inspection run (巡检) of the template was evaluated against Prometheus, whatever its state but cancelled (Unix seconds); absent before the first.',
    (t) => sec(t.lastRunAt),
  );
  perTemplate(
    'opsdesk_inspections_last_run_abnormal_items',
    "Items of the template's newest open, signed or completed run that are warning, critical, error, or abnormal manual items.",
    (t) => t.lastRunAbnormal,
  );
  perTemplate(
    'opsdesk_inspections_runs_awaiting_signoff',
    'Runs of the template not yet completed: waiting for the inspector (巡检人) or the reviewer (复核人) to sign.',
    (t) => t.awaiting,
  );
  perTemplate(
    'opsdesk_inspections_oldest_unsigned_run_timestamp_seconds',
    'When the oldest run of the template still waiting for a signature was evaluated (Unix seconds); absent when none waits.',
    (t) => sec(t.oldestUnsignedAt),
  );
  perSchedule(
    'opsdesk_inspections_schedule_last_due_timestamp_seconds',
    'The newest time the schedule (巡检计划) was due, on its calendar, since it was created or changed (Unix seconds); absent before the first.',
    (s) => sec(s.lastDueAt),
  );
  perSchedule(
    'opsdesk_inspections_schedule_last_run_timestamp_seconds',
    'The newest due time of the schedule whose run was started (Unix seconds); absent before the first.',
    (s) => sec(s.lastRunAt),
  );
  perSchedule(
    'opsdesk_inspections_schedule_missed_runs',
    'Due times of the schedule the scheduler skipped because it was more than a day behind (the server was down): only the newest is started.',
    (s) => s.missed,
  );
}
