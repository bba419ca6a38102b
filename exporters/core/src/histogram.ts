import type { HistogramValue } from './metrics';

/** A cumulative histogram kept in a typed array, for counts that outlive a scrape (durations, latencies). */
export class BucketHistogram {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    const v = Math.max(0, value);
    this.sum += v;
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) if (v <= (this.bounds[i] as number)) this.counts[i]!++;
  }

  value(): HistogramValue {
    return { buckets: [...this.counts], sum: this.sum, count: this.count };
  }
}
