/**
 * opsdesk-backup end to end: the real restic and borg in temp dirs, reporting to the real
 * opsdesk-server (its built bin), and what the server recorded checked against what the tools list.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWithPrograms, freePort } from '@opsdesk/testing';
import { EXIT } from './cli';
import { borgRepo, resticRepo, runCli, sourceTree, unreadableFile } from './testing/repos';
import { startOpsdesk, type OpsdeskServer } from './testing/server';

interface Run {
  id: string;
  policy: string;
  host: string | null;
  tool: string;
  result: string;
  exitCode: number;
  snapshotId: string | null;
  bytesAdded: number | null;
  bytesProcessed: number | null;
  filesNew: number | null;
  filesChanged: number | null;
  filesUnmodified: number | null;
  durationSeconds: number;
  startedAt: string;
  finishedAt: string;
  message: string | null;
  summary: Record<string, unknown> | null;
}
interface RestoreTest {
  id: string;
  snapshotId: string | null;
  result: string;
  durationSeconds: number;
  bytesRestored: number | null;
  filesRestored: number | null;
  restoreExitCode: number;
  verification: { command: string | null; exitCode: number | null; result: string; output: string | null };
  rtoMet: boolean;
}

const PROGRAMS = { restic: 'restic', borg: 'borgbackup', setpriv: 'util-linux' };

describeWithPrograms(PROGRAMS, 'opsdesk-backup with restic and borg against the real server', () => {
  let dir: string;
  let server: OpsdeskServer;
  let token: string;
  let n = 0;
  /** a fresh work dir per test, inside the suite's dir */
  const work = () => {
    const d = path.join(dir, `t${++n}`);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const cliEnv = (d: string, extra: NodeJS.ProcessEnv = {}) => ({
    ...process.env,
    OPSDESK_SERVER_URL: server.url,
    OPSDESK_BACKUP_TOKEN: token,
    OPSDESK_BACKUP_SPOOL: path.join(d, 'spool'),
    ...extra,
  });
  const runs = async (policy: string) =>
    (await server.get<{ runs: Run[] }>(`/api/v1/backups/runs?policy=${policy}`)).runs;
  const runById = async (id: string) =>
    (await runs('files')).concat(await runs('archive')).find((r) => r.id === id);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-e2e-'));
    server = await startOpsdesk(dir, await freePort());
    token = await server.ingestToken();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a restic backup and a restore test: the server has restic's snapshot id, the sizes and the measured times", async () => {
    const d = work();
    const repo = resticRepo(d);
    const src = sourceTree(path.join(d, 'src'));
    const env = cliEnv(d, repo.env);

    const t0 = Date.now();
    const backup = await runCli(
      ['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src.dir],
      env,
    );
    const wallSeconds = (Date.now() - t0) / 1000;
    expect(backup.code).toBe(0);
    // restic's own output passed through, and our line after it
    expect(backup.stdout).toContain('"message_type":"summary"');
    expect(backup.stderr).toMatch(/policy files: success, snapshot [0-9a-f]{8}/);

    const [snapshot] = repo.snapshots();
    const [run] = await runs('files');
    expect(run).toMatchObject({
      policy: 'files',
      tool: 'restic',
      result: 'success',
      exitCode: 0,
      snapshotId: snapshot!.short_id,
      bytesProcessed: src.bytes,
      filesNew: src.files,
      filesChanged: 0,
      filesUnmodified: 0,
    });
    expect(snapshot!.id.startsWith(run!.snapshotId!)).toBe(true);
    expect(run!.bytesAdded).toBeGreaterThanOrEqual(200_000);
    expect(run!.summary).toMatchObject({ snapshot_id: snapshot!.short_id, total_bytes_processed: src.bytes });
    // measured by opsdesk-backup: longer than restic's own total_duration, shorter than the whole call
    expect(run!.durationSeconds).toBeGreaterThanOrEqual(run!.summary!.total_duration as number);
    expect(run!.durationSeconds).toBeLessThanOrEqual(wallSeconds);
    // restic's snapshot time lies within the run's measured start and finish
    const snapAt = Date.parse(snapshot!.time);
    expect(snapAt).toBeGreaterThanOrEqual(Date.parse(run!.startedAt));
    expect(snapAt).toBeLessThanOrEqual(Date.parse(run!.finishedAt));

    // restore test: restic restore latest into a scratch target, then diff against the source
    const target = path.join(d, 'restore');
    const t1 = Date.now();
    const restore = await runCli(
      [
        'restore-test',
        '--policy',
        'files',
        '--target',
        target,
        '--verify',
        'diff',
        '-r',
        src.dir,
        path.join(target, src.dir),
        '--',
        'restic',
        'restore',
        'latest',
        '--target',
        target,
      ],
      env,
    );
    const restoreWall = (Date.now() - t1) / 1000;
    expect(restore.code).toBe(0);
    const { restoreTests } = await server.get<{ restoreTests: RestoreTest[] }>(
      '/api/v1/backups/restore-tests?policy=files',
    );
    expect(restoreTests).toHaveLength(1);
    expect(restoreTests[0]).toMatchObject({
      snapshotId: snapshot!.short_id,
      result: 'passed',
      restoreExitCode: 0,
      bytesRestored: src.bytes,
      filesRestored: src.files,
      verification: {
        result: 'passed',
        exitCode: 0,
        command: `diff -r ${src.dir} ${path.join(target, src.dir)}`,
      },
      rtoMet: true,
    });
    expect(restoreTests[0]!.durationSeconds).toBeGreaterThan(0);
    expect(restoreTests[0]!.durationSeconds).toBeLessThanOrEqual(restoreWall);

    const { policies } = await server.get<{
      policies: Array<{ name: string; status: Record<string, unknown> }>;
    }>('/api/v1/backups/policies');
    expect(policies.find((p) => p.name === 'files')!.status).toMatchObject({
      lastRunResult: 'success',
      lastSnapshotId: snapshot!.short_id,
      rpoBreached: false,
      lastRestoreTest: { result: 'passed', rtoMet: true },
    });

    // a restore whose data differs from the source fails its verification, and the test with it
    writeFileSync(path.join(src.dir, 'a.txt'), 'changed after the backup\n');
    const bad = await runCli(
      [
        'restore-test',
        '--policy',
        'files',
        '--verify',
        'diff',
        '-r',
        src.dir,
        path.join(d, 'r2', src.dir),
        '--',
        'restic',
        'restore',
        'latest',
        '--target',
        path.join(d, 'r2'),
      ],
      env,
    );
    expect(bad.code).toBe(1); // diff's exit code
    const after = (
      await server.get<{ restoreTests: RestoreTest[] }>('/api/v1/backups/restore-tests?policy=files')
    ).restoreTests;
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      result: 'failed',
      restoreExitCode: 0,
      verification: { result: 'failed', exitCode: 1 },
    });
    expect(after[0]!.verification.output).toContain('a.txt');
  });

  test("the wrong restic password: a failed run with restic's exit code and message, no snapshot", async () => {
    const d = work();
    const repo = resticRepo(d);
    const src = sourceTree(path.join(d, 'src'));
    const res = await runCli(
      ['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src.dir],
      cliEnv(d, { ...repo.env, RESTIC_PASSWORD: 'not the password' }),
    );
    expect(res.code).toBe(1); // restic 0.14: 1 (0.17+: 12)
    const [run] = await runs('files');
    expect(run).toMatchObject({ result: 'failed', exitCode: 1, snapshotId: null, bytesAdded: null });
    expect(run!.message).toMatch(/wrong password/);
    expect(repo.snapshots()).toEqual([]);
  });

  test('an unreadable file: restic exit 3 → a partial run naming the file, with the snapshot restic made', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-e2e-partial-'));
    try {
      const repo = resticRepo(d);
      const src = sourceTree(path.join(d, 'src'));
      const asNobody = unreadableFile(d, path.join(src.dir, 'private.key'));
      const res = await runCli(
        [
          'run',
          '--policy',
          'files',
          '--tool',
          'restic',
          '--',
          ...asNobody,
          'restic',
          'backup',
          '--json',
          src.dir,
        ],
        cliEnv(d, repo.env),
      );
      expect(res.code).toBe(3);
      const [run] = await runs('files');
      const [snapshot] = repo.snapshots();
      expect(run).toMatchObject({ result: 'partial', exitCode: 3, snapshotId: snapshot!.short_id });
      expect(run!.message).toMatch(/could not be read.*private\.key/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  test("a borg backup: the archive name and borg's stats, its local times read in the host zone", async () => {
    const d = work();
    const repo = borgRepo(d);
    const src = sourceTree(path.join(d, 'src'));
    const res = await runCli(
      [
        'run',
        '--policy',
        'archive',
        '--',
        'borg',
        'create',
        '--json',
        `${repo.repo}::reports-{now:%Y%m%d-%H%M%S}`,
        src.dir,
      ],
      cliEnv(d, repo.env),
    );
    expect(res.code).toBe(0);
    const [run] = await runs('archive');
    const name = run!.snapshotId!;
    expect(name).toMatch(/^reports-\d{8}-\d{6}$/);
    const [archive] = repo.info(name).archives;
    expect(archive!.stats.original_size).toBe(src.bytes);
    const created = run!.summary!.archive as { id: string; stats: Record<string, number> };
    expect(created.id).toBe(archive!.id);
    expect(run).toMatchObject({
      tool: 'borg',
      result: 'success',
      bytesAdded: created.stats.deduplicated_size,
      bytesProcessed: created.stats.original_size,
    });
    const ours = run!.summary!.opsdesk as { archiveStart: string; timeZone: string };
    expect(ours.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(Date.parse(ours.archiveStart)).toBeGreaterThanOrEqual(Date.parse(run!.startedAt) - 1000);
    expect(Date.parse(ours.archiveStart)).toBeLessThanOrEqual(Date.parse(run!.finishedAt));
  });

  test('a report the server refuses (unknown policy, bad token) is not kept for ever: exit 78 and what to fix', async () => {
    const d = work();
    const env = cliEnv(d);
    const unknown = await runCli(['run', '--policy', 'no-such-policy', '--', 'true'], env);
    expect(unknown.code).toBe(EXIT.config);
    expect(unknown.stderr).toMatch(/refused, moved to .*rejected.*422.*no-such-policy/s);
    expect(readdirSync(path.join(d, 'spool')).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(readdirSync(path.join(d, 'spool', 'rejected'))).toHaveLength(1);

    const badToken = await runCli(['run', '--policy', 'files', '--', 'false'], {
      ...env,
      OPSDESK_BACKUP_TOKEN: 'odk_not-a-token-0000000000',
    });
    expect(badToken.code).toBe(1); // the command's failure wins
    expect(badToken.stderr).toMatch(/401.*create a token with scope backups:ingest/s);

    // no token at all: said before the backup runs
    const none = await runCli(['run', '--policy', 'files', '--', 'touch', path.join(d, 'ran')], {
      ...env,
      OPSDESK_BACKUP_TOKEN: '',
    });
    expect(none.code).toBe(EXIT.config);
    expect(none.stderr).toMatch(/no token: give --token-file/);
    expect(existsSync(path.join(d, 'ran'))).toBe(false);
  });

  test('the answer is lost after the server recorded the run: the resend is recorded once', async () => {
    const d = work();
    // stands in for a network that drops the connection after the request got through: it forwards
    // to the real server, waits for its answer, and then cuts the connection instead of answering
    const proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        await fetch(`${server.url}${req.url}`, {
          method: req.method,
          headers: { authorization: String(req.headers.authorization), 'content-type': 'application/json' },
          body: Buffer.concat(chunks),
        });
        res.socket?.destroy();
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const sent = await runCli(
        ['run', '--policy', 'files', '--', 'true'],
        cliEnv(d, { OPSDESK_SERVER_URL: proxyUrl }),
      );
      expect(sent.code).toBe(0);
      expect(sent.stderr).toMatch(/1 report\(s\) kept in/);
      const [file] = readdirSync(path.join(d, 'spool')).filter((f) => f.endsWith('.json'));
      const id = file!.replace(/^\d+-/, '').replace(/\.json$/, '');
      expect(await runById(id)).toBeDefined(); // the server has it already

      const flushed = await runCli(['flush'], cliEnv(d));
      expect(flushed.code).toBe(0);
      expect(readdirSync(path.join(d, 'spool')).filter((f) => f.endsWith('.json'))).toEqual([]);
      expect((await runs('files')).filter((r) => r.id === id)).toHaveLength(1);
    } finally {
      proxy.close();
    }
  });
});

describeWithPrograms({ restic: 'restic' }, 'opsdesk-backup while the server is down', () => {
  let dir: string;
  let port: number;
  let server: OpsdeskServer | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-down-'));
    port = await freePort();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('runs reported while the server is down are kept on disk and arrive once, oldest first, when it is back', async () => {
    // the token is made on a first start of the server, which then goes down
    server = await startOpsdesk(dir, port);
    const token = await server.ingestToken();
    await server.stop();
    server = undefined;

    const repo = resticRepo(dir);
    const src = sourceTree(path.join(dir, 'src'));
    const env = {
      ...process.env,
      ...repo.env,
      OPSDESK_SERVER_URL: `http://127.0.0.1:${port}`,
      OPSDESK_BACKUP_TOKEN: token,
      OPSDESK_BACKUP_SPOOL: path.join(dir, 'spool'),
      OPSDESK_BACKUP_TIMEOUT: '2s',
    };
    const spooled = () =>
      readdirSync(path.join(dir, 'spool'))
        .filter((f) => f.endsWith('.json'))
        .sort();

    const first = await runCli(
      ['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src.dir],
      env,
    );
    expect(first.code).toBe(0); // the backup worked; the report waits
    expect(first.stderr).toMatch(/1 report\(s\) kept in .*ECONNREFUSED/);
    writeFileSync(path.join(src.dir, 'new.txt'), 'more\n');
    const second = await runCli(
      ['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src.dir],
      env,
    );
    expect(second.stderr).toMatch(/2 report\(s\) kept in/);
    expect(spooled()).toHaveLength(2);
    const ids = spooled().map((f) => f.replace(/^\d+-/, '').replace(/\.json$/, ''));

    // flush while still down: nothing lost, told to try later
    expect((await runCli(['flush'], env)).code).toBe(EXIT.tempFail);
    expect(spooled()).toHaveLength(2);

    server = await startOpsdesk(dir, port);
    const third = await runCli(
      ['run', '--policy', 'files', '--', 'restic', 'backup', '--json', src.dir],
      env,
    );
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/sent 2 report\(s\) kept from earlier runs/);
    expect(spooled()).toEqual([]);

    const { runs } = await server.get<{ runs: Run[] }>('/api/v1/backups/runs?policy=files');
    expect(runs).toHaveLength(3);
    const snapshots = repo.snapshots().map((s) => s.short_id);
    // newest first on the server; each restic snapshot once
    expect(runs.map((r) => r.snapshotId).sort()).toEqual([...snapshots].sort());
    expect(
      runs
        .slice(1)
        .map((r) => r.id)
        .reverse(),
    ).toEqual(ids);
    // a second flush has nothing to send and records nothing more
    expect((await runCli(['flush'], env)).code).toBe(0);
    expect((await server.get<{ runs: Run[] }>('/api/v1/backups/runs?policy=files')).runs).toHaveLength(3);
  });
});
