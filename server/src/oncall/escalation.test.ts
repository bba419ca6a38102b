import { buildCalendar, calendarSpecSchema } from '@opsdesk/calendar';
import { serverConfigSchema } from '../config';
import { escalationPolicySchema, type EscalationPolicy } from './escalation-config';
import {
  choosePolicy,
  escalationState,
  nextStep,
  pageAt,
  stopOf,
  type EscalationIncident,
} from './escalation';

const M = 60_000;
const cst = (local: string) => new Date(`${local}+08:00`).getTime();

/** Mainland China service hours 09:00-18:00 on workdays: National Day 2026 is 10-01..10-07, Saturday 10-10 is a 调休 workday. */
const cn5x8 = buildCalendar(
  calendarSpecSchema.parse({
    name: 'cn-5x8',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  }),
);

const policy = (p: Record<string, unknown>): EscalationPolicy =>
  escalationPolicySchema.parse({ name: 'p', steps: [{ notify: [{ role: 'lead' }] }], ...p });

const open: EscalationIncident = {
  severity: 'P1',
  service: 'settlement',
  status: 'triggered',
  acknowledged_at: null,
  responded_at: null,
  resolved_at: null,
  closed_at: null,
};

describe('escalation rules', () => {
  test('the first policy in order whose severities and services both take the incident', () => {
    const policies = [
      policy({ name: 'settlement-p1', match: { severities: ['P1'], services: ['settlement'] } }),
      policy({ name: 'p1-p2', match: { severities: ['P1', 'P2'] } }),
      policy({ name: 'any' }),
    ];
    expect(choosePolicy(policies, { severity: 'P1', service: 'settlement' })?.name).toBe('settlement-p1');
    expect(choosePolicy(policies, { severity: 'P1', service: 'clearing' })?.name).toBe('p1-p2');
    expect(choosePolicy(policies, { severity: 'P2', service: 'settlement' })?.name).toBe('p1-p2');
    expect(choosePolicy(policies, { severity: 'P4', service: 'settlement' })?.name).toBe('any');
    expect(choosePolicy(policies.slice(0, 2), { severity: 'P4', service: '' })).toBeUndefined();
  });

  test('outside service hours a step waits for them: a 调休 Saturday opens, the National Day week does not', () => {
    const p = policy({ service_hours: 'cn-5x8' });
    // Friday night before the make-up Saturday: Saturday 09:00
    expect(pageAt(p, 1, cst('2026-10-09T22:00:00'), cn5x8)).toBe(cst('2026-10-10T09:00:00'));
    // the evening before National Day: the first workday after the holiday week
    expect(pageAt(p, 1, cst('2026-09-30T20:00:00'), cn5x8)).toBe(cst('2026-10-08T09:00:00'));
    // an ordinary Saturday night: Monday
    expect(pageAt(p, 1, cst('2026-10-17T22:00:00'), cn5x8)).toBe(cst('2026-10-19T09:00:00'));
    // inside the hours: at once
    expect(pageAt(p, 1, cst('2026-10-10T10:00:00'), cn5x8)).toBe(cst('2026-10-10T10:00:00'));
    // no service hours: at once
    expect(pageAt(p, 1, cst('2026-10-09T22:00:00'), undefined)).toBe(cst('2026-10-09T22:00:00'));
  });

  test('outside_hours on the policy pages every step at night; on a step, that step only', () => {
    const night = cst('2026-10-09T23:30:00');
    const whole = policy({
      service_hours: 'cn-5x8',
      outside_hours: true,
      steps: [{ notify: [{ role: 'a' }] }, { notify: [{ role: 'b' }], outside_hours: false }],
    });
    expect(pageAt(whole, 1, night, cn5x8)).toBe(night);
    expect(pageAt(whole, 2, night, cn5x8)).toBe(cst('2026-10-10T09:00:00'));
    const first = policy({
      service_hours: 'cn-5x8',
      steps: [{ notify: [{ role: 'a' }], outside_hours: true }, { notify: [{ role: 'b' }] }],
    });
    expect(pageAt(first, 1, night, cn5x8)).toBe(night);
    expect(pageAt(first, 2, night, cn5x8)).toBe(cst('2026-10-10T09:00:00'));
  });

  test('each step waits its minutes, the last one leads to the next repeat, then the escalation is finished', () => {
    const p = policy({
      steps: [
        { notify: [{ role: 'a' }], wait: '5m' },
        { notify: [{ role: 'b' }], wait: '10m' },
      ],
      repeat: 1,
    });
    const t0 = cst('2026-10-12T10:00:00');
    expect(nextStep(p, { step: 1, repeat: 0 }, t0, t0)).toEqual({ step: 2, repeat: 0, dueAt: t0 + 5 * M });
    expect(nextStep(p, { step: 2, repeat: 0 }, t0 + 5 * M, t0 + 5 * M)).toEqual({
      step: 1,
      repeat: 1,
      dueAt: t0 + 15 * M,
    });
    expect(nextStep(p, { step: 2, repeat: 1 }, t0, t0)).toBeNull();
  });

  test('a page a few seconds late keeps the schedule; one late by more than half the wait gives the full wait', () => {
    const p = policy({ steps: [{ notify: [{ role: 'a' }], wait: '10m' }, { notify: [{ role: 'b' }] }] });
    const t0 = cst('2026-10-12T10:00:00');
    expect(nextStep(p, { step: 1, repeat: 0 }, t0, t0 + 29_000)?.dueAt).toBe(t0 + 10 * M);
    expect(nextStep(p, { step: 1, repeat: 0 }, t0, t0 + 5 * M)?.dueAt).toBe(t0 + 10 * M);
    expect(nextStep(p, { step: 1, repeat: 0 }, t0, t0 + 5 * M + 1)?.dueAt).toBe(t0 + 15 * M + 1);
    expect(nextStep(p, { step: 1, repeat: 0 }, t0, t0 + 60 * M)?.dueAt).toBe(t0 + 70 * M);
  });

  test('the first acknowledgement, response, resolution or close stops it', () => {
    expect(stopOf(open)).toBeNull();
    expect(stopOf({ ...open, status: 'acknowledged', acknowledged_at: 5, responded_at: 5 })).toEqual({
      at: 5,
      reason: 'acknowledged',
    });
    expect(stopOf({ ...open, responded_at: 3 })).toEqual({ at: 3, reason: 'responded' });
    // a person resolving acknowledges too; the resolution says more
    expect(
      stopOf({ ...open, status: 'resolved', acknowledged_at: 7, responded_at: 7, resolved_at: 7 }),
    ).toEqual({ at: 7, reason: 'resolved' });
    // Alertmanager resolved it: nobody acknowledged
    expect(stopOf({ ...open, status: 'resolved', resolved_at: 9 })).toEqual({ at: 9, reason: 'resolved' });
    // a comment first, a resolution later: the comment stopped it
    expect(stopOf({ ...open, status: 'resolved', responded_at: 4, resolved_at: 9 })).toEqual({
      at: 4,
      reason: 'responded',
    });
  });

  test('the state: waiting for service hours between the due time and the opening', () => {
    const row = { policy: 'p', due_at: 100, next_at: 500, stopped_at: null, finished_at: null };
    expect(escalationState(row, open, 99)).toBe('running');
    expect(escalationState(row, open, 100)).toBe('waiting_for_service_hours');
    expect(escalationState(row, open, 499)).toBe('waiting_for_service_hours');
    expect(escalationState({ ...row, due_at: 500 }, open, 300)).toBe('running');
    expect(escalationState(row, { ...open, acknowledged_at: 200 }, 300)).toBe('stopped');
    expect(escalationState({ ...row, policy: null }, open, 300)).toBe('none');
    expect(escalationState({ ...row, next_at: null, finished_at: 400 }, open, 450)).toBe('finished');
  });
});

