import { MetricSink, renderFamilies, type CollectContext } from '@opsdesk/exporter-core';
import { parseConfigText } from '@opsdesk/runtime';
import { abandonAfterMs, flowConfigSchema } from './config';
import { flowsCollector, SWEEP_INTERVAL_MS } from './metrics';
import type { FlowStateFile } from './state';
import { FlowTracker } from './tracker';

const config = parseConfigText(
  `flows:
  - name: order
    abandon_after: 1m
    steps:
      - { name: received, time_limit: 5s }
      - { name: settled, terminal: success }
`,
  'flows.yml',
  flowConfigSchema,
);
const T0 = Date.UTC(2026, 11, 1, 2, 0);

afterEach(() => jest.useRealTimers());

test('the running collector abandons what stopped moving: the stuck gauge returns to 0 and the abandoned counter says why', async () => {
  jest.useFakeTimers();
  let now = T0;
  const tracker = new FlowTracker(config.flows, {
    maxInFlight: 1000,
    rememberFinishedMs: 60_000,
    abandonAfterMs: config.flows.map(abandonAfterMs),
    now: () => now,
  });
  const collector = flowsCollector(tracker, config.flows, () => now);
  const scrape = async () => {
    const sink = new MetricSink(1000);
    await collector.collect({ sink } as unknown as CollectContext);
    return renderFamilies(sink.families.values());
  };
  collector.start?.();
  try {
    tracker.ingest({ instance: 'A', flow: 'order', step: 'received', outcome: 'ok', time: T0 });
    now = T0 + 30_000; // stuck (5 s limit), not yet abandoned (1 m)
    jest.advanceTimersByTime(SWEEP_INTERVAL_MS);
    expect(await scrape()).toContain('opsdesk_flow_step_stuck{flow="order",step="received"} 1');
    now = T0 + 61_000; // the fault is long cleared; A will never move
    jest.advanceTimersByTime(SWEEP_INTERVAL_MS);
    const text = await scrape();
    expect(text).toContain('opsdesk_flow_step_stuck{flow="order",step="received"} 0');
    expect(text).toContain('opsdesk_flow_step_abandoned_total{flow="order",step="received"} 1');
  } finally {
    collector.stop?.();
  }
});

test('the state file is saved every state.save_interval and at stop; the saved time and failed saves are exported', async () => {
  jest.useFakeTimers({ now: T0 });
  const saves: string[] = [];
  let failing = false;
  // stands in for the file (its writes are tested in state.test.ts): records when each save ran
  const state = {
    path: '/state',
    save: async () => {
      if (failing) throw new Error('ENOSPC: no space left on device');
      saves.push(`periodic at ${(Date.now() - T0) / 1000} s`);
    },
    saveSync: () => void saves.push(`final at ${(Date.now() - T0) / 1000} s`),
  } as unknown as FlowStateFile;
  const tracker = new FlowTracker(config.flows, { maxInFlight: 1000, rememberFinishedMs: 60_000 });
  const collector = flowsCollector(tracker, config.flows, Date.now, { state, saveIntervalMs: 30_000 });
  const scrape = async () => {
    const sink = new MetricSink(1000);
    await collector.collect({ sink } as unknown as CollectContext);
    return renderFamilies(sink.families.values());
  };
  collector.start?.();
  expect(await scrape()).toContain('opsdesk_flow_state_saved_timestamp_seconds 0');
  await jest.advanceTimersByTimeAsync(30_000 - 1);
  expect(saves).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(saves).toEqual(['periodic at 30 s']);
  expect(await scrape()).toContain(`opsdesk_flow_state_saved_timestamp_seconds ${(T0 + 30_000) / 1000}`);
  failing = true;
  await jest.advanceTimersByTimeAsync(30_000);
  const text = await scrape();
  expect(text).toContain('opsdesk_flow_state_save_failures_total 1');
  expect(text).toContain(`opsdesk_flow_state_saved_timestamp_seconds ${(T0 + 30_000) / 1000}`); // the last good one
  failing = false;
  await jest.advanceTimersByTimeAsync(45_000);
  expect(await scrape()).toContain(`opsdesk_flow_state_saved_timestamp_seconds ${(T0 + 90_000) / 1000}`);
  collector.stop?.();
  expect(saves).toEqual(['periodic at 30 s', 'periodic at 90 s', 'final at 105 s']);
  await jest.advanceTimersByTimeAsync(60_000);
  expect(saves).toHaveLength(3); // stopped: no save after the final one
});
