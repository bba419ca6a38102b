import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandResult } from '@opsdesk/runtime';
import { silentLogger } from '@opsdesk/testing';
import { collectOnce, sampleOf, seriesOf } from '@opsdesk/exporter-core';
import { apt } from '../patch-managers/apt';
import { detectPatchManager, patchesCollector } from './patches';
import { parseListUnits, systemdCollector } from './systemd';
import { parseChronyTracking, parseTimesyncStatus, timesyncCollector } from './timesync';

const aptOutput = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'patches', 'apt-dist-upgrade-debian12.txt'),
  'utf8',
);
const ok = (stdout: string, code = 0): CommandResult => ({ stdout, stderr: '', code });

// Background checks run on timers (their interval and their timeout): on jest's fake clock the
// tests move time on exactly, instead of sleeping and hoping a run has finished.
const T0 = Date.parse('2026-12-01T09:00:00Z');
beforeEach(() => jest.useFakeTimers({ now: T0 }));
afterEach(() => jest.useRealTimers());
/** Lets a started check's (immediately answering) commands finish, without moving the clock. */
const settle = () => jest.advanceTimersByTimeAsync(0);

describe('patches', () => {
  test('reports pending, security, held, reboot and check status from apt', async () => {
    const calls: string[] = [];
    const collector = patchesCollector(
      { interval: 1_800_000, check_timeout: 60_000, manager: 'apt' },
      silentLogger,
      {
        manager: apt,
        run: async (file, args) => {
          calls.push(`${file} ${args.join(' ')}`);
          return file === 'apt-mark' ? ok('linux-image-amd64\npostgresql-15\n') : ok(aptOutput);
        },
        fileMtime: async (f) =>
          f === '/run/reboot-required' || f === '/var/lib/apt/lists' ? 1_700_000_000 : undefined,
      },
    );
    collector.start?.();
    await settle();
    const sink = await collectOnce(collector);
    collector.stop?.();
    expect(calls[0]).toBe('apt-get --just-print -o Debug::NoLocking=true dist-upgrade');
    expect(sampleOf(sink, 'opsdesk_host_patches_security_upgrades_pending')).toBe(66);
    expect(seriesOf(sink, 'opsdesk_host_patches_upgrades_pending').reduce((a, s) => a + s.value, 0)).toBe(
      113,
    );
    expect(sampleOf(sink, 'opsdesk_host_patches_held_packages')).toBe(2);
    expect(sampleOf(sink, 'opsdesk_host_reboot_required')).toBe(1);
    expect(sampleOf(sink, 'opsdesk_host_patches_metadata_timestamp_seconds')).toBe(1_700_000_000);
    expect(sampleOf(sink, 'opsdesk_host_patches_check_failed')).toBe(0);
    expect(sampleOf(sink, 'opsdesk_host_patches_package_manager_info', { manager: 'apt' })).toBe(1);
    expect(sink.families.get('opsdesk_host_patches_check_failed')?.help).toContain('every 30m');
  });

  test('the check runs again every interval; a failed one keeps the last good values and flips the failure gauge', async () => {
    let fail = false;
    let runs = 0;
    const collector = patchesCollector(
      { interval: 1_800_000, check_timeout: 60_000, manager: 'apt' },
      silentLogger,
      {
        manager: apt,
        run: async (file) => {
          if (file === 'apt-get') runs++;
          if (fail)
            return {
              stdout: '',
              stderr: 'E: Could not open lock file /var/lib/dpkg/lock-frontend',
              code: 100,
            };
          return file === 'apt-mark' ? ok('') : ok(aptOutput);
        },
        fileMtime: async () => undefined,
      },
    );
    collector.start?.();
    await settle();
    const before = await collectOnce(collector);
    expect(runs).toBe(1);
    fail = true;
    await jest.advanceTimersByTimeAsync(1_800_000 - 1);
    expect(runs).toBe(1); // not before its interval
    expect(sampleOf(await collectOnce(collector), 'opsdesk_host_patches_check_failed')).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    const after = await collectOnce(collector);
    collector.stop?.();
    expect(sampleOf(before, 'opsdesk_host_patches_check_failed')).toBe(0);
    expect(sampleOf(after, 'opsdesk_host_patches_check_failed')).toBe(1);
    expect(sampleOf(after, 'opsdesk_host_patches_security_upgrades_pending')).toBe(66);
    expect(sampleOf(before, 'opsdesk_host_patches_last_success_timestamp_seconds')).toBe(T0 / 1000);
    expect(sampleOf(after, 'opsdesk_host_patches_last_success_timestamp_seconds')).toBe(T0 / 1000);
  });

  test('a check that hangs fails at its timeout, and the next run recovers', async () => {
    let hang = true;
    const collector = patchesCollector(
      { interval: 1_800_000, check_timeout: 60_000, manager: 'apt' },
      silentLogger,
      {
        manager: apt,
        run: (file) => {
          if (hang) return new Promise<CommandResult>(() => {}); // a package manager waiting on a lock
          return Promise.resolve(file === 'apt-mark' ? ok('') : ok(aptOutput));
        },
        fileMtime: async () => undefined,
      },
    );
    collector.start?.();
    await jest.advanceTimersByTimeAsync(60_000 - 1);
    const waiting = await collectOnce(collector);
    expect(sampleOf(waiting, 'opsdesk_host_patches_check_failed')).toBe(0); // still running, no result yet
    expect(waiting.families.has('opsdesk_host_patches_security_upgrades_pending')).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const timedOut = await collectOnce(collector);
    expect(sampleOf(timedOut, 'opsdesk_host_patches_check_failed')).toBe(1);
    expect(sampleOf(timedOut, 'opsdesk_host_patches_check_duration_seconds')).toBe(60);
    hang = false;
    await jest.advanceTimersByTimeAsync(1_800_000);
    const recovered = await collectOnce(collector);
    collector.stop?.();
    expect(sampleOf(recovered, 'opsdesk_host_patches_check_failed')).toBe(0);
    expect(sampleOf(recovered, 'opsdesk_host_patches_security_upgrades_pending')).toBe(66);
    expect(sampleOf(recovered, 'opsdesk_host_patches_last_success_timestamp_seconds')).toBe(
      (T0 + 60_000 + 1_800_000) / 1000,
    );
  });

  test('with no package manager the series are absent', async () => {
    expect(detectPatchManager('auto', () => undefined)).toBeUndefined();
    expect(detectPatchManager('none')).toBeUndefined();
    expect(detectPatchManager('auto', (p) => (p === 'dnf' ? '/usr/bin/dnf' : undefined))?.name).toBe('dnf');
    const collector = patchesCollector(
      { interval: 60_000, check_timeout: 60_000, manager: 'auto' },
      silentLogger,
      { manager: undefined },
    );
    collector.start?.();
    const sink = await collectOnce(collector);
    expect(sink.families.size).toBe(0);
  });
});

