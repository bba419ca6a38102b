import { silentLogger } from '@opsdesk/testing';
import type { Collector } from './collector';
import { MetricSink, renderFamilies } from './metrics';
import { CollectorRunner, SelectionError } from './runner';

function runner(
  collectors: Collector[],
  opts: { timeoutMs?: number; enabled?: string[]; maxSeries?: number } = {},
) {
  const r = new CollectorRunner({
    prefix: 'test_',
    collectors,
    enabled: opts.enabled ?? collectors.map((c) => c.name),
    defaultTimeoutMs: opts.timeoutMs ?? 5000,
    maxSeriesPerMetric: opts.maxSeries ?? 1000,
    log: silentLogger,
  });
  return { r };
}

const quick = (name: string, value = 1): Collector => ({
  name,
  collect: ({ sink }) => sink.gauge(`test_${name}_value`, 'x').set(value),
});

function seriesValue(
  sink: Awaited<ReturnType<CollectorRunner['scrape']>>,
  name: string,
  key = '',
): number | undefined {
  return sink.families.get(name)?.series.get(key);
}

// Timing limits run on jest's fake clock (setTimeout and process.hrtime alike), so they are exact
// and a busy machine cannot make them flaky.
afterEach(() => jest.useRealTimers());

/** Whether a promise has settled, after letting the microtasks it is waiting on run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await jest.advanceTimersByTimeAsync(0);
  return done;
}

test("a collector's signal aborts at its timeout, whether it asked for it before or after", async () => {
  jest.useFakeTimers();
  const seen: Record<string, boolean> = {};
  const waiting = (name: string, askFirst: boolean): Collector => ({
    name,
    timeoutMs: 100,
    collect: async (ctx) => {
      const early = askFirst ? ctx.signal : undefined;
      await new Promise((r) => setTimeout(r, 150));
      seen[name] = (early ?? ctx.signal).aborted;
    },
  });
  const { r } = runner([waiting('early', true), waiting('late', false)]);
  const scrape = r.scrape();
  await jest.advanceTimersByTimeAsync(200);
  await scrape;
  expect(seen).toEqual({ early: true, late: true });
});

test('a hung collector times out without delaying the others', async () => {
  jest.useFakeTimers();
  let release!: () => void;
  const hung: Collector = {
    name: 'hung',
    timeoutMs: 200,
    collect: () => new Promise<void>((r) => (release = r)),
  };
  const { r } = runner([quick('a'), hung, quick('b')]);
  const scrape = r.scrape();
  await jest.advanceTimersByTimeAsync(199);
  expect(await settled(scrape)).toBe(false); // the scrape waits for the hung collector's timeout
  await jest.advanceTimersByTimeAsync(1);
  expect(await settled(scrape)).toBe(true); // and no longer
  const sink = await scrape;
  expect(seriesValue(sink, 'test_collector_success', 'hung')).toBe(0);
  expect(seriesValue(sink, 'test_collector_success', 'a')).toBe(1);
  expect(seriesValue(sink, 'test_a_value')).toBe(1);
  expect(seriesValue(sink, 'test_b_value')).toBe(1);
  expect(seriesValue(sink, 'test_collector_duration_seconds', 'a')).toBe(0);
  expect(seriesValue(sink, 'test_collector_duration_seconds', 'hung')).toBeCloseTo(0.2, 6);

  // While the first run still hangs, the next scrape does not start a second one and does not wait.
  const again = r.scrape();
  expect(await settled(again)).toBe(true);
  const sink2 = await again;
  expect(seriesValue(sink2, 'test_collector_success', 'hung')).toBe(0);
  expect(seriesValue(sink2, 'test_collector_duration_seconds', 'hung')).toBe(0);

  // Once it ends, the collector runs again on the next scrape.
  release();
  await jest.advanceTimersByTimeAsync(0);
  const third = r.scrape();
  await jest.advanceTimersByTimeAsync(200);
  const sink3 = await third;
  expect(seriesValue(sink3, 'test_collector_success', 'hung')).toBe(0); // it hangs again, up to its timeout
  expect(seriesValue(sink3, 'test_collector_duration_seconds', 'hung')).toBeCloseTo(0.2, 6);
});

test('a failing collector reports success 0 and keeps none of its partial output', async () => {
  const failing: Collector = {
    name: 'broken',
    collect: ({ sink }) => {
      sink.gauge('test_partial', 'x').set(1);
      throw new Error('/proc/nope: ENOENT');
    },
  };
  const { r } = runner([failing, quick('ok')]);
  const sink = await r.scrape();
  expect(seriesValue(sink, 'test_collector_success', 'broken')).toBe(0);
  expect(sink.families.has('test_partial')).toBe(false);
  expect(seriesValue(sink, 'test_ok_value')).toBe(1);
});

test('concurrent scrapes share one in-flight collection', async () => {
  jest.useFakeTimers();
  let runs = 0;
  const slow: Collector = {
    name: 'slow',
    collect: async ({ sink }) => {
      runs++;
      await new Promise((res) => setTimeout(res, 50));
      sink.gauge('test_slow_value', 'x').set(runs);
    },
  };
  const { r } = runner([slow]);
  const scrapes = Array.from({ length: 10 }, () => r.scrape());
  await jest.advanceTimersByTimeAsync(50);
  const results = await Promise.all(scrapes);
  expect(runs).toBe(1);
  expect(new Set(results).size).toBe(1);
  const next = r.scrape();
  await jest.advanceTimersByTimeAsync(50);
  await next;
  expect(runs).toBe(2);
});

test('collect[] and exclude[] choose among enabled collectors and name the known ones', () => {
  const { r } = runner([quick('cpu'), quick('meminfo'), quick('patches')], { enabled: ['cpu', 'meminfo'] });
  expect(r.select(['meminfo'], [])).toEqual(['meminfo']);
  expect(r.select([], ['cpu'])).toEqual(['meminfo']);
  expect(r.select([], [])).toEqual(['cpu', 'meminfo']);
  expect(() => r.select(['cpux'], [])).toThrow(SelectionError);
  expect(() => r.select(['cpux'], [])).toThrow(
    'unknown collector "cpux" in collect[]; known collectors: cpu, meminfo, patches',
  );
  expect(() => r.select(['patches'], [])).toThrow('collectors.patches.enabled: false');
  expect(() => r.select(['cpu'], ['meminfo'])).toThrow('not both');
});

test('series over the limit are dropped and counted per metric', async () => {
  const wide: Collector = {
    name: 'wide',
    collect: ({ sink }) => {
      const g = sink.gauge('test_wide', 'x', ['id']);
      for (let i = 0; i < 25; i++) g.set(i, String(i));
    },
  };
  const { r } = runner([wide], { maxSeries: 10 });
  const own = () => {
    const sink = new MetricSink(Infinity);
    r.writeSeriesDropped(sink);
    return renderFamilies(sink.families.values());
  };
  // described from the start, so dashboards and the metric contract find it before any drop
  expect(own()).toBe(
    '# HELP test_series_dropped_total Series not exported because their metric exceeded limits.max_series_per_metric (the cardinality guard), by metric name. Raise the limit or fix the label source.\n' +
      '# TYPE test_series_dropped_total counter\n',
  );
  const sink = await r.scrape();
  expect(sink.families.get('test_wide')?.series.size).toBe(10);
  await r.scrape();
  // a counter across scrapes: 15 refused on each of the two
  expect(own()).toContain('test_series_dropped_total{metric="test_wide"} 30\n');
});
