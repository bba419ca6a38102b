import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTransferSim, type TransferFaults } from './transfer';

// The participants' side of the demo on jest's fake clock: each 500 ms tick is run on command and
// the batch it posts is read from a stand-in for fetch, so what a fault does to the very next
// batch is checked exactly (demo.test.ts runs the same simulator against the real exporter).
const T0 = Date.parse('2026-12-01T10:00:00+08:00');

interface Message {
  participant: string;
  channel: string;
  direction: 'in' | 'out';
  bytes: number;
  latency: number;
  outcome?: 'failed';
  reason?: string;
}

let dir: string;
let batches: Message[][];
let answer: () => Promise<Response>;
let sim: ReturnType<typeof startTransferSim>;
let faults: TransferFaults;

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
  dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-demo-transfer-'));
  batches = [];
  answer = () => Promise.resolve(new Response('{"counts":{}}', { status: 200 }));
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    expect(String(url)).toBe('http://transfer.test/api/v1/events');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer demo-token' });
    batches.push(
      String(init?.body)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Message),
    );
    return answer();
  });
  faults = { transfer_outage: null, transfer_latency: false, late_file: false, transfer_loss: 0 };
  sim = startTransferSim({ exporterUrl: 'http://transfer.test', token: 'demo-token', dropDir: dir, faults });
});
afterEach(() => {
  sim.stop();
  jest.restoreAllMocks();
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the simulator's next tick and returns the batch it posted. */
async function nextBatch(): Promise<Message[]> {
  const before = batches.length;
  await jest.advanceTimersByTimeAsync(500);
  expect(batches).toHaveLength(before + 1);
  return batches[before]!;
}
const count = (batch: Message[], participant: string) =>
  batch.filter((m) => m.participant === participant).length;
const settlementFile = (yyyymmdd: string) => path.join(dir, 'fund_c', `SETTLE_${yyyymmdd}.csv`);

test('every 500 ms one batch: 8 messages on broker_a, 20 on broker_b, half in, half out', async () => {
  await jest.advanceTimersByTimeAsync(499);
  expect(batches).toHaveLength(0);
  await jest.advanceTimersByTimeAsync(1);
  const batch = batches[0]!;
  expect(count(batch, 'broker_a')).toBe(8);
  expect(count(batch, 'broker_b')).toBe(20);
  expect(batch.filter((m) => m.direction === 'in')).toHaveLength(14);
  expect(batch.every((m) => m.latency >= 0.01 && m.latency <= 0.03)).toBe(true);
  expect(sim.stats).toEqual({ sent: 28, sendErrors: 0 });
  await nextBatch();
  expect(sim.stats.sent).toBe(56);
});

test('an outage silences the participant from the next batch on, and only it', async () => {
  await nextBatch();
  faults.transfer_outage = 'broker_b';
  const during = await nextBatch();
  expect(count(during, 'broker_b')).toBe(0);
  expect(count(during, 'broker_a')).toBe(8);
  faults.transfer_outage = null;
  expect(count(await nextBatch(), 'broker_b')).toBe(20);
});

test("late_file removes today's settlement file at the next tick; switched off, it arrives; a new day brings a new one", async () => {
  expect(existsSync(settlementFile('20261201'))).toBe(true); // delivered at start
  faults.late_file = true;
  await nextBatch();
  expect(existsSync(settlementFile('20261201'))).toBe(false);
  faults.late_file = false;
  await nextBatch();
  expect(existsSync(settlementFile('20261201'))).toBe(true);
  jest.setSystemTime(Date.parse('2026-12-02T00:00:00+08:00') - 250); // just before midnight in Shanghai
  await nextBatch();
  expect(existsSync(settlementFile('20261202'))).toBe(true);
});

test('transfer_loss fails that share of the messages with reason timeout; latency rises to about 800 ms', async () => {
  // Math.random decides each message: a draw below the loss share is a lost message
  const random = jest.spyOn(Math, 'random');
  faults.transfer_loss = 0.5;
  faults.transfer_latency = true;
  random.mockReturnValue(0.49);
  const lost = await nextBatch();
  expect(lost.every((m) => m.outcome === 'failed' && m.reason === 'timeout')).toBe(true);
  expect(lost.every((m) => Math.abs(m.latency - 0.8 * 0.99) < 1e-4)).toBe(true);
  random.mockReturnValue(0.51);
  expect((await nextBatch()).some((m) => m.outcome === 'failed')).toBe(false);
  faults.transfer_loss = 0;
  faults.transfer_latency = false;
  random.mockReturnValue(0.002); // below the 0.3 % that fail without any fault
  const background = await nextBatch();
  expect(background.every((m) => m.outcome === 'failed')).toBe(true);
  expect(background.every((m) => Math.abs(m.latency - 0.02 * 0.502) < 1e-4)).toBe(true);
  random.mockReturnValue(0.004);
  expect((await nextBatch()).some((m) => m.outcome === 'failed')).toBe(false);
});

test('an exporter that refuses or is not up yet counts as a send error, and the ticks go on', async () => {
  answer = () => Promise.resolve(new Response('{}', { status: 503 }));
  await nextBatch();
  answer = () => Promise.reject(new TypeError('fetch failed: ECONNREFUSED'));
  await nextBatch();
  expect(sim.stats).toEqual({ sent: 0, sendErrors: 2 });
  answer = () => Promise.resolve(new Response('{}', { status: 200 }));
  await nextBatch();
  expect(sim.stats).toEqual({ sent: 28, sendErrors: 2 });
});
