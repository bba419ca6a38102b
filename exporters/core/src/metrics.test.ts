import { MetricSink, renderFamilies } from './metrics';

test('renders HELP, TYPE and escaped label values', () => {
  const sink = new MetricSink(100);
  sink.gauge('x_info', 'Line one\nback\\slash', ['path']).set(1, 'C:\\dir "quoted"\nnext');
  sink.counter('x_bytes_total', 'Bytes.', []).set(12.5);
  sink.gauge('x_ratio', 'Special values.', ['k']).set(NaN, 'nan');
  expect(renderFamilies(sink.families.values())).toBe(
    [
      '# HELP x_info Line one\\nback\\\\slash',
      '# TYPE x_info gauge',
      'x_info{path="C:\\\\dir \\"quoted\\"\\nnext"} 1',
      '# HELP x_bytes_total Bytes.',
      '# TYPE x_bytes_total counter',
      'x_bytes_total 12.5',
      '# HELP x_ratio Special values.',
      '# TYPE x_ratio gauge',
      'x_ratio{k="nan"} NaN',
      '',
    ].join('\n'),
  );
});

test('the cardinality guard keeps the first series and counts the rest', () => {
  const sink = new MetricSink(3);
  const g = sink.gauge('x_per_device', 'Per device.', ['device']);
  for (let i = 0; i < 10; i++) g.set(i, `dev${i}`);
  g.set(99, 'dev0'); // updating a kept series is not an overflow
  expect(sink.families.get('x_per_device')?.series.size).toBe(3);
  expect(sink.droppedSeries().get('x_per_device')).toBe(7);
  expect(sink.families.get('x_per_device')?.series.get('dev0')).toBe(99);
});

test('refuses names and label sets that would produce invalid exposition', () => {
  const sink = new MetricSink(10);
  expect(() => sink.gauge('bad-name', 'x')).toThrow(/invalid metric name/);
  expect(() => sink.counter('x_bytes', 'x')).toThrow(/must end in _total/);
  const g = sink.gauge('x_g', 'x', ['a']);
  expect(() => g.set(1)).toThrow(/expected 1 label values/);
  expect(() => sink.gauge('x_g', 'x', ['b'])).toThrow(/different type or labels/);
});

test('absorb merges families from several collectors', () => {
  const a = new MetricSink(10);
  a.gauge('x_g', 'x', ['k']).set(1, 'a');
  const b = new MetricSink(10);
  b.gauge('x_g', 'x', ['k']).set(2, 'b');
  b.gauge('x_plain', 'y').set(3);
  const all = new MetricSink(10);
  all.absorb(a);
  all.absorb(b);
  expect([...(all.families.get('x_g')?.series ?? [])]).toEqual([
    ['a', 1],
    ['b', 2],
  ]);
  expect(all.families.get('x_plain')?.series.get('')).toBe(3);
});

test('histograms render cumulative buckets, +Inf, sum and count', () => {
  const sink = new MetricSink(10);
  sink
    .histogram('x_wait_seconds', 'Wait.', ['step'], [0.5, 1])
    .set({ buckets: [1, 3], sum: 2.5, count: 4 }, 'match');
  expect(renderFamilies(sink.families.values(), sink.histograms)).toBe(
    [
      '# HELP x_wait_seconds Wait.',
      '# TYPE x_wait_seconds histogram',
      'x_wait_seconds_bucket{step="match",le="0.5"} 1',
      'x_wait_seconds_bucket{step="match",le="1"} 3',
      'x_wait_seconds_bucket{step="match",le="+Inf"} 4',
      'x_wait_seconds_sum{step="match"} 2.5',
      'x_wait_seconds_count{step="match"} 4',
      '',
    ].join('\n'),
  );
  expect(() => sink.histogram('x_wait', 'x', [], [1])).toThrow(/must name its unit/);
});
