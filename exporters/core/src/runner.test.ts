import { Registry } from 'prom-client';
import { silentLogger } from '@opsdesk/testing';
import type { Collector } from './collector';
import { CollectorRunner, SelectionError } from './runner';

function runner(
  collectors: Collector[],
  opts: { timeoutMs?: number; enabled?: string[]; maxSeries?: number } = {},
) {
  const registry = new Registry();
  const r = new CollectorRunner({
    prefix: 'test_',
    collectors,
    enabled: opts.enabled ?? collectors.map((c) => c.name),
    defaultTimeoutMs: opts.timeoutMs ?? 5000,
    maxSeriesPerMetric: opts.maxSeries ?? 1000,
    registry,
    log: silentLogger,
  });
  return { r, registry };
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

test('a hung collector times out without delaying the others', async () => {
  let release!: () => void;
  const hung: Collector = {
    name: 'hung',
    timeoutMs: 200,
    collect: () => new Promise<void>((r) => (release = r)),
  };
  const { r } = runner([quick('a'), hung, quick('b')]);
  const started = Date.now();
  const sink = await r.scrape();
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(190);
  expect(elapsed).toBeLessThan(2000);
  expect(seriesValue(sink, 'test_collector_success', 'hung')).toBe(0);
  expect(seriesValue(sink, 'test_collector_success', 'a')).toBe(1);
  expect(seriesValue(sink, 'test_a_value')).toBe(1);
  expect(seriesValue(sink, 'test_b_value')).toBe(1);
  expect(seriesValue(sink, 'test_collector_duration_seconds', 'a')).toBeLessThan(0.1);
  expect(seriesValue(sink, 'test_collector_duration_seconds', 'hung')).toBeGreaterThanOrEqual(0.19);

  // While the first run still hangs, the next scrape does not start a second one and does not wait.
  const again = Date.now();
  const sink2 = await r.scrape();
  expect(Date.now() - again).toBeLessThan(150);
  expect(seriesValue(sink2, 'test_collector_success', 'hung')).toBe(0);
  release();
  await new Promise((res) => setImmediate(res));
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
  const results = await Promise.all(Array.from({ length: 10 }, () => r.scrape()));
  expect(runs).toBe(1);
  expect(new Set(results).size).toBe(1);
  await r.scrape();
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
  const { r, registry } = runner([wide], { maxSeries: 10 });
  const sink = await r.scrape();
  expect(sink.families.get('test_wide')?.series.size).toBe(10);
  await r.scrape();
  expect(await registry.getSingleMetricAsString('test_series_dropped_total')).toContain(
    'test_series_dropped_total{metric="test_wide"} 30',
  );
});
