import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import { isUniqueViolation } from '../db';
import { ApiError, conflict, notFound } from '../http/errors';
import { dueTimes, nextDueTimes, SCHEDULE_DAYS } from './schedule';
import { startRun } from './service';
import { scheduleStore, type ScheduleRow } from './schedules-store';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const person = z.string().min(1).max(64);

export const scheduleBody = z.strictObject({
  name: z.string().min(1).max(100),
  template: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a template key: lowercase letters, digits and dashes')
    .max(100),
  calendar: z.string().min(1).max(100).describe('a calendar of the server config (sla.calendars), by name'),
  times: z
    .array(z.string().regex(HHMM, 'HH:MM, 00:00 to 23:59, e.g. 08:30'))
    .min(1)
    .max(24)
    .describe("local times in the calendar's time zone"),
  days: z.enum(SCHEDULE_DAYS).default('working'),
  inspector: person.nullable().optional(),
  reviewer: person.nullable().optional(),
  enabled: z.boolean().default(true),
});
export type ScheduleBody = z.output<typeof scheduleBody>;

export const scheduleParams = z.strictObject({ id: z.string().min(1).max(100) });
export const nextQuery = z.strictObject({ count: z.coerce.number().int().min(1).max(100).default(5) });

export const scheduleSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    template: z.string(),
    calendar: z.string(),
    times: z.array(z.string()),
    days: z.enum(SCHEDULE_DAYS),
    inspector: z.string().nullable(),
    reviewer: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    lastDueAt: z.string().nullable().describe('the newest due time the scheduler handled'),
    lastRunAt: z.string().nullable().describe('the newest due time whose run was started'),
    missedAt: z
      .string()
      .nullable()
      .describe('the newest due time skipped (the scheduler was over a day behind)'),
    missedCount: z.number().int(),
  })
  .meta({ id: 'InspectionSchedule' });
