import { locationUtil } from '@grafana/data';
import { exploreUrl } from './explore';
import { appHref, prefixRoute } from './routing';

const user = { orgId: 3 };
jest.mock('@grafana/runtime', () => ({ config: { bootData: { user: { orgId: 3 } } } }));

beforeAll(() => {
  // what Grafana does at boot with root_url = https://ops.example.com/grafana/ and serve_from_sub_path
  locationUtil.initialize({
    config: { appSubUrl: '/grafana' } as never,
    getTimeRangeForUrl: () => ({ from: 'now-6h', to: 'now' }) as never,
    getVariablesUrlParams: () => ({}),
  });
});

test('hrefs carry the sub-path; react-router routes do not (its history adds it)', () => {
  expect(appHref('incidents')).toBe('/grafana/a/opsdesk-ops-app/incidents');
  expect(prefixRoute('incidents')).toBe('/a/opsdesk-ops-app/incidents');
});

test('Explore links open in the current org under the sub-path', () => {
  const url = exploreUrl('prom', {
    labels: { alertname: 'HostDown' },
    startsAt: '2026-12-01T08:00:00Z',
    endsAt: null,
    generatorURL: 'http://prometheus:9090/graph?g0.expr=up+%3D%3D+0',
  } as never);
  expect(url.startsWith('/grafana/explore?')).toBe(true);
  const params = new URL(url, 'https://ops.example.com').searchParams;
  expect(params.get('orgId')).toBe(String(user.orgId));
  expect(JSON.parse(params.get('panes')!).a.queries[0].expr).toBe('up == 0');
});
