import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigChecks, problemsError } from './prepare';

let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-prepare-'));
  for (const name of ['a', 'b'])
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
      ].concat(['-subj', `/CN=${name}`, '-keyout', at(`${name}.key`), '-out', at(`${name}.crt`)]),
      { stdio: 'ignore' },
    );
  writeFileSync(at('junk.pem'), 'not a certificate\n');
  mkdirSync(at('drop'));
  writeFileSync(at('file.txt'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = async (run: (c: ConfigChecks) => Promise<void>) => {
  const c = new ConfigChecks();
  await run(c);
  return c.problems.map((p) => `${p.severity} ${p.path.join('.')}: ${p.message}`);
};

test('a watched folder: missing is a warning, a file in its place an error, a folder fine', async () => {
  expect(await problems((c) => c.watchedFolder(['drop'], 'drop', at('drop')))).toEqual([]);
  expect(await problems((c) => c.watchedFolder(['drop'], 'gone', at('gone')))).toEqual([
    `warning drop: ${at('gone')} (gone from the config file's folder) does not exist; create or mount it, or correct the path (until then the exporter reports it unreadable)`,
  ]);
  expect(await problems((c) => c.watchedFolder(['drop'], at('file.txt'), at('file.txt')))).toEqual([
    `error drop: ${at('file.txt')} is not a folder; give the folder the files arrive in`,
  ]);
});

test('a followed file may be missing, but not its folder (a warning) and it may not be a folder (an error)', async () => {
  expect(await problems((c) => c.followedFile(['log'], 'drop/x.log', at('drop', 'x.log')))).toEqual([]);
  expect(await problems((c) => c.followedFile(['log'], 'nowhere/x.log', at('nowhere', 'x.log')))).toEqual([
    expect.stringMatching(/^warning log: .*nowhere, the folder of .*x\.log .* does not exist/),
  ]);
  expect(await problems((c) => c.followedFile(['log'], 'drop', at('drop')))).toEqual([
    expect.stringMatching(/^error log: .*drop .* is not a file/),
  ]);
});

test('a state file: its folder is created at start when it can be, and a file in the way is an error', async () => {
  expect(await problems((c) => c.writableFile(['state'], 's', at('drop', 's')))).toEqual([]);
  expect(await problems((c) => c.writableFile(['state'], 'new/deeper/s', at('new', 'deeper', 's')))).toEqual([
    expect.stringMatching(
      /^warning state: .*new\/deeper, the folder of .* does not exist; it is created at start$/,
    ),
  ]);
  expect(await problems((c) => c.writableFile(['state'], 'file.txt/s', at('file.txt', 's')))).toEqual([
    expect.stringMatching(/^error state: .*file\.txt, above .* is not a folder$/),
  ]);
});

test('TLS files: each must parse, and the key must be the certificate’s', async () => {
  const resolve = (p: string) => at(p);
  expect(
    await problems((c) =>
      c.tlsFiles(['tls'], { ca_file: 'a.crt', cert_file: 'a.crt', key_file: 'a.key' }, resolve),
    ),
  ).toEqual([]);
  expect(
    await problems((c) =>
      c.tlsFiles(['tls'], { ca_file: 'junk.pem', cert_file: 'a.crt', key_file: 'b.key' }, resolve),
    ),
  ).toEqual([
    expect.stringMatching(/^error tls\.ca_file: .*junk\.pem .* is not a PEM certificate/),
    expect.stringMatching(/^error tls\.key_file: .*b\.key .* is not the key of the certificate .*a\.crt/),
  ]);
  expect(await problems((c) => c.tlsFiles(['tls'], { cert_file: 'a.crt' }, resolve))).toEqual([
    'error tls: cert_file and key_file go together: a client certificate needs its key',
  ]);
  expect(await problems((c) => c.tlsFiles(['tls'], { key_file: 'a.crt' }, resolve))).toEqual([
    expect.stringMatching(/^error tls\.key_file: .*a\.crt .* is not a PEM private key/),
    'error tls: cert_file and key_file go together: a client certificate needs its key',
  ]);
  expect(await problems((c) => c.tlsFiles(['tls'], { ca_file: 'missing.pem' }, resolve))).toEqual([
    expect.stringMatching(/^error tls\.ca_file: cannot read .*missing\.pem .*ENOENT$/),
  ]);
});

test('errors become one ConfigError in the loader’s style; warnings alone do not', () => {
  const warning = { path: ['a'], message: 'w', severity: 'warning' as const };
  expect(problemsError('/etc/opsdesk/channels.yml', [warning])).toBeUndefined();
  const err = problemsError('/etc/opsdesk/channels.yml', [
    warning,
    {
      path: ['participants', 2, 'channels', 0, 'drop', 'path'],
      message: '/srv/drop/x is not a folder',
      severity: 'error',
    },
  ]);
  expect(err?.message).toBe(
    'channels.yml: participants[2].channels[0].drop.path: /srv/drop/x is not a folder',
  );
});
