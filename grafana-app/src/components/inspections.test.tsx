import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { of, throwError } from 'rxjs';
import { ApiError } from '../api/client';
import { reportHref, type InspectionReport, type InspectionRunDetail, type RunItem } from '../api/inspections';
import { abnormalCount, formatValue, itemStatusLabel, summaryText } from './InspectionBadges';
import { InspectionItemForm } from './InspectionForms';
import { groupByLayer, InspectionItems, seriesColumns } from './InspectionItems';
import { InspectionRuns } from './InspectionLists';
import { InspectionReportView } from './InspectionReportView';
import { InspectionSignoff, signoffActions } from './InspectionSignoff';
import { eventDetail, InspectionTimeline } from './InspectionTimeline';
import { InspectionVerify } from './InspectionVerify';

const fetchMock = jest.fn();
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: fetchMock }),
  isFetchError: (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && 'data' in e,
  config: { appSubUrl: '/grafana', bootData: { user: { orgRole: 'Editor' } } },
}));

beforeEach(() => fetchMock.mockReset());

const summary = {
  normal: 3,
  warning: 1,
  critical: 1,
  error: 0,
  manualAbnormal: 0,
  notApplicable: 0,
  pending: 1,
  total: 6,
};

const item = (over: Partial<RunItem>): RunItem => ({
  description: null,
  guidance: null,
  evidenceRequired: false,
  query: null,
  truncated: 0,
  error: null,
  note: null,
  completedBy: null,
  completedAt: null,
  followUp: null,
  key: 'cpu-busy',
  layer: 'infrastructure',
  kind: 'metric',
  title: '主机CPU使用率',
  status: 'normal',
  value: 0.42,
  unit: 'ratio',
  thresholds: { comparison: '>', warning: 0.7, critical: 0.9 },
  series: [],
  labelAliases: { instance: '主机' },
  evidence: [],
  ...over,
});

const items: RunItem[] = [
  item({
    key: 'logs',
    layer: 'application',
    kind: 'manual',
    title: '检查撮合引擎错误日志',
    status: 'pending',
    value: null,
    unit: null,
    thresholds: null,
    labelAliases: {},
  }),
  item({
    key: 'disk',
    title: '磁盘使用率',
    status: 'critical',
    value: 0.95,
    series: [
      { labels: { instance: 'db1:9100', mountpoint: '/data' }, value: 0.95 },
      { labels: { instance: 'app1:9100', mountpoint: '/' }, value: 0.75 },
    ],
    truncated: 4,
  }),
  item({}),
  item({
    key: 'ntp',
    layer: 'network',
    kind: 'configuration',
    title: '时钟同步',
    status: 'error',
    error: 'bad_data: parse error at char 5',
    value: null,
  }),
];

const run = (over: Partial<InspectionRunDetail> = {}): InspectionRunDetail => ({
  id: 'r1',
  number: 'INS-7',
  template: { key: 'daily-trading', title: '交易日日常巡检', version: 2 },
  trigger: 'manual',
  state: 'open',
  subject: null,
  evaluatedAt: '2026-12-02T00:30:00Z',
  inspector: null,
  inspectorSignedAt: null,
  reviewer: null,
  reviewerSignedAt: null,
  completedAt: null,
  scheduleId: null,
  scheduledFor: null,
  createdBy: 'li.si',
  allowedActions: ['record', 'sign-inspector', 'cancel', 'follow-up'],
  summary,
  items,
  events: [],
  ...over,
});

