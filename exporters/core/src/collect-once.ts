import { createLogger } from '@opsdesk/runtime';
import type { Collector } from './collector';
import { MetricSink } from './metrics';

const quietLogger = createLogger('collect-once', 'error', { write: () => undefined } as never);

/**
 * Runs one collector once, outside the runner (no timeout, no self-metrics), and returns what it
 * wrote: for tests and for looking at a single collector by hand.
 */
export async function collectOnce(collector: Collector, maxSeries = 10_000): Promise<MetricSink> {
  const sink = new MetricSink(maxSeries);
  await collector.collect({ sink, signal: new AbortController().signal, log: quietLogger });
  return sink;
}

/** The value of one series, looked up by its labels; undefined when absent. */
export function sampleOf(
  sink: MetricSink,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const fam = sink.families.get(name);
  if (!fam) return undefined;
  const key = fam.labelNames.map((l) => labels[l] ?? '').join('\u0000');
  return fam.series.get(key);
}

/** Label values of every series of a metric, as objects. */
export function seriesOf(
  sink: MetricSink,
  name: string,
): Array<{ labels: Record<string, string>; value: number }> {
  const fam = sink.families.get(name);
  if (!fam) return [];
  return [...fam.series].map(([key, value]) => {
    const parts = key.split('\u0000');
    return { labels: Object.fromEntries(fam.labelNames.map((l, i) => [l, parts[i] ?? ''])), value };
  });
}
