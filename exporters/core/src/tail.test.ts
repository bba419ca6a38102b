import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@opsdesk/runtime';
import { FileTail, jsonLines, logSourceSchema } from './tail';

const logged: Array<Record<string, unknown>> = [];
const log = createLogger(
  'test',
  'info',
  new Writable({
    write(chunk: Buffer, _enc, cb) {
      logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  }),
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-tail-'));
  logged.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const line = (instance: string, step: string) => JSON.stringify({ instance, flow: 'order', step }) + '\n';

/** A handler that takes JSON objects with instance, flow and step, as an exporter's event check would. */
function setup(from: 'start' | 'end') {
  const file = path.join(dir, 'events.log');
  const events: Array<Record<string, unknown>> = [];
  const handle = jsonLines((value) => {
    const v = value as Record<string, unknown>;
    if (typeof v !== 'object' || v === null || typeof v.step !== 'string') return 'step: expected a string';
    events.push(v);
    return undefined;
  });
  const tail = new FileTail(logSourceSchema.parse({ path: file, from }), handle, log);
  const started = () => events.length;
  return { file, events, tail, started };
}

test('from: end skips what the file held at start; new lines count; a partial line waits for its newline', async () => {
  const { file, tail, started } = setup('end');
  writeFileSync(file, line('OLD-1', 'received') + line('OLD-2', 'received'));
  await tail.poll();
  expect(started()).toBe(0);
  appendFileSync(file, line('A', 'received') + '{"instance":"B","flow":"order",');
  await tail.poll();
  expect(started()).toBe(1);
  appendFileSync(file, '"step":"received"}\n');
  await tail.poll();
  expect(started()).toBe(2);
  expect(tail.lines).toEqual({ accepted: 2, invalid: 0 });
  await tail.close();
});

test('a rotated file is drained, then the new one is read from its start; truncation rereads', async () => {
  const { file, tail, started } = setup('start');
  writeFileSync(file, line('A', 'received'));
  await tail.poll();
  expect(started()).toBe(1);
  // logrotate: the writer adds a last line to the old file after it was moved, then a new file appears
  renameSync(file, `${file}.1`);
  appendFileSync(`${file}.1`, line('B', 'received'));
  writeFileSync(file, line('C', 'received') + line('D', 'received'));
  await tail.poll();
  expect(started()).toBe(4);
  expect(tail.rotations).toBe(1);
  // copytruncate: the same inode, emptied and written again
  truncateSync(file, 0);
  appendFileSync(file, line('E', 'received'));
  await tail.poll();
  expect(started()).toBe(5);
  expect(logged.map((l) => l.msg)).toEqual([
    expect.stringContaining('rotated'),
    expect.stringContaining('truncated'),
  ]);
  await tail.close();
});

test('a missing file is waited for and read from its start when it appears', async () => {
  const { file, tail, started } = setup('end');
  await tail.poll();
  expect(tail.readable).toBe(false);
  writeFileSync(file, line('A', 'received'));
  await tail.poll();
  expect(tail.readable).toBe(true);
  expect(started()).toBe(1);
  rmSync(file);
  await tail.poll();
  expect(tail.readable).toBe(false);
  await tail.close();
});

test('bad lines are counted as invalid, logged once per minute, and never stop the lines after them', async () => {
  const { file, tail, started } = setup('start');
  const long = '{"instance":"' + 'x'.repeat(1.5 * 1024 * 1024) + '"}\n';
  writeFileSync(
    file,
    'not json\n' + line('A', 'received') + '{"instance":"B","flow":"order"}\n' + long + line('C', 'received'),
  );
  await tail.poll();
  expect(started()).toBe(2);
  expect(tail.lines).toEqual({ accepted: 2, invalid: 3 });
  expect(logged.filter((l) => l.msg === 'log line refused')).toEqual([
    expect.objectContaining({ error: expect.stringContaining('not JSON') }),
  ]);
  await tail.close();
});

test('multi-byte characters split across reads are decoded whole', async () => {
  const { file, tail, events } = setup('start');
  // the 1 MiB read boundary falls inside a Chinese reason on the second line
  const second =
    JSON.stringify({
      instance: 'R',
      flow: 'order',
      step: 'received',
      outcome: 'failed',
      reason: '对手方中断',
    }) + '\n';
  const intoSecond = Buffer.byteLength(second.slice(0, second.indexOf('对'))) + 1; // 1 byte into 对
  const pad = JSON.stringify({ instance: 'P', flow: 'order', step: 'received' });
  const first = pad.padEnd(1024 * 1024 - intoSecond - 1, ' ') + '\n';
  writeFileSync(file, first + second);
  await tail.poll();
  expect(tail.lines).toEqual({ accepted: 2, invalid: 0 });
  expect(events[1]).toMatchObject({ instance: 'R', reason: '对手方中断' });
  await tail.close();
});
