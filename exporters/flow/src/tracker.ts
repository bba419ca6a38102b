import type { FlowSpec } from './config';

export interface FlowEvent {
  /** business id of the instance (an order, a batch); never a label value */
  instance: string;
  flow: string;
  step: string;
  outcome: 'ok' | 'failed';
  /** ms since the epoch */
  time: number;
  reason?: string | undefined;
}

export type IngestResult = 'accepted' | 'duplicate' | 'late' | 'unknown_flow' | 'unknown_step';

/** Upper bounds of the duration histograms, seconds. */
export const DURATION_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 1800, 3600, 14_400];

class Histogram {
  readonly counts = new Float64Array(DURATION_BUCKETS.length);
  sum = 0;
  count = 0;
  observe(seconds: number): void {
    const s = Math.max(0, seconds);
    this.sum += s;
    this.count++;
    for (let i = 0; i < DURATION_BUCKETS.length; i++)
      if (s <= (DURATION_BUCKETS[i] as number)) this.counts[i]!++;
  }
}

/** Per step of a flow: everything counted, nothing per instance. */
export class StepStats {
  started = 0;
  completed = 0;
  readonly failed = new Map<string, number>();
  readonly duration = new Histogram();
}

export class FlowStats {
  started = 0;
  completed = 0;
  readonly failed = new Map<string, number>();
  readonly duration = new Histogram();
  readonly steps: StepStats[];
  constructor(steps: number) {
    this.steps = Array.from({ length: steps }, () => new StepStats());
  }
}

/**
 * In-flight state of one instance, packed small: 1 000 000 of them must fit in a few hundred MB.
 * `visited` is a bit per step (flows have at most 30 steps), so a late event for a step already
 * passed is counted once and a repeated one is a duplicate.
 */
interface Instance {
  flow: number;
  step: number;
  visited: number;
  enteredAt: number;
  startedAt: number;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Follows every instance of every flow through its steps from events that may come late, twice,
 * or out of order; counts starts, completions, failures and durations per step and per flow; and
 * keeps only in-flight instances (finished ones are remembered briefly, to recognise late events).
 */
export class FlowTracker {
  readonly stats: FlowStats[];
  private readonly flowIndex = new Map<string, number>();
  private readonly stepIndex: Array<Map<string, number>>;
  private readonly inFlight = new Map<string, Instance>();
  private readonly finished = new Map<string, number>();
  evictions = 0;
  readonly dropped = new Map<IngestResult, number>();

  constructor(
    readonly flows: readonly FlowSpec[],
    private readonly opts: { maxInFlight: number; rememberFinishedMs: number; now?: () => number },
  ) {
    flows.forEach((f, i) => this.flowIndex.set(f.name, i));
    this.stepIndex = flows.map((f) => new Map(f.steps.map((s, i) => [s.name, i])));
    this.stats = flows.map((f) => new FlowStats(f.steps.length));
  }

  get size(): number {
    return this.inFlight.size;
  }

  private key(flow: number, instance: string): string {
    return `${flow}\u0000${instance}`;
  }

  private reason(flow: FlowSpec, reason: string | undefined, fallback: string): string {
    const r = reason ?? fallback;
    return flow.failure_reasons.includes(r) ? r : 'other';
  }

