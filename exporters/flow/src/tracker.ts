import { BucketHistogram, type RefusedReason } from '@opsdesk/exporter-core';
import type { FlowSpec } from './config';
import { OldestFirst, type StuckCursor, type StuckPage } from './stuck-page';

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

/** One in-flight instance as a state file keeps it; flow and step are indexes into the config. */
export interface InstanceState {
  flow: number;
  instance: string;
  step: number;
  /** a bit per step already passed */
  visited: number;
  enteredAt: number;
  startedAt: number;
}

export type IngestResult = 'accepted' | 'duplicate' | 'late' | 'unknown_flow' | 'unknown_step';

/** Upper bounds of the duration histograms, seconds. */
export const DURATION_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 1800, 3600, 14_400];

const histogram = () => new BucketHistogram(DURATION_BUCKETS);

/** Per step of a flow: everything counted, nothing per instance. */
export class StepStats {
  started = 0;
  completed = 0;
  readonly failed = new Map<string, number>();
  readonly duration = histogram();
}

export class FlowStats {
  started = 0;
  completed = 0;
  readonly failed = new Map<string, number>();
  readonly duration = histogram();
  readonly steps: StepStats[];
  constructor(steps: number) {
    this.steps = Array.from({ length: steps }, () => new StepStats());
  }
}

/**
 * In-flight state, packed: one slot per instance in parallel typed arrays (about 22 bytes each),
 * and per flow a Map from the instance id to its slot. 1 000 000 instances must fit in a few
 * hundred MB. `visited` is a bit per step (flows have at most 30 steps), so a late event for a
 * step already passed is counted once and a repeated one is a duplicate.
 */
class Slots {
  flow = new Uint8Array(1024);
  step = new Uint8Array(1024);
  visited = new Uint32Array(1024);
  enteredAt = new Float64Array(1024);
  startedAt = new Float64Array(1024);
  private free: number[] = [];
  private next = 0;

  alloc(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.next === this.flow.length) this.grow();
    return this.next++;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  private grow(): void {
    const n = this.flow.length * 2;
    const copy = <T extends Uint8Array | Uint32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.flow = copy(this.flow, (k) => new Uint8Array(k));
    this.step = copy(this.step, (k) => new Uint8Array(k));
    this.visited = copy(this.visited, (k) => new Uint32Array(k));
    this.enteredAt = copy(this.enteredAt, (k) => new Float64Array(k));
    this.startedAt = copy(this.startedAt, (k) => new Float64Array(k));
  }
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
  private readonly slots = new Slots();
  /** per flow: instance id → slot */
  private readonly inFlight: Array<Map<string, number>>;
  /** per flow: finished instance id → when, remembered to recognise late events */
  private readonly finished: Array<Map<string, number>>;
  private finishedCount = 0;
  private inFlightCount = 0;
  evictions = 0;
  /** per flow and step: instances dropped after `abandonAfterMs` without progress */
  readonly abandonedSteps: number[][];
  /** per flow: the same, all steps together */
  readonly abandoned: number[];
  readonly dropped = new Map<IngestResult | RefusedReason, number>();

  constructor(
    readonly flows: readonly FlowSpec[],
    private readonly opts: {
      maxInFlight: number;
      rememberFinishedMs: number;
      /** per flow: an instance without progress this long is abandoned (default: never) */
      abandonAfterMs?: readonly number[];
      now?: () => number;
    },
  ) {
    flows.forEach((f, i) => this.flowIndex.set(f.name, i));
    this.stepIndex = flows.map((f) => new Map(f.steps.map((s, i) => [s.name, i])));
    this.stats = flows.map((f) => new FlowStats(f.steps.length));
    this.inFlight = flows.map(() => new Map());
    this.finished = flows.map(() => new Map());
    this.abandonedSteps = flows.map((f) => f.steps.map(() => 0));
    this.abandoned = flows.map(() => 0);
  }

