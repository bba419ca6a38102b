import { z } from 'zod';
import { duration, formatDuration, parseDuration } from './duration';

test('parses Prometheus durations into milliseconds', () => {
  expect(parseDuration('30s')).toBe(30_000);
  expect(parseDuration('5m')).toBe(300_000);
  expect(parseDuration('1h30m')).toBe(5_400_000);
  expect(parseDuration('250ms')).toBe(250);
  expect(parseDuration('0')).toBe(0);
});

test('rejects what Prometheus rejects', () => {
  for (const bad of ['', '5', '5 min', '1.5h', 'm5', '-1s', '30S'])
    expect(parseDuration(bad)).toBeUndefined();
});

test('formats milliseconds back to the shortest notation', () => {
  expect(formatDuration(1_800_000)).toBe('30m');
  expect(formatDuration(5_400_000)).toBe('1h30m');
});

test('schema names the bad value and enforces bounds', () => {
  const schema = z.object({ t: duration({ min: '1s', max: '1m' }) });
  const r1 = schema.safeParse({ t: '5 min' });
  expect(r1.success).toBe(false);
  expect(r1.error?.issues[0]?.message).toContain('"5 min"');
  const r2 = schema.safeParse({ t: '2m' });
  expect(r2.error?.issues[0]?.message).toContain('between 1s and 1m');
  expect(schema.parse({ t: '10s' }).t).toBe(10_000);
});
