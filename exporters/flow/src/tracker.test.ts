import { parseConfigText } from '@opsdesk/runtime';
import { abandonAfterMs, flowConfigSchema } from './config';
import { FlowTracker, type FlowEvent } from './tracker';

const config = parseConfigText(
  `
tokens: []
flows:
  - name: order
    time_limit: 30m
    failure_reasons: [limit_exceeded]
    steps:
      - { name: received, time_limit: 5s }
      - { name: risk_check, time_limit: 2s, next: [matched, rejected] }
      - { name: rejected, terminal: failure }
      - { name: matched, time_limit: 1m }
      - { name: settled, terminal: success }
`,
  'flows.yml',
  flowConfigSchema,
);
const T0 = Date.UTC(2026, 10, 26, 1, 30);
const ev = (instance: string, step: string, offsetS: number, extra: Partial<FlowEvent> = {}): FlowEvent => ({
  instance,
  flow: 'order',
  step,
  outcome: 'ok',
  time: T0 + offsetS * 1000,
  ...extra,
});

function tracker(opts: { maxInFlight?: number; now?: () => number; abandonAfterMs?: number[] } = {}) {
  return new FlowTracker(config.flows, {
    maxInFlight: opts.maxInFlight ?? 1000,
    rememberFinishedMs: 600_000,
    now: opts.now ?? (() => T0),
    ...(opts.abandonAfterMs ? { abandonAfterMs: opts.abandonAfterMs } : {}),
  });
}
const step = (t: FlowTracker, name: string) =>
  t.stats[0]!.steps[config.flows[0]!.steps.findIndex((s) => s.name === name)]!;

test('an instance through its steps: starts, completions, durations, success', () => {
  const t = tracker();
  for (const e of [
    ev('A', 'received', 0),
    ev('A', 'risk_check', 1),
    ev('A', 'matched', 1.5),
    ev('A', 'settled', 61.5),
  ])
    expect(t.ingest(e)).toBe('accepted');
  expect(step(t, 'received')).toMatchObject({ started: 1, completed: 1 });
  expect(step(t, 'received').duration.sum).toBe(1);
  expect(step(t, 'matched').duration.sum).toBe(60);
  expect(t.stats[0]).toMatchObject({ started: 1, completed: 1 });
  expect(t.stats[0]!.duration.sum).toBe(61.5);
  expect(t.size).toBe(0);
});

test('branches: a failure step ends the instance and counts as the reason "other" unless listed', () => {
  const t = tracker();
  t.ingest(ev('B', 'received', 0));
  t.ingest(ev('B', 'risk_check', 1));
  t.ingest(ev('B', 'rejected', 2));
  expect(Object.fromEntries(t.stats[0]!.failed)).toEqual({ other: 1 });
  t.ingest(ev('C', 'received', 0));
  t.ingest(ev('C', 'risk_check', 1, { outcome: 'failed', reason: 'limit_exceeded' }));
  expect(Object.fromEntries(t.stats[0]!.failed)).toEqual({ other: 1, limit_exceeded: 1 });
  expect(Object.fromEntries(step(t, 'risk_check').failed)).toEqual({ limit_exceeded: 1 });
  expect(t.size).toBe(0);
});

test('duplicates, late events for finished instances, and unknown flows or steps are dropped and counted', () => {
  const t = tracker();
  t.ingest(ev('D', 'received', 0));
  expect(t.ingest(ev('D', 'received', 0))).toBe('duplicate');
  t.ingest(ev('D', 'risk_check', 1));
  t.ingest(ev('D', 'rejected', 2));
  expect(t.ingest(ev('D', 'matched', 3))).toBe('late');
  expect(t.ingest({ ...ev('E', 'received', 0), flow: 'payments' })).toBe('unknown_flow');
  expect(t.ingest(ev('E', 'shipping', 0))).toBe('unknown_step');
  expect(Object.fromEntries(t.dropped)).toEqual({ duplicate: 1, late: 1, unknown_flow: 1, unknown_step: 1 });
  expect(step(t, 'received').started).toBe(1);
});

test('out of order: a step reported after a later one is counted once and does not move the instance back', () => {
  const t = tracker();
  t.ingest(ev('F', 'received', 0));
  t.ingest(ev('F', 'matched', 5));
  expect(t.ingest(ev('F', 'risk_check', 2))).toBe('accepted');
  expect(t.ingest(ev('F', 'risk_check', 2))).toBe('duplicate');
  expect(step(t, 'risk_check')).toMatchObject({ started: 1, completed: 1 });
  const snap = t.snapshot(T0 + 10_000);
  expect(snap.steps[0]![3]!.inProgress).toBe(1); // still in matched
});

test('stuck: in a step longer than its time limit, on a fake clock, and listed oldest first', () => {
  const t = tracker();
  t.ingest(ev('G', 'received', 0));
  t.ingest(ev('G', 'risk_check', 1));
  t.ingest(ev('H', 'received', 0));
  t.ingest(ev('H', 'risk_check', 2));
  expect(t.snapshot(T0 + 2_500).steps[0]![1]).toEqual({ inProgress: 2, stuck: 0, oldest: T0 + 1000 });
  expect(t.snapshot(T0 + 3_500).steps[0]![1]!.stuck).toBe(1);
  expect(t.snapshot(T0 + 4_500).steps[0]![1]!.stuck).toBe(2);
  expect(t.stuckInstances('order', 'risk_check', T0 + 4_500)).toEqual([
    { instance: 'G', since: T0 + 1000 },
    { instance: 'H', since: T0 + 2000 },
  ]);
  expect(t.snapshot(T0 + 31 * 60_000).flowStuck[0]).toBe(2); // the flow's own 30 min limit
});

