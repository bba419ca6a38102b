import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfigText, type Logger } from '@opsdesk/runtime';
import { flowConfigSchema } from './config';
import { FlowStateFile } from './state';
import { FlowTracker } from './tracker';

const flows = (steps: string) =>
  parseConfigText(`flows:\n  - name: order\n    steps:\n${steps}`, 'flows.yml', flowConfigSchema).flows;
const FLOWS = flows(
  '      - { name: received, time_limit: 5s }\n      - { name: risk_check, time_limit: 2s }\n      - { name: matched }\n      - { name: settled, terminal: success }\n',
);
const T0 = Date.UTC(2026, 11, 1, 1, 30);

function recorder() {
  const lines: Array<{ level: string; fields: unknown; msg: string }> = [];
  const at = (level: string) => (fields: unknown, msg?: string) =>
    lines.push({ level, fields, msg: msg ?? String(fields) });
  const log = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  } as unknown as Logger;
  return { log, lines };
}

const tracker = (f = FLOWS) =>
  new FlowTracker(f, { maxInFlight: 100_000, rememberFinishedMs: 60_000, now: () => T0 });
const ev = (instance: string, step: string, s: number) => ({
  instance,
  flow: 'order',
  step,
  outcome: 'ok' as const,
  time: T0 + s * 1000,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-flow-state-'));
});

test('in-flight instances survive a restart: saved, restored, still stuck, and they finish normally', async () => {
  const a = tracker();
  a.ingest(ev('A', 'received', 0));
  a.ingest(ev('A', 'risk_check', 1));
  a.ingest(ev('B', 'received', 0));
  for (let i = 0; i < 50_000; i++) a.ingest(ev(`M${i}`, 'received', 2));
  const file = path.join(dir, 'state');
  const { log } = recorder();
  await new FlowStateFile(file, a, log, () => T0).save();

  const b = tracker();
  const rec = recorder();
  expect(new FlowStateFile(file, b, rec.log).restore()).toBe(50_002);
  expect(rec.lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'flow state restored' }));
  expect(b.size).toBe(50_002);
  expect(b.stuckInstances('order', 'risk_check', T0 + 4000)).toEqual([{ instance: 'A', since: T0 + 1000 }]);
  // a duplicate of the step it is in is still a duplicate; the next step completes it
  expect(b.ingest(ev('A', 'risk_check', 1))).toBe('duplicate');
  expect(b.ingest(ev('A', 'received', 0))).toBe('duplicate'); // visited before the restart
  expect(b.ingest(ev('A', 'matched', 5))).toBe('accepted');
  expect(b.stats[0]!.steps[1]!.duration.sum).toBe(4);
});

test('saveSync (SIGTERM) writes atomically: the file is whole, and no temporary file is left', () => {
  const a = tracker();
  a.ingest(ev('A', 'received', 0));
  const file = path.join(dir, 'state');
  new FlowStateFile(file, a, recorder().log).saveSync();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'opsdesk-flow-state', version: 1 });
  expect(lines).toHaveLength(2);
  for (const tmp of [`${file}.tmp`, `${file}.final.tmp`]) expect(() => readFileSync(tmp)).toThrow();
});

test('a periodic save still writing at SIGTERM does not replace the final one', async () => {
  const a = tracker();
  for (let i = 0; i < 50_000; i++) a.ingest(ev(`M${i}`, 'received', 2));
  const file = path.join(dir, 'state');
  const state = new FlowStateFile(file, a, recorder().log);
  const periodic = state.save(); // yields between chunks
  a.ingest(ev('LAST', 'received', 3));
  state.saveSync();
  await periodic;
  const b = tracker();
  expect(new FlowStateFile(file, b, recorder().log).restore()).toBe(50_001);
  expect(b.stuckInstances('order', 'received', T0 + 60_000, 100_000).map((i) => i.instance)).toContain(
    'LAST',
  );
});

test.each([
  ['not JSON at all', 'garbage\x00\x01'],
  ['another format', '{"format":"something-else","version":1,"flows":{}}\n'],
  ['a newer version', '{"format":"opsdesk-flow-state","version":99,"flows":{"order":["received"]}}\n'],
  ['a cut line', '{"format":"opsdesk-flow-state","version":1,"flows":{"order":["received"]}}\n[0,0,1,17645'],
  ['a wrong shape', '{"format":"opsdesk-flow-state","version":1,"flows":{"order":["received"]}}\n{"a":1}\n'],
  [
    'flows of another exporter',
    '{"format":"opsdesk-flow-state","version":1,"flows":{"payments":["x"]}}\n[0,0,1,1,1,"A"]\n',
  ],
  ['an empty file', ''],
  [
    'times no Date can hold',
    '{"format":"opsdesk-flow-state","version":1,"flows":{"order":["received"]}}\n[0,0,1,9e15,9e15,"A"]\n',
  ],
])('a corrupt or mismatched state file (%s) is logged and ignored; the tracker starts empty', (_, text) => {
  const file = path.join(dir, 'state');
  writeFileSync(file, text);
  const t = tracker();
  const rec = recorder();
  expect(new FlowStateFile(file, t, rec.log).restore()).toBe(0);
  expect(t.size).toBe(0);
  expect(rec.lines).toContainEqual(
    expect.objectContaining({ level: 'warn', msg: 'flow state file ignored; starting empty' }),
  );
});

test('a missing file is a first start (nothing logged above info); an unreadable one is a warning', () => {
  const rec = recorder();
  expect(new FlowStateFile(path.join(dir, 'none'), tracker(), rec.log).restore()).toBe(0);
  expect(rec.lines).toEqual([]);
  expect(new FlowStateFile(dir, tracker(), rec.log).restore()).toBe(0); // a directory
  expect(rec.lines[0]).toMatchObject({ level: 'warn' });
});

test('steps added or reordered between runs: instances are mapped by name, those of removed steps skipped', () => {
  const a = tracker();
  a.ingest(ev('A', 'received', 0));
  a.ingest(ev('A', 'risk_check', 1));
  a.ingest(ev('C', 'received', 0));
  a.ingest(ev('C', 'risk_check', 1));
  a.ingest(ev('C', 'matched', 2));
  const file = path.join(dir, 'state');
  new FlowStateFile(file, a, recorder().log).saveSync();
  // risk_check moved first, matched removed, a new step added
  const next = flows(
    '      - { name: risk_check, time_limit: 2s }\n      - { name: received, time_limit: 5s }\n      - { name: booked }\n      - { name: settled, terminal: success }\n',
  );
  const b = tracker(next);
  const rec = recorder();
  expect(new FlowStateFile(file, b, rec.log).restore()).toBe(1);
  expect(rec.lines.at(-1)!.fields).toMatchObject({ restored: 1, skipped: 1 });
  expect(b.stuckInstances('order', 'risk_check', T0 + 4000)).toEqual([{ instance: 'A', since: T0 + 1000 }]);
  expect(b.ingest(ev('A', 'received', 0))).toBe('duplicate'); // its visited bit followed the step's new place
});
