import { buildCalendar } from '@opsdesk/calendar';
import { parseConfigText } from '@opsdesk/runtime';
import { ChannelStore } from './channels';
import { transferConfigSchema } from './config';

// Channels run on the market's calendar: a make-up Saturday (调休) is a working day for the
// operations team, but exchanges stay closed, so a silent channel that day is not an outage.
const YAML = `
calendars:
  - name: trading
    timezone: Asia/Shanghai
    hours: { weekdays: '09:30-11:30,13:00-15:00' }
    holidays: { builtin: cn }
  - name: desk
    kind: service
    timezone: Asia/Shanghai
    hours: { weekdays: '09:00-17:00' }
    holidays: { builtin: cn }
participants:
  - name: broker_a
    channels:
      - { name: order_api, kind: api, calendar: trading, expect: { max_silence: 2m } }
      - { name: support_api, kind: api, calendar: desk, expect: { max_silence: 2m } }
`;
const makeupSaturday = Date.parse('2026-10-10T10:00:00+08:00');

test('calendars of channels are trading calendars unless they say otherwise', () => {
  const config = parseConfigText(YAML, 'channels.yml', transferConfigSchema);
  expect(config.calendars.map((c) => [c.name, c.kind])).toEqual([
    ['trading', 'trading'],
    ['desk', 'service'],
  ]);
  const store = new ChannelStore(config, () => makeupSaturday);
  expect(store.channels.map((c) => [c.spec.name, c.inWindow])).toEqual([
    ['order_api', false],
    ['support_api', true],
  ]);
  expect(buildCalendar(config.calendars[0]!).isWorking(Date.parse('2026-10-09T10:00:00+08:00'))).toBe(true);
});

test('a calendar named twice, or a trading calendar with make-up workdays, is refused where it is written', () => {
  const twice = YAML.replace('name: desk', 'name: trading');
  expect(() => parseConfigText(twice, 'channels.yml', transferConfigSchema)).toThrow(
    'channels.yml:7: calendars[1].name: calendar trading appears twice',
  );
  const makeup = YAML.replace(
    'holidays: { builtin: cn }\n  - name: desk',
    'holidays: { builtin: cn, workdays: [2026-10-11] }\n  - name: desk',
  );
  expect(() => parseConfigText(makeup, 'channels.yml', transferConfigSchema)).toThrow(
    /channels\.yml:\d+: calendars\[0\]\.holidays\.workdays: calendar trading is a trading calendar, which stays closed on make-up workdays/,
  );
});
