import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { CalendarDay, Handover, Override, Person, Roster, Shift } from '../api/types';
import { weekOf } from '../utils/week';
import { HandoverList } from './HandoverList';
import { OverrideList } from './OverrideList';
import { RosterWeek } from './RosterWeek';

jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: jest.fn() }),
  isFetchError: () => false,
  config: { bootData: { user: { orgRole: 'Viewer' } }, appSubUrl: '' },
}));
jest.mock('react-router-dom', () => ({
  Link: ({ to, children }: { to: string; children: React.ReactNode }) => <a href={to}>{children}</a>,
}));

const TZ = 'Asia/Shanghai';
const person = (id: string, name: string): Person => ({
  id,
  name,
  email: null,
  wecomUserId: null,
  feishuOpenId: null,
  dingtalkMobile: null,
  language: 'zh-Hans',
  roles: [],
});
const zhang = person('zhang.san', 'Zhang San');
const li = person('li.si', 'Li Si');
const roster: Roster = {
  name: 'ops',
  calendar: 'cn-5x8',
  timezone: TZ,
  layers: [
    {
      name: 'primary',
      members: ['zhang.san', 'li.si'],
      cadence: 'daily',
      handoff: '09:00',
      start: '2026-10-01',
      days: 'any',
    },
    { name: 'backup', members: ['li.si'], cadence: 'weekly', handoff: '09:00', start: '2026-10-01', days: 'workday' },
  ],
};
const shift = (
  layer: string,
  p: Person | null,
  start: string,
  end: string,
  source: Shift['source'] = 'rotation'
): Shift => ({
  roster: 'ops',
  layer,
  person: p,
  start,
  end,
  source,
  overrideId: source === 'rotation' ? null : 'o1',
});

// the week after the National Day holiday, as a service calendar marks it: three more holidays,
// two workdays, a make-up workday (调休) on Saturday and a rest day on Sunday
const week = weekOf(Date.parse('2026-10-08T04:00:00Z'), TZ);
const days = new Map<string, CalendarDay>(
  (
    [
      ['2026-10-05', 'holiday', false, 'National Day'],
      ['2026-10-06', 'holiday', false, 'National Day'],
      ['2026-10-07', 'holiday', false, 'National Day'],
      ['2026-10-08', 'workday', false, null],
      ['2026-10-09', 'workday', false, null],
      ['2026-10-10', 'workday', true, 'National Day'],
      ['2026-10-11', 'rest_day', false, null],
    ] as const
  ).map(([date, kind, makeup, name]) => [date, { date, kind, makeup, name }])
);

test('the week grid: layers as rows, days as columns, each day marked as the service calendar counts it', () => {
  const shifts = [
    shift('primary', zhang, '2026-10-07T01:00:00Z', '2026-10-08T01:00:00Z'), // Wed 09:00 → Thu 09:00
    shift('primary', li, '2026-10-08T01:00:00Z', '2026-10-09T01:00:00Z', 'override'),
    shift('backup', null, '2026-10-04T16:00:00Z', '2026-10-08T01:00:00Z'), // holidays: nobody on a workdays-only layer
    shift('backup', li, '2026-10-08T01:00:00Z', '2026-10-11T01:00:00Z'),
  ];
  render(
    <RosterWeek roster={roster} week={week} shifts={shifts} days={days} now={Date.parse('2026-10-08T04:00:00Z')} />
  );
  const grid = screen.getByTestId('oncall-calendar');
  const heads = within(grid).getAllByRole('columnheader');
  expect(heads.map((h) => h.getAttribute('data-date'))).toEqual([null, ...week.map((d) => d.date)]);
  expect(heads[1]).toHaveTextContent('Holiday: National Day');
  expect(heads[4]).toHaveTextContent('Workday');
  expect(heads[6]).toHaveTextContent('Make-up workday');
  expect(heads[7]).toHaveTextContent('Rest day');

  const rows = within(grid).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.getAttribute('data-layer'))).toEqual(['primary', 'backup']);
  const cells = (row: HTMLElement) => within(row).getAllByRole('cell');
  // Wednesday: Zhang San from 09:00, through the night
  expect(cells(rows[0]!)[2]).toHaveTextContent('Zhang San09:00–24:00');
  // Thursday: Zhang San until 09:00, then Li Si covering by an override
  expect(cells(rows[0]!)[3]).toHaveTextContent('Zhang San00:00–09:00Li Si09:00–24:00override');
  // the backup layer works workdays only: nobody over the holidays, Li Si from Thursday through the 调休 Saturday
  expect(cells(rows[1]!)[0]).toHaveTextContent(/^nobody$/);
  expect(cells(rows[1]!)[5]).toHaveTextContent(/^Li Si$/);
  expect(cells(rows[1]!)[6]).toHaveTextContent('Li Si00:00–09:00');
  expect(cells(rows[1]!)[6]).not.toHaveTextContent('nobody');
});

