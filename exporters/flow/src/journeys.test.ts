import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { journeySchema, runJourney } from './journeys';

let server: http.Server;
let base: string;
let orderStatus = 'accepted';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/login' && req.method === 'POST')
        return res.end(JSON.stringify({ token: JSON.parse(body).user === 'probe' ? 'tok-1' : null }));
      if (req.url === '/orders' && req.headers.authorization === 'Bearer tok-1') {
        res.statusCode = 201;
        return res.end(JSON.stringify({ order: { id: 'O-1', status: orderStatus } }));
      }
      res.statusCode = 401;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const journey = () =>
  journeySchema.parse({
    name: 'place_order',
    steps: [
      {
        name: 'login',
        request: { method: 'POST', url: `${base}/login`, json: { user: 'probe' } },
        expect: { json: { token: { exists: true } } },
        extract: { token: 'token' },
      },
      {
        name: 'order',
        request: {
          method: 'POST',
          url: `${base}/orders`,
          headers: { authorization: 'Bearer {{token}}' },
          json: {},
        },
        expect: { status: 201, json: { 'order.status': { equals: 'accepted' } } },
      },
    ],
  });

test('steps run in turn, values carry forward, assertions pass', async () => {
  orderStatus = 'accepted';
  const results = await runJourney(journey());
  expect(results.map((r) => [r.step, r.ok])).toEqual([
    ['login', true],
    ['order', true],
  ]);
});

test('a failed assertion names the step and what was wrong', async () => {
  orderStatus = 'rejected';
  const results = await runJourney(journey());
  expect(results[1]).toMatchObject({
    step: 'order',
    ok: false,
    error: 'order.status is "rejected", expected "accepted"',
  });
});

test('an unreachable target fails the first step and stops the journey', async () => {
  const j = journeySchema.parse({
    name: 'down',
    timeout: '500ms',
    steps: [
      { name: 'a', request: { url: 'http://127.0.0.1:1/x' } },
      { name: 'b', request: { url: 'http://127.0.0.1:1/y' } },
    ],
  });
  const results = await runJourney(j);
  expect(results).toHaveLength(1);
  expect(results[0]!.ok).toBe(false);
});
