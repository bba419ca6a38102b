// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof import('ical.js').default;
import { serverConfigSchema } from '../config';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';

/**
 * The on-call API on SQLite and PostgreSQL over a roster on the China service calendar (the real
 * 2026 data: 国庆 1–7 October off, Saturday 10 October a make-up workday) and one in Berlin.
 * Who is on call is worked out by hand from the start dates (see rotation.test.ts).
 */
const people = ['alice', 'bob', 'carol', 'dave'].map((id) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  email: `${id}@example.com`,
  wecom_userid: `wx_${id}`,
}));

export const ONCALL_CONFIG = {
  people,
  sla: {
    calendars: [
      {
        name: '5x8',
        timezone: 'Asia/Shanghai',
        hours: { weekdays: '09:00-18:00' },
        holidays: { builtin: 'cn' },
      },
      { name: 'berlin', timezone: 'Europe/Berlin', hours: { weekdays: '09:00-17:00' } },
    ],
    policies: (['P1', 'P2', 'P3', 'P4'] as const).map((severity) => ({
      severity,
      response: '1h',
      resolution: '8h',
      calendar: '5x8',
    })),
  },
  oncall: {
    rosters: [
      {
        name: 'ops',
        calendar: '5x8',
        layers: [
          {
            name: 'primary',
            members: ['alice', 'bob'],
            cadence: 'daily',
            start: '2026-09-28',
            days: 'workday',
          },
          { name: 'backup', members: ['carol', 'dave'], cadence: 'weekly', start: '2026-09-28' },
          { name: 'trainee', members: [], start: '2026-09-28' },
        ],
      },
      {
        name: 'eu',
        calendar: 'berlin',
        timezone: 'Europe/Berlin',
        layers: [{ name: 'primary', members: ['alice', 'bob'], cadence: 'daily', start: '2026-10-20' }],
      },
    ],
  },
};

interface Shift {
  roster: string;
  layer: string;
  person: { id: string; name: string; wecomUserId: string | null } | null;
  start: string;
  end: string;
  source: string;
  overrideId: string | null;
}
interface Override {
  id: string;
  person: string;
  start: string;
  end: string;
  swapId: string | null;
  createdBy: string;
  removedAt: string | null;
  timeline: Array<{ kind: string; actor: string }>;
}
interface Handover {
  id: string;
  from: string | null;
  to: string;
  at: string;
  notes: string;
  openIncidents: Array<{ number: string; status: string }>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  timeline: Array<{ kind: string; actor: string }>;
}

const iso = (s: string) => new Date(s).toISOString();

