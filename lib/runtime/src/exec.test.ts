import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findOnPath, runCommand } from './exec';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-exec-'));
  // a program that answers like a package manager: its output, and a meaningful exit code
  writeFileSync(path.join(dir, 'answer'), '#!/bin/sh\necho "LANG=$LANG $*"\necho warn >&2\nexit 100\n');
  chmodSync(path.join(dir, 'answer'), 0o755);
  writeFileSync(path.join(dir, 'not-executable'), '#!/bin/sh\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('runCommand resolves with the output and a non-zero exit code, in the C locale, without a shell', async () => {
  const r = await runCommand(path.join(dir, 'answer'), ['a b', '$HOME'], { timeoutMs: 5000 });
  expect(r).toEqual({ stdout: 'LANG=C a b $HOME\n', stderr: 'warn\n', code: 100 });
});

test('runCommand rejects, naming the command, when it cannot start or outlives its timeout', async () => {
  await expect(runCommand(path.join(dir, 'missing'), [], { timeoutMs: 5000 })).rejects.toThrow(
    new RegExp(`${dir}/missing : .*ENOENT`),
  );
  await expect(runCommand('sleep', ['5'], { timeoutMs: 100 })).rejects.toThrow(
    'sleep 5: killed after 100 ms',
  );
});

test('findOnPath finds executables only, by name on PATH or by path', () => {
  const saved = process.env.PATH;
  process.env.PATH = ['/nonexistent', dir].join(path.delimiter);
  try {
    expect(findOnPath('answer')).toBe(path.join(dir, 'answer'));
    expect(findOnPath('not-executable')).toBeUndefined();
    expect(findOnPath('no-such-program')).toBeUndefined();
    expect(findOnPath(path.join(dir, 'answer'))).toBe(path.join(dir, 'answer'));
    expect(findOnPath(dir)).toBeUndefined(); // a directory is not a program
  } finally {
    process.env.PATH = saved;
  }
});
