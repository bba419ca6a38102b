import { renderHook } from '@testing-library/react';
import { useCanEdit } from './settings';

const mockUser: Record<string, unknown> = {};
jest.mock('@grafana/runtime', () => ({
  config: {
    bootData: {
      get user() {
        return mockUser;
      },
    },
  },
}));

test.each([
  ['Viewer', false, false],
  ['Viewer', true, false], // a Grafana server admin whose org role is Viewer: the proxy refuses its writes
  ['Editor', false, true],
  ['Admin', false, true],
  ['None', true, false],
])('org role %s, server admin %s: edit buttons %s', (orgRole, isGrafanaAdmin, expected) => {
  Object.assign(mockUser, { orgRole, isGrafanaAdmin });
  expect(renderHook(() => useCanEdit()).result.current).toBe(expected);
});
