import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Where our output and the command's passed-through output go (tests capture it). */
export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string | Uint8Array): unknown };
}
export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** What a command did: its output (the tail, bounded), how it ended and how long it took. */
export interface Executed {
  argv: string[];
  stdout: string;
  stderr: string;
  /** the exit code; 128 + the signal's number when a signal ended it (as a shell reports it); 127 when it could not start */
  exitCode: number;
  signal: NodeJS.Signals | null;
  /** why it could not start (ENOENT…), else undefined */
  startError: string | undefined;
  startedAt: Date;
  finishedAt: Date;
  /** measured here with a monotonic clock, so a clock step during the backup does not bend it */
  durationSeconds: number;
}

/** Enough for restic's summary line after hours of status lines, and for borg's one JSON document. */
const KEEP_BYTES = 8 * 1024 * 1024;

/**
 * Runs argv (no shell), passing its stdout and stderr through to ours as they come (the terminal or
 * the journal sees the tool as if it ran alone) while keeping their tails to read the tool's JSON.
 * SIGINT/SIGTERM sent to us are passed on, so `systemctl stop` ends the backup and the report says so.
 */
export function execute(
  argv: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; io?: Io } = {},
): Promise<Executed> {
  const io = opts.io ?? processIo;
  const startedAt = new Date();
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const [file, ...args] = argv as [string, ...string[]];
    const child = spawn(file, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      io.stdout.write(chunk);
      stdout = keepTail(stdout + chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      io.stderr.write(chunk);
      stderr = keepTail(stderr + chunk.toString('utf8'));
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let startError: string | undefined;
    child.once('error', (err) => {
      startError = err.message;
    });
    child.once('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const finishedAt = new Date();
      const durationSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const exitCode =
        startError !== undefined
          ? 127
          : code !== null
            ? code
            : 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      resolve({
        argv: [...argv],
        stdout,
        stderr,
        exitCode,
        signal,
        startError,
        startedAt,
        finishedAt,
        durationSeconds,
      });
    });
  });
}

function keepTail(text: string): string {
  return text.length > KEEP_BYTES ? text.slice(text.length - KEEP_BYTES) : text;
}

/** The last `max` characters of text, trimmed, for a report's message (never the whole log). */
export function tail(text: string, max = 2000): string {
  const t = text.trim();
  return t.length > max ? `…${t.slice(t.length - max)}` : t;
}
