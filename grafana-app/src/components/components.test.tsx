import React from 'react';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { describeConnectionError } from './AppConfig';
import { SlaClock } from './Badges';
import { ErrorMessage, explainError } from './ErrorMessage';
import { formatSeconds } from './format';

jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ fetch: jest.fn() }),
  isFetchError: () => false,
  config: { bootData: { user: { orgRole: 'Viewer' } } },
  DataSourcePicker: () => null,
}));

test('durations show the two largest units', () => {
  expect(formatSeconds(90_061)).toBe('1 d 1 h');
  expect(formatSeconds(3_720)).toBe('1 h 2 min');
  expect(formatSeconds(0)).toBe('0 s');
});

test('each kind of failure says what to do', () => {
  expect(explainError(new ApiError('unreachable', 502, 'Bad Gateway')).hint).toMatch(/opsdesk-server is running/);
  expect(explainError(new ApiError('unauthorized', 401, 'unknown token')).hint).toMatch(/token create/);
  expect(explainError(new ApiError('forbidden', 403, 'denied')).hint).toMatch(/Editor role/);
  expect(explainError(new ApiError('conflict', 409, 'cannot close')).hint).toMatch(/Reload/);
  expect(explainError(new ApiError('validation', 422, 'review')).title).toMatch(/did not accept/);
});

test('the error box shows the server message beside the advice', () => {
  render(<ErrorMessage error={new ApiError('conflict', 409, 'cannot acknowledge an incident that is closed')} />);
  expect(screen.getByText('The incident changed meanwhile')).toBeInTheDocument();
  expect(screen.getByTestId('error-detail')).toHaveTextContent('cannot acknowledge an incident that is closed');
});

test('Test connection names 401, 403, unreachable and an incompatible server', () => {
  expect(describeConnectionError(new ApiError('unauthorized', 401, 'x'))).toMatch(/\(401\)/);
  expect(describeConnectionError(new ApiError('forbidden', 403, 'x'))).toMatch(/\(403\)/);
  expect(describeConnectionError(new ApiError('unreachable', 0, 'ECONNREFUSED'))).toMatch(
    /cannot be reached.*ECONNREFUSED/
  );
  expect(describeConnectionError(new Error('incompatible'))).toMatch(/API v1/);
});

test('an SLA clock shows what is left, met / breached / cleared by itself, and until when it is paused', () => {
  const base = {
    goal: 'response' as const,
    goalSeconds: 900,
    calendar: '5x8',
    elapsedSeconds: 300,
    remainingSeconds: 600,
    dueAt: null,
    atRisk: false,
    pausedUntil: null,
    pauseReason: null,
  };
  const { rerender } = render(<SlaClock goal={{ ...base, state: 'running' }} />);
  expect(screen.getByText('Response: 10 min left')).toBeInTheDocument();
  rerender(<SlaClock goal={{ ...base, goal: 'resolution', remainingSeconds: 0, state: 'breached' }} />);
  expect(screen.getByText('Resolution: breached')).toBeInTheDocument();
  rerender(<SlaClock goal={{ ...base, state: 'self_cleared' }} />);
  expect(screen.getByText('Response: cleared by itself')).toBeInTheDocument();
  // a 5x8 clock at night: paused until the next working time, in the user's language
  rerender(
    <SlaClock
      goal={{ ...base, state: 'paused', pauseReason: 'outside_working_hours', pausedUntil: '2026-12-02T01:00:00Z' }}
    />
  );
  expect(screen.getByText(/^Response: paused until .*2026.*, 10 min left$/)).toBeInTheDocument();
});

test('every string exists in every locale (scripts/i18n.js --check)', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'i18n.js'), '--check'], {
    encoding: 'utf8',
  });
  expect(out).toMatch(/en-US, zh-Hans complete/);
});