export type ScheduleOut = z.output<typeof scheduleSchema>;
export const schedulesResponse = z.strictObject({ schedules: z.array(scheduleSchema) });
export const nextResponse = z.strictObject({
  schedule: z.string(),
  calendar: z.string(),
  timezone: z.string(),
  next: z.array(z.string()).describe('the next due times (UTC ISO instants)'),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toSchedule(r: ScheduleRow): ScheduleOut {
  return {
    id: r.id,
    name: r.name,
    template: r.templateKey,
    calendar: r.calendar,
    times: r.times,
    days: r.days,
    inspector: r.inspector,
    reviewer: r.reviewer,
    enabled: r.enabled,
    createdAt: new Date(r.createdAt).toISOString(),
    createdBy: r.createdBy,
    updatedAt: new Date(r.updatedAt).toISOString(),
    lastDueAt: iso(r.lastDueAt),
    lastRunAt: iso(r.lastRunAt),
    missedAt: iso(r.missedAt),
    missedCount: r.missedCount,
  };
}

function calendarOf(ctx: AppContext, name: string) {
  const cal = ctx.sla.calendars.get(name);
  if (!cal) {
    const known = [...ctx.sla.calendars.keys()].join(', ');
    throw new ApiError(
      422,
      'unknown_calendar',
      `calendar: ${JSON.stringify(name)} is not a calendar of the server config (sla.calendars: ${known}); name one of them or add it there`,
    );
  }
  return cal;
}

async function templateIdOf(ctx: AppContext, key: string): Promise<string> {
  const id = await scheduleStore(ctx.db).templateId(key);
  if (id === undefined)
    throw new ApiError(
      422,
      'unknown_template',
      `template: no inspection template with key ${JSON.stringify(key)} (or it is archived); import it first (POST /api/v1/inspections/templates)`,
    );
  return id;
}

function checkPeople(ctx: AppContext, body: ScheduleBody): void {
  for (const field of ['inspector', 'reviewer'] as const) {
    const id = body[field];
    if (id !== null && id !== undefined && !ctx.config.people.some((p) => p.id === id))
      throw new ApiError(
        422,
        'unknown_person',
        `${field}: ${JSON.stringify(id)} is not in the people directory; use a person id (people[].id)`,
      );
  }
  if (body.inspector && body.inspector === body.reviewer)
    throw new ApiError(
      422,
      'same_person',
      'reviewer: the reviewer (复核人) must be another person than the inspector (巡检人)',
    );
}

async function getRow(ctx: AppContext, id: string): Promise<ScheduleRow> {
  const row = await scheduleStore(ctx.db).get(id);
  if (!row) throw notFound(`inspection schedule ${id}`);
  return row;
}

export async function listSchedules(ctx: AppContext): Promise<{ schedules: ScheduleOut[] }> {
  return { schedules: (await scheduleStore(ctx.db).list()).map(toSchedule) };
}

const uniqueName = (name: string) =>
  conflict(
    'name_taken',
    `name: an inspection schedule named ${JSON.stringify(name)} exists; choose another name`,
  );

export async function createSchedule(
  ctx: AppContext,
  body: ScheduleBody,
  caller: Caller,
): Promise<ScheduleOut> {
  calendarOf(ctx, body.calendar);
  checkPeople(ctx, body);
  const templateId = await templateIdOf(ctx, body.template);
  const store = scheduleStore(ctx.db);
  const id = randomUUID();
  const now = ctx.now();
  try {
    await store.insert({
      id,
      name: body.name,
      template_id: templateId,
      calendar: body.calendar,
      times: JSON.stringify([...new Set(body.times)].sort()),
      days: body.days,
      inspector: body.inspector ?? null,
      reviewer: body.reviewer ?? null,
      enabled: body.enabled ? 1 : 0,
      created_at: now,
      created_by: caller.actor,
      updated_at: now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw uniqueName(body.name);
    throw err;
  }
  return toSchedule(await getRow(ctx, id));
}

/** Replaces a schedule's settings; its due times count from now on (none in the past is started for the change). */
export async function updateSchedule(ctx: AppContext, id: string, body: ScheduleBody): Promise<ScheduleOut> {
  const row = await getRow(ctx, id);
  calendarOf(ctx, body.calendar);
  checkPeople(ctx, body);
  const templateId = await templateIdOf(ctx, body.template);
  const store = scheduleStore(ctx.db);
  const now = ctx.now();
  try {
    await store.update(id, {
      name: body.name,
      template_id: templateId,
      calendar: body.calendar,
      times: JSON.stringify([...new Set(body.times)].sort()),
      days: body.days,
      inspector: body.inspector ?? null,
      reviewer: body.reviewer ?? null,
      enabled: body.enabled ? 1 : 0,
      updated_at: now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw uniqueName(body.name);
    throw err;
  }
  // a schedule switched on again (or moved to other times) does not catch up what passed meanwhile
  if (!row.enabled || row.calendar !== body.calendar || row.times.join() !== [...body.times].sort().join())
    await store.advance(id, { dueAt: now }, now);
  return toSchedule(await getRow(ctx, id));
}

export async function deleteSchedule(ctx: AppContext, id: string): Promise<ScheduleOut> {
  const row = await getRow(ctx, id);
  await scheduleStore(ctx.db).remove(id);
  return toSchedule(row);
}

export async function nextRuns(
  ctx: AppContext,
  id: string,
  count: number,
): Promise<z.output<typeof nextResponse>> {
  const row = await getRow(ctx, id);
  const cal = calendarOf(ctx, row.calendar);
  const next = nextDueTimes(row, cal, ctx.now(), count);
  return {
    schedule: row.name,
    calendar: cal.name,
    timezone: cal.data.timeZone,
    next: next.map((t) => new Date(t).toISOString()),
  };
}

/** Due times more than this far behind are recorded as missed; only the newest of them is started. */
export const CATCH_UP_MS = 86_400_000;

/** What the scheduler calls to start a run: service.ts startRun, passed in so the job is testable alone. */
export type StartRun = (
  ctx: AppContext,
  input: {
    templateKey: string;
    trigger: 'schedule';
    scheduleId: string;
    scheduledFor: number;
    inspector?: string | undefined;
    reviewer?: string | undefined;
    actor: string;
  },
) => Promise<{ created: boolean }>;

/** The newest due time at or before `now` since the schedule was created or last changed, if any. */
export function lastDue(ctx: AppContext, row: ScheduleRow, now: number): number | undefined {
  const cal = ctx.sla.calendars.get(row.calendar);
  if (!cal) return undefined;
  const from = Math.max(row.createdAt, now - 40 * 86_400_000);
  const due = dueTimes(row, cal, from, now);
  return due[due.length - 1];
}

/**
 * The scheduler job (server tick, under the PostgreSQL advisory lock): for every enabled schedule,
 * starts a run for each due time since the last one handled. When the scheduler was more than a
 * day behind (the server was down), the older due times are recorded as missed and only the newest
 * is started. The run's UNIQUE(schedule_id, scheduled_for) makes a second replica's start a no-op.
 */
export async function runDueInspectionsWith(
  ctx: AppContext,
  stopping: () => boolean,
  startRun: StartRun,
): Promise<{ started: number; missed: number }> {
  const store = scheduleStore(ctx.db);
  let started = 0;
  let missedTotal = 0;
  for (const s of await store.list({ enabledOnly: true })) {
    if (stopping()) break;
    const cal = ctx.sla.calendars.get(s.calendar);
    if (!cal) {
      ctx.log.warn(
        { schedule: s.name, calendar: s.calendar },
        'inspection schedule names a calendar the server config no longer has; not run',
      );
      continue;
    }
    const now = ctx.now();
    const due = dueTimes(s, cal, Math.max(s.lastDueAt ?? s.createdAt, s.createdAt), now);
    if (due.length === 0) continue;
    const recent = due.filter((t) => t > now - CATCH_UP_MS);
    const toStart = recent.length > 0 ? recent : due.slice(-1);
    const missed = due.filter((t) => !toStart.includes(t));
    if (missed.length > 0) {
      ctx.log.warn(
        { schedule: s.name, missed: missed.map((t) => new Date(t).toISOString()) },
        'inspection schedule was more than a day behind; the older due times are recorded as missed',
      );
      missedTotal += await store.advance(s.id, { dueAt: missed[missed.length - 1] as number, missed }, now);
    }
    for (const at of toStart) {
      if (stopping()) break;
      try {
        const r = await startRun(ctx, {
          templateKey: s.templateKey,
          trigger: 'schedule',
          scheduleId: s.id,
          scheduledFor: at,
          inspector: s.inspector ?? undefined,
          reviewer: s.reviewer ?? undefined,
          actor: 'scheduler',
        });
        if (r.created) started++;
        await store.advance(s.id, { dueAt: at, runAt: at }, ctx.now());
      } catch (err) {
        // left unhandled: the next tick retries it, and the missed-run alert fires if it keeps failing
        ctx.log.warn(
          { schedule: s.name, scheduledFor: new Date(at).toISOString(), err: (err as Error).message },
          'scheduled inspection run could not be started; retrying on the next tick',
        );
        break;
      }
    }
  }
  return { started, missed: missedTotal };
}

/** The scheduler job of the server tick: runDueInspectionsWith the inspections service's startRun. */
export function runDueInspections(
  ctx: AppContext,
  stopping: () => boolean,
): Promise<{ started: number; missed: number }> {
  return runDueInspectionsWith(ctx, stopping, startRun);
}
