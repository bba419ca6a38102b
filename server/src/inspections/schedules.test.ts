import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { serverConfigSchema } from '../config';
import { openDb, type Db } from '../db';
import { buildContext } from '../server';
import { silentLog } from '../testing/notify';
import { startTestServer, type TestServer } from '../testing/server';
import { attachInspectionMetrics } from './metrics';
import { nextDueTimes } from './schedule';
import { runDueInspections } from './schedules-service';
import { definitionOf, importTemplate } from './service';
import type { ScheduleOut } from './schedules-service';

// Inspection schedules through the API (validation, roles, next due times), and the scheduler job
// on two replicas sharing one PostgreSQL database: each due time gets one run.

const DEMO = readFileSync(
  path.join(__dirname, '..', '..', '..', 'provisioning', 'inspections', 'daily-trading.yml'),
  'utf8',
);
const DAY = 86_400_000;

const calendars = [
  { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
  {
    name: 'cn-service',
    kind: 'service',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  },
  {
    name: 'cn-trading',
    kind: 'trading',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:30-11:30,13:00-15:00' },
    holidays: { builtin: 'cn' },
  },
];
const CONFIG = {
  sla: { calendars, tick_interval: '1h' },
  people: [
    { id: 'zhang.san', name: '张三' },
    { id: 'li.si', name: '李四' },
  ],
};

/** HH:MM in Shanghai an hour before now: its next due time is a day away, so no tick meets it here. */
function anHourAgoInShanghai(): string {
  const d = new Date(Date.now() + 8 * 3_600_000 - 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

type Err = { error: { code: string; message: string } };

/** The demo template, validated by the template schema and imported as the server does at start. */
async function importDemo(s: TestServer): Promise<void> {
  const { def, yaml } = definitionOf({ yaml: DEMO });
  const r = await importTemplate(s.ctx, def, yaml, 'test');
  expect(r.outcome).toBe('created');
}

describe('inspection schedules API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', CONFIG);
    await importDemo(s);
  });
  afterAll(() => s?.stop());

  const body = (over: Record<string, unknown> = {}) => ({
    name: 'daily-0830',
    template: 'daily-trading',
    calendar: 'cn-trading',
    times: ['08:30'],
    days: 'working',
    inspector: 'zhang.san',
    reviewer: 'li.si',
    ...over,
  });

  test('creates, lists, changes and deletes a schedule; lists its next due times on its calendar', async () => {
    const created = await s.api<ScheduleOut>('POST', '/api/v1/inspections/schedules', body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'daily-0830',
      template: 'daily-trading',
      days: 'working',
      enabled: true,
      lastRunAt: null,
    });
    const list = await s.api<{ schedules: ScheduleOut[] }>('GET', '/api/v1/inspections/schedules');
    expect(list.body.schedules.map((x) => x.name)).toEqual(['daily-0830']);

    const next = await s.api<{ next: string[]; timezone: string }>(
      'GET',
      `/api/v1/inspections/schedules/${created.body.id}/next?count=4`,
    );
    expect(next.status).toBe(200);
    expect(next.body.timezone).toBe('Asia/Shanghai');
    const cal = s.ctx.sla.calendars.get('cn-trading');
    const expected = nextDueTimes({ days: 'working', times: ['08:30'] }, cal!, Date.now(), 4).map((t) =>
      new Date(t).toISOString(),
    );
    expect(next.body.next).toEqual(expected);
    for (const t of next.body.next) expect(t).toMatch(/T00:30:00\.000Z$/); // 08:30 in Shanghai

    const changed = await s.api<ScheduleOut>(
      'PUT',
      `/api/v1/inspections/schedules/${created.body.id}`,
      body({ times: ['17:00', '08:30'], days: 'last_working_of_month' }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ times: ['08:30', '17:00'], days: 'last_working_of_month' });

    const removed = await s.api('DELETE', `/api/v1/inspections/schedules/${created.body.id}`);
    expect(removed.status).toBe(200);
    expect((await s.api('GET', `/api/v1/inspections/schedules/${created.body.id}/next`)).status).toBe(404);
    expect((await s.api('DELETE', `/api/v1/inspections/schedules/${created.body.id}`)).status).toBe(404);
  });

  test('refuses an unknown calendar, a time that is not HH:MM, an unknown template and a name taken, naming the field', async () => {
    const cal = await s.api<Err>(
      'POST',
      '/api/v1/inspections/schedules',
      body({ name: 'a', calendar: 'nyse' }),
    );
    expect([cal.status, cal.body.error.code]).toEqual([422, 'unknown_calendar']);
    expect(cal.body.error.message).toMatch(/^calendar: "nyse" .*cn-service, cn-trading/);
    const time = await s.api<Err>(
      'POST',
      '/api/v1/inspections/schedules',
      body({ name: 'b', times: ['8:30'] }),
    );
    expect(time.status).toBe(400);
    expect(time.body.error.message).toMatch(/times\.0: HH:MM/);
    const tpl = await s.api<Err>(
      'POST',
      '/api/v1/inspections/schedules',
      body({ name: 'c', template: 'no-such-template' }),
    );
    expect([tpl.status, tpl.body.error.code]).toEqual([422, 'unknown_template']);
    expect(tpl.body.error.message).toMatch(/^template: /);
    expect((await s.api('POST', '/api/v1/inspections/schedules', body({ name: 'dup' }))).status).toBe(201);
    const dup = await s.api<Err>('POST', '/api/v1/inspections/schedules', body({ name: 'dup' }));
    expect([dup.status, dup.body.error.code]).toEqual([409, 'name_taken']);
  });

  test('a viewer reads schedules and cannot write them', async () => {
    const viewer = await s.api<{ token: string }>('POST', '/api/v1/tokens', { name: 'wall', role: 'viewer' });
    expect((await s.api('GET', '/api/v1/inspections/schedules', undefined, viewer.body.token)).status).toBe(
      200,
    );
    const w = await s.api('POST', '/api/v1/inspections/schedules', body({ name: 'v' }), viewer.body.token);
    expect(w.status).toBe(403);
  });
});