test('the memory cap evicts the oldest in-flight instances and counts them', () => {
  const t = tracker({ maxInFlight: 3 });
  for (let i = 0; i < 5; i++) t.ingest(ev(`I${i}`, 'received', i));
  expect(t.size).toBe(3);
  expect(t.evictions).toBe(2);
  expect(t.stuckInstances('order', 'received', T0 + 60_000).map((x) => x.instance)).toEqual([
    'I2',
    'I3',
    'I4',
  ]);
});

test('a config that names a step that does not exist is refused with its path', () => {
  expect(() =>
    parseConfigText(
      'flows:\n  - name: order\n    steps:\n      - { name: a, next: [b] }\n',
      'flows.yml',
      flowConfigSchema,
    ),
  ).toThrow('flows.yml:4: flows[0].steps[0].next[0]: no step named "b" in flow order; steps: a');
});

test('abandon: an instance that has not moved for abandon_after is dropped and counted, so stuck goes back to 0', () => {
  let now = T0;
  const t = tracker({ now: () => now, abandonAfterMs: [3_600_000] });
  t.ingest(ev('J', 'received', 0));
  t.ingest(ev('J', 'risk_check', 1)); // stuck from 3 s on (limit 2 s)
  t.ingest(ev('K', 'received', 0));
  now = T0 + 59 * 60_000;
  t.ingest(ev('K', 'risk_check', 59 * 60)); // K moved recently: not abandoned
  expect(t.snapshot(now).steps[0]![1]!.stuck).toBe(1);
  expect(t.sweep(now)).toBe(0); // J has been in risk_check 59 min < 1 h
  now = T0 + 61 * 60_000;
  expect(t.sweep(now)).toBe(1);
  expect(t.abandoned).toEqual([1]);
  expect(t.abandonedSteps[0]![1]).toBe(1); // abandoned in risk_check
  expect(t.snapshot(now).steps[0]![1]).toMatchObject({ inProgress: 1, stuck: 1 }); // K, stuck by now too
  expect(t.stuckInstances('order', 'risk_check', now).map((i) => i.instance)).toEqual(['K']);
  // the fault is cleared; a late event for the abandoned instance does not bring it back
  expect(t.ingest(ev('J', 'matched', 61 * 60))).toBe('late');
  now = T0 + 120 * 60_000;
  t.sweep(now);
  expect(t.size).toBe(0);
  expect(t.snapshot(now).steps[0]![1]!.stuck).toBe(0);
});

test('abandon_after: default 4 × the longest time limit (at least 1 h); shorter than a time limit is refused', () => {
  expect(abandonAfterMs(config.flows[0]!)).toBe(2 * 3_600_000); // 4 × the flow's 30 min
  expect(() =>
    parseConfigText(
      'flows:\n  - name: order\n    abandon_after: 1m\n    steps:\n      - { name: a, time_limit: 5m }\n',
      'flows.yml',
      flowConfigSchema,
    ),
  ).toThrow("flows.yml:3: flows[0].abandon_after: must be longer than the flow's longest time_limit (5m)");
});

test('listing: pages of stuck instances oldest first, bounded by the limit, each listed once across pages', async () => {
  const t = tracker({ maxInFlight: 10_000 });
  for (let i = 0; i < 2500; i++) t.ingest(ev(`P${String(i).padStart(4, '0')}`, 'received', i % 500));
  const now = T0 + 3_600_000;
  let pauses = 0;
  const seen: string[] = [];
  let after: { since: number; instance: string } | undefined;
  for (;;) {
    const l = (await t.inspectFlow('order', now, {
      limit: 300,
      step: 'received',
      after,
      chunk: 1000,
      pause: async () => void pauses++,
    }))!;
    expect(l.steps[0]).toMatchObject({ inProgress: 2500, stuck: 2500 });
    const page = l.steps[0]!.page!;
    expect(page.instances.length).toBeLessThanOrEqual(300);
    seen.push(...page.instances.map((i) => i.instance));
    expect(l.steps[1]!.page).toBeUndefined(); // only the step asked for
    if (!page.next) break;
    after = page.next;
  }
  expect(seen).toHaveLength(2500);
  expect(new Set(seen).size).toBe(2500);
  const sinces = seen.map((id) => (Number(id.slice(1)) % 500) * 1000);
  expect([...sinces].sort((a, b) => a - b)).toEqual(sinces); // oldest first, across pages
  expect(pauses).toBeGreaterThanOrEqual(9 * 2); // 2500 instances in chunks of 1000, per page
  expect(await t.inspectFlow('order', now, { limit: 1, step: 'nope' })).toBeUndefined();
  expect(await t.inspectFlow('payments', now, { limit: 1 })).toBeUndefined();
});