describe('formats', () => {
  test('values in their unit; a ratio as a percentage', () => {
    expect(formatValue(0.953, 'ratio')).toBe('95.3%');
    expect(formatValue(0.042, 'ratio')).toBe('4.20%');
    expect(formatValue(12, 'percent')).toBe('12.0%');
    expect(formatValue(3 * 1024 ** 3, 'bytes')).toBe('3.00 GiB');
    expect(formatValue(512, 'bytes')).toBe('512 B');
    expect(formatValue(2.6, 'count')).toBe('3');
    expect(formatValue(null, 'ratio')).toBe('—');
    expect(formatValue(NaN, 'seconds')).toBe('—');
  });

  test("a run's counts in one line, without the zero ones but normal; abnormal = warning + critical + error + manual abnormal", () => {
    expect(summaryText(summary)).toBe('3 normal · 1 warning · 1 critical · 1 to fill in');
    expect(abnormalCount({ ...summary, error: 2, manualAbnormal: 1 })).toBe(5);
    expect(itemStatusLabel('not_applicable')).toBe('not applicable');
  });

  test('items go by layer in the fixed layer order, whatever order they come in', () => {
    const groups = groupByLayer(items);
    expect(groups.map((g) => g.layer)).toEqual(['infrastructure', 'network', 'application']);
    expect(groups[0].items.map((i) => i.key)).toEqual(['disk', 'cpu-busy']);
  });

  test('series columns: the aliased labels in the template order; without aliases every label but __name__', () => {
    const series = [{ labels: { __name__: 'up', job: 'node', instance: 'a' }, value: 0 }];
    expect(seriesColumns(series, { instance: '主机' })).toEqual([['instance', '主机']]);
    expect(seriesColumns(series, {})).toEqual([
      ['instance', 'instance'],
      ['job', 'job'],
    ]);
  });

  test('a timeline detail reads as key: value pairs; empty values are left out', () => {
    expect(eventDetail({ item: 'logs', result: 'abnormal', note: '' })).toBe('item: logs · result: abnormal');
    expect(eventDetail(null)).toBe('');
    expect(eventDetail({ trigger: 'manual', summary })).toBe(
      'trigger: manual · 3 normal · 1 warning · 1 critical · 1 to fill in'
    );
  });

  test('report downloads go through the proxy with the sub-path and the language', () => {
    expect(reportHref('INS-7', 'pdf', 'zh-Hans')).toBe(
      '/grafana/api/plugin-proxy/opsdesk-ops-app/api/v1/inspections/runs/INS-7/report.pdf?lang=zh-Hans'
    );
  });
});

