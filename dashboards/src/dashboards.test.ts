import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithPrograms, startPrometheus, type RunningPrometheus } from '@opsdesk/testing';
import { renderAll } from './index';

const JSON_DIR = path.join(__dirname, '..', 'json');
const DATASOURCES = path.join(__dirname, '..', '..', 'provisioning', 'grafana', 'datasources');

type Panel = {
  type: string;
  title: string;
  datasource?: { uid?: string };
  targets?: Array<{ expr?: string; datasource?: { uid?: string } }>;
  fieldConfig?: { defaults?: { unit?: string } };
};
type Dashboard = {
  uid: string;
  title: string;
  panels: Panel[];
  refresh?: string;
  timepicker?: { hidden?: boolean };
  templating?: { list?: unknown[] };
};

const rendered = renderAll();
const dashboards: Array<[string, Dashboard]> = [...rendered].map(([file, json]) => [
  file,
  JSON.parse(json) as Dashboard,
]);

function committed(): Map<string, string> {
  const out = new Map<string, string>();
  for (const folder of readdirSync(JSON_DIR)) {
    for (const file of readdirSync(path.join(JSON_DIR, folder)))
      out.set(`${folder}/${file}`, readFileSync(path.join(JSON_DIR, folder, file), 'utf8'));
  }
  return out;
}

test('the committed JSON is what the TypeScript sources build (npm run build -w dashboards)', () => {
  const onDisk = committed();
  expect([...onDisk.keys()].sort()).toEqual([...rendered.keys()].sort());
  for (const [file, json] of rendered) expect([file, onDisk.get(file)]).toEqual([file, json]);
});

test('uids are unique and at most 40 characters', () => {
  const uids = dashboards.map(([, d]) => d.uid);
  expect(new Set(uids).size).toBe(uids.length);
  expect(uids.filter((u) => !u || u.length > 40)).toEqual([]);
});

test('every data source reference is a provisioned uid', () => {
  const provisioned = new Set(
    readdirSync(DATASOURCES).flatMap((f) =>
      (
        parse(readFileSync(path.join(DATASOURCES, f), 'utf8')) as { datasources: Array<{ uid: string }> }
      ).datasources.map((d) => d.uid),
    ),
  );
  const refs = JSON.stringify(dashboards).match(/"datasource":\{"type":"[^"]*","uid":"[^"]*"\}/g) ?? [];
  expect(refs.length).toBeGreaterThan(10);
  const unknown = refs
    .map((r) => JSON.parse(`{${r}}`).datasource.uid as string)
    .filter((uid) => !provisioned.has(uid));
  expect(unknown).toEqual([]);
});

test('every panel has a unit', () => {
  const missing = dashboards.flatMap(([file, d]) =>
    d.panels
      .filter((p) => p.type !== 'row' && !p.fieldConfig?.defaults?.unit)
      .map((p) => `${file}: ${p.title}`),
  );
  expect(missing).toEqual([]);
});

test('the wall screen has no variables, no time picker, and refreshes every 30 s', () => {
  const noc = dashboards.find(([, d]) => d.uid === 'opsdesk-noc')![1];
  expect(noc.templating?.list ?? []).toEqual([]);
  expect(noc.timepicker?.hidden).toBe(true);
  expect(noc.refresh).toBe('30s');
  expect(noc.panels.map((p) => p.title)).toEqual([
    'Hosts down',
    'Critical alerts firing',
    'Open P1/P2 incidents',
    'SLAs at risk',
    'Stuck flow instances',
    'Channels interrupted or files late',
  ]);
});

describeWithPrograms({ prometheus: 'prometheus' }, 'with the real Prometheus', () => {
  let prom: RunningPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus('global: { scrape_interval: 15s }\n');
  });
  afterAll(() => prom?.stop());

  test('every PromQL expression is accepted by Prometheus', async () => {
    const exprs = dashboards.flatMap(([file, d]) =>
      d.panels.flatMap((p) => (p.targets ?? []).map((t) => [file, p.title, t.expr ?? ''] as const)),
    );
    expect(exprs.length).toBeGreaterThan(20);
    const rejected: string[] = [];
    for (const [file, title, expr] of exprs) {
      // Grafana's variables, as Grafana would substitute them
      const concrete = expr
        .replace(/\$__rate_interval/g, '5m')
        .replace(/\$__range/g, '6h')
        .replace(/\$instance/g, 'host-1:9741')
        .replace(/\$flow/g, 'order');
      try {
        await prom.query(concrete);
      } catch (err) {
        rejected.push(`${file} / ${title}: ${(err as Error).message}`);
      }
    }
    expect(rejected).toEqual([]);
  });
});