describe.each(DATABASE_KINDS)('on call on %s', (kind) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer(kind, ONCALL_CONFIG);
    for (const [name, role, grafanaPlugin] of [
      ['viewer', 'viewer', false],
      ['editor', 'editor', false],
      ['carol', 'editor', false],
      ['dave', 'editor', false],
      ['grafana-app', 'editor', true],
    ] as const) {
      const r = await s.api<{ token: string }>('POST', '/api/v1/tokens', { name, role, grafanaPlugin });
      expect(r.status).toBe(201);
      tokens[name] = r.body.token;
    }
  });
  afterAll(() => s.stop());

  const now = async (at: string, query = '') =>
    (
      await s.api<{ at: string; shifts: Shift[] }>(
        'GET',
        `/api/v1/oncall/now?at=${encodeURIComponent(at)}${query}`,
        undefined,
        tokens.viewer,
      )
    ).body;
  const onLayer = async (at: string, roster: string, layer: string) =>
    (await now(at, `&roster=${roster}&layer=${layer}`)).shifts[0]!;

  test('the people directory and the rosters, for a viewer', async () => {
    const p = await s.api<{ people: Array<{ id: string; wecomUserId: string }> }>(
      'GET',
      '/api/v1/people',
      undefined,
      tokens.viewer,
    );
    expect(p.status).toBe(200);
    expect(p.body.people.map((x) => [x.id, x.wecomUserId])).toEqual(people.map((x) => [x.id, `wx_${x.id}`]));
    const r = await s.api<{
      rosters: Array<{ name: string; timezone: string; layers: Array<{ name: string }> }>;
    }>('GET', '/api/v1/oncall/rosters', undefined, tokens.viewer);
    expect(r.body.rosters.map((x) => [x.name, x.timezone, x.layers.map((l) => l.name)])).toEqual([
      ['ops', 'Asia/Shanghai', ['primary', 'backup', 'trainee']],
      ['eu', 'Europe/Berlin', ['primary']],
    ]);
  });

  test('国庆 2026: the workday layer is empty, the every-day layer covers; the make-up Saturday works', async () => {
    const holiday = await now('2026-10-03T12:00:00+08:00', '&roster=ops');
    expect(holiday.at).toBe(iso('2026-10-03T12:00:00+08:00'));
    expect(holiday.shifts.map((x) => [x.layer, x.person?.id ?? null])).toEqual([
      ['primary', null],
      ['backup', 'carol'],
      ['trainee', null],
    ]);
    const primary = holiday.shifts[0]!;
    expect([primary.start, primary.end]).toEqual([
      iso('2026-10-01T09:00:00+08:00'),
      iso('2026-10-08T09:00:00+08:00'),
    ]);
    expect((await onLayer('2026-10-10T12:00:00+08:00', 'ops', 'primary')).person?.id).toBe('alice');
    expect((await onLayer('2026-10-11T12:00:00+08:00', 'ops', 'primary')).person).toBeNull();
    // the weekly backup hands over on Monday 5 October at 09:00
    expect((await onLayer('2026-10-05T08:59:59+08:00', 'ops', 'backup')).person?.id).toBe('carol');
    const dave = await onLayer('2026-10-05T09:00:00+08:00', 'ops', 'backup');
    expect([dave.person?.id, dave.person?.wecomUserId, dave.source]).toEqual(['dave', 'wx_dave', 'rotation']);
  });

  test('Berlin: the daily handoff at 09:00 local on the day clocks go back', async () => {
    expect((await onLayer('2026-10-25T07:59:59Z', 'eu', 'primary')).person?.id).toBe('alice');
    const bob = await onLayer('2026-10-25T08:00:00Z', 'eu', 'primary');
    expect([bob.person?.id, bob.start, bob.end]).toEqual([
      'bob',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  test('the schedule of a holiday week, with the kind of each day', async () => {
    const r = await s.api<{ shifts: Shift[]; days: Array<{ date: string; kind: string; makeup: boolean }> }>(
      'GET',
      `/api/v1/oncall/rosters/ops/schedule?from=${encodeURIComponent('2026-09-30T09:00:00+08:00')}&to=${encodeURIComponent('2026-10-12T09:00:00+08:00')}&layer=primary`,
      undefined,
      tokens.viewer,
    );
    expect(r.status).toBe(200);
    expect(r.body.shifts.map((x) => [x.person?.id ?? null, x.start])).toEqual([
      ['alice', iso('2026-09-30T09:00:00+08:00')],
      [null, iso('2026-10-01T09:00:00+08:00')],
      ['alice', iso('2026-10-08T09:00:00+08:00')],
      ['bob', iso('2026-10-09T09:00:00+08:00')],
      ['alice', iso('2026-10-10T09:00:00+08:00')],
      [null, iso('2026-10-11T09:00:00+08:00')],
    ]);
    const day = (d: string) => r.body.days.find((x) => x.date === d);
    expect(day('2026-10-03')).toMatchObject({ kind: 'holiday', makeup: false });
    expect(day('2026-10-10')).toMatchObject({ kind: 'workday', makeup: true });
    expect(day('2026-10-11')).toMatchObject({ kind: 'rest_day', makeup: false });
  });

  test('overrides: one in force wins, an overlapping one is refused naming the other, adjacent ones are fine', async () => {
    const body = {
      roster: 'ops',
      layer: 'backup',
      person: 'alice',
      start: '2026-10-06T09:00:00+08:00',
      end: '2026-10-07T09:00:00+08:00',
      reason: '病假 dave is ill',
    };
    expect((await s.api('POST', '/api/v1/oncall/overrides', body, tokens.viewer)).status).toBe(403);
    const made = await s.api<Override>('POST', '/api/v1/oncall/overrides', body, tokens.editor);
    expect(made.status).toBe(201);
    expect(made.body.createdBy).toBe('editor');
    expect(made.body.timeline.map((e) => [e.kind, e.actor])).toEqual([['override.created', 'editor']]);
    const on = await onLayer('2026-10-06T12:00:00+08:00', 'ops', 'backup');
    expect([on.person?.id, on.source, on.overrideId]).toEqual(['alice', 'override', made.body.id]);
    // the rotation around it is cut at the override
    const before = await onLayer('2026-10-06T08:00:00+08:00', 'ops', 'backup');
    expect([before.person?.id, before.end]).toEqual(['dave', iso('2026-10-06T09:00:00+08:00')]);
    const overlap = await s.api<{ error: { message: string } }>(
      'POST',
      '/api/v1/oncall/overrides',
      { ...body, person: 'bob', start: '2026-10-06T20:00:00+08:00', end: '2026-10-08T09:00:00+08:00' },
      tokens.editor,
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(made.body.id);
    const adjacent = await s.api(
      'POST',
      '/api/v1/oncall/overrides',
      { ...body, person: 'bob', start: body.end, end: '2026-10-08T09:00:00+08:00' },
      tokens.editor,
    );
    expect(adjacent.status).toBe(201);
    const list = await s.api<{ overrides: Override[] }>(
      'GET',
      `/api/v1/oncall/overrides?roster=ops&from=${encodeURIComponent('2026-10-01T00:00:00Z')}&to=${encodeURIComponent('2026-10-20T00:00:00Z')}`,
      undefined,
      tokens.viewer,
    );
    expect(list.body.overrides.map((o) => o.person)).toEqual(['alice', 'bob']);
    const removed = await s.api<Override>(
      'DELETE',
      `/api/v1/oncall/overrides/${made.body.id}`,
      undefined,
      tokens.editor,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.timeline.map((e) => e.kind)).toEqual(['override.created', 'override.removed']);
    expect((await onLayer('2026-10-06T12:00:00+08:00', 'ops', 'backup')).person?.id).toBe('dave');
    expect(
      (await s.api('DELETE', `/api/v1/oncall/overrides/${made.body.id}`, undefined, tokens.editor)).status,
    ).toBe(404);
  });

  test('a swap: two linked overrides; one of them removed removes both', async () => {
    const bad = await s.api<{ error: { message: string } }>(
      'POST',
      '/api/v1/oncall/swaps',
      {
        roster: 'ops',
        layer: 'primary',
        a: { person: 'bob', start: '2026-10-08T10:00:00+08:00' },
        b: { person: 'bob', start: '2026-10-09T10:00:00+08:00' },
      },
      tokens.editor,
    );
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('body b.person')]);
    const notTheirs = await s.api<{ error: { message: string } }>(
      'POST',
      '/api/v1/oncall/swaps',
      {
        roster: 'ops',
        layer: 'primary',
        a: { person: 'bob', start: '2026-10-08T10:00:00+08:00' },
        b: { person: 'alice', start: '2026-10-09T10:00:00+08:00' },
      },
      tokens.editor,
    );
    expect([notTheirs.status, notTheirs.body.error.message]).toEqual([
      422,
      expect.stringContaining('body a.start'),
    ]);
    const swap = await s.api<{ overrides: Override[] }>(
      'POST',
      '/api/v1/oncall/swaps',
      {
        roster: 'ops',
        layer: 'primary',
        a: { person: 'alice', start: '2026-10-08T10:00:00+08:00' },
        b: { person: 'bob', start: '2026-10-09T10:00:00+08:00' },
      },
      tokens.editor,
    );
    expect(swap.status).toBe(201);
    const [x, y] = swap.body.overrides;
    expect([x!.person, x!.start, x!.end, y!.person, y!.start]).toEqual([
      'bob',
      iso('2026-10-08T09:00:00+08:00'),
      iso('2026-10-09T09:00:00+08:00'),
      'alice',
      iso('2026-10-09T09:00:00+08:00'),
    ]);
    expect(x!.swapId).not.toBeNull();
    expect(x!.swapId).toBe(y!.swapId);
    const on = await onLayer('2026-10-08T12:00:00+08:00', 'ops', 'primary');
    expect([on.person?.id, on.source]).toEqual(['bob', 'swap']);
    expect((await onLayer('2026-10-09T12:00:00+08:00', 'ops', 'primary')).person?.id).toBe('alice');
    await s.api('DELETE', `/api/v1/oncall/overrides/${y!.id}`, undefined, tokens.editor);
    expect((await onLayer('2026-10-08T12:00:00+08:00', 'ops', 'primary')).source).toBe('rotation');
    expect((await onLayer('2026-10-09T12:00:00+08:00', 'ops', 'primary')).person?.id).toBe('bob');
  });

  test('the iCalendar feed parses back with ical.js: one event per covered shift', async () => {
    const from = '2026-09-28T09:00:00+08:00';
    const to = '2026-10-12T09:00:00+08:00';
    const res = await fetch(
      `${s.url}/api/v1/oncall/rosters/ops/calendar.ics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      {
        headers: { authorization: `Bearer ${tokens.viewer}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const schedule = await s.api<{ shifts: Shift[] }>(
      'GET',
      `/api/v1/oncall/rosters/ops/schedule?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      undefined,
      tokens.viewer,
    );
    const covered = schedule.body.shifts.filter((x) => x.person !== null);
    expect(
      events.map((e) => [
        e.startDate.toJSDate().toISOString(),
        e.endDate.toJSDate().toISOString(),
        e.summary,
      ]),
    ).toEqual(covered.map((x) => [x.start, x.end, `ops ${x.layer}: ${x.person!.name} (${x.person!.id})`]));
    // the backup's two weeks, the second cut by bob's override of 7 October from the test before
    expect(
      events
        .filter((e) => e.summary.startsWith('ops backup'))
        .map((e) => [e.summary, e.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ['ops backup: Carol (carol)', iso('2026-09-28T09:00:00+08:00')],
      ['ops backup: Dave (dave)', iso('2026-10-05T09:00:00+08:00')],
      ['ops backup: Bob (bob)', iso('2026-10-07T09:00:00+08:00')],
      ['ops backup: Dave (dave)', iso('2026-10-08T09:00:00+08:00')],
    ]);
    expect(events.find((e) => e.summary.startsWith('ops backup: Bob'))?.description).toMatch(/^override;/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  test('a handover lists the incidents open at that moment and is acknowledged by the person taking over', async () => {
    const at = Date.parse('2026-10-05T08:50:00+08:00');
    s.ctx.now = () => at;
    const open = await s.api<{ number: string }>('POST', '/api/v1/incidents', {
      title: '清算延迟 settlement late',
      severity: 'P2',
    });
    const closed = await s.api<{ number: string }>('POST', '/api/v1/incidents', {
      title: 'done',
      severity: 'P4',
    });
    await s.api('POST', `/api/v1/incidents/${closed.body.number}/resolve`, { note: 'fixed' });
    const made = await s.api<Handover>(
      'POST',
      '/api/v1/oncall/handovers',
      { roster: 'ops', layer: 'backup', to: 'dave', notes: '清算延迟仍在观察' },
      tokens.carol,
    );
    expect(made.status).toBe(201);
    expect([made.body.from, made.body.to, made.body.at, made.body.acknowledgedAt]).toEqual([
      'carol',
      'dave',
      new Date(at).toISOString(),
      null,
    ]);
    expect(made.body.openIncidents.map((i) => i.number)).toEqual([open.body.number]);
    // carol is not the one taking over; a Grafana user other than dave neither
    const byCarol = await s.api<{ error: { message: string } }>(
      'POST',
      `/api/v1/oncall/handovers/${made.body.id}/acknowledge`,
      {},
      tokens.carol,
    );
    expect([byCarol.status, byCarol.body.error.message]).toEqual([403, expect.stringContaining('only dave')]);
    const viaGrafana = (user: string) =>
      fetch(`${s.url}/api/v1/oncall/handovers/${made.body.id}/acknowledge`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens['grafana-app']}`,
          'content-type': 'application/json',
          'x-grafana-user': user,
        },
        body: '{}',
      });
    expect((await viaGrafana('bob')).status).toBe(403);
    s.ctx.now = () => at + 15 * 60_000;
    const ack = await viaGrafana('dave@example.com');
    expect(ack.status).toBe(200);
    const acked = (await ack.json()) as Handover;
    expect([acked.acknowledgedAt, acked.acknowledgedBy]).toEqual([
      new Date(at + 15 * 60_000).toISOString(),
      'dave@example.com via grafana-app',
    ]);
    expect(acked.timeline.map((e) => [e.kind, e.actor])).toEqual([
      ['handover.created', 'carol'],
      ['handover.acknowledged', 'dave@example.com via grafana-app'],
    ]);
    expect(
      (await s.api('POST', `/api/v1/oncall/handovers/${made.body.id}/acknowledge`, {}, tokens.dave)).status,
    ).toBe(409);
    const list = await s.api<{ handovers: Handover[] }>(
      'GET',
      '/api/v1/oncall/handovers?roster=ops',
      undefined,
      tokens.viewer,
    );
    expect(list.body.handovers.map((h) => [h.id, h.acknowledgedBy])).toEqual([
      [made.body.id, 'dave@example.com via grafana-app'],
    ]);
  });

  test('opsdesk_oncall_uncovered: 1 only for a layer that should be covered and is not', async () => {
    s.ctx.now = () => Date.parse('2026-10-03T12:00:00+08:00');
    const text = await (await fetch(`${s.url}/metrics`)).text();
    const value = (roster: string, layer: string) =>
      new RegExp(`^opsdesk_oncall_uncovered\\{roster="${roster}",layer="${layer}"\\} (\\d+)$`, 'm').exec(
        text,
      )?.[1];
    expect([
      value('ops', 'primary'),
      value('ops', 'backup'),
      value('ops', 'trainee'),
      value('eu', 'primary'),
    ]).toEqual([
      '0', // off on a holiday, not uncovered
      '0',
      '1', // no members yet
      '0',
    ]);
  });

  test('bad input: 4xx naming the field, nothing stored', async () => {
    const valid = {
      roster: 'ops',
      layer: 'backup',
      person: 'alice',
      start: '2026-11-02T09:00:00+08:00',
      end: '2026-11-03T09:00:00+08:00',
      reason: 'r',
    };
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/api/v1/oncall/overrides', { ...valid, start: 'next monday' }, 400, 'body start'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, end: '2026-11-01T09:00:00+08:00' }, 400, 'body end'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, end: '2027-11-01T09:00:00+08:00' }, 400, 'body end'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, layer: 'tertiary' }, 400, 'body layer'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, person: 'mallory' }, 400, 'body person'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, roster: 'nope' }, 404, 'body roster'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, reason: '  ' }, 400, 'body reason'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, reason: 'a\u0000b' }, 400, 'body reason'],
      ['POST', '/api/v1/oncall/overrides', { ...valid, extra: 1 }, 400, 'extra'],
      [
        'POST',
        '/api/v1/oncall/swaps',
        { roster: 'ops', layer: 'primary', a: { person: 'alice' }, b: { person: 'bob', start: valid.start } },
        400,
        'body a.start',
      ],
      ['POST', '/api/v1/oncall/handovers', { roster: 'ops', layer: 'backup', to: 'nobody' }, 400, 'body to'],
      [
        'POST',
        '/api/v1/oncall/handovers',
        { roster: 'ops', layer: 'backup', to: 'dave', notes: 'x'.repeat(20_001) },
        400,
        'body notes',
      ],
      ['GET', '/api/v1/oncall/now?at=tomorrow', undefined, 400, 'query at'],
      ['GET', '/api/v1/oncall/now?roster=ops&layer=nope', undefined, 400, 'query layer'],
      [
        'GET',
        `/api/v1/oncall/rosters/ops/schedule?from=2026-10-01T00:00:00Z&to=2026-12-15T00:00:00Z`,
        undefined,
        400,
        'query from/to',
      ],
      [
        'GET',
        `/api/v1/oncall/rosters/ops/schedule?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z`,
        undefined,
        400,
        'query to',
      ],
      ['GET', `/api/v1/oncall/rosters/ops/schedule?to=2026-10-01T00:00:00Z`, undefined, 400, 'query from'],
      [
        'GET',
        `/api/v1/oncall/rosters/none/schedule?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z`,
        undefined,
        404,
        'path name',
      ],
      ['POST', '/api/v1/oncall/handovers/no-such/acknowledge', {}, 404, 'handover no-such'],
    ];
    const before = await s.api<{ overrides: Override[] }>(
      'GET',
      `/api/v1/oncall/overrides?from=2026-10-01T00:00:00Z&to=2026-11-30T00:00:00Z`,
    );
    const wrong: string[] = [];
    for (const [method, path, body, status, field] of cases) {
      const r = await s.api<{ error?: { message: string } }>(method, path, body, tokens.editor);
      if (r.status !== status || !r.body.error?.message.includes(field))
        wrong.push(`${method} ${path} → ${r.status} ${r.body.error?.message}`);
    }
    expect(wrong).toEqual([]);
    const after = await s.api<{ overrides: Override[] }>(
      'GET',
      `/api/v1/oncall/overrides?from=2026-10-01T00:00:00Z&to=2026-11-30T00:00:00Z`,
    );
    expect(after.body.overrides.length).toBe(before.body.overrides.length);
  });
});

