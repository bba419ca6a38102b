import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpuSeconds, percentile, rssBytes, timedRequest } from './bench';
import { freePort, waitReady } from './net';

test('rssBytes and cpuSeconds read this process from /proc', () => {
  expect(rssBytes(process.pid)).toBeGreaterThan(10 * 2 ** 20);
  const before = cpuSeconds(process.pid);
  const usageBefore = process.cpuUsage();
  const until = Date.now() + 300;
  while (Date.now() < until); // burn CPU for 300 ms (of wall time: the machine may be shared)
  const used = cpuSeconds(process.pid) - before;
  const usage = process.cpuUsage(usageBefore);
  // /proc counts in clock ticks (10 ms): agrees with Node's own figure to a few ticks
  expect(used).toBeGreaterThan(0);
  expect(Math.abs(used - (usage.user + usage.system) / 1e6)).toBeLessThan(0.05);
  expect(() => rssBytes(2 ** 22 + 1)).toThrow(/4194305/);
});

test('percentile takes the nearest rank and refuses no values', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(values, 0.5)).toBe(51);
  expect(percentile(values, 0.99)).toBe(100);
  expect(percentile([7], 0.5)).toBe(7);
  expect(() => percentile([], 0.5)).toThrow(/no values/);
});

test('waitReady waits for a 2xx, and timedRequest measures a request', async () => {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    res.statusCode = calls < 3 ? 503 : 200;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    await waitReady(`http://127.0.0.1:${port}/-/ready`);
    expect(calls).toBe(3);
    const r = await timedRequest(port, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.ms).toBeGreaterThan(0);
  } finally {
    server.close();
  }
});

test('waitReady fails at once when the process exits, and names the URL on a timeout', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', 'process.exit(3)']);
  await new Promise((r) => child.once('exit', r));
  const started = Date.now();
  await expect(waitReady(`http://127.0.0.1:${port}/-/ready`, { child, timeoutMs: 10_000 })).rejects.toThrow(
    /exited \(3\) before it was ready/,
  );
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(waitReady(`http://127.0.0.1:${port}/-/ready`, { timeoutMs: 300 })).rejects.toThrow(
    new RegExp(`127.0.0.1:${port}/-/ready was not ready after 300 ms`),
  );
});
