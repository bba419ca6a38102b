import { writeSync } from 'node:fs';

/**
 * JSON lines in pino's line format, written synchronously: `{"level":"info","time":"<ISO>",
 * "component":"<name>","name":"<name>",…fields,"msg":"…"}`. It replaces pino itself, whose module
 * graph (worker threads, sonic-boom, thread-stream, serializers, redaction) cost an exporter that
 * logs a handful of lines about 1.5 MB of resident memory (docs/host-exporter.md, Performance).
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `log.info('text')`, `log.info({ field }, 'text')`, `log.error(err, 'text')`; `%s %d %i %f %j %o %O` fill from the rest. */
export interface LogFn {
  (msg: string, ...args: unknown[]): void;
  (obj: object | null | undefined, msg?: string, ...args: unknown[]): void;
}

export interface Logger {
  /** the lowest level written; assignable (a config reload changes it) */
  level: string;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** Where lines go: anything with `write(line)` (a Writable, a test's collector); stdout by default. */
export interface LogDestination {
  write(line: string): unknown;
}

const LEVEL_VALUES: Record<string, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

/** JSON lines on stdout, one object per event, as log shippers expect. */
export function createLogger(name: string, level: LogLevel = 'info', destination?: LogDestination): Logger {
  const write = destination ? (line: string) => void destination.write(line) : writeStdout;
  const prefix = `,"component":${JSON.stringify(name)},"name":${JSON.stringify(name)}`;
  let threshold = levelValue(level);
  let current: string = level;
  const method =
    (label: LogLevel): LogFn =>
    (first: unknown, ...rest: unknown[]) => {
      if (LEVEL_VALUES[label]! < threshold) return;
      write(formatLine(label, prefix, first, rest));
    };
  return {
    get level() {
      return current;
    },
    set level(value: string) {
      threshold = levelValue(value);
      current = value;
    },
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
  };
}

function levelValue(level: string): number {
  const v = LEVEL_VALUES[level];
  if (v === undefined)
    throw new Error(`unknown log level ${JSON.stringify(level)}; use one of ${LOG_LEVELS.join(', ')}`);
  return v;
}

function formatLine(label: string, prefix: string, first: unknown, rest: unknown[]): string {
  let obj: unknown = first;
  let msg: unknown;
  let args = rest;
  if (typeof first === 'string') {
    obj = undefined;
    msg = first;
  } else {
    msg = rest[0];
    args = rest.slice(1);
    if (first instanceof Error) {
      obj = { err: first };
      if (msg === undefined) msg = first.message;
    }
  }
  let line = `{"level":"${label}","time":"${new Date().toISOString()}"${prefix}`;
  if (obj !== null && typeof obj === 'object') {
    for (const [key, value] of Object.entries(obj)) {
      const text = stringify(key === 'err' && value instanceof Error ? serializeError(value) : value);
      if (text !== undefined) line += `,${JSON.stringify(key)}:${text}`;
    }
  }
  if (msg !== undefined && msg !== null) {
    const text = typeof msg === 'string' ? (args.length ? formatArgs(msg, args) : msg) : String(msg);
    line += `,"msg":${JSON.stringify(text)}`;
  }
  return line + '}\n';
}

/** JSON.stringify that survives cycles ("[Circular]") and BigInt (a number), like pino's. */
function stringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    const ancestors: unknown[] = [];
    return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
      if (typeof v === 'bigint') return Number(v);
      if (v === null || typeof v !== 'object') return v;
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (ancestors.includes(v)) return '[Circular]';
      ancestors.push(v);
      return v;
    });
  }
}

/** pino-std-serializers' shape: type, message and stack with their causes, then the error's own fields. */
function serializeError(err: Error, seen = new Set<Error>()): Record<string, unknown> {
  seen.add(err);
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? 'Error',
    message: withCauses(err, (e) => e.message, ': '),
    stack: withCauses(err, (e) => e.stack ?? '', '\ncaused by: '),
  };
  for (const [key, value] of Object.entries(err)) {
    if (key in out) continue;
    out[key] = value instanceof Error && !seen.has(value) ? serializeError(value, seen) : value;
  }
  if (err instanceof AggregateError) {
    out.aggregateErrors = err.errors.map((e: unknown) => (e instanceof Error ? serializeError(e, seen) : e));
  }
  return out;
}

function withCauses(err: Error, part: (e: Error) => string, joiner: string): string {
  let text = part(err);
  const seen = new Set<Error>([err]);
  for (let cause = err.cause; cause instanceof Error && !seen.has(cause); cause = cause.cause) {
    seen.add(cause);
    text += joiner + part(cause);
  }
  return text;
}

function formatArgs(msg: string, args: unknown[]): string {
  let i = 0;
  return msg.replace(/%([sdifjoO%])/g, (whole, c: string) => {
    if (c === '%') return '%';
    if (i >= args.length) return whole;
    const a = args[i++];
    switch (c) {
      case 's':
        return typeof a === 'object' && a !== null ? (stringify(a) ?? String(a)) : String(a);
      case 'd':
      case 'f':
        return String(Number(a));
      case 'i':
        return String(Math.floor(Number(a)));
      default:
        return stringify(a) ?? String(a);
    }
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Synchronous so the last lines before an exit are never lost. A pipe that Node has switched to
 * non-blocking answers EAGAIN when full: wait a moment and write the rest (bounded, then drop).
 */
function writeStdout(line: string): void {
  let buf = Buffer.from(line);
  for (let attempt = 0; buf.length > 0 && attempt < 1000; attempt++) {
    try {
      const n = writeSync(1, buf);
      buf = buf.subarray(n);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

/**
 * Lets a repeated problem through once per interval per key, so a broken disk or a hung mount
 * produces one line every few minutes instead of one per scrape.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs: number = 5 * 60_000) {}

  allow(key: string, now = Date.now()): boolean {
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < this.intervalMs) return false;
    this.last.set(key, now);
    return true;
  }

  reset(key: string): void {
    this.last.delete(key);
  }
}
