import { open, stat, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { duration, RateLimitedLog, type Logger } from '@opsdesk/runtime';
import { BackgroundTask, backgroundCollector } from './background';
import type { Collector } from './collector';
import { counterDescriptor, gaugeDescriptor } from './metrics';

/** The fields every tailed log has; an exporter may add its own (a line format). */
export const logSourceShape = {
  /** a file the platform appends events to, one event per line */
  path: z.string().min(1),
  /** where to begin when the exporter starts: `end` reads only new lines, `start` the whole file */
  from: z.enum(['end', 'start']).default('end'),
  /** how often the file is checked for new lines, rotation and truncation */
  poll: duration({ min: '100ms', max: '1m' }).default(1000),
};
export const logSourceSchema = z.strictObject(logSourceShape);
export type LogSource = z.output<typeof logSourceSchema>;

/** Takes one line of a tailed file; returns why it is refused, or nothing when it was taken. */
export type LineHandler = (line: string, now: number) => string | undefined;

const CHUNK = 1 << 20;
/** at most this much is read per poll, so one huge backlog never holds the event loop */
const MAX_PER_POLL = 16 * CHUNK;
/** a line longer than this is refused (and skipped up to its newline) */
const MAX_LINE = CHUNK;

/**
 * Follows one file like `tail -F`: new lines go to the handler; a rotated file
 * (new inode) is drained to its end and the new one read from its start; a truncated file is read
 * again from the start; a missing file is waited for. Partial last lines wait for their newline.
 */
export class FileTail {
  lines = { accepted: 0, invalid: 0 };
  rotations = 0;
  readable = false;
  private fh: FileHandle | undefined;
  private ino = -1;
  private offset = 0;
  private rest: Buffer = Buffer.alloc(0);
  private skipping = false;
  private opened = false;
  private readonly badLog = new RateLimitedLog(60_000);

  constructor(
    readonly source: LogSource,
    private readonly handle: LineHandler,
    private readonly log: Logger,
    /**
     * source.path taken from the config file's folder; the path as written stays the label value,
     * so a series keeps its name when the exporter is started from elsewhere
     */
    readonly file = source.path,
  ) {}

  async poll(signal?: AbortSignal): Promise<void> {
    let st;
    try {
      st = await stat(this.file);
    } catch (err) {
      this.readable = false;
      this.opened = true; // a file that appears later is read from its start
      if (this.fh) {
        // moved away and not yet replaced: finish what the old file still holds
        await this.drain(signal);
        await this.close();
      }
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return;
    }
    if (this.fh && st.ino !== this.ino) {
      await this.drain(signal);
      await this.close();
      this.rotations++;
      this.log.info({ path: this.file }, 'log file rotated; reading the new one from its start');
    }
    if (!this.fh) {
      this.fh = await open(this.file, 'r');
      this.ino = st.ino;
      this.offset = !this.opened && this.source.from === 'end' ? st.size : 0;
      this.opened = true;
      this.rest = Buffer.alloc(0);
    } else if (st.size < this.offset) {
      this.log.info({ path: this.file }, 'log file truncated; reading it again from its start');
      this.offset = 0;
      this.rest = Buffer.alloc(0);
    }
    this.readable = true;
    await this.drain(signal);
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    await fh?.close();
  }

  private async drain(signal?: AbortSignal): Promise<void> {
    const fh = this.fh;
    if (!fh) return;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let total = 0; total < MAX_PER_POLL && !signal?.aborted;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, this.offset);
      if (bytesRead === 0) break;
      this.offset += bytesRead;
      total += bytesRead;
      this.feed(buf.subarray(0, bytesRead));
    }
  }

  private feed(chunk: Buffer): void {
    let data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const now = Date.now();
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10)) {
      const line = data.subarray(0, nl);
      data = data.subarray(nl + 1);
      if (this.skipping) {
        this.skipping = false; // the end of an over-long line already counted as invalid
        continue;
      }
      this.line(line.toString('utf8'), now);
    }
    if (data.length > MAX_LINE) {
      this.refuse(`line longer than ${MAX_LINE} bytes`);
      this.skipping = true;
      data = Buffer.alloc(0);
    }
    this.rest = Buffer.from(data); // copy: `chunk` is reused by the next read
  }

  private line(text: string, now: number): void {
    if (text.trim() === '') return;
    const error = this.handle(text, now);
    if (error === undefined) this.lines.accepted++;
    else this.refuse(error);
  }

  private refuse(error: string): void {
    this.lines.invalid++;
    if (this.badLog.allow('bad')) this.log.warn({ path: this.file, error }, 'log line refused');
  }
}

/** Parses a line as JSON and hands the value on; a line that is not JSON is refused. */
export function jsonLines(handle: (value: unknown, now: number) => string | undefined): LineHandler {
  return (text, now) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return `not JSON (${(e as Error).message})`;
    }
    return handle(value, now);
  };
}

/** Tails every configured log on its own timer; scrapes report lines read and whether each file is readable. */
export function logTailCollector<S extends LogSource>(
  prefix: string,
  sources: readonly S[],
  handler: (source: S) => LineHandler,
  log: Logger,
  resolvePath: (p: string) => string = (p) => p,
): Collector & { tails: FileTail[] } {
  const tails = sources.map((s) => new FileTail(s, handler(s), log, resolvePath(s.path)));
  const tasks = tails.map(
    (t) =>
      new BackgroundTask<void>({
        name: `log/${t.source.path}`,
        intervalMs: t.source.poll,
        timeoutMs: 60_000,
        log,
        run: (signal) => t.poll(signal),
      }),
  );
  // declared once per exporter: the names carry its prefix
  const lines = counterDescriptor(
    `${prefix}log_lines_total`,
    'Lines read from a tailed event log, by result (accepted, or invalid and skipped).',
    ['path', 'result'],
  );
  const readable = gaugeDescriptor(
    `${prefix}log_readable`,
    '1 when the tailed event log exists and could be read on the last poll.',
    ['path'],
  );
  const rotations = counterDescriptor(
    `${prefix}log_rotations_total`,
    'Times the tailed event log was replaced by a new file (rotation).',
    ['path'],
  );
  const collector = backgroundCollector({
    name: 'logs',
    tasks,
    log,
    stop: () => tails.forEach((t) => void t.close()),
    collect({ sink }) {
      for (const t of tails) {
        const p = t.source.path;
        sink.add(lines, t.lines.accepted, p, 'accepted');
        sink.add(lines, t.lines.invalid, p, 'invalid');
        sink.add(readable, t.readable ? 1 : 0, p);
        sink.add(rotations, t.rotations, p);
      }
    },
  });
  return Object.assign(collector, { tails });
}
