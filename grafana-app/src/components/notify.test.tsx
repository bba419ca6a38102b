import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { Channel } from '../api/types';
import { ChannelTable } from './ChannelTable';

const NOW = Date.parse('2026-12-02T04:00:00Z');
const channel = (over: Partial<Channel>): Channel => ({
  name: 'ops-feishu',
  type: 'feishu',
  language: 'zh-Hans',
  limits: {
    maxBytes: 20 * 1024,
    rates: [
      { count: 5, windowSeconds: 1 },
      { count: 100, windowSeconds: 60 },
    ],
  },
  status: 'ok',
  lastError: null,
  queued: 0,
  oldestQueuedAt: null,
  sentLastHour: 12,
  failedLastHour: 0,
  ...over,
});

test.each([
  [true, 2],
  [false, 0],
])(
  'each channel shows its limits, status, queue and the platform’s last error; "Send test" for an Editor (%s)',
  (canEdit, buttons) => {
    render(
      <ChannelTable
        now={NOW}
        canEdit={canEdit}
        onTest={jest.fn()}
        channels={[
          channel({}),
          channel({
            name: 'ops-wecom',
            type: 'wecom',
            limits: { maxBytes: 4096, rates: [{ count: 20, windowSeconds: 60 }] },
            status: 'config_error',
            lastError: { at: '2026-12-02T03:50:00Z', kind: 'config', code: '93000', message: 'invalid webhook url' },
            queued: 3,
            oldestQueuedAt: '2026-12-02T03:55:00Z',
            failedLastHour: 1,
          }),
        ]}
      />
    );
    const table = screen.getByTestId('notify-channels');
    const feishu = within(table).getByText('ops-feishu').closest('tr')!;
    expect(feishu).toHaveTextContent('Feishu bot');
    expect(feishu).toHaveTextContent('OK');
    expect(feishu).toHaveTextContent('20 KiB · 5 / s · 100 / min');
    const wecom = within(table).getByText('ops-wecom').closest('tr')!;
    expect(wecom).toHaveTextContent('WeCom robot');
    expect(wecom).toHaveTextContent('Configuration error');
    expect(wecom).toHaveTextContent('4 KiB · 20 / min');
    expect(wecom).toHaveTextContent('93000 invalid webhook url');
    expect(wecom).toHaveTextContent('5 min'); // the oldest queued message has waited since 03:55
    expect(screen.queryAllByRole('button', { name: /Send a test message to/ })).toHaveLength(buttons);
  }
);
