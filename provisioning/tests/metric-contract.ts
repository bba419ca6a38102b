import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTextExposition } from '@opsdesk/testing';
import { parse } from 'yaml';

// What the metric contract test (metric-contract.test.ts) reads: the names and labels the golden
// exposition files show, and every place outside the exporters and the server that names an
// OpsDesk metric. docs/metrics.md describes the contract.

export const ROOT = path.join(__dirname, '..', '..');
const rel = (file: string) => path.relative(ROOT, file);

/** The golden exposition files, one per exporter and one for the server. */
export const GOLDEN_FILES = [
  'exporters/host/fixtures/e2e-output.prom',
  'exporters/transfer/fixtures/e2e-output.prom',
  'exporters/flow/fixtures/e2e-output.prom',
  'server/fixtures/e2e-output.prom',
].map((f) => path.join(ROOT, f));

export interface GoldenIndex {
  /** every sample name a golden file shows (histograms with their _bucket, _sum and _count) → label names */
  labels: Map<string, Set<string>>;
  /** sample name → the golden files that show it */
  files: Map<string, string[]>;
}

const PART_SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

export function readGoldenFiles(files = GOLDEN_FILES): GoldenIndex {
  const labels = new Map<string, Set<string>>();
  const where = new Map<string, string[]>();
  const add = (name: string, file: string, names: string[] = []) => {
    const set = labels.get(name) ?? new Set<string>();
    for (const n of names) set.add(n);
    labels.set(name, set);
    const w = where.get(name) ?? [];
    if (!w.includes(rel(file))) w.push(rel(file));
    where.set(name, w);
  };
  for (const file of files) {
    for (const f of parseTextExposition(readFileSync(file, 'utf8'), rel(file))) {
      const parts = PART_SUFFIXES[f.type ?? ''];
      if (parts) for (const s of parts) add(f.name + s, file, s === '_bucket' ? ['le'] : []);
      else add(f.name, file);
      for (const s of f.samples)
        add(
          s.name,
          file,
          s.labels.map(([k]) => k),
        );
    }
  }
  return { labels, files: where };
}

/** One place that names a metric: a rule, a dashboard panel, a file of the app. */
export interface Use {
  metric: string;
  /** the expression it appears in, for the label check */
  expr?: string;
  /** e.g. `provisioning/prometheus/rules/host.rules.yml: group opsdesk-host, alert HostHighCpu` */
  where: string;
}

/**
 * The metric names in a PromQL expression (or any query text) that belong to OpsDesk: every
 * identifier containing `opsdesk_`, whole, so `instance:opsdesk_host_cpu_busy_threshold:ratio` is
 * one recording-rule name, not an exporter metric. Quoted strings are left out (label values).
 */
export function opsdeskNames(expr: string): string[] {
  const unquoted = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  const names = unquoted.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((n) => n.includes('opsdesk_')))];
}

/**
 * The label names matched on each OpsDesk metric in an expression: `name{a="x", b=~"y"}` gives
 * `name → [a, b]`. Only selectors with a metric name before the braces are read.
 */
