import { spawn, type ChildProcess } from 'node:child_process';
import { waitReady } from './net';

export interface RunningService {
  child: ChildProcess;
  /** everything the process wrote to stdout and stderr so far */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal) */
  stop(graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts a program and waits until `readyUrl` answers 2xx; fails with its output if it exits first. */
export async function startService(opts: {
  command: string;
  args: string[];
  readyUrl?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningService> {
  let out = '';
  const child = spawn(opts.command, opts.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (graceMs = 5000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    const code = await exited;
    clearTimeout(kill);
    return code;
  };
  if (opts.readyUrl) {
    try {
      await waitReady(opts.readyUrl, { child, timeoutMs: opts.timeoutMs ?? 30_000 });
    } catch (err) {
      await stop();
      throw new Error(`${opts.command}: ${(err as Error).message}; its output:\n${out}`, { cause: err });
    }
  }
  return { child, output: () => out, stop, exited };
}
