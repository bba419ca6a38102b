import { defaultSpoolDir, parseArgs, toolOf, UsageError } from './args';

const env = { OPSDESK_SERVER_URL: 'http://opsdesk:9744/', OPSDESK_BACKUP_TOKEN: 'odk_x' };

describe('the command line grammar', () => {
  test('run: our options before the --, the backup command after it, verbatim', () => {
    const inv = parseArgs(
      [
        'run',
        '--policy',
        'files',
        '--',
        'restic',
        'backup',
        '--json',
        '--exclude',
        '--policy',
        '/srv',
        '--',
        'x',
      ],
      env,
    );
    expect(inv).toMatchObject({
      command: 'run',
      policy: 'files',
      tool: 'restic',
      argv: ['restic', 'backup', '--json', '--exclude', '--policy', '/srv', '--', 'x'],
      connection: { serverUrl: 'http://opsdesk:9744', token: 'odk_x', timeoutMs: 10_000 },
    });
  });

  test('restore-test: --verify takes the words up to the --; the restore command may carry its own --verify', () => {
    const inv = parseArgs(
      [
        '--server=http://o:1',
        'restore-test',
        '--policy=files',
        '--target',
        '/tmp/r',
        '--verify',
        'sha256sum',
        '-c',
        '--quiet',
        'SUMS',
        '--',
        'restic',
        'restore',
        'latest',
        '--verify',
        '--target',
        '/tmp/r',
      ],
      env,
    );
    expect(inv).toMatchObject({
      command: 'restore-test',
      policy: 'files',
      target: '/tmp/r',
      verify: ['sha256sum', '-c', '--quiet', 'SUMS'],
      argv: ['restic', 'restore', 'latest', '--verify', '--target', '/tmp/r'],
      connection: { serverUrl: 'http://o:1' },
    });
  });

  test('restore-test without --verify has no verification command', () => {
    const inv = parseArgs(['restore-test', '--policy', 'p', '--', 'borg', 'extract', 'r::a'], env);
    expect(inv).toMatchObject({ verify: undefined, tool: 'borg' });
  });

  test.each([
    [['run', '--', 'restic', 'backup'], /--policy NAME/],
    [['run', '--policy', 'p'], /backup command after --/],
    [['run', '--policy', 'p', 'restic', 'backup'], /unexpected "restic".*after a --/],
    [['restore-test', '--policy', 'p', '--verify', '--', 'restic', 'restore'], /--verify needs a command/],
    [['restore-test', '--policy', 'p', '--verify', 'true'], /put -- RESTORE-COMMAND/],
    [['run', '--policy', 'p', '--verify', 'x', '--', 'y'], /--verify belongs to restore-test/],
    [['backup', '--policy', 'p'], /unknown command "backup"/],
    [['--policy', 'p', 'run', '--', 'x'], /--policy belongs to the run command: put it after "run"/],
    [['run', '--policy', 'p', '--tool', 'tar', '--', 'tar'], /--tool "tar": use one of restic, borg/],
    [['run', '--policy', 'p', '--partial-exit-codes', '1,x', '--', 'rsync'], /"x" is not an exit code/],
    [['--timeout', 'soon', 'flush'], /--timeout "soon" is not a duration/],
    [['--server', 'opsdesk:9744', 'flush'], /not an http\(s\) URL/],
    [['flush', '--', 'x'], /flush takes no command/],
    [[], /no command/],
  ])('%j is refused, naming the fix', (argv, message) => {
    expect(() => parseArgs(argv, env)).toThrow(UsageError);
    expect(() => parseArgs(argv, env)).toThrow(message);
  });

  test('exit codes for a generic command', () => {
    const inv = parseArgs(
      [
        'run',
        '--policy',
        'p',
        '--partial-exit-codes',
        '24',
        '--success-exit-codes',
        '0,1',
        '--',
        '/usr/bin/rsync',
        '-a',
      ],
      env,
    );
    expect(inv).toMatchObject({ tool: 'other', exitCodes: { partial: [24], success: [0, 1] } });
  });

  test('a token file wins over a token in the environment; flags over environment', () => {
    const inv = parseArgs(['--token-file', '/etc/opsdesk/t', '--spool', '/s', '--host', 'db1', 'flush'], {
      ...env,
      OPSDESK_BACKUP_SPOOL: '/other',
    });
    expect(inv).toMatchObject({
      connection: { tokenFile: '/etc/opsdesk/t', token: undefined, spoolDir: '/s', host: 'db1' },
    });
    expect(parseArgs(['flush', '--include-rejected'], env)).toMatchObject({ includeRejected: true });
  });

  test('the tool comes from the program name unless --tool says it', () => {
    expect(toolOf(undefined, ['/usr/bin/restic'])).toBe('restic');
    expect(toolOf(undefined, ['borg'])).toBe('borg');
    expect(toolOf(undefined, ['pg_dump'])).toBe('dump');
    expect(toolOf(undefined, ['pgbackrest'])).toBe('pgbackrest');
    expect(toolOf(undefined, ['setpriv', 'restic'])).toBe('other');
    expect(toolOf('restic', ['setpriv', 'restic'])).toBe('restic');
  });

  test('the default spool: /var/spool for root, the XDG state directory for a user', () => {
    expect(defaultSpoolDir({}, 0)).toBe('/var/spool/opsdesk-backup');
    expect(defaultSpoolDir({ XDG_STATE_HOME: '/home/b/.state' }, 1000)).toBe(
      '/home/b/.state/opsdesk-backup/spool',
    );
    expect(defaultSpoolDir({ HOME: '/home/b' }, 1000)).toBe('/home/b/.local/state/opsdesk-backup/spool');
  });

  test('help and version need no server', () => {
    expect(parseArgs(['--help'], {})).toMatchObject({ command: 'help' });
    expect(parseArgs(['version'], {})).toMatchObject({ command: 'version' });
  });
});
