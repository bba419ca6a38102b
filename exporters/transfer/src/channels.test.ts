import { parseConfigText, type Logger } from '@opsdesk/runtime';
import { ChannelStore, toTransferEvent, type TransferEvent } from './channels';
import { transferConfigSchema } from './config';

const config = parseConfigText(
  `
calendars:
  - { name: trading, timezone: Asia/Shanghai, hours: { weekdays: '09:15-11:30,13:00-15:00' }, holidays: { builtin: cn } }
participants:
  - name: broker_a
    channels:
      - { name: orders_api, kind: api, calendar: trading, expect: { max_silence: 2m } }
      - { name: always_on, kind: gateway, directions: [out] }
`,
  'channels.yml',
  transferConfigSchema,
);

/** Shanghai wall-clock time as ms */
const cst = (local: string) => Date.parse(`${local}+08:00`);

function setup(start: string, log?: Logger) {
  let now = cst(start);
  const store = new ChannelStore(config, () => now, log);
  const at = (local: string) => {
    now = cst(local);
    store.tick();
  };
  const ev = (extra: Partial<TransferEvent> = {}): TransferEvent => ({
    participant: 'broker_a',
    channel: 'orders_api',
    direction: 'in',
    bytes: 100,
    outcome: 'ok',
    time: now,
    ...extra,
  });
  const dir = (d: 'in' | 'out' = 'in') => store.channels[0]!.directions.find((x) => x.direction === d)!;
  return { store, at, ev, dir };
}

test('silence inside the window longer than max_silence is one interruption; a message ends it', () => {
  const { store, at, ev, dir } = setup('2026-11-26T09:00:00'); // a Thursday, before the session
  expect(store.channels[0]!.inWindow).toBe(false);
  at('2026-11-26T09:15:00');
  expect(store.channels[0]!.inWindow).toBe(true);
  at('2026-11-26T09:17:00');
  expect(dir().interrupted).toBe(false); // exactly 2 minutes: not yet
  at('2026-11-26T09:17:01');
  expect(dir().interrupted).toBe(true);
  expect(dir().interruptedSince).toBe(cst('2026-11-26T09:15:00'));
  at('2026-11-26T09:30:00');
  expect(dir().interruptions).toBe(1);
  expect(store.accept(ev())).toBe('accepted');
  expect(dir().interrupted).toBe(false);
  at('2026-11-26T09:31:00');
  expect(dir().interrupted).toBe(false);
  at('2026-11-26T09:33:00');
  expect(dir().interruptions).toBe(2);
});

test('no interruption outside the window: lunch, the night, a weekend, a public holiday', () => {
  const { at, dir } = setup('2026-11-26T11:29:00');
  at('2026-11-26T11:31:00');
  at('2026-11-26T12:59:00'); // lunch break
  expect(dir().interrupted).toBe(false);
  at('2026-11-26T13:00:00');
  at('2026-11-26T13:02:01'); // the afternoon session opened at 13:00; 2 minutes of silence since
  expect(dir().interrupted).toBe(true);
  at('2026-11-28T10:30:00'); // Saturday
  expect(dir().interrupted).toBe(false);
  const holiday = setup('2026-10-01T10:00:00'); // National Day
  holiday.at('2026-10-01T10:30:00');
  expect(holiday.store.channels[0]!.inWindow).toBe(false);
  expect(holiday.dir().interruptions).toBe(0);
});

test('only configured participants, channels and directions count; reasons outside the list are "other"', () => {
  const warnings: unknown[] = [];
  const { store, ev, dir } = setup('2026-11-26T10:00:00', {
    warn: (o: unknown) => warnings.push(o),
  } as unknown as Logger);
  expect(store.accept(ev({ participant: 'mallory' }))).toBe('unknown_participant');
  expect(store.accept(ev({ channel: 'nope' }))).toBe('unknown_channel');
  expect(store.accept(ev({ channel: 'always_on', direction: 'in' }))).toBe('unknown_direction');
  store.accept(ev({ outcome: 'failed', reason: 'timeout', latency: 0.2 }));
  store.accept(ev({ outcome: 'failed', reason: 'a-new-reason-each-time-123' }));
  expect(Object.fromEntries(dir().failures)).toEqual({ timeout: 1, other: 1 });
  expect(dir().messages).toBe(2);
  expect(dir().latency.count).toBe(1);
  expect(dir().lastMessage).toBe(0); // failures do not end a silence
  expect(Object.fromEntries(store.dropped)).toEqual({
    unknown_participant: 1,
    unknown_channel: 1,
    unknown_direction: 1,
  });
  store.accept(ev({ participant: 'mallory' })); // counted, but logged once a minute per reason
  expect(store.dropped.get('unknown_participant')).toBe(2);
  expect(warnings).toEqual([
    expect.objectContaining({ reason: 'unknown_participant', participant: 'mallory' }),
    expect.objectContaining({ reason: 'unknown_channel', channel: 'nope' }),
    expect.objectContaining({ reason: 'unknown_direction', direction: 'in' }),
  ]);
});

test('events are checked field by field', () => {
  const now = Date.now();
  expect(toTransferEvent({ participant: 'a', channel: 'b', direction: 'sideways' }, now)).toMatch(
    /^direction: /,
  );
  expect(toTransferEvent({ participant: 'a', channel: 'b', direction: 'in', bytes: -1 }, now)).toMatch(
    /^bytes: /,
  );
  expect(toTransferEvent({ participant: 'a', channel: 'b', direction: 'in', extra: 1 }, now)).toMatch(
    /extra/,
  );
  expect(
    toTransferEvent({ participant: 'a', channel: 'b', direction: 'in', time: '2026-11-26T01:30:00Z' }, now),
  ).toMatchObject({ time: Date.UTC(2026, 10, 26, 1, 30), bytes: 0, outcome: 'ok' });
});

test('a channel naming a calendar that does not exist is refused with its path', () => {
  expect(() =>
    parseConfigText(
      `participants:\n  - name: p\n    channels:\n      - { name: c, kind: api, calendar: tradng }\n`,
      'channels.yml',
      transferConfigSchema,
    ),
  ).toThrow(/participants\[0\]\.channels\[0\]\.calendar: no calendar named "tradng"/);
});
