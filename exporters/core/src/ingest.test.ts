import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { z } from 'zod';
import { errorReply, routeRequests, RouteTable } from './http';
import { eventIngestRoute, type RefusedReason } from './ingest';
import { createLogger } from '@opsdesk/runtime';
import { admitEventTime, eventParser, eventTimeSchema } from './schemas';

const NOW = Date.UTC(2026, 11, 1, 2, 0);
const SKEW = 5 * 60_000;
const TOKEN = 'ingest-test-token-0123456789';

const parse = eventParser(z.strictObject({ name: z.string().min(1).max(50), time: eventTimeSchema }));

let server: Server;
let url: string;
const accepted: Array<{ name: string; time: number }> = [];
const refused = new Map<RefusedReason, number>();

beforeAll(async () => {
  const log = createLogger('test', 'error');
  const route = eventIngestRoute('/events', {
    tokens: [TOKEN],
    maxBodyBytes: 64 * 1024,
    log,
    parse,
    maxFutureSkewMs: SKEW,
    now: () => NOW,
    accept: (e) => {
      accepted.push(e);
      return 'accepted';
    },
    onInvalid: (n, reason) => refused.set(reason, (refused.get(reason) ?? 0) + n),
  });
  const serve = routeRequests(new RouteTable([route]), {
    log,
    notFound: (method, path) => errorReply(404, 'not_found', `${method} ${path}`),
  });
  server = await new Promise((resolve) => {
    const s = createServer(serve).listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  accepted.length = 0;
  refused.clear();
});

const post = (body: string) =>
  fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body });

test('a time further ahead than the skew is refused as future, naming the line; the others are taken', async () => {
  const res = await post(
    [
      JSON.stringify({ name: 'ok' }),
      JSON.stringify({ name: 'micros', time: 9e15 }), // epoch microseconds
      JSON.stringify({ name: 'year', time: '2099-01-01T00:00:00Z' }),
      JSON.stringify({ name: 'within', time: NOW + SKEW - 1 }),
      JSON.stringify({ name: 'bad', extra: 1 }),
    ].join('\n'),
  );
  expect(res.status).toBe(400);
  const body = (await res.json()) as {
    error: { details: Array<{ line: number; reason: string; error: string }> };
    counts: unknown;
  };
  expect(body.counts).toEqual({ accepted: 2 });
  expect(body.error.details.map((d) => [d.line, d.reason])).toEqual([
    [2, 'future'],
    [3, 'future'],
    [5, 'invalid'],
  ]);
  expect(body.error.details[0]!.error).toMatch(
    /ahead of this exporter's clock \(ingest.max_future_skew is 5m\)/,
  );
  expect(Object.fromEntries(refused)).toEqual({ future: 2, invalid: 1 });
  // an accepted time never lies past the exporter's clock
  expect(accepted.map((e) => e.time)).toEqual([NOW, NOW]);
});

test('epoch seconds and impossible calendar dates are refused as invalid, with the fix', () => {
  expect(parse({ name: 'a', time: 1_764_554_400 }, NOW)).toMatch(/epoch seconds need multiplying by 1000/);
  expect(parse({ name: 'a', time: '2026-13-01T00:00:00Z' }, NOW)).toMatch(/^time:/);
  expect(admitEventTime({ time: Number.POSITIVE_INFINITY }, NOW, SKEW)).toMatch(/infinitely ahead/);
  expect(admitEventTime({ time: NOW - 1000 }, NOW, SKEW)).toEqual({ time: NOW - 1000 });
});

test('property: no body answers 5xx, every line is taken or refused, and nothing taken is in the future', async () => {
  const time = fc.oneof(
    fc.integer({ min: -1e16, max: 1e16 }),
    fc.double(),
    fc
      .date({ noInvalidDate: false })
      .map((d) => (Number.isNaN(d.getTime()) ? 'not a date' : d.toISOString())),
    fc.constantFrom(9e15, 8.64e15, 8.64e15 + 1, NOW, NOW + SKEW, NOW + SKEW + 1, '9999-12-31T23:59:59Z'),
    fc.string(),
  );
  const line = fc.oneof(
    fc
      .record({ name: fc.string({ minLength: 1, maxLength: 60 }), time }, { requiredKeys: ['name'] })
      .map((v) => JSON.stringify(v)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 40 }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 20 }), async (lines) => {
      accepted.length = 0;
      refused.clear();
      const res = await post(lines.join('\n'));
      const body = (await res.json()) as { counts?: { accepted?: number } };
      const taken = body.counts?.accepted ?? 0;
      const nonEmpty = lines.filter((l) => l.trim() !== '').length;
      const text = lines.join('\n');
      if (text.trimStart().startsWith('[')) return res.status < 500; // the body as a JSON array
      return (
        res.status < 500 &&
        taken === accepted.length &&
        taken + (refused.get('invalid') ?? 0) + (refused.get('future') ?? 0) === nonEmpty &&
        accepted.every((e) => e.time <= NOW)
      );
    }),
    { numRuns: 300 },
  );
});
