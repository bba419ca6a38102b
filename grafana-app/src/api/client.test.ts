import { of, throwError } from 'rxjs';
import { ApiError } from './client';
import { getIncident, listIncidents, transitionIncident } from './opsdesk';

const fetchMock = jest.fn();
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: fetchMock }),
  isFetchError: (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && 'data' in e,
}));

beforeEach(() => fetchMock.mockReset());

test('every call goes through the plugin proxy of opsdesk-ops-app, filters in the query', async () => {
  fetchMock.mockReturnValue(of({ data: { incidents: [], nextCursor: null } }));
  await listIncidents({ status: ['triggered', 'acknowledged'], severity: ['P1'], q: '', limit: 50 });
  expect(fetchMock).toHaveBeenCalledWith(
    expect.objectContaining({
      url: '/api/plugin-proxy/opsdesk-ops-app/api/v1/incidents',
      method: 'GET',
      params: { status: 'triggered,acknowledged', severity: 'P1', limit: '50' },
      showErrorAlert: false,
    })
  );
});

test('ids are escaped and transitions are POSTs to the action', async () => {
  fetchMock.mockReturnValue(of({ data: {} }));
  await getIncident('INC-2026-0001/../x');
  expect(fetchMock.mock.calls[0][0].url).toBe(
    '/api/plugin-proxy/opsdesk-ops-app/api/v1/incidents/INC-2026-0001%2F..%2Fx'
  );
  await transitionIncident('INC-2026-0001', 'resolve', 'fixed');
  expect(fetchMock.mock.calls[1][0]).toMatchObject({
    method: 'POST',
    url: '/api/plugin-proxy/opsdesk-ops-app/api/v1/incidents/INC-2026-0001/resolve',
    data: { note: 'fixed' },
  });
});

test.each([
  [0, 'unreachable'],
  [502, 'unreachable'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'notFound'],
  [409, 'conflict'],
  [422, 'validation'],
  [400, 'validation'],
  [500, 'server'],
])('HTTP %i becomes an ApiError of kind %s with the server message', async (status, kind) => {
  fetchMock.mockReturnValue(
    throwError(() => ({ status, data: { error: { code: 'x', message: `server says ${status}` } } }))
  );
  const err = await listIncidents({}).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ kind, status, message: `server says ${status}` });
});

test('a token the server refuses behind the proxy is an app setting to fix, not a role problem', async () => {
  fetchMock.mockReturnValue(
    throwError(() => ({
      status: 403,
      data: {
        error: {
          code: 'grafana_token_rejected',
          message: "the OpsDesk app's editor token was refused",
          details: [{ setting: 'editorToken' }],
        },
      },
    }))
  );
  const err = await transitionIncident('INC-1', 'acknowledge').catch((e) => e);
  expect(err).toMatchObject({ kind: 'tokenRejected', status: 403, setting: 'editorToken' });
});
