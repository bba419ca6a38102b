import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { BackupPolicy, RestoreRequest } from '../api/backups';
import type { Person } from '../api/types';
import { BackupPolicies } from './BackupPolicies';
import {
  backupSummary,
  formatBytes,
  formatDuration,
  restoreTestDue,
  rpoState,
  rtoShare,
  shortSnapshotId,
} from './backupsFormat';
import { RestoreRequests } from './RestoreRequests';
import { percentOf } from './RestoreTests';
import { personOfUser } from './RestoreRequestForm';

const NOW = Date.parse('2026-12-02T04:00:00Z');
const HOUR = 3600;
const iso = (ms: number) => new Date(ms).toISOString();

const policy = (over: Partial<BackupPolicy> = {}, status: Partial<BackupPolicy['status']> = {}): BackupPolicy => ({
  name: 'settlement-db',
  description: 'settlement PostgreSQL, nightly',
  target: 'db1:/var/lib/postgresql',
  tool: 'restic',
  schedule: 'daily 01:00',
  retention: '7 daily, 4 weekly',
  rpoSeconds: 24 * HOUR,
  rtoSeconds: 4 * HOUR,
  restoreTestIntervalSeconds: 30 * 24 * HOUR,
  calendar: null,
  owner: 'li.si',
  ...over,
  status: {
    lastRunAt: iso(NOW - 3 * HOUR * 1000),
    lastRunResult: 'success',
    lastSuccessAt: iso(NOW - 3 * HOUR * 1000),
    lastSnapshotId: '4f2d0c7e9b1a3d5f6e8c0a2b4d6f8e0a1c3e5a7b9d1f3e5a7c9e1b3d5f7a9c1e',
    rpoBreached: false,
    rpoDueAt: iso(NOW + 21 * HOUR * 1000),
    lastRestoreTest: { at: iso(NOW - 2 * 24 * HOUR * 1000), result: 'passed', durationSeconds: 1.2345, rtoMet: true },
    restoreTestOverdue: false,
    restoreTestDueAt: iso(NOW + 28 * 24 * HOUR * 1000),
    ...status,
  },
});

describe('formats', () => {
  test('a measured duration keeps two decimals under a minute; longer ones use the two largest units', () => {
    expect(formatDuration(1.2345)).toBe('1.23 s');
    expect(formatDuration(0.4)).toBe('0.4 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3 * HOUR + 125)).toBe('3 h 2 min');
    expect(formatDuration(null)).toBe('—');
  });

  test('bytes in IEC units, as restic and borg print them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(20.5 * 1024 * 1024)).toBe('20.5 MiB');
    expect(formatBytes(300 * 1024 ** 3)).toBe('300 GiB');
    expect(formatBytes(null)).toBe('—');
  });

  test('a restic snapshot id shows its first 8 hex digits; a borg archive name stays whole', () => {
    expect(shortSnapshotId('4f2d0c7e9b1a3d5f6e8c0a2b4d6f8e0a1c3e5a7b9d1f3e5a7c9e1b3d5f7a9c1e')).toBe('4f2d0c7e');
    expect(shortSnapshotId('db1-2026-12-02T01:00:00')).toBe('db1-2026-12-02T01:00:00');
    expect(shortSnapshotId(null)).toBe('—');
  });
});

describe('RPO and restore-test due times', () => {
  test('met: due in the time left; breached: since how long, from the server’s due time', () => {
    expect(rpoState(policy(), NOW)).toEqual({ kind: 'met', dueAt: NOW + 21 * HOUR * 1000, seconds: 21 * HOUR });
    const breached = policy({}, { rpoBreached: true, rpoDueAt: iso(NOW - 2 * HOUR * 1000) });
    expect(rpoState(breached, NOW)).toEqual({ kind: 'breached', dueAt: NOW - 2 * HOUR * 1000, seconds: 2 * HOUR });
    // the server's breached wins even where the page's clock would still say met (a calendar RPO)
    const early = policy({}, { rpoBreached: true, rpoDueAt: iso(NOW + 1000) });
    expect(rpoState(early, NOW).kind).toBe('breached');
  });

  test('never backed up: no due time at all', () => {
    expect(
      rpoState(policy({}, { lastSuccessAt: null, rpoDueAt: null, rpoBreached: true, lastRunResult: null }), NOW)
    ).toEqual({ kind: 'never' });
  });

  test('restore test: due from the server’s time, overdue when the server says so or the time passed', () => {
    expect(restoreTestDue(policy(), NOW)).toEqual({
      kind: 'due',
      dueAt: NOW + 28 * 24 * HOUR * 1000,
      seconds: 28 * 24 * HOUR,
    });
    const overdue = policy({}, { restoreTestOverdue: true, restoreTestDueAt: iso(NOW - 5 * HOUR * 1000) });
    expect(restoreTestDue(overdue, NOW)).toMatchObject({ kind: 'overdue', seconds: 5 * HOUR });
    expect(restoreTestDue(policy({}, { lastRestoreTest: null, restoreTestDueAt: null }), NOW)).toEqual({
      kind: 'never',
    });
    // without the server's due time: the last test plus the interval
    const old = policy(
      {},
      {
        restoreTestDueAt: null,
        lastRestoreTest: { at: iso(NOW - 31 * 24 * HOUR * 1000), result: 'passed', durationSeconds: 3, rtoMet: true },
      }
    );
    expect(restoreTestDue(old, NOW)).toMatchObject({ kind: 'overdue', seconds: 24 * HOUR });
  });

  test('the share of the RTO a restore took', () => {
    expect(rtoShare(2 * HOUR, 4 * HOUR)).toBe(0.5);
    expect(rtoShare(5, 0)).toBe(Infinity);
  });

  test('the summary counts breaches, failures, overdue or missing tests and slow restores', () => {
    expect(
      backupSummary([
        policy(),
        policy({ name: 'b' }, { rpoBreached: true, lastRunResult: 'failed' }),
        policy({ name: 'c' }, { lastRestoreTest: null, restoreTestOverdue: true }),
        policy(
          { name: 'd' },
          { lastRestoreTest: { at: iso(NOW), result: 'passed', durationSeconds: 5 * HOUR, rtoMet: false } }
        ),
      ])
    ).toEqual({ policies: 4, rpoBreached: 1, lastRunFailed: 1, restoreTestOverdue: 1, slowerThanRto: 1 });
  });
});

