import { createLogger, MetricSink, type Collector } from '@opsdesk/exporter-core';

export const silentLogger = createLogger('test', 'error', { write: () => undefined } as never);

/** Runs one collector once and returns what it wrote. */
export async function collectOnce(collector: Collector, maxSeries = 10_000): Promise<MetricSink> {
  const sink = new MetricSink(maxSeries);
  await collector.collect({ sink, signal: new AbortController().signal, log: silentLogger });
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

/** Parses text exposition into `name{labels}` → value, enough for assertions on a real /metrics body. */
export function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
