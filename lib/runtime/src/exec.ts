import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** exit code; package managers use non-zero codes for answers (dnf check-update → 100) */
  code: number;
}

/**
 * Runs a program (never a shell) with the C locale so its output parses the same everywhere.
 * Rejects when it cannot start, is killed by the timeout or the signal; resolves with the exit
 * code otherwise.
 */
export function runCommand(
  file: string,
  args: readonly string[],
  opts: { timeoutMs: number; signal?: AbortSignal; maxBuffer?: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: opts.timeoutMs,
        signal: opts.signal,
        maxBuffer: opts.maxBuffer ?? 32 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          const why = err.killed ? `killed after ${opts.timeoutMs} ms` : err.message;
          reject(new Error(`${file} ${args.join(' ')}: ${why}`));
          return;
        }
        resolve({
          stdout: String(stdout),
          stderr: String(stderr),
          code: err ? (err.code as unknown as number) : 0,
        });
      },
    );
  });
}

/** Absolute path of a program on PATH, or undefined; look it up at start-up, never per scrape. */
export function findOnPath(program: string): string | undefined {
  if (program.includes('/')) return canExecute(program) ? program : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (canExecute(candidate)) return candidate;
  }
  return undefined;
}

function canExecute(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
