import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import type { Logger } from '@opsdesk/runtime';
import type { FlowSpec } from './config';
import type { FlowTracker, InstanceState } from './tracker';

const FORMAT = 'opsdesk-flow-state';
const VERSION = 1;
/** instances per write, and between two pauses of a periodic save */
const CHUNK = 20_000;

/**
 * The state file: one JSON header line (format, version, when, the flows and their steps by name),
 * then one line per in-flight instance, `[flow, step, visited, enteredAt, startedAt, instance]`
 * with flow and step as indexes into the header's lists. Restoring maps them by name onto the
 * current config, so steps may be added or reordered between runs. Written to a temporary file
 * and renamed, so a crash mid-write leaves the previous file whole.
 */
export class FlowStateFile {
  /** set by the final save: a periodic one still writing must not rename its older copy over it */
  private final = false;

  constructor(
    readonly path: string,
    private readonly tracker: FlowTracker,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private header(): string {
    const flows = Object.fromEntries(this.tracker.flows.map((f) => [f.name, f.steps.map((s) => s.name)]));
    return JSON.stringify({
      format: FORMAT,
      version: VERSION,
      savedAt: new Date(this.now()).toISOString(),
      flows,
    });
  }

  /** Batches of lines: the header, then the instances `CHUNK` at a time. */
  private *batches(): Generator<string> {
    yield `${this.header()}\n`;
    let lines: string[] = [];
    for (const i of this.tracker.instances()) {
      lines.push(JSON.stringify([i.flow, i.step, i.visited, i.enteredAt, i.startedAt, i.instance]));
      if (lines.length === CHUNK) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join('\n')}\n`;
  }

  /** Saves at shutdown: blocking is what a process about to exit wants. */
  saveSync(): void {
    this.final = true;
    const tmp = `${this.path}.final.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        for (const b of this.batches()) writeSync(fd, b);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path);
      this.log.info({ path: this.path, instances: this.tracker.size }, 'flow state saved');
    } catch (err) {
      this.log.error({ path: this.path, err: (err as Error).message }, 'cannot save the flow state');
    }
  }

  /** Saves while running: the event loop is let go between chunks, so scrapes and ingest go on. */
  async save(): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      for (const b of this.batches()) {
        await fh.write(b);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (this.final) await unlink(tmp).catch(() => undefined);
    else await rename(tmp, this.path);
  }

  /**
   * Reads the file back into the tracker; the number of instances restored. A missing file is a
   * first start; a file that is not a state file of this format, or has a broken line, is logged
   * and ignored as a whole (the exporter starts empty, as it would without one).
   */
  restore(): number {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        this.log.warn(
          { path: this.path, err: code ?? (err as Error).message },
          'cannot read the flow state; starting empty',
        );
      return 0;
    }
    const parsed = parseStateFile(text, this.tracker.flows);
    if (typeof parsed === 'string') {
      this.log.warn({ path: this.path, reason: parsed }, 'flow state file ignored; starting empty');
      return 0;
    }
    let restored = 0;
    for (const i of parsed.instances) if (this.tracker.restore(i)) restored++;
    this.log.info(
      {
        path: this.path,
        savedAt: parsed.savedAt,
        restored,
        ...(parsed.skipped
          ? { skipped: parsed.skipped, why: 'their flow or step is no longer in the config' }
          : {}),
      },
      'flow state restored',
    );
    return restored;
  }
}

/** From 2000 (as the exporters accept event times) to the end of what a Date holds. */
const validInstant = (ms: number) => ms >= Date.UTC(2000, 0, 1) && ms <= 8.64e15;

/** The instances of a state file mapped onto `flows`, or why the file cannot be used. */
export function parseStateFile(
  text: string,
  flows: readonly FlowSpec[],
): { instances: InstanceState[]; skipped: number; savedAt: string } | string {
  const lines = text.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return 'line 1: not a JSON header';
  }
  const h = header as { format?: unknown; version?: unknown; savedAt?: unknown; flows?: unknown };
  if (typeof h !== 'object' || h === null || h.format !== FORMAT)
    return `line 1: not an ${FORMAT} file (format ${JSON.stringify(h?.format)})`;
  if (h.version !== VERSION)
    return `line 1: version ${JSON.stringify(h.version)}, this exporter reads ${VERSION}`;
  const saved = h.flows;
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return 'line 1: flows missing';
  // the saved flow and step indexes → the config's (undefined when gone)
  const savedFlows = Object.entries(saved as Record<string, unknown>);
  const flowMap: Array<{ flow: number; steps: Array<number | undefined> } | undefined> = savedFlows.map(
    ([name, steps]) => {
      const f = flows.findIndex((x) => x.name === name);
      if (f < 0 || !Array.isArray(steps)) return undefined;
      return {
        flow: f,
        steps: steps.map((s) => {
          const i = flows[f]!.steps.findIndex((x) => x.name === s);
          return i < 0 ? undefined : i;
        }),
      };
    },
  );
  if (savedFlows.length && flowMap.every((m) => m === undefined))
    return `none of its flows (${savedFlows.map(([n]) => n).join(', ')}) is in the config`;
  const instances: InstanceState[] = [];
  let skipped = 0;
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return `line ${n + 1}: not JSON (the file is cut or corrupt)`;
    }
    if (
      !Array.isArray(v) ||
      v.length !== 6 ||
      !v.slice(0, 5).every((x) => Number.isInteger(x) || Number.isFinite(x)) ||
      typeof v[5] !== 'string'
    )
      return `line ${n + 1}: expected [flow, step, visited, enteredAt, startedAt, instance]`;
    const [fi, si, visited, enteredAt, startedAt, instance] = v as [
      number,
      number,
      number,
      number,
      number,
      string,
    ];
    if (!validInstant(enteredAt) || !validInstant(startedAt))
      return `line ${n + 1}: times out of range (enteredAt ${enteredAt}, startedAt ${startedAt})`;
    const m = flowMap[fi];
    const step = m?.steps[si];
    if (!m || step === undefined) {
      skipped++;
      continue;
    }
    let bits = 0;
    m.steps.forEach((to, from) => {
      if (to !== undefined && visited & (1 << from)) bits |= 1 << to;
    });
    instances.push({ flow: m.flow, instance, step, visited: bits >>> 0, enteredAt, startedAt });
  }
  return { instances, skipped, savedAt: String(h.savedAt) };
}
