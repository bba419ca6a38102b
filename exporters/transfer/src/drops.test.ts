import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { ChannelStore } from './channels';
import { transferConfigSchema } from './config';
import { DropWatcher, patternFor } from './drops';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-drop-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cst = (local: string) => Date.parse(`${local}+08:00`);

function setup(start: string) {
  const config = parseConfigText(
    `
calendars:
  - { name: settlement_files, timezone: Asia/Shanghai, hours: { weekdays: '15:00-18:00' }, holidays: { builtin: cn } }
participants:
  - name: fund_c
    channels:
      - name: sftp_drop
        kind: sftp
        directions: [out]
        calendar: settlement_files
        drop:
          path: ${dir}
          files:
            - { name: settlement, pattern: 'SETTLE_{YYYYMMDD}.csv', deadline: '16:30' }
            - { name: positions, pattern: 'POS_{YYYY}-{MM}-{DD}_*.dat', deadline: '17:00' }
`,
    'channels.yml',
    transferConfigSchema,
  );
  let now = cst(start);
  const store = new ChannelStore(config, () => now);
  const ch = store.channels[0]!;
  const w = new DropWatcher(ch, ch.spec.drop!, store, () => now);
  const file = (name: string, body = 'x'.repeat(100)) => writeFileSync(path.join(dir, name), body);
  const byName = () => Object.fromEntries(w.expected().map((f) => [f.name, f]));
  return { store, w, file, byName, at: (local: string) => (now = cst(local)) };
}

test('a file is missing only after its deadline on a working day, and not once it arrives', async () => {
  const { w, file, byName, at } = setup('2026-11-26T16:29:00'); // Thursday
  await w.poll();
  expect(byName().settlement).toMatchObject({
    present: false,
    missing: false,
    deadline: cst('2026-11-26T16:30:00'),
  });
  at('2026-11-26T16:31:00');
  expect(byName().settlement!.missing).toBe(true);
  file('SETTLE_20261125.csv'); // yesterday's does not count
  file('POS_2026-11-26_01.dat');
  await w.poll();
  expect(byName().settlement!.missing).toBe(true);
  expect(byName().positions).toMatchObject({ present: true, missing: false });
  file('SETTLE_20261126.csv');
  await w.poll();
  expect(byName().settlement).toMatchObject({ present: true, missing: false });
});

test('nothing is expected on a weekend or a public holiday', async () => {
  for (const day of ['2026-11-28T17:30:00', '2026-10-01T17:30:00']) {
    const { w, byName } = setup(day);
    await w.poll();
    expect(byName().settlement).toMatchObject({ deadline: undefined, missing: false });
  }
});

test('arrivals count as messages on the channel; files there at start are not arrivals', async () => {
  const { store, w, file, at } = setup('2026-11-26T15:00:00');
  file('OLD.csv');
  utimesSync(
    path.join(dir, 'OLD.csv'),
    new Date(cst('2026-11-25T15:10:00')),
    new Date(cst('2026-11-25T15:10:00')),
  );
  await w.poll();
  expect(w.arrivals).toBe(0);
  expect(w.lastArrival).toBe(cst('2026-11-25T15:10:00'));
  at('2026-11-26T15:05:00');
  file('SETTLE_20261126.csv', 'y'.repeat(2048));
  await w.poll();
  await w.poll(); // seen once only
  expect({ arrivals: w.arrivals, bytes: w.bytes }).toEqual({ arrivals: 1, bytes: 2048 });
  const out = store.channels[0]!.directions[0]!;
  expect({ messages: out.messages, bytes: out.bytes }).toEqual({ messages: 1, bytes: 2048 });
});

test('a folder that cannot be read is an error naming it, and no file counts as missing', async () => {
  const { w, byName, at } = setup('2026-11-26T17:00:00');
  rmSync(dir, { recursive: true });
  await expect(w.poll()).rejects.toThrow(`cannot read drop folder ${dir}`);
  at('2026-11-26T17:30:00');
  expect(w.readable).toBe(false);
  expect(byName().settlement!.missing).toBe(false);
});

test('patterns: date placeholders and * only; other characters are literal', () => {
  const re = patternFor('SETTLE_{YYYYMMDD}.(v1)*.csv', 2026, 3, 9);
  expect(re.test('SETTLE_20260309.(v1)-final.csv')).toBe(true);
  expect(re.test('SETTLE_20260309X(v1).csv')).toBe(false);
});
