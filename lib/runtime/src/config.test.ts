import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfigFile, parseConfigText } from './config';
import { duration } from './duration';

const schema = z.strictObject({
  listen: z.string().default(':9741'),
  channels: z
    .array(
      z.strictObject({
        name: z.string(),
        schedule: z.strictObject({ start: z.string().regex(/^\d\d:\d\d$/, 'expected HH:MM') }),
      }),
    )
    .default([]),
  collectors: z.strictObject({ timeout: duration().default(5000) }).prefault({}),
  token: z.string().optional(),
});

function problems(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfigText(text, 'channels.yml', schema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

test('applies defaults to an empty file', () => {
  expect(parseConfigText('', 'x.yml', schema)).toEqual({
    listen: ':9741',
    channels: [],
    collectors: { timeout: 5000 },
  });
});

test('names file, line, path and reason of a bad value', () => {
  const text = [
    'channels:',
    '  - name: a',
    '    schedule: {start: "09:00"}',
    '  - name: b',
    '    schedule:',
    '      start: 9am',
    '',
  ].join('\n');
  expect(problems(text)).toEqual(['channels.yml:6: channels[1].schedule.start: expected HH:MM, got "9am"']);
});

test('reports a wrong type with the value it got', () => {
  const [p] = problems('listen: 9741\n');
  expect(p).toMatch(/^channels\.yml:1: listen: expected string, got 9741$/);
});

test('reports a misspelt setting at the line where it is', () => {
  expect(problems('listen: ":1"\ncollectors:\n  timout: 5s\n')).toEqual([
    'channels.yml:3: collectors.timout: unknown setting; check its spelling against the example config',
  ]);
});

test('reports a bad duration with the text it got', () => {
  expect(problems('collectors:\n  timeout: 5 min\n')).toEqual([
    'channels.yml:2: collectors.timeout: expected a duration like 30s, 5m or 1h, got "5 min"',
  ]);
});

test('reports YAML syntax errors with line and column', () => {
  const [p] = problems('listen: ":1"\nchannels: [\n');
  expect(p).toMatch(/^channels\.yml:\d+:\d+: invalid YAML: /);
});

test('takes secrets from environment variables, and names a missing one', () => {
  expect(
    parseConfigText('token: ${OPSDESK_TEST_TOKEN}\n', 'x.yml', schema, { OPSDESK_TEST_TOKEN: 's3cret' })
      .token,
  ).toBe('s3cret');
  expect(problems('token: "Bearer ${NOPE}"\n')).toEqual([
    'channels.yml:1: token: environment variable NOPE is referenced but not set; export it or remove the reference',
  ]);
});

test('a missing file names the path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-config-'));
  expect(() => loadConfigFile(path.join(dir, 'nope.yml'), schema)).toThrow(
    /nope\.yml: cannot read config: file not found/,
  );
  writeFileSync(path.join(dir, 'ok.yml'), 'listen: "127.0.0.1:1"\n');
  expect(loadConfigFile(path.join(dir, 'ok.yml'), schema).listen).toBe('127.0.0.1:1');
});
