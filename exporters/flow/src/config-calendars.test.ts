import { buildCalendar } from '@opsdesk/calendar';
import { parseConfigText } from '@opsdesk/runtime';
import { flowConfigSchema } from './config';

// Flows refer to named calendars, as channels and SLA policies do; the calendar written out
// inside a flow (the older form) is still read.
const YAML = `
calendars:
  - name: trading
    timezone: Asia/Shanghai
    hours: { weekdays: '09:15-11:30,13:00-15:00' }
    holidays: { builtin: cn }
flows:
  - name: order
    calendar: trading
    steps: [{ name: received }, { name: settled, terminal: success }]
  - name: payout
    calendar: { name: payouts, timezone: Asia/Shanghai, hours: { weekdays: '10:00-16:00' }, holidays: { builtin: cn } }
    steps: [{ name: requested }, { name: paid, terminal: success }]
  - name: chat
    steps: [{ name: opened }]
`;

test('a flow names its calendar; flows carry the calendar spec, a trading calendar by default', () => {
  const config = parseConfigText(YAML, 'flows.yml', flowConfigSchema);
  expect(config.flows.map((f) => [f.name, f.calendar?.name, f.calendar?.kind])).toEqual([
    ['order', 'trading', 'trading'],
    ['payout', 'payouts', 'trading'],
    ['chat', undefined, undefined],
  ]);
  // the make-up Saturday after National Day: the market, and so the flow, stays closed
  const order = buildCalendar(config.flows[0]!.calendar!);
  expect(order.isWorking(Date.parse('2026-10-10T10:00:00+08:00'))).toBe(false);
  expect(order.isWorking(Date.parse('2026-10-09T10:00:00+08:00'))).toBe(true);
});

test('a flow naming a calendar that is not defined is refused with the names there are', () => {
  expect(() =>
    parseConfigText(YAML.replace('calendar: trading', 'calendar: tradng'), 'flows.yml', flowConfigSchema),
  ).toThrow(
    'flows.yml:9: flows[0].calendar: no calendar named "tradng" under calendars:; calendars: trading',
  );
});
