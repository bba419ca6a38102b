import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { serverConfigSchema } from '../../server/src/config';

// server/server.example.yml shows notifications, people and rosters as commented blocks (a channel
// without its secret in the environment would stop the server). Uncommented, they must be a valid
// config: an example that fails to load teaches the wrong thing.
const ROOT = path.join(__dirname, '..', '..');
const text = readFileSync(path.join(ROOT, 'server', 'server.example.yml'), 'utf8');

/** The example with its commented config lines (`# key:` or `#   more`) made live; prose stays a comment. */
function uncommented(yaml: string): string {
  return yaml
    .split('\n')
    .map((line) => (/^# (\s+\S|[a-z_]+:)/.test(line) ? line.slice(2) : line))
    .join('\n');
}

/** Every `{ env: NAME }` the example names, set to a value of its kind. */
function envFor(yaml: string): Record<string, string> {
  return Object.fromEntries(
    [...yaml.matchAll(/\{ env: ([A-Z_][A-Z0-9_]*) \}/g)].map(([, name]) => [
      name!,
      name!.endsWith('_URL') ? `https://robot.example.com/${name!.toLowerCase()}` : 'example-secret',
    ]),
  );
}

test('the example loads as it is', () => {
  expect(() => parseConfigText(text, 'server.example.yml', serverConfigSchema, {})).not.toThrow();
});

test('its commented channels, people, rosters and escalation policies are a valid config', () => {
  const live = uncommented(text);
  expect(live).not.toEqual(text);
  const config = parseConfigText(live, 'server.example.yml (uncommented)', serverConfigSchema, envFor(live));
  expect(config.notify.channels.map((c) => c.type).sort()).toEqual([
    'dingtalk',
    'email',
    'feishu',
    'webhook',
    'wecom',
  ]);
  // the channels the provisioned Alertmanager receivers post to
  expect(config.notify.channels.map((c) => c.name)).toEqual(expect.arrayContaining(['team', 'oncall']));
  expect(config.people.length).toBeGreaterThan(0);
  expect(config.oncall.rosters.map((r) => r.name)).toEqual(['ops']);
  expect(config.oncall.escalation.policies.length).toBeGreaterThan(0);
});

test('secrets are references, never values: every webhook_url, secret and password is { env } or { file }', () => {
  const live = uncommented(text);
  const settings = [...live.matchAll(/^\s*-?\s*(webhook_url|secret|password):\s*(.*)$/gm)];
  expect(settings.length).toBeGreaterThanOrEqual(8);
  for (const [line, , value] of settings)
    expect([line, /^\{ (env|file): \S+ \}/.test(value!)]).toEqual([line, true]);
});