describe('roster configuration', () => {
  const parse = (over: Record<string, unknown>) =>
    serverConfigSchema.safeParse({ ...ONCALL_CONFIG, ...over });
  const messages = (r: ReturnType<typeof parse>) =>
    r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  test('members are people, calendars exist, a channel roster exists, names are unique', () => {
    const rosters = ONCALL_CONFIG.oncall.rosters;
    const r = parse({
      oncall: {
        rosters: [
          {
            ...rosters[0]!,
            calendar: 'trading',
            layers: [{ name: 'primary', members: ['alice', 'zhang.san'], start: '2026-01-05' }],
          },
          rosters[1]!,
          rosters[1]!,
        ],
      },
      notify: {
        channels: [{ name: 'ops-hook', type: 'webhook', webhook_url: { env: 'HOOK' }, roster: 'opz' }],
      },
    });
    const m = messages(r);
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^oncall\.rosters\.0\.calendar: no calendar named "trading"; define it under sla\.calendars/,
        ),
        expect.stringMatching(
          /^oncall\.rosters\.0\.layers\.0\.members\.1: "zhang\.san" is not in the people directory/,
        ),
        expect.stringMatching(/^oncall\.rosters\.2\.name: roster eu appears twice/),
        expect.stringMatching(/^notify\.channels\.0\.roster: no roster named "opz"/),
      ]),
    );
  });

  test('cadence, handoff, start date, day filter and zone are checked with the fix in the message', () => {
    const layer = { name: 'primary', members: ['alice'], start: '2026-01-05' };
    const bad = (l: Record<string, unknown>, timezone?: string) =>
      messages(
        parse({
          oncall: {
            rosters: [
              { name: 'x', calendar: '5x8', ...(timezone && { timezone }), layers: [{ ...layer, ...l }] },
            ],
          },
        }),
      );
    expect(bad({ cadence: 'fortnightly' })).toEqual([
      expect.stringContaining('cadence: expected daily, weekly or every N days'),
    ]);
    expect(bad({ handoff: '9am' })).toEqual([expect.stringContaining('handoff: expected HH:MM')]);
    expect(bad({ start: '2026-02-30' })).toEqual([
      expect.stringContaining('start: this date does not exist'),
    ]);
    expect(bad({ days: 'weekday' })).toEqual([expect.stringContaining('layers.0.days')]);
    expect(bad({}, 'Asia/Beijing')).toEqual([expect.stringContaining('unknown time zone "Asia/Beijing"')]);
    expect(bad({ cadence: '3d', handoff: '08:30', days: 'rest_day' })).toEqual([]);
  });
});