describe('InspectionItems', () => {
  const renderItems = (canFill: boolean, canFollowUp: boolean) => {
    const onFill = jest.fn();
    const onFollowUp = jest.fn();
    render(
      <InspectionItems
        items={items}
        canFill={canFill}
        canFollowUp={canFollowUp}
        onFill={onFill}
        onFollowUp={onFollowUp}
        followUpHref={(ref) => `/incidents/${ref}`}
      />
    );
    return { onFill, onFollowUp };
  };

  test('status badges, values with thresholds, the failing series under their aliases, the query error', () => {
    renderItems(false, false);
    const disk = screen.getAllByTestId('inspection-item').find((e) => e.dataset.key === 'disk')!;
    expect(within(disk).getByTestId('inspection-item-status')).toHaveAttribute('data-status', 'critical');
    expect(disk).toHaveTextContent('95.0%');
    expect(disk).toHaveTextContent('warning > 70.0%, critical > 90.0%');
    const table = within(disk).getByTestId('inspection-series');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent)
    ).toEqual(['主机', 'Value']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('db1:9100');
    expect(table).not.toHaveTextContent('/data');
    expect(disk).toHaveTextContent('4 more failing series are not shown');
    const ntp = screen.getAllByTestId('inspection-item').find((e) => e.dataset.key === 'ntp')!;
    expect(ntp).toHaveTextContent('bad_data: parse error at char 5');
    expect(screen.getAllByTestId('inspection-layer').map((l) => l.dataset.layer)).toEqual([
      'infrastructure',
      'network',
      'application',
    ]);
  });

  test('a Viewer gets no buttons', () => {
    renderItems(false, false);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  test('an Editor fills the pending manual item and opens an incident from an abnormal one only', async () => {
    const { onFill, onFollowUp } = renderItems(true, true);
    await userEvent.click(screen.getByRole('button', { name: 'Fill in' }));
    expect(onFill).toHaveBeenCalledWith(expect.objectContaining({ key: 'logs' }));
    const buttons = screen.getAllByRole('button', { name: 'Open an incident' });
    // the critical disk and the error clock check, not the normal CPU nor the pending manual item
    expect(buttons).toHaveLength(2);
    await userEvent.click(buttons[0]);
    expect(onFollowUp).toHaveBeenCalledWith(expect.objectContaining({ key: 'disk' }));
  });
});

describe('sign-off', () => {
  test('the signatures offered are the ones the server allows now; completing is offered until the run is done', () => {
    expect(signoffActions(run())).toEqual({ signInspector: true, signReviewer: false, complete: true });
    expect(signoffActions(run({ state: 'signed', allowedActions: ['sign-reviewer', 'cancel', 'follow-up'] }))).toEqual({
      signInspector: false,
      signReviewer: true,
      complete: true,
    });
    expect(signoffActions(run({ state: 'completed', allowedActions: ['follow-up'] }))).toEqual({
      signInspector: false,
      signReviewer: false,
      complete: false,
    });
  });

  test("the gate's refusal shows the server's list of what is missing", async () => {
    const onSign = jest.fn();
    const onComplete = jest.fn();
    const gate = new ApiError(
      'conflict',
      409,
      'the run cannot be completed: manual item logs is empty; the inspector has not signed; the reviewer has not signed',
      'gate_unmet'
    );
    render(
      <InspectionSignoff
        run={run({ inspector: 'li.si' })}
        canEdit
        busy={false}
        error={gate}
        onSign={onSign}
        onComplete={onComplete}
      />
    );
    expect(screen.getByTestId('inspection-inspector')).toHaveTextContent('li.si, not signed yet');
    expect(screen.getByTestId('inspection-gate')).toHaveTextContent('manual item logs is empty');
    await userEvent.click(screen.getByRole('button', { name: 'Sign as inspector' }));
    expect(onSign).toHaveBeenCalledWith('inspector');
    await userEvent.click(screen.getByRole('button', { name: 'Complete the run' }));
    expect(onComplete).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Sign as reviewer' })).not.toBeInTheDocument();
  });

  test('a Viewer sees the signatures and no buttons', () => {
    render(
      <InspectionSignoff
        run={run({
          state: 'signed',
          inspector: 'li.si',
          inspectorSignedAt: '2026-12-02T01:00:00Z',
          allowedActions: ['sign-reviewer'],
        })}
        canEdit={false}
        busy={false}
        error={undefined}
        onSign={jest.fn()}
        onComplete={jest.fn()}
      />
    );
    expect(screen.getByTestId('inspection-inspector')).toHaveTextContent(/li\.si, signed .*2026/);
    expect(screen.getByTestId('inspection-reviewer')).toHaveTextContent('not signed yet');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('the manual item form', () => {
  const manual = items[0];

  test('posts the result, the note and the evidence link to the item of the run', async () => {
    fetchMock.mockReturnValue(of({ data: run() }));
    const onSaved = jest.fn();
    render(<InspectionItemForm run="INS-7" item={manual} onClose={jest.fn()} onSaved={onSaved} />);
    const save = screen.getByRole('button', { name: 'Save the result' });
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByLabelText('abnormal'));
    await userEvent.type(screen.getByLabelText('Note'), '撮合引擎 03:12 有 2 条超时');
    await userEvent.type(screen.getByLabelText('Evidence link'), 'https://wiki.example.com/log-1');
    await userEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toMatchObject({
      method: 'POST',
      url: '/api/plugin-proxy/opsdesk-ops-app/api/v1/inspections/runs/INS-7/items/logs',
      data: {
        result: 'abnormal',
        note: '撮合引擎 03:12 有 2 条超时',
        evidence: [{ name: 'https://wiki.example.com/log-1', url: 'https://wiki.example.com/log-1' }],
      },
    });
  });

  test("the server's refusal stays in the form, which stays open", async () => {
    fetchMock.mockReturnValue(
      throwError(() => ({
        status: 422,
        data: { error: { code: 'validation', message: 'evidence: this item needs evidence (a link or a file)' } },
      }))
    );
    const onSaved = jest.fn();
    render(
      <InspectionItemForm
        run="INS-7"
        item={{ ...manual, evidenceRequired: true }}
        onClose={jest.fn()}
        onSaved={onSaved}
      />
    );
    await userEvent.click(screen.getByLabelText('normal'));
    await userEvent.click(screen.getByRole('button', { name: 'Save the result' }));
    expect(await screen.findByText(/this item needs evidence \(a link or a file\)/)).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });
});

test('the runs list links each run and shows its state and counts', () => {
  render(
    <MemoryRouter>
      <InspectionRuns runs={[run({ state: 'completed', inspector: 'li.si', reviewer: 'wang.wu' })]} />
    </MemoryRouter>
  );
  const row = screen.getByTestId('inspection-run-row');
  expect(within(row).getByRole('link', { name: 'INS-7' })).toHaveAttribute(
    'href',
    '/a/opsdesk-ops-app/inspections/runs/INS-7'
  );
  expect(within(row).getByTestId('inspection-run-state')).toHaveAttribute('data-state', 'completed');
  expect(row).toHaveTextContent('li.si / wang.wu');
  expect(row).toHaveTextContent('3 normal · 1 warning');
});

test('the timeline lists who did what', () => {
  render(
    <InspectionTimeline
      events={[
        { at: '2026-12-02T00:30:00Z', actor: 'scheduler', kind: 'started', detail: {} },
        { at: '2026-12-02T01:00:00Z', actor: 'li.si', kind: 'signed', detail: { role: 'inspector' } },
      ]}
    />
  );
  const rows = within(screen.getByTestId('inspection-timeline')).getAllByRole('listitem');
  expect(rows[1]).toHaveTextContent('li.si');
  expect(rows[1]).toHaveTextContent('role: inspector');
});

test('the report view: header, summary, layers with their series, follow-ups', () => {
  const report: InspectionReport = {
    run: {
      number: 'INS-7',
      state: 'completed',
      trigger: 'schedule',
      templateKey: 'daily-trading',
      templateTitle: '交易日日常巡检',
      templateVersion: 2,
      client: '某证券交易所',
      system: '交易系统',
      evaluatedAt: '2026-12-02T00:30:00Z',
      completedAt: '2026-12-02T02:00:00Z',
      inspector: 'li.si',
      inspectorSignedAt: '2026-12-02T01:00:00Z',
      reviewer: 'wang.wu',
      reviewerSignedAt: '2026-12-02T02:00:00Z',
    },
    summary: { ...summary, pending: 0, manualAbnormal: 1, normal: 2 },
    layers: [
      {
        layer: 'infrastructure',
        items: [
          {
            key: 'disk',
            title: '磁盘使用率',
            kind: 'metric',
            status: 'critical',
            value: 0.95,
            unit: 'ratio',
            series: [{ labels: { instance: 'db1:9100' }, value: 0.95 }],
            labelAliases: { instance: '主机' },
            evidence: [],
            followUp: { kind: 'incident', ref: 'INC-2026-0042' },
          },
        ],
      },
    ],
    followUps: [{ kind: 'incident', ref: 'INC-2026-0042', item: '磁盘使用率' }],
    locale: 'zh-Hans',
    generatedAt: '2026-12-02T02:00:01Z',
  };
  render(<InspectionReportView report={report} />);
  expect(screen.getByTestId('inspection-report-header')).toHaveTextContent('某证券交易所');
  expect(screen.getByTestId('inspection-report-header')).toHaveTextContent('wang.wu');
  expect(screen.getByTestId('inspection-report-state')).toHaveTextContent('completed');
  expect(screen.getByTestId('inspection-report-summary')).toHaveTextContent('1abnormal');
  const disk = screen.getByTestId('inspection-report-item');
  expect(disk).toHaveTextContent('95.0%');
  expect(within(disk).getByTestId('inspection-series')).toHaveTextContent('主机');
  expect(screen.getByTestId('inspection-report-follow-ups')).toHaveTextContent('INC-2026-0042 · 磁盘使用率');
});

describe("the incident page's verification runs", () => {
  const renderVerify = (canEdit: boolean) =>
    render(
      <MemoryRouter>
        <InspectionVerify incident="INC-2026-0042" canEdit={canEdit} onStarted={jest.fn()} />
      </MemoryRouter>
    );

  test('listed with their state for everyone, asked for by the incident', async () => {
    fetchMock.mockReturnValue(
      of({ data: { runs: [run({ trigger: 'verification', state: 'completed' })], nextCursor: null } })
    );
    renderVerify(false);
    const table = await screen.findByTestId('inspection-verify-runs');
    expect(within(table).getByRole('link', { name: 'INS-7' })).toBeInTheDocument();
    expect(within(table).getByTestId('inspection-run-state')).toHaveAttribute('data-state', 'completed');
    expect(fetchMock.mock.calls[0][0]).toMatchObject({
      url: '/api/plugin-proxy/opsdesk-ops-app/api/v1/inspections/runs',
      params: { incident: 'INC-2026-0042' },
    });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  test('a Viewer sees nothing when there is none; an Editor gets the verify action', async () => {
    fetchMock.mockReturnValue(of({ data: { runs: [], nextCursor: null } }));
    const { container, unmount } = renderVerify(false);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
    unmount();
    renderVerify(true);
    expect(await screen.findByRole('button', { name: 'Verify with an inspection' })).toBeInTheDocument();
  });
});
