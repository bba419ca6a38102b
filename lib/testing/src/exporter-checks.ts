import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { parseExposition } from './collect';
import { waitFor } from './net';
import { program } from './programs';
import { startPrometheus } from './prometheus';

/**
 * Fuzzes an ingest endpoint with bodies of random lines: no body makes a 5xx, and no counter on
 * `metricsUrl` goes down (nothing already counted is lost).
 */
export async function fuzzIngest(
  post: (body: string) => Promise<Response>,
  metricsUrl: string,
  line: fc.Arbitrary<string>,
  numRuns = 300,
): Promise<void> {
  const metrics = async () => parseExposition(await (await fetch(metricsUrl)).text());
  const before = await metrics();
  const anyLine = fc.oneof(
    line,
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 80 }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(anyLine, { maxLength: 20 }), async (lines) => {
      const res = await post(lines.join('\n'));
      await res.arrayBuffer();
      return res.status < 500;
    }),
    { numRuns },
  );
  const after = await metrics();
  // counters only: their names end in _total (nodejs_heap_size_total_bytes is a gauge)
  for (const [k, v] of before)
    if (k.split('{')[0]!.endsWith('_total')) expect([k, (after.get(k) ?? 0) >= v]).toEqual([k, true]);
}

/**
 * `promtool check metrics` finds nothing in the exporter's exposition, and a real Prometheus
 * scraping it every second sees `query`; returns the query's value.
 */
export async function scrapeWithPrometheus(exporterUrl: string, query: string): Promise<number> {
  const body = await (await fetch(`${exporterUrl}/metrics`)).text();
  const r = spawnSync(program('promtool'), ['check', 'metrics'], { input: body, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  const prom = await startPrometheus(
    `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: exporter\n    static_configs: [{ targets: ["${exporterUrl.replace('http://', '')}"] }]\n`,
  );
  try {
    return await waitFor(`${query} in Prometheus`, async () => {
      const v = await prom.query(query);
      return v.length ? Number(v[0]!.value[1]) : undefined;
    });
  } finally {
    await prom.stop();
  }
}
