import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Golden exposition files, node_exporter's `collector/fixtures/e2e-output.txt` way: a component fed
 * fixed inputs at a fixed clock serves a /metrics body that is compared, line for line, with a
 * committed file. The file is also the list of metric names and label names the rules, dashboards
 * and rule tests may use (provisioning/tests/metric-contract.test.ts). docs/metrics.md describes both.
 */

export interface Sample {
  /** the sample's own name, e.g. `…_bucket` of a histogram */
  name: string;
  labels: Array<[string, string]>;
  value: string;
}

export interface Family {
  name: string;
  help: string | undefined;
  type: string | undefined;
  samples: Sample[];
}

const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count', '_created'],
  summary: ['_sum', '_count', '_created'],
  counter: ['_created'],
};

/** The family a sample belongs to: its own name, or the histogram/summary it is a part of. */
function familyOf(families: Map<string, Family>, sample: string): Family | undefined {
  const own = families.get(sample);
  if (own) return own;
  for (const [, f] of families) {
    const suffixes = SUFFIXES[f.type ?? ''] ?? [];
    if (suffixes.some((s) => sample === f.name + s)) return f;
  }
  return undefined;
}

function parseLabels(text: string, where: string): Array<[string, string]> {
  const labels: Array<[string, string]> = [];
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (!m) throw new Error(`${where}: cannot read the labels {${text}}`);
    const value = (m[2] as string).replace(/\\(.)/g, (_s, c: string) => (c === 'n' ? '\n' : c));
    labels.push([m[1] as string, value]);
  }
  return labels;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Parses the text exposition format (version 0.0.4) into families, in the order they appear. */
export function parseTextExposition(text: string, source = '(exposition)'): Family[] {
  const families = new Map<string, Family>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, help: undefined, type: undefined, samples: [] }));
    return f;
  };
  text.split('\n').forEach((line, i) => {
    const where = `${source}:${i + 1}`;
    if (line.trim() === '') return;
    const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
    if (meta) {
      const f = family(meta[2] as string);
      if (meta[1] === 'HELP') f.help = meta[3] ?? '';
      else f.type = (meta[3] ?? '').trim();
      return;
    }
    if (line.startsWith('#')) return;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?$/.exec(line);
    if (!m) throw new Error(`${where}: not a sample line: ${line}`);
    const name = m[1] as string;
    const sample: Sample = { name, labels: parseLabels(m[2] ?? '', where), value: m[3] as string };
    (familyOf(families, name) ?? family(name)).samples.push(sample);
  });
  return [...families.values()];
}

export interface GoldenRules {
  /** families left out entirely: they describe the process (memory, CPU, event loop), not the inputs */
  dropFamilies: RegExp[];
  /** families whose values are not compared (written as NaN): they measure elapsed real time */
  volatileValues: RegExp[];
  /** label values written as "normalised": build versions that change with every release */
  volatileLabels: Array<{ family: RegExp; labels: string[] }>;
}

/** What every OpsDesk component's golden file leaves out or normalises; see docs/metrics.md. */
export const COMMON_GOLDEN_RULES: GoldenRules = {
  dropFamilies: [/^process_/, /^nodejs_/],
  volatileValues: [/_collector_duration_seconds$/],
  volatileLabels: [{ family: /_build_info$/, labels: ['version', 'nodejs'] }],
};

export function mergeRules(...rules: Array<Partial<GoldenRules>>): GoldenRules {
  return {
    dropFamilies: rules.flatMap((r) => r.dropFamilies ?? []),
    volatileValues: rules.flatMap((r) => r.volatileValues ?? []),
    volatileLabels: rules.flatMap((r) => r.volatileLabels ?? []),
  };
}

function sampleOrder(family: string, suffixes: string[]) {
  const key = (s: Sample) =>
    s.labels
      .filter(([k]) => k !== 'le' && k !== 'quantile')
      .map(([k, v]) => `${k}=${v}`)
      .join('\u0000');
  const part = (s: Sample) => suffixes.findIndex((x) => s.name === family + x);
  const bound = (s: Sample) => {
    const b = s.labels.find(([k]) => k === 'le' || k === 'quantile')?.[1] ?? '0';
    return b === '+Inf' ? Infinity : Number(b);
  };
  return (a: Sample, b: Sample): number => {
    const byLabels = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    if (byLabels !== 0) return byLabels;
    if (part(a) !== part(b)) return part(a) - part(b);
    return bound(a) - bound(b);
  };
}

/**
 * The golden form of a /metrics body: families sorted by name, series sorted by their labels
 * (histogram buckets by bound), the rules applied. Sorting keeps the file stable when a refactor
 * only changes the order in which an exporter writes its families.
 */
