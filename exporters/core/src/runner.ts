import { RateLimitedLog, type Logger } from '@opsdesk/runtime';
import type { Collector } from './collector';
import { counterDescriptor, gaugeDescriptor, MetricSink, type MetricDescriptor } from './metrics';

export interface RunnerOptions {
  /** metric prefix with trailing underscore, e.g. `opsdesk_host_` */
  prefix: string;
  collectors: readonly Collector[];
  /** names of the collectors enabled in config */
  enabled: readonly string[];
  defaultTimeoutMs: number;
  maxSeriesPerMetric: number;
  log: Logger;
}

/** A `collect[]`/`exclude[]` request the exporter cannot serve; becomes a 400. */
export class SelectionError extends Error {}

/**
 * Runs the enabled collectors concurrently on each scrape, each under its own timeout, and reports
 * `<prefix>collector_duration_seconds` and `<prefix>collector_success` per collector. Concurrent
 * scrapes asking for the same collectors share one in-flight collection, and a collector whose
 * previous run is still hanging is not started again (it reports failure until that run ends).
 */
export class CollectorRunner {
  private readonly byName = new Map<string, Collector>();
  private readonly enabled: readonly string[];
  private readonly inFlight = new Map<string, Promise<MetricSink>>();
  private readonly stillRunning = new Set<string>();
  private readonly failureLog = new RateLimitedLog();
  private readonly droppedLog = new RateLimitedLog();
  /** series the cardinality guard refused since start, by metric: a counter across scrapes */
  private readonly droppedTotal = new Map<string, number>();
  private readonly durationDesc: MetricDescriptor;
  private readonly successDesc: MetricDescriptor;
  private readonly droppedDesc: MetricDescriptor;

  constructor(private readonly opts: RunnerOptions) {
    for (const c of opts.collectors) this.byName.set(c.name, c);
    for (const name of opts.enabled) {
      if (!this.byName.has(name)) throw new Error(`enabled collector ${name} does not exist`);
    }
    this.enabled = [...opts.enabled].sort();
    this.durationDesc = gaugeDescriptor(
      `${opts.prefix}collector_duration_seconds`,
      'Time this scrape spent in each collector, in seconds.',
      ['collector'],
    );
    this.successDesc = gaugeDescriptor(
      `${opts.prefix}collector_success`,
      'Whether each collector succeeded on this scrape (1) or failed or timed out (0); the exporter log says why.',
      ['collector'],
    );
    // Described even before anything was dropped, so dashboards and the metric contract see it.
    this.droppedDesc = counterDescriptor(
      `${opts.prefix}series_dropped_total`,
      'Series not exported because their metric exceeded limits.max_series_per_metric (the cardinality guard), by metric name. Raise the limit or fix the label source.',
      ['metric'],
      { describedWhenEmpty: true },
    );
  }

  get prefix(): string {
    return this.opts.prefix;
  }

  /** `<prefix>series_dropped_total`: what the cardinality guard refused since start. */
  writeSeriesDropped(sink: MetricSink): void {
    sink.declare(this.droppedDesc);
    for (const [metric, n] of this.droppedTotal) sink.add(this.droppedDesc, n, metric);
  }

  get enabledNames(): readonly string[] {
    return this.enabled;
  }

  get knownNames(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** Applies node_exporter-style `collect[]` and `exclude[]` filters to the enabled collectors. */
  select(collect: readonly string[], exclude: readonly string[]): string[] {
    if (collect.length > 0 && exclude.length > 0) {
      throw new SelectionError('use either collect[] or exclude[], not both');
    }
    const requested = collect.length > 0 ? collect : exclude;
    const param = collect.length > 0 ? 'collect[]' : 'exclude[]';
    for (const name of requested) {
      if (!this.byName.has(name)) {
        throw new SelectionError(
          `unknown collector ${JSON.stringify(name)} in ${param}; known collectors: ${this.knownNames.join(', ')}`,
        );
      }
      if (!this.enabled.includes(name)) {
        throw new SelectionError(
          `collector ${JSON.stringify(name)} in ${param} is disabled in the config (collectors.${name}.enabled: false)`,
        );
      }
    }
    if (collect.length > 0) return [...new Set(collect)].sort();
    return this.enabled.filter((n) => !exclude.includes(n));
  }

  scrape(names: readonly string[] = this.enabled): Promise<MetricSink> {
    const key = names.join(',');
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.collectAll(names).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async collectAll(names: readonly string[]): Promise<MetricSink> {
    const out = new MetricSink(this.opts.maxSeriesPerMetric);
    const results = await Promise.all(names.map((n) => this.runOne(this.byName.get(n) as Collector)));
    for (const r of results) {
      out.add(this.durationDesc, r.seconds, r.name);
      out.add(this.successDesc, r.sink ? 1 : 0, r.name);
      if (r.sink) out.absorb(r.sink);
    }
    for (const [metric, n] of out.droppedSeries()) {
      this.droppedTotal.set(metric, (this.droppedTotal.get(metric) ?? 0) + n);
      if (this.droppedLog.allow(metric)) {
        this.opts.log.warn(
          { metric, dropped: n, limit: this.opts.maxSeriesPerMetric },
          'cardinality guard dropped series; raise limits.max_series_per_metric or reduce the label values',
        );
      }
    }
    return out;
  }

  private async runOne(c: Collector): Promise<{ name: string; seconds: number; sink?: MetricSink }> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    if (this.stillRunning.has(c.name)) {
      this.logFailure(c.name, 'previous run has not finished; skipping this scrape');
      return { name: c.name, seconds: seconds() };
    }
    const timeoutMs = c.timeoutMs ?? this.opts.defaultTimeoutMs;
    // Made when a collector asks for its signal: most never do, and an AbortController per
    // collector per scrape was about 1 % of a scrape's CPU in a profile.
    let controller: AbortController | undefined;
    let timedOut = false;
    const sink = new MetricSink(this.opts.maxSeriesPerMetric);
    const log = this.opts.log;
    let timer: NodeJS.Timeout | undefined;
    const work = Promise.resolve().then(() =>
      c.collect({
        sink,
        log,
        get signal() {
          controller ??= new AbortController();
          if (timedOut) controller.abort();
          return controller.signal;
        },
      }),
    );
    this.stillRunning.add(c.name);
    void work.then(
      () => this.stillRunning.delete(c.name),
      () => this.stillRunning.delete(c.name),
    );
    try {
      await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            controller?.abort();
            reject(new Error(`timed out after ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
      this.failureLog.reset(c.name);
      return { name: c.name, seconds: seconds(), sink };
    } catch (err) {
      this.logFailure(c.name, err instanceof Error ? err.message : String(err));
      return { name: c.name, seconds: seconds() };
    } finally {
      clearTimeout(timer);
    }
  }

  private logFailure(collector: string, err: string): void {
    if (this.failureLog.allow(collector)) this.opts.log.warn({ collector, err }, 'collector failed');
  }
}
