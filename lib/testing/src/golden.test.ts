import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { COMMON_GOLDEN_RULES, goldenExposition, parseTextExposition, unifiedDiff } from './golden';
import { describeWithPrograms, program } from './programs';

const BODY = `# HELP b_total Things.
# TYPE b_total counter
b_total{x="2"} 5
b_total{x="1"} 3
# HELP process_cpu_seconds_total CPU.
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total 1.5
# HELP a_seconds Latency.
# TYPE a_seconds histogram
a_seconds_bucket{le="+Inf",k="v"} 2
a_seconds_bucket{le="0.5",k="v"} 1
a_seconds_sum{k="v"} 0.7
a_seconds_count{k="v"} 2
# HELP x_collector_duration_seconds Time.
# TYPE x_collector_duration_seconds gauge
x_collector_duration_seconds{collector="cpu"} 0.00123
# HELP x_build_info Build.
# TYPE x_build_info gauge
x_build_info{version="1.2.3",nodejs="v20.1.0",arch="x64"} 1
`;

test('the golden form: families by name, series by labels, buckets by bound, process families out, timings and versions normalised', () => {
  const lines = goldenExposition(BODY, COMMON_GOLDEN_RULES).split('\n');
  const samples = lines.filter((l) => l && !l.startsWith('#'));
  expect(samples).toEqual([
    'a_seconds_bucket{le="0.5",k="v"} 1',
    'a_seconds_bucket{le="+Inf",k="v"} 2',
    'a_seconds_sum{k="v"} 0.7',
    'a_seconds_count{k="v"} 2',
    'b_total{x="1"} 3',
    'b_total{x="2"} 5',
    'x_build_info{version="normalised",nodejs="normalised",arch="x64"} 1',
    'x_collector_duration_seconds{collector="cpu"} NaN',
  ]);
  // HELP and TYPE stay with their family
  expect(lines.indexOf('# TYPE a_seconds histogram')).toBe(
    lines.indexOf('a_seconds_bucket{le="0.5",k="v"} 1') - 1,
  );
});

test('the golden form reads back as the same families, and is a fixed point', () => {
  const once = goldenExposition(BODY, COMMON_GOLDEN_RULES);
  expect(goldenExposition(once, COMMON_GOLDEN_RULES)).toBe(once);
  expect(parseTextExposition(once).map((f) => [f.name, f.type, f.samples.length])).toEqual([
    ['a_seconds', 'histogram', 4],
    ['b_total', 'counter', 2],
    ['x_build_info', 'gauge', 1],
    ['x_collector_duration_seconds', 'gauge', 1],
  ]);
});

test('a line that is not exposition is an error naming the source and line', () => {
  expect(() => parseTextExposition('# TYPE a gauge\na 1\nthis is not a sample\n', 'host /metrics')).toThrow(
    'host /metrics:3: not a sample line: this is not a sample',
  );
});

describeWithPrograms({ diff: 'diffutils', patch: 'patch' }, 'the diff of a golden test', () => {
  // The diff is read by people used to diff -u, and must be one: GNU patch, applied to the golden
  // text, gives the live text, and the number of changed lines is GNU diff's.
  test('unifiedDiff is a unified diff GNU patch applies, as small as GNU diff -u', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-golden-diff-'));
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 });
    const changed = (diff: string, sign: string) =>
      diff.split('\n').filter((l) => l.startsWith(sign) && !l.startsWith(sign.repeat(3) + ' ')).length;
    try {
      fc.assert(
        fc.property(lines, lines, (a, b) => {
          const before = a.length ? `${a.join('\n')}\n` : '';
          const after = b.length ? `${b.join('\n')}\n` : '';
          const golden = path.join(dir, 'golden');
          writeFileSync(golden, before);
          writeFileSync(path.join(dir, 'live'), after);
          const ours = unifiedDiff(before, after, 'golden', 'live');
          if (before === after) return;
          const applied = spawnSync(program('patch'), ['--silent', '--force', '-o', '-', golden], {
            input: `${ours}\n`,
            encoding: 'utf8',
          });
          expect(applied.stderr).toBe('');
          expect(applied.stdout).toBe(after);
          const gnu = spawnSync(program('diff'), ['-U3', golden, path.join(dir, 'live')], {
            encoding: 'utf8',
          }).stdout;
          expect([changed(ours, '-'), changed(ours, '+')]).toEqual([changed(gnu, '-'), changed(gnu, '+')]);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