export function goldenExposition(text: string, rules: GoldenRules, source?: string): string {
  const out: string[] = [];
  const families = parseTextExposition(text, source)
    .filter((f) => !rules.dropFamilies.some((re) => re.test(f.name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of families) {
    const volatileValue = rules.volatileValues.some((re) => re.test(f.name));
    const volatileLabels = new Set(
      rules.volatileLabels.filter((r) => r.family.test(f.name)).flatMap((r) => r.labels),
    );
    if (f.help !== undefined) out.push(`# HELP ${f.name} ${f.help}`);
    if (f.type !== undefined) out.push(`# TYPE ${f.name} ${f.type}`);
    const suffixes = ['', ...(SUFFIXES[f.type ?? ''] ?? [])];
    for (const s of [...f.samples].sort(sampleOrder(f.name, suffixes))) {
      const labels = s.labels
        .map(([k, v]) => `${k}="${escapeLabel(volatileLabels.has(k) ? 'normalised' : v)}"`)
        .join(',');
      out.push(`${s.name}${labels ? `{${labels}}` : ''} ${volatileValue ? 'NaN' : s.value}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A unified diff (3 lines of context) of two texts, from a longest common subsequence of their lines. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  // a text ending in a newline has no empty last line (as diff reads files)
  const linesOf = (t: string) => (t === '' ? [] : (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n'));
  const a = linesOf(before);
  const b = linesOf(after);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i]! });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ op: '+', line: b[j++]! });
    } else {
      ops.push({ op: '-', line: a[i++]! });
    }
  }
  // lines of each side before each op, for the hunk headers
  const aBefore: number[] = [];
  const bBefore: number[] = [];
  let ac = 0;
  let bc = 0;
  for (const o of ops) {
    aBefore.push(ac);
    bBefore.push(bc);
    if (o.op !== '+') ac++;
    if (o.op !== '-') bc++;
  }
  const CONTEXT = 3;
  const changed = ops.flatMap((o, k) => (o.op === ' ' ? [] : [k]));
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  for (let h = 0; h < changed.length;) {
    let g = h;
    // changes closer than twice the context share a hunk
    while (g + 1 < changed.length && changed[g + 1]! - changed[g]! <= 2 * CONTEXT) g++;
    const start = Math.max(0, changed[h]! - CONTEXT);
    const end = Math.min(ops.length, changed[g]! + CONTEXT + 1);
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(
      `@@ -${aBefore[start]! + (aLen ? 1 : 0)},${aLen} +${bBefore[start]! + (bLen ? 1 : 0)},${bLen} @@`,
    );
    for (const o of hunk) out.push(`${o.op}${o.line}`);
    h = g + 1;
  }
  return out.join('\n');
}

/** Set by `npm run golden` (scripts/golden.js): the golden tests write their files instead of comparing. */
export const GOLDEN_UPDATE_ENV = 'OPSDESK_GOLDEN_UPDATE';
export const GOLDEN_REGENERATE_COMMAND = 'npm run golden';

/**
 * Compares `actual` with the golden file; in update mode writes it instead. A difference fails
 * with a unified diff and the command that regenerates the file, so an intended change is one
 * command and a reviewed diff away, and an unintended one is caught.
 */
export function expectGolden(file: string, actual: string): void {
  const rel = path.relative(process.cwd(), file) || file;
  if (process.env[GOLDEN_UPDATE_ENV] === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${rel} does not exist; create it with: ${GOLDEN_REGENERATE_COMMAND}`);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) return;
  throw new Error(
    `the live /metrics differs from the golden file ${rel} (- golden, + live):\n` +
      `${unifiedDiff(expected, actual, rel, 'live /metrics')}\n\n` +
      `If the change is intended, regenerate the golden files with \`${GOLDEN_REGENERATE_COMMAND}\`, ` +
      'review the diff and commit it; the metric contract test then checks the rules and dashboards against it.',
  );
}

/**
 * Scrapes until `landed` says the background work (probes, checks, tailed logs) is in, polling
 * without Date.now (the golden tests freeze it), up to `tries` × 50 ms. When it never lands the
 * last body is returned all the same: the golden comparison then shows what is missing or renamed,
 * which says more than a timeout.
 */
export async function settledScrape(
  scrape: () => Promise<string>,
  landed: (body: string) => boolean,
  tries = 200,
): Promise<string> {
  let body = '';
  for (let i = 0; i < tries; i++) {
    body = await scrape();
    if (landed(body)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  return body;
}

/**
 * The golden test's last step, the same for every component: scrape `url` until each of `landed`
 * appears in the body (the background work the test started has finished), then compare the
 * body's golden form with `file` (or write it, under `npm run golden`).
 */
export async function expectGoldenScrape(
  url: string,
  golden: { file: string; rules: GoldenRules; source: string; landed: readonly string[] },
): Promise<void> {
  const body = await settledScrape(
    async () => (await fetch(url)).text(),
    (text) => golden.landed.every((s) => text.includes(s)),
  );
  expectGolden(golden.file, goldenExposition(body, golden.rules, golden.source));
}

/**
 * The instant every golden test freezes `Date` at: Thursday 2026-11-26 10:00 in Shanghai, a
 * trading day inside the morning session, so windows and calendars are open.
 */
export const GOLDEN_FROZEN_CLOCK = Date.UTC(2026, 10, 26, 2, 0, 0);

/**
 * For `jest.useFakeTimers({ now, doNotFake: [...ONLY_DATE_FAKED] })`: only `Date` is faked, so
 * the clock the components read stands still while timers, sockets and the event loop run for
 * real. Elapsed-time measurements (performance.now, hrtime) stay real; their families are
 * normalised instead.
 */
export const ONLY_DATE_FAKED = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;