export function matchedLabels(expr: string): Array<{ metric: string; labels: string[] }> {
  const out: Array<{ metric: string; labels: string[] }> = [];
  const selector =
    /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{((?:[^}"'`]|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)*)\}/g;
  for (const m of expr.matchAll(selector)) {
    const metric = m[1] as string;
    if (!metric.includes('opsdesk_')) continue;
    const body = (m[2] as string).replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
    const labels = [...body.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map(
      (l) => l[1] as string,
    );
    out.push({ metric, labels: labels.filter((l) => l !== '__name__') });
  }
  return out;
}

export interface RuleFile {
  file: string;
  groups: Array<{ name: string; rules: Array<{ record?: string; alert?: string; expr: string }> }>;
}

export const RULES_DIR = path.join(ROOT, 'provisioning', 'prometheus', 'rules');

export function readRuleFiles(dir = RULES_DIR): RuleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rules.yml'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return { file: rel(file), groups: (parse(readFileSync(file, 'utf8')) as RuleFile).groups ?? [] };
    });
}

/** Names recorded by the rules themselves: allowed wherever a metric is, but served by no exporter. */
export function recordedNames(files: RuleFile[]): Set<string> {
  return new Set(files.flatMap((f) => f.groups.flatMap((g) => g.rules.flatMap((r) => r.record ?? []))));
}

export function ruleUses(files: RuleFile[]): Use[] {
  return files.flatMap((f) =>
    f.groups.flatMap((g) =>
      g.rules.flatMap((r) =>
        opsdeskNames(String(r.expr)).map((metric) => ({
          metric,
          expr: String(r.expr),
          where: `${f.file}: group ${g.name}, ${r.alert ? `alert ${r.alert}` : `record ${r.record}`}`,
        })),
      ),
    ),
  );
}

/** The queries of every panel (rows included) and every templating variable of a dashboard JSON. */
export function dashboardUses(file: string): Use[] {
  const uses: Use[] = [];
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as {
    panels?: unknown[];
    templating?: { list?: Array<{ name?: string; query?: unknown; definition?: string }> };
  };
  const visit = (panel: Record<string, unknown>) => {
    const title = typeof panel.title === 'string' && panel.title ? panel.title : '(untitled)';
    for (const t of (panel.targets as Array<{ expr?: string }> | undefined) ?? []) {
      for (const metric of opsdeskNames(t.expr ?? ''))
        uses.push({ metric, expr: t.expr, where: `${rel(file)}: panel "${title}"` });
    }
    for (const p of (panel.panels as Array<Record<string, unknown>> | undefined) ?? []) visit(p);
  };
  for (const p of (dashboard.panels ?? []) as Array<Record<string, unknown>>) visit(p);
  for (const v of dashboard.templating?.list ?? []) {
    const q = typeof v.query === 'string' ? v.query : JSON.stringify(v.query ?? '');
    for (const metric of opsdeskNames(`${q} ${v.definition ?? ''}`))
      uses.push({ metric, where: `${rel(file)}: variable $${v.name ?? '?'}` });
  }
  return uses;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function allDashboardUses(dir = path.join(ROOT, 'dashboards', 'json')): Use[] {
  return filesUnder(dir, /\.json$/).flatMap(dashboardUses);
}

/** Metric names in the app's sources (its Scenes queries), by file and line; tests left out. */
export function appUses(dir = path.join(ROOT, 'grafana-app', 'src')): Use[] {
  return filesUnder(dir, /\.tsx?$/)
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          // in TypeScript the query is a string literal: look inside the quotes too
          opsdeskNames(line.replace(/["'`]/g, ' ')).map((metric) => ({
            metric,
            where: `${rel(file)}:${i + 1}`,
          })),
        ),
    );
}

/** A series of a rule test's input_series: `name{label="value", …}`. */
export interface InputSeries {
  metric: string;
  labels: string[];
  where: string;
}

export function parseSeries(selector: string): { metric: string; labels: Array<[string, string]> } {
  const m = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{(.*)\})?\s*$/s.exec(selector);
  if (!m) throw new Error(`cannot read the series ${JSON.stringify(selector)}`);
  const labels: Array<[string, string]> = [];
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
  const body = m[2] ?? '';
  while (re.lastIndex < body.length) {
    const l = re.exec(body);
    if (!l) throw new Error(`cannot read the labels of the series ${JSON.stringify(selector)}`);
    labels.push([l[1] as string, l[2] as string]);
  }
  const metric = m[1] ?? labels.find(([k]) => k === '__name__')?.[1];
  if (!metric) throw new Error(`the series ${JSON.stringify(selector)} has no metric name`);
  return { metric, labels: labels.filter(([k]) => k !== '__name__') };
}

export function ruleTestSeries(dir = path.join(RULES_DIR, 'tests')): InputSeries[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.yml'))
    .sort()
    .flatMap((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as {
        tests?: Array<{ name?: string; input_series?: Array<{ series: string }> }>;
      };
      return (doc.tests ?? []).flatMap((t, i) =>
        (t.input_series ?? []).map((s) => {
          const { metric, labels } = parseSeries(s.series);
          return {
            metric,
            labels: labels.map(([k]) => k),
            where: `${rel(path.join(dir, f))}: tests[${i}]${t.name ? ` (${t.name})` : ''}, series ${s.series}`,
          };
        }),
      );
    });
}

/**
 * Labels Prometheus puts on every scraped series of an OpsDesk target: job and instance, and the
 * target labels of provisioning/prometheus/prometheus.yml (service, support_hours).
 */
export function targetLabels(
  file = path.join(ROOT, 'provisioning', 'prometheus', 'prometheus.yml'),
): Set<string> {
  const doc = parse(readFileSync(file, 'utf8')) as {
    scrape_configs?: Array<{
      static_configs?: Array<{ labels?: Record<string, string> }>;
      relabel_configs?: Array<{ target_label?: string }>;
    }>;
  };
  const labels = new Set(['job', 'instance']);
  for (const sc of doc.scrape_configs ?? []) {
    for (const s of sc.static_configs ?? []) for (const k of Object.keys(s.labels ?? {})) labels.add(k);
    for (const r of sc.relabel_configs ?? []) if (r.target_label) labels.add(r.target_label);
  }
  return labels;
}
