import { closeSync, openSync, readFile, readSync } from 'node:fs';
import path from 'node:path';

/** The /proc, /sys and / the collectors read; tests point them at captured trees. */
export interface HostPaths {
  procfs: string;
  sysfs: string;
  rootfs: string;
}

export function procPath(paths: HostPaths, ...parts: string[]): string {
  return path.join(paths.procfs, ...parts);
}

export function sysPath(paths: HostPaths, ...parts: string[]): string {
  return path.join(paths.sysfs, ...parts);
}

/** /proc files are read into this one buffer (reads are synchronous, so never two at once). */
let readBuffer = Buffer.allocUnsafe(64 * 1024);
/** A buffer grown for a huge file (a mount table of thousands of lines) is kept up to this size. */
const KEPT_BUFFER_BYTES = 1024 * 1024;

function readProcFile(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let buf = readBuffer;
    let length = 0;
    for (;;) {
      // /proc answers a page or so per read, and 0 at the end; its files report size 0, so no fstat
      const got = readSync(fd, buf, length, buf.length - length, null);
      if (got === 0) break;
      length += got;
      if (length === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
        if (buf.length <= KEPT_BUFFER_BYTES) readBuffer = buf;
      }
    }
    return buf.toString('latin1', 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a /proc pseudo-file. /proc files are generated from kernel memory and never wait on a
 * device, so they are read synchronously, as node_exporter does: an async read costs five
 * thread-pool round trips (open, fstat, read, read, close) per file, which on a 2-core host
 * was most of a scrape's CPU. They are read into one reused buffer rather than with
 * readFileSync, which allocates a buffer per file and per chunk and stats the file first: after
 * a bench run those buffers were 2 MB waiting for the garbage collector, 0.1 MB with this one. Anything that can block (statfs, /sys attributes that
 * take driver locks) stays asynchronous.
 */
export function readText(file: string): Promise<string> {
  try {
    return Promise.resolve(readProcFile(file));
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

/** Reads a /sys attribute off the event loop: some take driver locks (rtnl) and may stall. */
export function readTextAsync(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(file, 'latin1', (err, data) => (err ? reject(err) : resolve(data)));
  });
}

/** Like readText, but undefined when the file does not exist (a kernel without the feature). */
export async function readTextIfExists(file: string, read = readText): Promise<string | undefined> {
  try {
    return await read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EINVAL' || code === 'ENOTSUP' || code === 'EOPNOTSUPP')
      return undefined;
    throw err;
  }
}

/** Splits on runs of spaces/tabs without allocating a RegExp per call. */
export function fields(line: string): string[] {
  return line.trim().split(/\s+/);
}

/** `Key:   123 kB` lines (meminfo) → key → bytes (or the plain number when there is no unit). */
export function parseKeyedNumbers(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const parts = fields(line.slice(colon + 1));
    const n = Number(parts[0]);
    if (Number.isNaN(n)) continue;
    out.set(line.slice(0, colon), parts[1] === 'kB' ? n * 1024 : n);
  }
  return out;
}

/** Fails with a message that names the file, for a collector's log line. */
export function malformed(file: string, what: string): Error {
  return new Error(`${file}: unexpected format: ${what}`);
}
