import { gunzipSync } from 'node:zlib';
import { freePort, silentLogger } from '@opsdesk/testing';
import type { Collector } from './collector';
import { CollectorRunner } from './runner';
import { jsonReply } from './http';
import { createExporterApp } from './server';
import type { Server } from 'node:http';

let server: Server;
let base: string;
let ready = false;

beforeAll(async () => {
  const collectors: Collector[] = ['cpu', 'meminfo'].map((name) => ({
    name,
    collect: ({ sink }) => sink.gauge(`t_${name}_value`, `${name} value.`).set(1),
  }));
  const runner = new CollectorRunner({
    prefix: 't_',
    collectors,
    enabled: ['cpu', 'meminfo'],
    defaultTimeoutMs: 1000,
    maxSeriesPerMetric: 100,
    log: silentLogger,
  });
  const app = createExporterApp({
    title: 'Test exporter',
    version: '1.0.0',
    runner,
    log: silentLogger,
    isReady: () => ready,
    routes: [
      {
        method: 'POST',
        path: '/api/v1/echo',
        maxBodyBytes: 16,
        handle: async (req) => jsonReply(200, { got: await req.json() }),
      },
    ],
  });
  const port = await freePort();
  server = app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

test('/metrics serves the text format with every enabled collector', async () => {
  const res = await fetch(`${base}/metrics`, { headers: { 'accept-encoding': 'identity' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const body = await res.text();
  expect(body).toContain('t_cpu_value 1');
  expect(body).toContain('t_meminfo_value 1');
  expect(body).toContain('t_collector_success{collector="cpu"} 1');
});

test('collect[] limits the scrape to the named collectors', async () => {
  const body = await (await fetch(`${base}/metrics?collect[]=meminfo`)).text();
  expect(body).toContain('t_meminfo_value 1');
  expect(body).not.toContain('t_cpu_value');
});

test('an unknown collector is a 400 that lists the known ones', async () => {
  const res = await fetch(`${base}/metrics?collect[]=cpux`);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('bad_collector_selection');
  expect(body.error.message).toContain('known collectors: cpu, meminfo');
});

test('gzip is used when the scraper asks for it, as Prometheus does', async () => {
  const res = await fetch(`${base}/metrics`, { headers: { 'accept-encoding': 'gzip' } });
  // fetch decodes transparently; the header proves the body travelled compressed.
  expect(res.headers.get('content-encoding')).toBe('gzip');
  expect(await res.text()).toContain('t_cpu_value 1');
  const http = await import('node:http');
  const raw: Buffer = await new Promise((resolve) => {
    http.get(`${base}/metrics`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
  expect(gunzipSync(raw).toString()).toContain('t_meminfo_value 1');
});

test('health and readiness follow the Prometheus endpoints', async () => {
  expect((await fetch(`${base}/-/healthy`)).status).toBe(200);
  ready = false;
  expect((await fetch(`${base}/-/ready`)).status).toBe(503);
  ready = true;
  expect((await fetch(`${base}/-/ready`)).status).toBe(200);
});

test('unknown paths get a JSON 404 that points at the real ones', async () => {
  const res = await fetch(`${base}/metricz`);
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as { error: { message: string } };
  expect(body.error.message).toContain('/metrics');
});

test("the exporter's own series follow the collectors': build info and the cardinality guard's counter", async () => {
  const body = await (await fetch(`${base}/metrics`)).text();
  expect(body).toContain(`t_build_info{version="1.0.0",nodejs="${process.version}"} 1\n`);
  // described before anything is dropped, as prom-client did, so the name is always visible
  expect(body).toMatch(/# TYPE t_series_dropped_total counter\n(?!t_series_dropped_total)/);
  expect(body.indexOf('t_collector_success')).toBeLessThan(body.indexOf('t_build_info'));
});

test('the exporter routes are served after the built-in ones, with their body limit', async () => {
  const ok = await fetch(`${base}/api/v1/echo`, { method: 'POST', body: '{"a":1}' });
  expect(await ok.json()).toEqual({ got: { a: 1 } });
  const big = await fetch(`${base}/api/v1/echo`, {
    method: 'POST',
    body: JSON.stringify({ a: 'x'.repeat(20) }),
  });
  expect(big.status).toBe(413);
  expect(((await big.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
});

test('the landing page links every enabled collector', async () => {
  const res = await fetch(`${base}/`);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await res.text();
  expect(html).toContain('<h1>Test exporter 1.0.0</h1>');
  expect(html).toContain('<a href="metrics?collect[]=meminfo">meminfo</a>');
});
