import { MetricSink, parseConfigText, renderFamilies, type CollectContext } from '@opsdesk/exporter-core';
import { abandonAfterMs, flowConfigSchema } from './config';
import { flowsCollector, SWEEP_INTERVAL_MS } from './metrics';
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