  ingest(e: FlowEvent): IngestResult {
    const f = this.flowIndex.get(e.flow);
    if (f === undefined) return this.drop('unknown_flow');
    const step = this.stepIndex[f]!.get(e.step);
    if (step === undefined) return this.drop('unknown_step');
    const spec = this.flows[f]!;
    const stats = this.stats[f]!;
    const key = this.key(f, e.instance);
    if (this.finished.has(key)) return this.drop('late');

    let inst = this.inFlight.get(key);
    if (!inst) {
      if (this.inFlight.size >= this.opts.maxInFlight) this.evictOldest();
      inst = { flow: f, step, visited: 1 << step, enteredAt: e.time, startedAt: e.time };
      this.inFlight.set(key, inst);
      stats.started++;
      stats.steps[step]!.started++;
    } else if (step === inst.step && e.outcome === 'ok') {
      return this.drop('duplicate');
    } else if (e.time < inst.enteredAt && step !== inst.step) {
      // an earlier step, reported late: count it once, the instance has moved on already
      if (inst.visited & (1 << step)) return this.drop('duplicate');
      inst.visited |= 1 << step;
      stats.steps[step]!.started++;
      stats.steps[step]!.completed++;
      if (e.time < inst.startedAt) inst.startedAt = e.time;
      return 'accepted';
    } else if (step !== inst.step) {
      const from = stats.steps[inst.step]!;
      from.completed++;
      from.duration.observe((e.time - inst.enteredAt) / 1000);
      inst.step = step;
      inst.enteredAt = e.time;
      inst.visited |= 1 << step;
      stats.steps[step]!.started++;
    }

    const terminal = spec.steps[step]!.terminal;
    if (e.outcome === 'failed' || terminal === 'failure') {
      const reason = this.reason(spec, e.outcome === 'failed' ? e.reason : e.step, e.step);
      if (e.outcome === 'failed') bump(stats.steps[step]!.failed, reason);
      bump(stats.failed, reason);
      stats.duration.observe((e.time - inst.startedAt) / 1000);
      this.finish(key, e.time);
    } else if (terminal === 'success') {
      stats.steps[step]!.completed++;
      stats.completed++;
      stats.duration.observe((e.time - inst.startedAt) / 1000);
      this.finish(key, e.time);
    }
    return 'accepted';
  }

  private drop(why: IngestResult): IngestResult {
    this.dropped.set(why, (this.dropped.get(why) ?? 0) + 1);
    return why;
  }

  private finish(key: string, _at: number): void {
    this.inFlight.delete(key);
    this.finished.set(key, (this.opts.now ?? Date.now)());
    this.pruneFinished();
  }

  private pruneFinished(): void {
    const cutoff = (this.opts.now ?? Date.now)() - this.opts.rememberFinishedMs;
    const cap = Math.max(1000, this.opts.maxInFlight >> 2);
    for (const [k, at] of this.finished) {
      if (at >= cutoff && this.finished.size <= cap) break;
      this.finished.delete(k);
    }
  }

  /** Drops the instance that entered the tracker first; the cap keeps memory bounded under floods. */
  private evictOldest(): void {
    const first = this.inFlight.keys().next();
    if (!first.done) {
      this.inFlight.delete(first.value);
      this.evictions++;
    }
  }

  /** In progress, stuck and oldest start per step, and stuck end to end per flow, at `now`. */
  snapshot(now: number) {
    const steps = this.flows.map((f) => f.steps.map(() => ({ inProgress: 0, stuck: 0, oldest: Infinity })));
    const flowStuck = this.flows.map(() => 0);
    for (const inst of this.inFlight.values()) {
      const flow = this.flows[inst.flow]!;
      const s = steps[inst.flow]![inst.step]!;
      s.inProgress++;
      if (inst.enteredAt < s.oldest) s.oldest = inst.enteredAt;
      const limit = flow.steps[inst.step]!.time_limit;
      if (limit !== undefined && now - inst.enteredAt > limit) s.stuck++;
      if (flow.time_limit !== undefined && now - inst.startedAt > flow.time_limit) flowStuck[inst.flow]!++;
    }
    return { steps, flowStuck };
  }

  /** The stuck instances of one step, oldest first, for a person to act on. */
  stuckInstances(
    flowName: string,
    stepName: string,
    now: number,
    limit = 100,
  ): Array<{ instance: string; since: number }> {
    const f = this.flowIndex.get(flowName);
    const step = f === undefined ? undefined : this.stepIndex[f]!.get(stepName);
    if (f === undefined || step === undefined) return [];
    const max = this.flows[f]!.steps[step]!.time_limit;
    if (max === undefined) return [];
    const out: Array<{ instance: string; since: number }> = [];
    const prefix = `${f}\u0000`;
    for (const [key, inst] of this.inFlight) {
      if (inst.flow === f && inst.step === step && now - inst.enteredAt > max)
        out.push({ instance: key.slice(prefix.length), since: inst.enteredAt });
    }
    return out.sort((a, b) => a.since - b.since).slice(0, limit);
  }
}
