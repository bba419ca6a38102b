import type { AppContext } from '../context';

/**
 * The server's reader of Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/):
 * instant queries for checks that are PromQL (patch plans' post-install checks, inspections) and the
 * active targets, through which the server finds the host exporters it collects from. Prometheus is
 * the source of which hosts exist: the server never keeps its own list of scrape targets.
 */

export interface PromSample {
  labels: Record<string, string>;
  /** NaN and ±Inf arrive as Prometheus writes them ("NaN", "+Inf", "-Inf") and are kept */
  value: number;
}

export interface PromTarget {
  job: string;
  instance: string;
  /** the URL Prometheus scrapes, after relabelling (scheme, address, metrics path, params) */
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  /** every target label after relabelling (job and instance included) */
  labels: Record<string, string>;
  lastError: string;
}

/** A query or request Prometheus refused or did not answer; the message names the expression. */
export class PrometheusError extends Error {
  constructor(
    message: string,
    /** Prometheus' errorType (bad_data, execution, timeout, canceled, unavailable, …), or `unreachable` */
    readonly errorType: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

interface ApiEnvelope<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
}

type QueryData =
  | { resultType: 'vector'; result: Array<{ metric: Record<string, string>; value: [number, string] }> }
  | { resultType: 'scalar' | 'string'; result: [number, string] }
  | { resultType: 'matrix'; result: unknown[] };

export class PrometheusClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(opts: { url: string; timeoutMs?: number }) {
    this.base = opts.url.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  get url(): string {
    return this.base;
  }

  /**
   * Instant query at `atMs` (now when left out). A vector gives one sample per series; a scalar one
   * sample without labels. A range selector without a function (a matrix) is refused: a check needs
   * one value per series.
   */
  async query(expr: string, atMs?: number): Promise<PromSample[]> {
    const form = new URLSearchParams({ query: expr });
    if (atMs !== undefined) form.set('time', (atMs / 1000).toFixed(3));
    // the query engine's own limit, a little under ours, so a slow query answers `timeout` rather than hanging up
    form.set('timeout', `${Math.max(1, Math.floor(this.timeoutMs / 1000) - 1)}s`);
    const data = await this.call<QueryData>('/api/v1/query', `query ${JSON.stringify(expr)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    switch (data.resultType) {
      case 'vector':
        return data.result.map((s) => ({ labels: s.metric, value: Number(s.value[1]) }));
      case 'scalar':
        return [{ labels: {}, value: Number(data.result[1]) }];
      default:
        throw new PrometheusError(
          `query ${JSON.stringify(expr)} returns a ${data.resultType}, not an instant vector or scalar; wrap a range selector in a function such as max_over_time(…)`,
          'bad_data',
        );
    }
  }

  /** The targets Prometheus scrapes now (`/api/v1/targets?state=active`). */
  async activeTargets(): Promise<PromTarget[]> {
    const data = await this.call<{
      activeTargets: Array<{
        labels: Record<string, string>;
        scrapeUrl: string;
        health: string;
        lastError?: string;
      }>;
    }>('/api/v1/targets?state=active', 'the active targets', { method: 'GET' });
    return data.activeTargets.map((t) => ({
      job: t.labels.job ?? '',
      instance: t.labels.instance ?? '',
      scrapeUrl: t.scrapeUrl,
      health: t.health === 'up' || t.health === 'down' ? t.health : 'unknown',
      labels: t.labels,
      lastError: t.lastError ?? '',
    }));
  }

  private async call<T>(pathAndQuery: string, what: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${pathAndQuery}`, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason =
        (err as Error).name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs / 1000} s`
          : ((err as Error & { cause?: Error }).cause?.message ?? (err as Error).message);
      throw new PrometheusError(
        `Prometheus at ${this.base} did not answer for ${what}: ${reason}; check prometheus.url in the server config`,
        'unreachable',
      );
    }
    const text = await res.text();
    let body: ApiEnvelope<T>;
    try {
      body = JSON.parse(text) as ApiEnvelope<T>;
    } catch {
      throw new PrometheusError(
        `${this.base}${pathAndQuery.split('?')[0]} answered ${res.status} with something that is not Prometheus' JSON API (${JSON.stringify(text.slice(0, 120))}); is prometheus.url the Prometheus server?`,
        'unavailable',
        res.status,
      );
    }
    if (body.status !== 'success' || body.data === undefined) {
      throw new PrometheusError(
        `Prometheus refused ${what}: ${body.errorType ?? 'error'}: ${body.error ?? `HTTP ${res.status}`}`,
        body.errorType ?? 'unavailable',
        res.status,
      );
    }
    return body.data;
  }
}

/** The configured client (config `prometheus.url`), or undefined when the server has no Prometheus. */
export function prometheusOf(ctx: AppContext): PrometheusClient | undefined {
  const cfg = ctx.config.prometheus;
  // a client holds no state: built from the config in use, so a reload with another URL takes effect
  return cfg.url ? new PrometheusClient({ url: cfg.url, timeoutMs: cfg.timeout }) : undefined;
}
