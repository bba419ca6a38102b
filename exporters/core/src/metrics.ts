/**
 * Per-scrape metric families. Collectors describe what they saw on this scrape (the way
 * client_golang's const metrics do); nothing is kept between scrapes, so a vanished device simply
 * stops being exported instead of lingering with its last value.
 */
export type MetricType = 'gauge' | 'counter' | 'untyped' | 'histogram';

export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly labelNames: readonly string[];
  /** label values joined with \u0000 → value, in insertion order */
  readonly series: Map<string, number>;
}

/** A histogram series: cumulative counts per upper bound (without +Inf), the sum and the count. */
export interface HistogramValue {
  buckets: readonly number[];
  sum: number;
  count: number;
}

export interface HistogramWriter {
  set(value: HistogramValue, ...labelValues: string[]): void;
}

export interface FamilyWriter {
  /** Adds one series; label values in the order of `labelNames`. */
  set(value: number, ...labelValues: string[]): void;
}

const NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Called when a family would exceed its series limit; returns nothing, counts and logs elsewhere. */
export type OverflowHandler = (metric: string, dropped: number) => void;

export class MetricSink {
  readonly families = new Map<string, MetricFamily>();
  private readonly dropped = new Map<string, number>();

  constructor(private readonly maxSeriesPerMetric: number) {}

  private family(name: string, help: string, type: MetricType, labelNames: readonly string[]): FamilyWriter {
    let fam = this.families.get(name);
    if (!fam) {
      if (!NAME_RE.test(name)) throw new Error(`invalid metric name ${JSON.stringify(name)}`);
      for (const l of labelNames) {
        if (!LABEL_RE.test(l) || l.startsWith('__'))
          throw new Error(`invalid label name ${JSON.stringify(l)} on ${name}`);
      }
      fam = { name, help, type, labelNames, series: new Map() };
      this.families.set(name, fam);
    } else if (fam.type !== type || fam.labelNames.join(',') !== labelNames.join(',')) {
      throw new Error(`metric ${name} registered twice with different type or labels`);
    }
    const f = fam;
    const max = this.maxSeriesPerMetric;
    return {
      set: (value: number, ...labelValues: string[]) => {
        if (labelValues.length !== f.labelNames.length) {
          throw new Error(
            `metric ${f.name}: expected ${f.labelNames.length} label values, got ${labelValues.length}`,
          );
        }
        const key = labelValues.join('\u0000');
        if (!f.series.has(key) && f.series.size >= max) {
          this.dropped.set(f.name, (this.dropped.get(f.name) ?? 0) + 1);
          return;
        }
        f.series.set(key, value);
      },
    };
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): FamilyWriter {
    return this.family(name, help, 'gauge', labelNames);
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): FamilyWriter {
    if (!name.endsWith('_total')) throw new Error(`counter ${name} must end in _total`);
    return this.family(name, help, 'counter', labelNames);
  }

  /** Histograms are written whole (buckets, sum, count), as a collector keeps them. */
  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    upperBounds: readonly number[],
  ): HistogramWriter {
    if (!name.endsWith('_seconds') && !name.endsWith('_bytes'))
      throw new Error(`histogram ${name} must name its unit (_seconds, _bytes)`);
    const writer = this.family(name, help, 'histogram', labelNames);
    let fam = this.histograms.get(name);
    if (!fam) {
      fam = { bounds: upperBounds, values: new Map() };
      this.histograms.set(name, fam);
    }
    const f = fam;
    return {
      set: (value: HistogramValue, ...labelValues: string[]) => {
        writer.set(value.count, ...labelValues);
        const key = labelValues.join('\u0000');
        if (this.families.get(name)?.series.has(key)) f.values.set(key, value);
      },
    };
  }

  /** name → bucket bounds and the values of each series */
  readonly histograms = new Map<string, { bounds: readonly number[]; values: Map<string, HistogramValue> }>();

  /** Series refused by the cardinality guard on this scrape, by metric name. */
  droppedSeries(): ReadonlyMap<string, number> {
    return this.dropped;
  }

  /** Moves another sink's families into this one (used to combine collectors' results). */
  absorb(other: MetricSink): void {
    for (const fam of other.families.values()) {
      const mine = this.families.get(fam.name);
      if (!mine) {
        // The other sink is discarded after this, so its family can be taken over as it is.
        this.families.set(fam.name, fam);
        continue;
      }
      if (mine.type !== fam.type || mine.labelNames.join(',') !== fam.labelNames.join(',')) {
        throw new Error(`metric ${fam.name} registered twice with different type or labels`);
      }
      for (const [key, value] of fam.series) {
        if (mine.series.has(key) || mine.series.size < this.maxSeriesPerMetric) mine.series.set(key, value);
        else this.dropped.set(fam.name, (this.dropped.get(fam.name) ?? 0) + 1);
      }
    }
    for (const [metric, n] of other.dropped) this.dropped.set(metric, (this.dropped.get(metric) ?? 0) + n);
    for (const [name, h] of other.histograms) {
      const mine = this.histograms.get(name);
      if (!mine) this.histograms.set(name, h);
      else for (const [k, v] of h.values) mine.values.set(k, v);
    }
  }
}

const NEEDS_ESCAPE = /[\\\n"]/;

function escapeHelp(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : text;
}

function escapeLabelValue(text: string): string {
  return NEEDS_ESCAPE.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
    : text;
}

export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Renders families in the Prometheus text exposition format 0.0.4. */
export function renderFamilies(
  families: Iterable<MetricFamily>,
  histograms?: ReadonlyMap<string, { bounds: readonly number[]; values: Map<string, HistogramValue> }>,
): string {
  const out: string[] = [];
  for (const fam of families) {
    if (fam.series.size === 0) continue;
    out.push(`# HELP ${fam.name} ${escapeHelp(fam.help)}\n# TYPE ${fam.name} ${fam.type}\n`);
    const names = fam.labelNames;
    if (fam.type === 'histogram') {
      const h = histograms?.get(fam.name);
      for (const key of fam.series.keys()) {
        const v = h?.values.get(key);
        if (!h || !v) continue;
        const values = names.length ? key.split('\u0000') : [];
        const base = names.map((n, i) => `${n}="${escapeLabelValue(values[i] ?? '')}"`).join(',');
        const sep = base ? ',' : '';
        h.bounds.forEach((le, i) =>
          out.push(`${fam.name}_bucket{${base}${sep}le="${formatSampleValue(le)}"} ${v.buckets[i] ?? 0}\n`),
        );
        out.push(`${fam.name}_bucket{${base}${sep}le="+Inf"} ${v.count}\n`);
        out.push(`${fam.name}_sum${base ? `{${base}}` : ''} ${formatSampleValue(v.sum)}\n`);
        out.push(`${fam.name}_count${base ? `{${base}}` : ''} ${v.count}\n`);
      }
      continue;
    }
    for (const [key, value] of fam.series) {
      if (names.length === 0) {
        out.push(`${fam.name} ${formatSampleValue(value)}\n`);
        continue;
      }
      const values = key.split('\u0000');
      let labels = '';
      for (let i = 0; i < names.length; i++) {
        labels += `${i === 0 ? '' : ','}${names[i]}="${escapeLabelValue(values[i] ?? '')}"`;
      }
      out.push(`${fam.name}{${labels}} ${formatSampleValue(value)}\n`);
    }
  }
  return out.join('');
}
