import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWithPrograms, program } from '@opsdesk/testing';
import { parse, stringify } from 'yaml';
import {
  GOLDEN_FILES,
  matchedLabels,
  opsdeskNames,
  readGoldenFiles,
  readRuleFiles,
  recordedNames,
  ROOT,
  targetLabels,
} from './metric-contract';

// The inspection templates as code (provisioning/inspections/*.yml) query only what the exporters
// and the server serve: the metric contract of metric-contract.test.ts, applied to their items.
// A renamed metric fails here, naming the template and the item that still uses the old name.

const DIR = path.join(ROOT, 'provisioning', 'inspections');
const golden = readGoldenFiles();
const recorded = recordedNames(readRuleFiles());
const scraped = targetLabels();

interface Item {
  key: string;
  title: string;
  kind: 'metric' | 'configuration' | 'manual';
  query?: string;
  labels?: Record<string, string>;
}
interface Template {
  key: string;
  layers: Array<{ layer: string; items: Item[] }>;
}

const templates = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => ({
    file: `provisioning/inspections/${f}`,
    t: parse(readFileSync(path.join(DIR, f), 'utf8')) as Template,
  }));

const queries = templates.flatMap(({ file, t }) =>
  t.layers.flatMap((l, li) =>
    l.items.flatMap((item, ii) =>
      item.query === undefined
        ? []
        : [{ where: `${file}: layers[${li}].items[${ii}] (${item.key})`, item, query: item.query }],
    ),
  ),
);

test('the demo daily trading inspection is there, with metric, configuration and manual items', () => {
  const daily = templates.find((x) => x.t.key === 'daily-trading');
  expect(daily).toBeDefined();
  const kinds = (daily?.t.layers ?? []).flatMap((l) => l.items.map((i) => i.kind));
  expect(kinds.filter((k) => k === 'metric').length).toBeGreaterThanOrEqual(3);
  expect(kinds.filter((k) => k === 'configuration').length).toBeGreaterThanOrEqual(2);
  expect(kinds.filter((k) => k === 'manual').length).toBeGreaterThanOrEqual(2);
});

test('every opsdesk_ metric an inspection item queries is served (in a golden file or recorded by a rule)', () => {
  expect(queries.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const q of queries) {
    const names = opsdeskNames(q.query);
    if (names.length === 0) problems.push(`${q.where}: the query names no OpsDesk metric`);
    for (const n of names)
      if (!golden.labels.has(n) && !recorded.has(n))
        problems.push(
          `${q.where}: ${n} is in no golden file (${GOLDEN_FILES.map((f) => path.relative(ROOT, f)).join(', ')}) and recorded by no rule`,
        );
  }
  expect(problems).toEqual([]);
});

test('label matchers and displayed labels name labels the queried metrics have', () => {
  const problems: string[] = [];
  for (const q of queries) {
    for (const { metric, labels } of matchedLabels(q.query)) {
      const has = golden.labels.get(metric);
      for (const l of labels)
        if (has && !has.has(l) && !scraped.has(l))
          problems.push(`${q.where}: ${metric}{${l}}: no such label`);
    }
    // a displayed label must be on at least one metric the query reads (or be a target label)
    const onSome = new Set(opsdeskNames(q.query).flatMap((n) => [...(golden.labels.get(n) ?? [])]));
    for (const l of Object.keys(q.item.labels ?? {}))
      if (!onSome.has(l) && !scraped.has(l))
        problems.push(`${q.where}: displayed label ${l} is on none of its metrics`);
  }
  expect(problems).toEqual([]);
});

describeWithPrograms({ promtool: 'prometheus' }, 'promtool', () => {
  test('every inspection query is valid PromQL (checked as a recording rule by promtool check rules)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-inspections-'));
    try {
      const file = path.join(dir, 'inspections.rules.yml');
      writeFileSync(
        file,
        stringify({
          groups: [
            {
              name: 'inspection-queries',
              rules: queries.map((q, i) => ({ record: `inspection_query_${i}`, expr: q.query })),
            },
          ],
        }),
      );
      const r = spawnSync(program('promtool'), ['check', 'rules', file], { encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