describe('the scheduler job on two replicas sharing one PostgreSQL database', () => {
  let s: TestServer;
  const dbs: Db[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.close();
    await s?.stop();
  });

  test('every due time gets one run, a day missed is recorded as missed, and the gauges show it', async () => {
    s = await startTestServer('postgres', CONFIG);
    await importDemo(s);
    const created = await s.api<ScheduleOut>('POST', '/api/v1/inspections/schedules', {
      name: 'every-day',
      template: 'daily-trading',
      calendar: 'cn-service',
      times: [anHourAgoInShanghai()],
      days: 'every',
    });
    expect(created.status).toBe(201);
    const config = serverConfigSchema.parse({
      http: { rate_limit: { per_second: 100_000, burst: 100_000 } },
      ...CONFIG,
    });
    // two replicas, their clocks 1.5 days on: one due time (a day from now) has passed
    let later = Date.now() + 1.5 * DAY;
    const replicas = [0, 1].map(() => {
      const db = openDb(s.database.url);
      dbs.push(db);
      return buildContext(structuredClone(config), db, silentLog(), process.cwd(), () => later);
    });
    // run concurrently, not under the scheduler lock: the UNIQUE(schedule_id, scheduled_for) decides
    const results = await Promise.all(replicas.map((ctx) => runDueInspections(ctx, () => false)));
    expect(results.reduce((n, r) => n + r.started, 0)).toBe(1);
    const runs = async () =>
      (
        await sql<{ scheduled_for: number | string; trigger: string }>`
          SELECT scheduled_for, trigger FROM inspection_runs WHERE schedule_id = ${created.body.id}
          ORDER BY scheduled_for`.execute(replicas[0]!.db.kysely)
      ).rows.map((r) => [Number(r.scheduled_for), r.trigger]);
    const first = await runs();
    expect(first).toHaveLength(1);
    expect(first[0]![1]).toBe('schedule');
    // a second pass finds nothing new
    const again = await Promise.all(replicas.map((ctx) => runDueInspections(ctx, () => false)));
    expect(again.map((r) => r.started)).toEqual([0, 0]);

    // the replicas stop for three days: the two older due times are missed, the newest is started
    later += 3 * DAY;
    const caught = await Promise.all(replicas.map((ctx) => runDueInspections(ctx, () => false)));
    expect(caught.reduce((n, r) => n + r.started, 0)).toBe(1);
    // both replicas saw the two skipped due times; they are recorded once
    expect(caught.reduce((n, r) => n + r.missed, 0)).toBe(2);
    expect((await runs()).length).toBe(2);
    const state = await s.api<{ schedules: ScheduleOut[] }>('GET', '/api/v1/inspections/schedules');
    const sch = state.body.schedules.find((x) => x.id === created.body.id)!;
    expect(sch.missedCount).toBe(2);
    expect(Date.parse(sch.lastRunAt!)).toBe((await runs())[1]![0]);

    const ctx = replicas[0]!;
    attachInspectionMetrics(ctx);
    const text = await ctx.metrics.registry.metrics();
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`${name}{schedule="every-day"`));
    expect(line('opsdesk_inspections_schedule_missed_runs')).toBe(
      'opsdesk_inspections_schedule_missed_runs{schedule="every-day",template="daily-trading"} 2',
    );
    expect(line('opsdesk_inspections_schedule_last_run_timestamp_seconds')).toBe(
      `opsdesk_inspections_schedule_last_run_timestamp_seconds{schedule="every-day",template="daily-trading"} ${sch && Date.parse(sch.lastRunAt!) / 1000}`,
    );
    expect(line('opsdesk_inspections_schedule_last_due_timestamp_seconds')).toBe(
      `opsdesk_inspections_schedule_last_due_timestamp_seconds{schedule="every-day",template="daily-trading"} ${Date.parse(sch.lastRunAt!) / 1000}`,
    );
    expect(text).toMatch(/^opsdesk_inspections_runs_awaiting_signoff\{template="daily-trading"\} 2$/m);
    expect(text).toMatch(/^opsdesk_inspections_last_run_timestamp_seconds\{template="daily-trading"\} \d+/m);
  }, 60_000);
});
