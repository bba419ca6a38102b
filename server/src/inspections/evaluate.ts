import type { PrometheusClient, PromSample } from '../prometheus/client';
import type { Comparison, ConfigurationItem, MetricItem, TemplateItem } from './template';

/** At most this many failing series are kept per item; the rest are counted (`truncated`). */
export const MAX_SERIES = 100;

export type CheckStatus = 'normal' | 'warning' | 'critical' | 'error';

export interface EvaluatedItem {
  status: CheckStatus;
  /** metric: the value that decided the status (the worst series), when there is one */
  value: number | null;
  /** the failing series, worst first */
  series: Array<{ labels: Record<string, string>; value: number }>;
  truncated: number;
  error: string | null;
}

const passes = (value: number, comparison: Comparison, threshold: number): boolean => {
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
};

/** One series against an item's thresholds (NaN never crosses one: it is an error of its own). */
export function seriesStatus(item: MetricItem, value: number): CheckStatus {
  if (Number.isNaN(value)) return 'error';
  if (item.critical !== undefined && passes(value, item.comparison, item.critical)) return 'critical';
  if (item.warning !== undefined && passes(value, item.comparison, item.warning)) return 'warning';
  return 'normal';
}

const RANK: Record<CheckStatus, number> = { normal: 0, warning: 1, critical: 2, error: 3 };

/** The samples of a metric item judged: its status is the worst series', its value that series'. */
export function judgeMetric(item: MetricItem, samples: readonly PromSample[]): EvaluatedItem {
  if (samples.length === 0) {
    const status = item.no_data;
    return {
      status,
      value: null,
      series: [],
      truncated: 0,
      error: status === 'error' ? `the query returned no series: ${item.query}` : null,
    };
  }
  const judged = samples.map((s) => ({ ...s, status: seriesStatus(item, s.value) }));
  // worst first: by status, then by how far past the comparison the value is
  const higherIsWorse = item.comparison.startsWith('>');
  judged.sort(
    (a, b) =>
      RANK[b.status] - RANK[a.status] ||
      (Number.isNaN(a.value)
        ? 1
        : Number.isNaN(b.value)
          ? -1
          : higherIsWorse
            ? b.value - a.value
            : a.value - b.value),
  );
  const worst = judged[0]!;
  const failing = judged.filter((s) => s.status !== 'normal');
  return {
    status: worst.status,
    value: Number.isNaN(worst.value) ? null : worst.value,
    series: failing.slice(0, MAX_SERIES).map(({ labels, value }) => ({ labels, value })),
    truncated: Math.max(0, failing.length - MAX_SERIES),
    error:
      worst.status === 'error'
        ? `a series has no numeric value (NaN): ${JSON.stringify(worst.labels)}`
        : null,
  };
}

/** A configuration item: every series returned is a finding of the item's severity. */
export function judgeConfiguration(item: ConfigurationItem, samples: readonly PromSample[]): EvaluatedItem {
  return {
    status: samples.length === 0 ? 'normal' : item.severity,
    value: samples.length === 0 ? null : samples.length,
    series: samples.slice(0, MAX_SERIES).map(({ labels, value }) => ({ labels, value })),
    truncated: Math.max(0, samples.length - MAX_SERIES),
    error: null,
  };
}

/**
 * The metric and configuration items evaluated against Prometheus at `atMs`, all at once. A query
 * that fails (bad PromQL, Prometheus down or slow) makes its item `error` with Prometheus' own
 * message; it never fails the run, and the other items keep their results.
 */
export async function evaluateItems(
  prom: PrometheusClient | undefined,
  items: readonly TemplateItem[],
  atMs: number,
): Promise<Map<string, EvaluatedItem>> {
  const out = new Map<string, EvaluatedItem>();
  await Promise.all(
    items.map(async (item) => {
      if (item.kind === 'manual') return;
      if (!prom) {
        out.set(item.key, {
          status: 'error',
          value: null,
          series: [],
          truncated: 0,
          error: 'the server has no Prometheus to ask: set prometheus.url in its configuration',
        });
        return;
      }
      try {
        const samples = await prom.query(item.query, atMs);
        out.set(
          item.key,
          item.kind === 'metric' ? judgeMetric(item, samples) : judgeConfiguration(item, samples),
        );
      } catch (err) {
        out.set(item.key, {
          status: 'error',
          value: null,
          series: [],
          truncated: 0,
          error: (err as Error).message.slice(0, 2000),
        });
      }
    }),
  );
  return out;
}