describe('oncall.escalation configuration', () => {
  const base = {
    sla: {
      calendars: [{ name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' }],
    },
    people: [{ id: 'wang.wu', name: '王五', roles: ['lead'] }],
    oncall: {
      rosters: [
        {
          name: 'ops',
          calendar: '24x7',
          layers: [{ name: 'primary', members: ['wang.wu'], start: '2026-01-05' }],
        },
      ],
    },
  };
  const issues = (policy: Record<string, unknown>) => {
    const r = serverConfigSchema.safeParse({
      ...base,
      oncall: { ...base.oncall, escalation: { policies: [policy] } },
    });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const at = 'oncall.escalation.policies.0';

  test('a valid policy passes, with its defaults', () => {
    const r = serverConfigSchema.parse({
      ...base,
      oncall: {
        ...base.oncall,
        escalation: {
          policies: [{ name: 'p1', steps: [{ notify: [{ roster: 'ops', layer: 'primary' }] }] }],
        },
      },
    });
    expect(r.oncall.escalation.policies[0]).toMatchObject({
      outside_hours: false,
      repeat: 0,
      steps: [{ wait: 15 * M }],
    });
  });

  test('each name it refers to must exist, and the error says which and what is defined', () => {
    expect(
      issues({
        name: 'p1',
        service_hours: '5x8',
        steps: [
          {
            notify: [
              { person: 'nobody' },
              { role: 'manager' },
              { channel: 'ops-wecom' },
              { roster: 'dba', layer: 'primary' },
              { roster: 'ops', layer: 'backup' },
            ],
          },
        ],
      }),
    ).toEqual([
      `${at}.service_hours: no calendar named "5x8" in sla.calendars; defined: 24x7`,
      `${at}.steps.0.notify.0.person: no person "nobody" in people; defined: wang.wu`,
      `${at}.steps.0.notify.1.role: nobody in people has the role "manager"; roles held: lead`,
      `${at}.steps.0.notify.2.channel: no channel "ops-wecom" in notify.channels; defined: none`,
      `${at}.steps.0.notify.3.roster: no roster "dba" in oncall.rosters; defined: ops`,
      `${at}.steps.0.notify.4.layer: roster ops has no layer "backup"; its layers: primary`,
    ]);
  });

  test('a target names exactly one kind of recipient; a step waits in Prometheus durations', () => {
    const found = issues({
      name: 'p1',
      steps: [
        { notify: [{ person: 'wang.wu', role: 'lead' }, { layer: 'primary' }, {}], wait: '10 minutes' },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        `${at}.steps.0.notify.0: expected exactly one of { roster, layer }, person, role or channel, got person and role`,
        `${at}.steps.0.notify.1.roster: a layer belongs to a roster: add roster, e.g. { roster: ops, layer: primary }`,
        `${at}.steps.0.notify.2: expected exactly one of { roster, layer }, person, role or channel, got none`,
        `${at}.steps.0.wait: expected a duration like 30s, 5m or 1h, got "10 minutes"`,
      ]),
    );
  });
});
