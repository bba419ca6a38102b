import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { of, throwError } from 'rxjs';
import type { InspectionRunDetail, RunItem } from '../api/inspections';
import InspectionRunPage from './InspectionRun';

const fetchMock = jest.fn();
const bootData = { user: { orgRole: 'Viewer' } };
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: fetchMock }),
  isFetchError: (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && 'data' in e,
  config: {
    appSubUrl: '',
    get bootData() {
      return bootData;
    },
  },
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

const blank: Omit<RunItem, 'key' | 'layer' | 'kind' | 'title' | 'status'> = {
  description: null,
  guidance: null,
  evidenceRequired: false,
  query: null,
  thresholds: null,
  unit: null,
  labelAliases: {},
  value: null,
  series: [],
  truncated: 0,
  error: null,
  note: null,
  evidence: [],
  completedBy: null,
  completedAt: null,
  followUp: null,
};

const detail = (over: Partial<InspectionRunDetail> = {}): InspectionRunDetail => ({
  id: 'r1',
  number: 'INS-7',
  template: { key: 'daily-trading', title: '交易日日常巡检', version: 1 },
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
  summary: { normal: 1, warning: 0, critical: 0, error: 0, manualAbnormal: 0, notApplicable: 0, pending: 1, total: 2 },
  items: [
    {
      ...blank,
      key: 'cpu-busy',
      layer: 'infrastructure',
      kind: 'metric',
      title: '主机CPU使用率',
      status: 'normal',
      value: 0.2,
      unit: 'ratio',
      series: [],
      labelAliases: { instance: '主机' },
      evidence: [],
    },
    {
      ...blank,
      key: 'logs',
      layer: 'application',
      kind: 'manual',
      title: '检查撮合引擎错误日志',
      status: 'pending',
      series: [],
      labelAliases: {},
      evidence: [],
    },
  ],
  events: [{ at: '2026-12-02T00:30:00Z', actor: 'li.si', kind: 'started', detail: {} }],
  ...over,
});

/** Answers the page's calls by method and path, as the server would; records what was sent. */
function serve(routes: Record<string, (body: unknown) => unknown>) {
  fetchMock.mockImplementation((req: { method: string; url: string; data?: unknown }) => {
    const key = `${req.method} ${req.url.replace('/api/plugin-proxy/opsdesk-ops-app/', '')}`;
    const handler = routes[key];
    if (!handler) return throwError(() => ({ status: 404, data: { error: { code: 'not_found', message: key } } }));
    try {
      return of({ data: handler(req.data) });
    } catch (err) {
      return throwError(() => err);
    }
  });
}

const renderPage = () =>
  render(
    <MemoryRouter initialEntries={['/a/opsdesk-ops-app/inspections/runs/INS-7']}>
      <Routes>
        <Route path="/a/opsdesk-ops-app/inspections/runs/:id" element={<InspectionRunPage />} />
      </Routes>
    </MemoryRouter>
  );

beforeEach(() => fetchMock.mockReset());

test('a Viewer reads the run, its items and timeline, and gets no write buttons', async () => {
  bootData.user.orgRole = 'Viewer';
  serve({ 'GET api/v1/inspections/runs/INS-7': () => detail() });
  renderPage();
  const page = await screen.findByTestId('inspection-run-page');
  expect(page).toHaveTextContent('INS-7 · 交易日日常巡检');
  expect(within(page).getAllByTestId('inspection-item')).toHaveLength(2);
  expect(within(page).getByTestId('inspection-timeline')).toHaveTextContent('li.si');
  expect(within(page).queryAllByRole('button')).toHaveLength(0);
  expect(within(page).getByTestId('inspection-report-link')).toHaveAttribute(
    'href',
    '/a/opsdesk-ops-app/inspections/runs/INS-7/report'
  );
});

test("an Editor fills the manual item, then completing early shows the gate's refusal", async () => {
  bootData.user.orgRole = 'Editor';
  let run = detail();
  const sent: unknown[] = [];
  serve({
    'GET api/v1/inspections/runs/INS-7': () => run,
    'POST api/v1/inspections/runs/INS-7/items/logs': (body) => {
      sent.push(body);
      run = detail({
        items: [run.items[0], { ...run.items[1], status: 'normal', note: '无错误', completedBy: 'li.si' }],
        summary: { ...run.summary, normal: 2, pending: 0 },
      });
      return run;
    },
    'POST api/v1/inspections/runs/INS-7/complete': () => {
      throw {
        status: 409,
        data: {
          error: {
            code: 'gate_unmet',
            message: 'the run cannot be completed: the inspector has not signed; the reviewer has not signed',
          },
        },
      };
    },
  });
  renderPage();
  await screen.findByTestId('inspection-run-page');
  await userEvent.click(screen.getByRole('button', { name: 'Fill in' }));
  await userEvent.click(screen.getByLabelText('normal'));
  await userEvent.type(screen.getByLabelText('Note'), '无错误');
  await userEvent.click(screen.getByRole('button', { name: 'Save the result' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Save the result' })).not.toBeInTheDocument());
  expect(sent).toEqual([{ result: 'normal', note: '无错误' }]);
  const logs = (await screen.findAllByTestId('inspection-item')).find((e) => e.dataset.key === 'logs')!;
  await waitFor(() =>
    expect(within(logs).getByTestId('inspection-item-status')).toHaveAttribute('data-status', 'normal')
  );
  await userEvent.click(screen.getByRole('button', { name: 'Complete the run' }));
  expect(await screen.findByTestId('inspection-gate')).toHaveTextContent('the reviewer has not signed');
});
