import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { transferConfigSchema } from './config';

test("the reference's worked channels.yml is a valid config with three participants", () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'transfer-exporter.md'), 'utf8');
  const heading = doc.indexOf('## Three participants in `channels.yml`');
  expect(heading).toBeGreaterThanOrEqual(0);
  const section = doc.slice(heading);
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  expect(yaml).toBeDefined();
  const config = parseConfigText(yaml!, 'docs/transfer-exporter.md', transferConfigSchema, {
    OPSDESK_TRANSFER_TOKEN: 'readme-token-0123456789',
  });
  expect(config.participants.map((p) => [p.name, p.channels[0]!.kind])).toEqual([
    ['broker_a', 'api'],
    ['broker_b', 'gateway'],
    ['fund_c', 'sftp'],
  ]);
  expect(config.logs[0]!.format).toBe('regex');
});

test('the example configs validate', () => {
  for (const file of [
    path.join(__dirname, '..', 'channels.example.yml'),
    path.join(__dirname, '..', '..', '..', 'provisioning', 'exporters', 'channels.yml'),
  ])
    expect(() =>
      parseConfigText(readFileSync(file, 'utf8'), file, transferConfigSchema, {
        OPSDESK_TRANSFER_TOKEN: 'example-token-0123456789',
      }),
    ).not.toThrow();
});
