/**
 * Per-scrape metric families. A collector declares what it exports once, as descriptors (name,
 * help, type, label names) at module or constructor level, and on each scrape writes the samples
 * it saw against them, the way client_golang's const metrics do. Nothing is kept between scrapes,
 * so a vanished device simply stops being exported instead of lingering with its last value.
 */
export type MetricType = 'gauge' | 'counter' | 'untyped' | 'histogram';

export interface MetricDescriptor {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly labelNames: readonly string[];
  /** histograms only: the upper bounds of the buckets, without +Inf */
  readonly buckets?: readonly number[];
  /** HELP and TYPE even on a scrape without samples (a counter that exists from the start) */
  readonly describedWhenEmpty?: boolean;
  /** the `# HELP` and `# TYPE` lines, rendered once */
  readonly header: string;
}

export interface MetricFamily {
  readonly descriptor: MetricDescriptor;
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
const NEEDS_ESCAPE = /[\\\n"]/;

function escapeHelp(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : text;
}

function escapeLabelValue(text: string): string {
  return NEEDS_ESCAPE.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
    : text;
}

function describe(
  name: string,
  help: string,
  type: MetricType,
  labelNames: readonly string[],
  extra: { buckets?: readonly number[]; describedWhenEmpty?: boolean } = {},
): MetricDescriptor {
  if (!NAME_RE.test(name)) throw new Error(`invalid metric name ${JSON.stringify(name)}`);
  for (const l of labelNames) {
    if (!LABEL_RE.test(l) || l.startsWith('__'))
      throw new Error(`invalid label name ${JSON.stringify(l)} on ${name}`);
  }
  if (new Set(labelNames).size !== labelNames.length)
    throw new Error(`metric ${name}: a label name is repeated`);
  return Object.freeze({
    name,
    help,
    type,
    labelNames: Object.freeze([...labelNames]),
    ...extra,
    header: `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`,
  });
}

export function gaugeDescriptor(
  name: string,
  help: string,
  labelNames: readonly string[] = [],
): MetricDescriptor {
  return describe(name, help, 'gauge', labelNames);
}

export function counterDescriptor(
  name: string,
  help: string,
  labelNames: readonly string[] = [],
  opts: { describedWhenEmpty?: boolean } = {},
): MetricDescriptor {
  if (!name.endsWith('_total')) throw new Error(`counter ${name} must end in _total`);
  return describe(name, help, 'counter', labelNames, opts);
}

export function histogramDescriptor(
  name: string,
  help: string,
  labelNames: readonly string[],
  buckets: readonly number[],
): MetricDescriptor {
  if (!name.endsWith('_seconds') && !name.endsWith('_bytes'))
    throw new Error(`histogram ${name} must name its unit (_seconds, _bytes)`);
  if (labelNames.includes('le')) throw new Error(`histogram ${name} may not have a label named le`);
  for (let i = 1; i < buckets.length; i++) {
    if (!((buckets[i] as number) > (buckets[i - 1] as number)))
      throw new Error(`histogram ${name}: bucket bounds must increase`);
  }
  return describe(name, help, 'histogram', labelNames, { buckets: Object.freeze([...buckets]) });
}

/** Called when a family would exceed its series limit; returns nothing, counts and logs elsewhere. */
export type OverflowHandler = (metric: string, dropped: number) => void;

const sameShape = (a: MetricDescriptor, b: MetricDescriptor) =>
  a === b || (a.type === b.type && a.labelNames.join(',') === b.labelNames.join(','));

export class MetricSink {
  readonly families = new Map<string, MetricFamily>();
  /** name → bucket bounds and the values of each series */
  readonly histograms = new Map<string, { bounds: readonly number[]; values: Map<string, HistogramValue> }>();
  private readonly dropped = new Map<string, number>();

  constructor(private readonly maxSeriesPerMetric: number) {}

  private familyOf(d: MetricDescriptor): MetricFamily {
    let fam = this.families.get(d.name);
    if (!fam) {
      fam = {
        descriptor: d,
        name: d.name,
        help: d.help,
        type: d.type,
        labelNames: d.labelNames,
        series: new Map(),
      };
      this.families.set(d.name, fam);
    } else if (!sameShape(fam.descriptor, d)) {
      throw new Error(`metric ${d.name} registered twice with different type or labels`);
    }
    return fam;
  }

  private put(f: MetricFamily, value: number, labelValues: readonly string[]): string | undefined {
    if (labelValues.length !== f.labelNames.length) {
      throw new Error(
        `metric ${f.name}: expected ${f.labelNames.length} label values, got ${labelValues.length}`,
      );
    }
    const key =
      labelValues.length === 0 ? '' : labelValues.length === 1 ? labelValues[0]! : labelValues.join('\u0000');
    if (f.series.size >= this.maxSeriesPerMetric && !f.series.has(key)) {
      this.dropped.set(f.name, (this.dropped.get(f.name) ?? 0) + 1);
      return undefined;
    }
    f.series.set(key, value);
    return key;
  }

  /** Writes one sample of a gauge, counter or untyped family; label values in descriptor order. */
  add(d: MetricDescriptor, value: number, ...labelValues: string[]): void {
    if (d.type === 'histogram') throw new Error(`metric ${d.name} is a histogram; use addHistogram`);
    this.put(this.familyOf(d), value, labelValues);
  }

  /** Writes one histogram series whole (buckets, sum, count), as a collector keeps it. */
  addHistogram(d: MetricDescriptor, value: HistogramValue, ...labelValues: string[]): void {
    if (d.type !== 'histogram') throw new Error(`metric ${d.name} is not a histogram`);
    const key = this.put(this.familyOf(d), value.count, labelValues);
    if (key === undefined) return;
    let h = this.histograms.get(d.name);
    if (!h) this.histograms.set(d.name, (h = { bounds: d.buckets ?? [], values: new Map() }));
    h.values.set(key, value);
  }

  /**
   * A writer bound to one descriptor. The family takes its place in the output order now; it is
   * rendered only if a sample is written (unless `describedWhenEmpty`).
   */
  writer(d: MetricDescriptor): FamilyWriter {
    if (d.type === 'histogram') throw new Error(`metric ${d.name} is a histogram; use histogramWriter`);
    const f = this.familyOf(d);
    return {
      set: (value, ...labelValues) => {
        this.put(f, value, labelValues);
      },
    };
  }

  /** A writer of whole histogram series for one descriptor, declared now as writer() does. */
  histogramWriter(d: MetricDescriptor): HistogramWriter {
    if (d.type !== 'histogram') throw new Error(`metric ${d.name} is not a histogram`);
    this.familyOf(d);
    return { set: (value, ...labelValues) => this.addHistogram(d, value, ...labelValues) };
  }

  /** Declares the family now, so `describedWhenEmpty` descriptors render without samples. */
  declare(d: MetricDescriptor): void {
    this.familyOf(d);
  }

  // The forms below describe a family at the call; code that runs every scrape should declare
  // its descriptors once and use add()/writer() instead.

  gauge(name: string, help: string, labelNames: readonly string[] = []): FamilyWriter {
    return this.adhoc(name, 'gauge', labelNames, () => gaugeDescriptor(name, help, labelNames));
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): FamilyWriter {
    return this.adhoc(name, 'counter', labelNames, () => counterDescriptor(name, help, labelNames));
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    upperBounds: readonly number[],
  ): HistogramWriter {
    return this.histogramWriter(histogramDescriptor(name, help, labelNames, upperBounds));
  }

  private adhoc(
    name: string,
    type: MetricType,
    labelNames: readonly string[],
    make: () => MetricDescriptor,
  ): FamilyWriter {
    const existing = this.families.get(name)?.descriptor;
    if (!existing) return this.writer(make());
    if (existing.type !== type || existing.labelNames.join(',') !== labelNames.join(','))
      throw new Error(`metric ${name} registered twice with different type or labels`);
    return this.writer(existing);
  }

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
      if (!sameShape(mine.descriptor, fam.descriptor)) {
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
      else for (const [k, v] of h.values) if (this.families.get(name)?.series.has(k)) mine.values.set(k, v);
    }
  }
}

export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelText(names: readonly string[], key: string): string {
  if (names.length === 1) return `${names[0]}="${escapeLabelValue(key)}"`;
  const values = key.split('\u0000');
  let labels = '';
  for (let i = 0; i < names.length; i++) {
    labels += `${i === 0 ? '' : ','}${names[i]}="${escapeLabelValue(values[i] ?? '')}"`;
  }
  return labels;
}

/** Renders families in the Prometheus text exposition format 0.0.4. */
export function renderFamilies(
  families: Iterable<MetricFamily>,
  histograms?: ReadonlyMap<string, { bounds: readonly number[]; values: Map<string, HistogramValue> }>,
): string {
  let out = '';
  for (const fam of families) {
    if (fam.series.size === 0 && !fam.descriptor.describedWhenEmpty) continue;
    out += fam.descriptor.header;
    const name = fam.name;
    const names = fam.labelNames;
    if (fam.type === 'histogram') {
      const h = histograms?.get(name);
      for (const key of fam.series.keys()) {
        const v = h?.values.get(key);
        if (!h || !v) continue;
        const base = names.length ? labelText(names, key) : '';
        const sep = base ? ',' : '';
        for (let i = 0; i < h.bounds.length; i++) {
          out += `${name}_bucket{${base}${sep}le="${formatSampleValue(h.bounds[i]!)}"} ${v.buckets[i] ?? 0}\n`;
        }
        out += `${name}_bucket{${base}${sep}le="+Inf"} ${v.count}\n`;
        out += `${name}_sum${base ? `{${base}}` : ''} ${formatSampleValue(v.sum)}\n`;
        out += `${name}_count${base ? `{${base}}` : ''} ${v.count}\n`;
      }
      continue;
    }
    if (names.length === 0) {
      for (const value of fam.series.values()) out += `${name} ${formatSampleValue(value)}\n`;
      continue;
    }
    for (const [key, value] of fam.series)
      out += `${name}{${labelText(names, key)}} ${formatSampleValue(value)}\n`;
  }
  return out;
}