describe('systemd', () => {
  const listing = [
    '● nginx.service        loaded failed   failed  A high performance web server',
    'sshd.service           loaded active   running OpenBSD Secure Shell server',
    'trading-gw.service     loaded inactive dead    Trading gateway',
    '● backup.timer         loaded failed   failed  Nightly backup',
    'dev-vda.device         loaded active   plugged /dev/vda',
  ].join('\n');

  test('parses list-units, counting failed units', () => {
    const s = parseListUnits(listing);
    expect(s.failed).toEqual(['nginx.service', 'backup.timer']);
    expect(s.active.get('sshd.service')).toBe('active');
  });

  test('exports failed units and the configured units’ state', async () => {
    const collector = systemdCollector(
      { interval: 60_000, units: ['sshd.service', 'trading-gw.service', 'missing.service'] },
      silentLogger,
      {
        booted: true,
        run: async () => ok(listing),
      },
    );
    collector.start?.();
    await settle();
    const sink = await collectOnce(collector);
    collector.stop?.();
    expect(sampleOf(sink, 'opsdesk_host_systemd_failed_units')).toBe(2);
    expect(sampleOf(sink, 'opsdesk_host_systemd_unit_active', { unit: 'sshd.service' })).toBe(1);
    expect(sampleOf(sink, 'opsdesk_host_systemd_unit_active', { unit: 'trading-gw.service' })).toBe(0);
    expect(sampleOf(sink, 'opsdesk_host_systemd_unit_active', { unit: 'missing.service' })).toBe(0);
  });

  test('a host without systemd has no systemd series', async () => {
    const collector = systemdCollector({ interval: 60_000, units: [] }, silentLogger, { booted: false });
    collector.start?.();
    expect((await collectOnce(collector)).families.size).toBe(0);
  });
});

describe('timesync', () => {
  test('chrony: offset and sync state from chronyc -c tracking', () => {
    const line =
      'A9FEA97B,169.254.169.123,4,1732600000.123456789,0.000012345,-0.000001234,0.000020000,-2.345,0.001,0.012,0.000345,0.000123,1024.5,Normal\n';
    expect(parseChronyTracking(line)).toEqual({
      source: 'chrony',
      synchronized: true,
      offsetSeconds: 0.000012345,
    });
    const unsynced =
      '00000000,,0,0.000000000,0.000000000,0.000000000,0.000000000,0.000,0.000,0.000,1.000000000,1.000000000,0.0,Not synchronised\n';
    expect(parseChronyTracking(unsynced).synchronized).toBe(false);
    expect(() => parseChronyTracking('506 Cannot talk to daemon\n')).toThrow(/expected 14 CSV fields/);
  });

  test('timesyncd: offset with its unit from timedatectl timesync-status', () => {
    const text =
      '       Server: 10.0.0.1 (ntp.example.com)\nPoll interval: 34min 8s (min: 32s; max 34min 8s)\n         Leap: normal\n       Offset: -1.234ms\n        Delay: 2.5ms\n';
    expect(parseTimesyncStatus(text, true)).toEqual({
      source: 'timesyncd',
      synchronized: true,
      offsetSeconds: -0.001234,
    });
  });

  test('without a time daemon only the host clock is exported', async () => {
    const collector = timesyncCollector({ interval: 60_000 }, silentLogger, { source: undefined });
    collector.start?.();
    const sink = await collectOnce(collector);
    expect(sampleOf(sink, 'opsdesk_host_time_seconds')).toBe(T0 / 1000);
    expect(sink.families.has('opsdesk_host_time_offset_seconds')).toBe(false);
  });

  test('with chrony the offset series appear', async () => {
    const collector = timesyncCollector({ interval: 60_000 }, silentLogger, {
      source: 'chrony',
      run: async () => ok('A9FEA97B,ntp,3,1732600000.1,-0.25,0,0,0,0,0,0,0,64,Normal\n'),
    });
    collector.start?.();
    await settle();
    const sink = await collectOnce(collector);
    collector.stop?.();
    expect(sampleOf(sink, 'opsdesk_host_time_offset_seconds', { source: 'chrony' })).toBe(-0.25);
    expect(sampleOf(sink, 'opsdesk_host_time_sync_synchronized', { source: 'chrony' })).toBe(1);
  });
});
