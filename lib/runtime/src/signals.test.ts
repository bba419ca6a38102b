import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { stopOnSignals, type SignalTarget } from './signals';

/** A stand-in for `process`: signals are emitted by the test, exit codes recorded. */
function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const target: SignalTarget = {
    on: (signal, listener) => events.on(signal, listener),
    exit: (code) => void exits.push(code),
  };
  return { target, exits, send: (signal: NodeJS.Signals) => events.emit(signal) };
}

function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger('test', 'info', sink), lines };
}

const settle = () => new Promise((r) => setImmediate(r));

test.each(['SIGTERM', 'SIGINT'] as const)('%s closes once, logs, and exits 0', async (signal) => {
  const proc = fakeProcess();
  const { log, lines } = capturedLog();
  let closes = 0;
  let finish!: () => void;
  stopOnSignals(log, () => new Promise<void>((r) => ((closes += 1), (finish = r))), proc.target);

  proc.send(signal);
  proc.send('SIGTERM'); // a second signal while closing changes nothing
  await settle();
  expect(closes).toBe(1);
  expect(proc.exits).toEqual([]); // not before close has finished
  finish();
  await settle();
  expect(proc.exits).toEqual([0]);
  expect(lines.map((l) => l.msg)).toEqual(['shutting down', 'stopped']);
  expect(lines[0]).toMatchObject({ signal });
});

test('a close that fails exits 1 and logs why', async () => {
  const proc = fakeProcess();
  const { log, lines } = capturedLog();
  stopOnSignals(log, () => Promise.reject(new Error('state file: disk full')), proc.target);
  proc.send('SIGTERM');
  await settle();
  expect(proc.exits).toEqual([1]);
  expect(lines[1]).toMatchObject({
    level: 'error',
    err: 'state file: disk full',
    msg: 'could not stop cleanly',
  });
});
