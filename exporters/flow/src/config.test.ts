import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { abandonAfterMs, flowConfigSchema } from './config';

test('the example configs validate, with their state file, skew and abandon time', () => {
  const example = path.join(__dirname, '..', 'flows.example.yml');
  const compose = path.join(__dirname, '..', '..', '..', 'provisioning', 'exporters', 'flows.yml');
  for (const file of [example, compose])
    expect(() =>
      parseConfigText(readFileSync(file, 'utf8'), file, flowConfigSchema, {
        OPSDESK_FLOW_TOKEN: 'example-token-0123456789',
      }),
    ).not.toThrow();
  const config = parseConfigText(readFileSync(example, 'utf8'), example, flowConfigSchema, {
    OPSDESK_FLOW_TOKEN: 'example-token-0123456789',
  });
  expect(config.state).toEqual({ path: '../../data/run/flow-state', save_interval: 60_000 });
  expect(config.ingest.max_future_skew).toBe(300_000);
  expect(abandonAfterMs(config.flows[0]!)).toBe(3_600_000);
});

test('max_future_skew is bounded: a skew of days would let stale clocks silence alerts', () => {
  expect(() =>
    parseConfigText(
      'ingest: { max_future_skew: 2d }\nflows: [{ name: f, steps: [{ name: a }] }]\n',
      'flows.yml',
      flowConfigSchema,
    ),
  ).toThrow('flows.yml:1: ingest.max_future_skew: expected a duration between 0s and 1d, got "2d"');
});