  get size(): number {
    return this.inFlightCount;
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
    const live = this.inFlight[f]!;
    if (this.finished[f]!.has(e.instance)) return this.drop('late');
    const S = this.slots;

    let slot = live.get(e.instance);
    if (slot === undefined) {
      if (this.inFlightCount >= this.opts.maxInFlight) this.evictOldest();
      slot = S.alloc();
      S.flow[slot] = f;
      S.step[slot] = step;
      S.visited[slot] = 1 << step;
      S.enteredAt[slot] = e.time;
      S.startedAt[slot] = e.time;
      live.set(e.instance, slot);
      this.inFlightCount++;
      stats.started++;
      stats.steps[step]!.started++;
    } else if (step === S.step[slot] && e.outcome === 'ok') {
      return this.drop('duplicate');
    } else if (e.time < S.enteredAt[slot]! && step !== S.step[slot]) {
      // an earlier step, reported late: count it once, the instance has moved on already
      if (S.visited[slot]! & (1 << step)) return this.drop('duplicate');
      S.visited[slot]! |= 1 << step;
      stats.steps[step]!.started++;
      stats.steps[step]!.completed++;
      if (e.time < S.startedAt[slot]!) S.startedAt[slot] = e.time;
      return 'accepted';
    } else if (step !== S.step[slot]) {
      const from = stats.steps[S.step[slot]!]!;
      from.completed++;
      from.duration.observe((e.time - S.enteredAt[slot]!) / 1000);
      S.step[slot] = step;
      S.enteredAt[slot] = e.time;
      S.visited[slot]! |= 1 << step;
      stats.steps[step]!.started++;
    }

    const terminal = spec.steps[step]!.terminal;
    if (e.outcome === 'failed' || terminal === 'failure') {
      const reason = this.reason(spec, e.outcome === 'failed' ? e.reason : e.step, e.step);
      if (e.outcome === 'failed') bump(stats.steps[step]!.failed, reason);
      bump(stats.failed, reason);
      stats.duration.observe((e.time - S.startedAt[slot]!) / 1000);
      this.finish(f, e.instance, slot);
    } else if (terminal === 'success') {
      stats.steps[step]!.completed++;
      stats.completed++;
      stats.duration.observe((e.time - S.startedAt[slot]!) / 1000);
      this.finish(f, e.instance, slot);
    }
    return 'accepted';
  }

  private drop(why: IngestResult): IngestResult {
    this.dropped.set(why, (this.dropped.get(why) ?? 0) + 1);
    return why;
  }

