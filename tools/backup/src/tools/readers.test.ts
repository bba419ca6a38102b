/**
 * The readers against the real restic and borg (Debian's packages): what they make of the real
 * programs' output and exit codes, checked against what the programs themselves list afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWithPrograms } from '@opsdesk/testing';
import { execute, type Io } from '../execute';
import { borgRepo, resticRepo, sourceTree, unreadableFile } from '../testing/repos';
import { readerOf } from '.';
import { localToUtcIso } from './borg';

const quiet: Io = { stdout: { write: () => true }, stderr: { write: () => true } };

describeWithPrograms(
  { restic: 'restic', borg: 'borgbackup', setpriv: 'util-linux' },
  'reading restic and borg',
  () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-readers-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('restic backup --json: the snapshot id and sizes are the ones restic lists', async () => {
      const repo = resticRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      const run = await execute(['restic', 'backup', '--json', src.dir], { env: repo.env, io: quiet });
      const reading = readerOf('restic').readBackup(run);
      const [snapshot] = repo.snapshots();
      expect(reading).toMatchObject({
        result: 'success',
        snapshotId: snapshot!.short_id,
        bytesProcessed: src.bytes,
        filesNew: src.files,
        filesChanged: 0,
        filesUnmodified: 0,
      });
      // the data added is at least the random file (it does not compress or dedupe) plus restic's own trees
      expect(reading.bytesAdded).toBeGreaterThanOrEqual(200_000);
      expect(reading.summary).toMatchObject({ message_type: 'summary', snapshot_id: snapshot!.short_id });
      expect(reading.message).toBeUndefined();

      // a second run of the same tree: everything unmodified, a new snapshot
      const again = readerOf('restic').readBackup(
        await execute(['restic', 'backup', '--json', src.dir], { env: repo.env, io: quiet }),
      );
      expect(again).toMatchObject({ result: 'success', filesNew: 0, filesUnmodified: src.files });
      expect(repo.snapshots().map((s) => s.short_id)).toContain(again.snapshotId);
    });

    test('restic with the wrong password fails and says why', async () => {
      const repo = resticRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      const run = await execute(['restic', 'backup', '--json', src.dir], {
        env: { ...repo.env, RESTIC_PASSWORD: 'wrong' },
        io: quiet,
      });
      const reading = readerOf('restic').readBackup(run);
      expect(run.exitCode).not.toBe(0);
      expect(reading.result).toBe('failed');
      expect(reading.snapshotId).toBeUndefined();
      expect(reading.message).toMatch(/wrong password/);
      expect(repo.snapshots()).toEqual([]);
    });

    test('an unreadable source file: restic exits 3, a partial run naming the file, and the snapshot exists', async () => {
      const repo = resticRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      const asOther = unreadableFile(dir, path.join(src.dir, 'locked.key'));
      const run = await execute([...asOther, 'restic', 'backup', '--json', src.dir], {
        env: repo.env,
        io: quiet,
      });
      expect(run.exitCode).toBe(3);
      const reading = readerOf('restic').readBackup(run);
      expect(reading.result).toBe('partial');
      expect(reading.message).toMatch(/restic exit 3: 1 source file\(s\) could not be read.*locked\.key/);
      expect(repo.snapshots().map((s) => s.short_id)).toEqual([reading.snapshotId]);
    });

    test('restic restore (0.14 prints text): the snapshot restored is read from its output', async () => {
      const repo = resticRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      await execute(['restic', 'backup', '--json', src.dir], { env: repo.env, io: quiet });
      const run = await execute(['restic', 'restore', 'latest', '--target', path.join(dir, 'r')], {
        env: repo.env,
        io: quiet,
      });
      expect(run.exitCode).toBe(0);
      expect(readerOf('restic').readRestore(run).snapshotId).toBe(repo.snapshots()[0]!.short_id);
    });

    test('borg create --json: the archive, its sizes as borg reports them, its zone-less times read in the host zone', async () => {
      const repo = borgRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      const run = await execute(['borg', 'create', '--json', `${repo.repo}::nightly-1`, src.dir], {
        env: repo.env,
        io: quiet,
      });
      const reading = readerOf('borg').readBackup(run);
      const [archive] = repo.info('nightly-1').archives;
      const created = (reading.summary!.archive as { stats: Record<string, number> }).stats;
      expect(reading).toMatchObject({
        result: 'success',
        snapshotId: 'nightly-1',
        bytesAdded: created.deduplicated_size,
        bytesProcessed: created.original_size,
      });
      // borg create's stats count the archive's metadata stream too; borg info's count the files only
      expect(archive!.stats.original_size).toBe(src.bytes);
      expect(reading.bytesProcessed).toBeGreaterThanOrEqual(src.bytes);
      expect(reading.bytesProcessed).toBeLessThan(src.bytes + 4096);
      expect(reading.bytesAdded).toBeGreaterThanOrEqual(200_000); // the random file does not compress
      const ours = reading.summary!.opsdesk as {
        archiveStart: string;
        archiveEnd: string;
        archiveId: string;
      };
      expect(ours.archiveId).toBe(archive!.id);
      // borg's zone-less local start, read in this zone, is within the run we measured (borg rounds to the second here)
      const start = Date.parse(ours.archiveStart);
      expect(start).toBeGreaterThanOrEqual(run.startedAt.getTime() - 1000);
      expect(start).toBeLessThanOrEqual(run.finishedAt.getTime());
    });

    test('borg: a missing source path is a warning (exit 1, partial); the wrong passphrase an error (exit 2)', async () => {
      const repo = borgRepo(dir);
      const src = sourceTree(path.join(dir, 'src'));
      const warned = await execute(
        ['borg', 'create', '--json', `${repo.repo}::a1`, src.dir, path.join(dir, 'gone')],
        { env: repo.env, io: quiet },
      );
      expect(warned.exitCode).toBe(1);
      expect(readerOf('borg').readBackup(warned)).toMatchObject({ result: 'partial', snapshotId: 'a1' });
      const failed = await execute(['borg', 'create', '--json', `${repo.repo}::a2`, src.dir], {
        env: { ...repo.env, BORG_PASSPHRASE: 'wrong' },
        io: quiet,
      });
      expect(failed.exitCode).toBe(2);
      const reading = readerOf('borg').readBackup(failed);
      expect(reading.result).toBe('failed');
      expect(reading.message).toMatch(/incorrect/);
    });

    test('any other command: 0 success, else failed, unless the flags name partial codes', async () => {
      const sh = (code: number) => execute(['sh', '-c', `echo oops >&2; exit ${code}`], { io: quiet });
      expect(readerOf('other').readBackup(await sh(0)).result).toBe('success');
      expect(readerOf('other').readBackup(await sh(24))).toMatchObject({
        result: 'failed',
        message: 'other exit 24\noops',
      });
      expect(readerOf('other', { success: [], partial: [24] }).readBackup(await sh(24)).result).toBe(
        'partial',
      );
      expect(readerOf('restic', { success: [], partial: [1] }).readBackup(await sh(1)).result).toBe(
        'partial',
      );
      const missing = await execute([path.join(dir, 'no-such-program')], { io: quiet });
      expect(missing.exitCode).toBe(127);
      expect(readerOf('other').readBackup(missing).message).toMatch(/could not start: .*ENOENT/);
    });
  },
);

describe("borg's zone-less times", () => {
  test('are read in the zone of the host, as borg wrote them (DST included)', () => {
    expect(localToUtcIso('2026-12-02T09:00:05.250000', 'Asia/Shanghai')).toBe('2026-12-02T01:00:05.250Z');
    expect(localToUtcIso('2026-07-01T09:00:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
    expect(localToUtcIso('2026-12-01T09:00:00', 'Europe/Berlin')).toBe('2026-12-01T08:00:00.000Z');
    expect(localToUtcIso('2026-03-29T03:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(localToUtcIso('2026-12-02T06:53:08.000000', 'UTC')).toBe('2026-12-02T06:53:08.000Z');
    expect(localToUtcIso('yesterday', 'UTC')).toBeUndefined();
  });
});
