import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { silentLogger } from '@opsdesk/testing';
import { ChannelStore } from './channels';
import { transferConfigSchema } from './config';
import { transferLogsCollector } from './logs';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-transfer-logs-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const config = parseConfigText(
    `
participants:
  - name: broker_b
    channels:
      - { name: fix_gateway, kind: gateway }
logs:
  - path: ${dir}/gateway.log
    from: start
    format: regex
    # 2026-11-26T09:30:00.120+08:00 OUT 35=D len=212 rtt=0.004 ok
    regex: '^(?<time>\\S+) (?<direction>IN|OUT) \\S+ len=(?<bytes>\\d+) rtt=(?<latency>[\\d.]+) (?<outcome>ok|failed)(?: reason=(?<reason>\\w+))?$'
    set: { participant: broker_b, channel: fix_gateway }
  - path: ${dir}/events.jsonl
    from: start
    set: { participant: broker_b }
`,
    'channels.yml',
    transferConfigSchema,
  );
  const store = new ChannelStore(config);
  const collector = transferLogsCollector(config.logs, store, silentLogger, config.ingest.max_future_skew);
  const dirOf = (d: 'in' | 'out') => store.channels[0]!.directions.find((x) => x.direction === d)!;
  return { store, collector, dirOf, poll: () => Promise.all(collector.tails.map((t) => t.poll())) };
}

test('regex lines become events through their named groups; lines that do not match are refused', async () => {
  const { store, dirOf, poll, collector } = setup();
  writeFileSync(
    path.join(dir, 'gateway.log'),
    [
      '2026-11-26T09:30:00.120+08:00 out 35=D len=212 rtt=0.004 ok', // lower case: no match
      '2026-11-26T09:30:00.120+08:00 OUT 35=D len=212 rtt=0.004 ok',
      '2026-11-26T09:30:01.000+08:00 IN 35=8 len=180 rtt=0.250 failed reason=timeout',
      '',
    ].join('\n'),
  );
  await poll();
  expect(dirOf('out')).toMatchObject({
    messages: 1,
    bytes: 212,
    lastMessage: Date.parse('2026-11-26T01:30:00.120Z'),
  });
  expect(Object.fromEntries(dirOf('in').failures)).toEqual({ timeout: 1 });
  expect(dirOf('in').latency.sum).toBeCloseTo(0.25);
  expect(collector.tails[0]!.lines).toEqual({ accepted: 2, invalid: 1 });
  expect(store.dropped.get('invalid')).toBe(1);
  for (const t of collector.tails) await t.close();
});

test('JSON lines take the file-wide fields from set; rotation is followed', async () => {
  const { dirOf, poll, collector } = setup();
  const file = path.join(dir, 'events.jsonl');
  writeFileSync(file, '{"channel":"fix_gateway","direction":"in","bytes":10}\n');
  await poll();
  renameSync(file, `${file}.1`);
  writeFileSync(
    file,
    '{"channel":"fix_gateway","direction":"in","bytes":5}\n{"channel":"nope","direction":"in"}\n',
  );
  appendFileSync(file, '{"channel":"fix_gateway","direction":"sideways"}\n');
  await poll();
  expect(dirOf('in')).toMatchObject({ messages: 2, bytes: 15 });
  expect(collector.tails[1]!.rotations).toBe(1);
  expect(collector.tails[1]!.lines).toEqual({ accepted: 3, invalid: 1 }); // an unknown channel is taken, then dropped
  for (const t of collector.tails) await t.close();
});

test('a log line timed past the skew (epoch microseconds) is refused and counted as future', async () => {
  const { dirOf, poll, collector, store } = setup();
  writeFileSync(
    path.join(dir, 'events.jsonl'),
    '{"channel":"fix_gateway","direction":"in","bytes":7,"time":9000000000000000}\n',
  );
  await poll();
  expect(dirOf('in').messages).toBe(0);
  expect(dirOf('in').lastMessage).toBe(0);
  expect(store.dropped.get('future')).toBe(1);
  expect(collector.tails[1]!.lines).toMatchObject({ invalid: 1 });
  for (const t of collector.tails) await t.close();
});

test('format: regex without a regex is refused with its path', () => {
  expect(() =>
    parseConfigText(
      `participants: [{ name: p, channels: [{ name: c, kind: api }] }]\nlogs: [{ path: /x, format: regex }]\n`,
      'channels.yml',
      transferConfigSchema,
    ),
  ).toThrow(/logs\[0\]\.regex: format: regex needs a regex/);
});