  /** Counts events refused before they reached the tracker: malformed lines (invalid), times past the skew (future). */
  countInvalid(n = 1, reason: RefusedReason = 'invalid'): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + n);
  }

  /**
   * Drops every instance that has not moved for its flow's abandon time, counting it as abandoned
   * in the step it was in and remembering it as finished (a late event for it is `late`): a
   * stuck-step alert resolves once the fault is cleared, instead of lasting until a restart.
   */
  sweep(now: number): number {
    const after = this.opts.abandonAfterMs;
    if (!after) return 0;
    const S = this.slots;
    let dropped = 0;
    this.inFlight.forEach((live, f) => {
      const limit = after[f] ?? Infinity;
      if (limit === Infinity) return;
      for (const [instance, slot] of live) {
        if (now - S.enteredAt[slot]! <= limit) continue;
        this.abandonedSteps[f]![S.step[slot]!]!++;
        this.abandoned[f]!++;
        this.finish(f, instance, slot);
        dropped++;
      }
    });
    return dropped;
  }

  /** Every in-flight instance as plain values, for a state file. */
  *instances(): Generator<InstanceState> {
    const S = this.slots;
    for (let f = 0; f < this.inFlight.length; f++)
      for (const [instance, slot] of this.inFlight[f]!)
        yield {
          flow: f,
          instance,
          step: S.step[slot]!,
          visited: S.visited[slot]!,
          enteredAt: S.enteredAt[slot]!,
          startedAt: S.startedAt[slot]!,
        };
  }

  /** Puts back an instance read from a state file (indexes of this tracker's flows); false when it is already in flight. */
  restore(i: InstanceState): boolean {
    const live = this.inFlight[i.flow];
    if (!live || live.has(i.instance) || this.inFlightCount >= this.opts.maxInFlight) return false;
    const S = this.slots;
    const slot = S.alloc();
    S.flow[slot] = i.flow;
    S.step[slot] = i.step;
    S.visited[slot] = i.visited;
    S.enteredAt[slot] = i.enteredAt;
    S.startedAt[slot] = i.startedAt;
    live.set(i.instance, slot);
    this.inFlightCount++;
    return true;
  }

  private finish(flow: number, instance: string, slot: number): void {
    this.inFlight[flow]!.delete(instance);
    this.inFlightCount--;
    this.slots.release(slot);
    this.finished[flow]!.set(instance, (this.opts.now ?? Date.now)());
    this.finishedCount++;
    this.pruneFinished(flow);
  }

  private pruneFinished(flow: number): void {
    const cutoff = (this.opts.now ?? Date.now)() - this.opts.rememberFinishedMs;
    const cap = Math.max(1000, this.opts.maxInFlight >> 2);
    const done = this.finished[flow]!;
    for (const [k, at] of done) {
      if (at >= cutoff && this.finishedCount <= cap) break;
      done.delete(k);
      this.finishedCount--;
    }
  }

  /** Drops the instance that entered first (of the fullest flow); the cap keeps memory bounded under floods. */
  private evictOldest(): void {
    let fullest = 0;
    this.inFlight.forEach((m, i) => {
      if (m.size > this.inFlight[fullest]!.size) fullest = i;
    });
    const first = this.inFlight[fullest]!.entries().next();
    if (!first.done) {
      this.inFlight[fullest]!.delete(first.value[0]);
      this.slots.release(first.value[1]);
      this.inFlightCount--;
      this.evictions++;
    }
  }

  /** In progress, stuck and oldest start per step, and stuck end to end per flow, at `now`. */
  snapshot(now: number) {
    const steps = this.flows.map((f) => f.steps.map(() => ({ inProgress: 0, stuck: 0, oldest: Infinity })));
    const flowStuck = this.flows.map(() => 0);
    const S = this.slots;
    this.inFlight.forEach((live, f) => {
      const flow = this.flows[f]!;
      const limits = flow.steps.map((st) => st.time_limit ?? Infinity);
      const flowLimit = flow.time_limit ?? Infinity;
      for (const slot of live.values()) {
        const step = S.step[slot]!;
        const entered = S.enteredAt[slot]!;
        const s = steps[f]![step]!;
        s.inProgress++;
        if (entered < s.oldest) s.oldest = entered;
        if (now - entered > limits[step]!) s.stuck++;
        if (now - S.startedAt[slot]! > flowLimit) flowStuck[f]!++;
      }
    });
    return { steps, flowStuck };
  }

  /** The stuck instances of one step, oldest first, for a person to act on (at most `limit`). */
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
    const page = new OldestFirst(limit, undefined);
    const S = this.slots;
    for (const [instance, slot] of this.inFlight[f]!) {
      if (S.step[slot] === step && now - S.enteredAt[slot]! > max) page.offer(instance, S.enteredAt[slot]!);
    }
    return page.items;
  }

  /**
   * One flow as a person reads it: per step the instances in progress and stuck, and a page of the
   * stuck ones oldest first (at most `limit` after `after`, with the cursor of the next page; only
   * for `step` when given, never for steps without a time limit); and the instances stuck end to
   * end. One pass over the flow's in-flight instances, `chunk` at a time; between chunks `pause()`
   * lets other requests (a scrape) run, so a listing never holds the event loop longer than one
   * chunk. Undefined for an unknown flow or step.
   */
  async inspectFlow(
    flowName: string,
    now: number,
    opts: {
      limit: number;
      step?: string | undefined;
      after?: StuckCursor | undefined;
      chunk?: number;
      pause?: () => Promise<void>;
    },
  ): Promise<FlowListing | undefined> {
    const f = this.flowIndex.get(flowName);
    if (f === undefined) return undefined;
    const only = opts.step === undefined ? undefined : this.stepIndex[f]!.get(opts.step);
    if (opts.step !== undefined && only === undefined) return undefined;
    const flow = this.flows[f]!;
    const limits = flow.steps.map((st) => st.time_limit ?? Infinity);
    const flowLimit = flow.time_limit ?? Infinity;
    const counts = flow.steps.map(() => ({ inProgress: 0, stuck: 0 }));
    const pages = flow.steps.map((st, i) =>
      st.time_limit === undefined || (only !== undefined && i !== only)
        ? undefined
        : new OldestFirst(opts.limit + 1, opts.after),
    );
    let flowStuck = 0;
    const chunk = opts.chunk ?? 20_000;
    const S = this.slots;
    let n = 0;
    // A Map iterator stays valid while entries are added and removed between chunks.
    for (const [instance, slot] of this.inFlight[f]!) {
      const step = S.step[slot]!;
      const entered = S.enteredAt[slot]!;
      const c = counts[step]!;
      c.inProgress++;
      if (now - entered > limits[step]!) {
        c.stuck++;
        pages[step]?.offer(instance, entered);
      }
      if (now - S.startedAt[slot]! > flowLimit) flowStuck++;
      if (++n % chunk === 0 && opts.pause) await opts.pause();
    }
    return {
      flowStuck,
      steps: counts.map((c, i) => {
        const p = pages[i];
        if (!p) return { ...c, page: undefined };
        const more = p.items.length > opts.limit;
        const instances = more ? p.items.slice(0, opts.limit) : p.items;
        const last = instances[instances.length - 1];
        return { ...c, page: { instances, next: more && last ? { ...last } : undefined } };
      }),
    };
  }
}

export type { StuckCursor, StuckPage } from './stuck-page';

export interface FlowListing {
  /** instances in flight longer than the flow's time limit */
  flowStuck: number;
  steps: Array<{ inProgress: number; stuck: number; page: StuckPage | undefined }>;
}