const people = new Map<string, Person>([
  ['li.si', { id: 'li.si', name: '李四', email: 'li.si@example.com' } as Person],
  ['wang.wu', { id: 'wang.wu', name: '王五', email: 'wang.wu@example.com' } as Person],
]);

test('the policy table: RPO met and due, RPO breached since, restore test against the RTO, overdue', () => {
  render(
    <BackupPolicies
      now={NOW}
      people={people}
      onHistory={jest.fn()}
      policies={[
        policy(),
        policy(
          { name: 'files', tool: 'borg', owner: 'wang.wu' },
          {
            rpoBreached: true,
            rpoDueAt: iso(NOW - 2 * HOUR * 1000),
            lastRunResult: 'failed',
            lastSnapshotId: 'files-2026-12-01T01:00:00',
            lastRestoreTest: {
              at: iso(NOW - 40 * 24 * HOUR * 1000),
              result: 'passed',
              durationSeconds: 5 * HOUR,
              rtoMet: false,
            },
            restoreTestOverdue: true,
            restoreTestDueAt: iso(NOW - 10 * 24 * HOUR * 1000),
          }
        ),
      ]}
    />
  );
  const table = screen.getByTestId('backup-policies');
  const db = table.querySelector('tr[data-policy="settlement-db"]')!;
  expect(db).toHaveTextContent('RPO met');
  expect(db).toHaveTextContent('next backup due in 21 h');
  expect(db).toHaveTextContent('4f2d0c7e');
  expect(db).toHaveTextContent('1.23 s measured, within the RTO of 4 h');
  expect(db).toHaveTextContent('owner 李四');
  const files = table.querySelector('tr[data-policy="files"]')!;
  expect(files).toHaveTextContent('RPO breached');
  expect(files).toHaveTextContent('since 2 h ago');
  expect(files).toHaveTextContent('Failed');
  expect(files).toHaveTextContent('files-2026-12-01T01:00:00');
  expect(files).toHaveTextContent('5 h measured, slower than the RTO of 4 h');
  expect(files).toHaveTextContent('restore test overdue by 10 d');
  expect(files).toHaveTextContent('owner 王五');
});

const request = (over: Partial<RestoreRequest>): RestoreRequest => ({
  id: 'r1',
  incidentId: 'i1',
  incidentNumber: 'INC-2026-0042',
  what: 'settlement.trades of 2026-12-01',
  policy: 'settlement-db',
  snapshotId: null,
  requestedBy: 'li.si',
  state: 'requested',
  attempts: [],
  durationSeconds: 0,
  verification: null,
  cancelReason: null,
  allowedActions: ['start', 'cancel'],
  createdAt: iso(NOW - HOUR * 1000),
  createdBy: 'li.si via grafana',
  updatedAt: iso(NOW - HOUR * 1000),
  ...over,
});

test.each([
  [true, 3],
  [false, 0],
])('restore requests: the server’s next steps as buttons for an Editor only (%s)', (canEdit, buttons) => {
  render(
    <MemoryRouter>
      <RestoreRequests
        people={people}
        canEdit={canEdit}
        showIncident
        onChanged={jest.fn()}
        requests={[
          request({}),
          request({
            id: 'r2',
            state: 'restored',
            attempts: [
              {
                startedAt: iso(NOW - 1800_000),
                finishedAt: iso(NOW - 1800_000 + 754_000),
                result: 'restored',
                note: null,
              },
            ],
            durationSeconds: 754,
            allowedActions: ['verify'],
          }),
        ]}
      />
    </MemoryRouter>
  );
  const table = screen.getByTestId('restore-requests');
  expect(within(table).queryAllByRole('button')).toHaveLength(buttons);
  const r2 = table.querySelector('tr[data-restore-request="r2"]')!;
  expect(r2).toHaveTextContent('Restored, to verify');
  expect(r2).toHaveTextContent('12 min 34 s');
  expect(within(table).getAllByRole('link', { name: 'INC-2026-0042' })).toHaveLength(2);
  if (canEdit) {
    expect(within(r2 as HTMLElement).getByRole('button', { name: 'Data verified' })).toBeInTheDocument();
  }
});

test('the requester defaults to the person the Grafana user is, by login or email', () => {
  const list = [...people.values()];
  expect(personOfUser(list, { login: 'li.si' })).toBe('li.si');
  expect(personOfUser(list, { login: 'ww', email: 'Wang.Wu@example.com' })).toBe('wang.wu');
  expect(personOfUser(list, { login: 'admin', email: 'admin@example.com' })).toBe('');
  expect(personOfUser(list, undefined)).toBe('');
});

test('the share of the RTO in percent: a sliver of it is not written as 0', () => {
  expect(percentOf(0.5)).toBe('50');
  expect(percentOf(0.1234)).toBe('12.3');
  expect(percentOf(0.00005)).toBe('< 0.1');
  expect(percentOf(0)).toBe('0');
  expect(percentOf(Infinity)).toBe('—');
});