const override: Override = {
  id: 'o1',
  roster: 'ops',
  layer: 'primary',
  person: 'li.si',
  start: '2026-10-08T01:00:00Z',
  end: '2026-10-09T01:00:00Z',
  reason: 'sick leave',
  swapId: null,
  createdBy: 'wang.wu',
  createdAt: '2026-10-07T10:00:00Z',
  removedAt: null,
  removedBy: null,
  timeline: [],
};
const handover: Handover = {
  id: 'h1',
  roster: 'ops',
  layer: 'primary',
  from: 'zhang.san',
  to: 'li.si',
  at: '2026-10-08T01:00:00Z',
  notes: 'Clearing batch still slow',
  openIncidents: [
    { id: 'i1', number: 'INC-2026-0042', title: 'Clearing batch late', severity: 'P2', status: 'acknowledged' },
  ],
  acknowledgedAt: null,
  acknowledgedBy: null,
  createdBy: 'zhang.san',
  timeline: [],
};
const people = new Map([zhang, li].map((p) => [p.id, p]));

test.each([
  [true, 1],
  [false, 0],
])('overrides and handovers: change buttons only for an Editor (%s)', (canEdit, buttons) => {
  const { unmount } = render(
    <OverrideList
      overrides={[override]}
      people={people}
      timeZone={TZ}
      canEdit={canEdit}
      busy={false}
      onDelete={jest.fn()}
    />
  );
  expect(screen.getByTestId('oncall-overrides')).toHaveTextContent('Li Si');
  expect(screen.getByTestId('oncall-overrides')).toHaveTextContent('sick leave');
  expect(screen.queryAllByRole('button', { name: /Delete the override of Li Si/ })).toHaveLength(buttons);
  unmount();
  render(
    <HandoverList
      handovers={[handover]}
      people={people}
      timeZone={TZ}
      canEdit={canEdit}
      busy={false}
      me="li.si"
      onAcknowledge={jest.fn()}
    />
  );
  const list = screen.getByTestId('oncall-handovers');
  expect(list).toHaveTextContent('Zhang San → Li Si');
  expect(list).toHaveTextContent('Open incidents at handover: 1');
  expect(within(list).getByRole('link', { name: 'INC-2026-0042' })).toHaveAttribute(
    'href',
    '/a/opsdesk-ops-app/incidents/INC-2026-0042'
  );
  expect(screen.queryAllByRole('button', { name: 'Acknowledge handover' })).toHaveLength(buttons);
});

test('an acknowledged handover names the person of the directory, not the token the actor came through', () => {
  render(
    <HandoverList
      handovers={[
        {
          ...handover,
          acknowledgedAt: '2026-10-08T01:05:00Z',
          acknowledgedBy: 'li.si via grafana-editor',
          timeline: [
            {
              at: '2026-10-08T01:05:00Z',
              kind: 'handover.acknowledged',
              actor: 'li.si via grafana-editor',
              data: { person: 'li.si' },
            },
          ],
        },
      ]}
      people={people}
      timeZone={TZ}
      canEdit
      busy={false}
      onAcknowledge={jest.fn()}
    />
  );
  expect(screen.getByText(/^acknowledged by Li Si, /)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Acknowledge handover' })).not.toBeInTheDocument();
});
