// Measuring equipment the benchmarks share (server/bench, exporters/*/bench). Benchmarks are plain
// JS that run the built code, so they take these from this package's dist/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';

/** Resident set size of a process, bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`/proc/${pid}/status has no VmRSS line: is process ${pid} still running?`);
  return Number(m[1]) * 1024;
}

/** Resident set size of a process, MiB. */
export const rssMb = (pid: number): number => rssBytes(pid) / 2 ** 20;

let clockTicks: number | undefined;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  // utime and stime count clock ticks; USER_HZ is 100 on nearly every Linux, but ask
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** One HTTP request to 127.0.0.1; resolves with the status and the time it took, ms (the body is read and dropped). */
export function timedRequest(
  port: number,
  method: string,
  pathname: string,
  body?: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The p-quantile (0..1) of ascending `sorted` values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

/** One line saying what the figures were measured on: CPUs, memory, kernel, Node.js. */
export function machineSummary(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.release()}, node ${process.version}`;
}
