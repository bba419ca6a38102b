/**
 * The server's Prometheus reader against the real Prometheus (the pinned current release): it
 * scrapes a tiny exposition served here, so the values and targets it reports are Prometheus' own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeWithPrograms, startPrometheus, type RunningPrometheus } from '@opsdesk/testing';
import { PrometheusClient, PrometheusError } from './client';

const EXPOSITION = [
  '# TYPE demo_value gauge',
  'demo_value{kind="a"} 1.5',
  'demo_value{kind="b"} NaN',
  '',
].join('\n');

describeWithPrograms({ prometheus: 'prometheus' }, 'PrometheusClient against a real Prometheus', () => {
  let target: Server;
  let targetAddress: string;
  let prom: RunningPrometheus;
  let client: PrometheusClient;

  beforeAll(async () => {
    target = createServer((req, res) => {
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end(EXPOSITION);
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetAddress = `127.0.0.1:${(target.address() as AddressInfo).port}`;
    prom = await startPrometheus(
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        `  - job_name: demo`,
        `    static_configs: [{ targets: ['${targetAddress}'], labels: { service: trading-platform } }]`,
        `  - job_name: gone`,
        `    static_configs: [{ targets: ['127.0.0.1:1'] }]`,
      ].join('\n'),
    );
    client = new PrometheusClient({ url: `${prom.url}/`, timeoutMs: 5000 });
    // a bounded wait for the first scrape of both targets
    for (let i = 0; i < 100; i++) {
      const t = await client.activeTargets();
      if (t.length === 2 && t.every((x) => x.health !== 'unknown')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    await new Promise((r) => target?.close(r));
  });

  test('an instant vector gives one sample per series, NaN kept', async () => {
    const samples = await client.query('demo_value');
    const byKind = Object.fromEntries(samples.map((s) => [s.labels.kind, s.value]));
    expect(byKind.a).toBe(1.5);
    expect(Number.isNaN(byKind.b)).toBe(true);
    expect(samples.every((s) => s.labels.job === 'demo' && s.labels.instance === targetAddress)).toBe(true);
  });

  test('a scalar gives one sample without labels; a query at a past time sees nothing before the first scrape', async () => {
    expect(await client.query('scalar(sum(demo_value{kind="a"})) * 2')).toEqual([{ labels: {}, value: 3 }]);
    expect(await client.query('demo_value', Date.UTC(2001, 0, 1))).toEqual([]);
  });

  test('a bad expression is Prometheus’ bad_data, naming the expression', async () => {
    const err = await client.query('sum(demo_value').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusError);
    expect((err as PrometheusError).errorType).toBe('bad_data');
    expect((err as Error).message).toContain('"sum(demo_value"');
  });

  test('a range selector is refused with the fix', async () => {
    await expect(client.query('demo_value[1m]')).rejects.toThrow(/max_over_time/);
  });

  test('active targets with job, instance, health and scrape URL', async () => {
    const targets = await client.activeTargets();
    const demo = targets.find((t) => t.job === 'demo');
    expect(demo).toMatchObject({
      instance: targetAddress,
      health: 'up',
      scrapeUrl: `http://${targetAddress}/metrics`,
      labels: expect.objectContaining({ service: 'trading-platform' }),
    });
    const gone = targets.find((t) => t.job === 'gone');
    expect(gone?.health).toBe('down');
    expect(gone?.lastError).not.toBe('');
  });

  test('an address that is not Prometheus, and one that does not answer, say so', async () => {
    const notProm = new PrometheusClient({ url: `http://${targetAddress}` });
    await expect(notProm.query('up')).rejects.toThrow(/not Prometheus' JSON API/);
    const down = new PrometheusClient({ url: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const err = await down.activeTargets().catch((e: unknown) => e);
    expect((err as PrometheusError).errorType).toBe('unreachable');
    expect((err as Error).message).toContain('prometheus.url');
  });
});
