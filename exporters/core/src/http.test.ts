import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '@opsdesk/testing';
import { errorReply, HttpError, jsonReply, routeRequests, RouteTable, textReply, type Route } from './http';

let server: Server;
let base: string;

const routes: Route[] = [
  { method: 'GET', path: '/plain', handle: () => textReply(200, 'plain\n') },
  {
    method: 'GET',
    path: '/flows/:flow/steps/:step',
    handle: (req) => jsonReply(200, { params: req.params, limit: req.query.getAll('limit') }),
  },
  {
    method: 'POST',
    path: '/echo',
    maxBodyBytes: 64,
    handle: async (req) => jsonReply(200, { text: await req.text() }),
  },
  { method: 'POST', path: '/json', handle: async (req) => jsonReply(200, { value: await req.json() }) },
  { method: 'POST', path: '/ndjson', handle: async (req) => jsonReply(200, { lines: await req.ndjson() }) },
  {
    method: 'GET',
    path: '/refuse',
    handle: () => {
      throw new HttpError(401, 'unauthorized', 'send a token');
    },
  },
  {
    method: 'GET',
    path: '/broken',
    handle: async () => {
      throw new Error('disk on fire');
    },
  },
];

beforeAll(async () => {
  const table = new RouteTable(routes);
  server = createServer(
    routeRequests(table, {
      log: silentLogger,
      notFound: (m, p) => errorReply(404, 'not_found', `no ${m} ${p}`),
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

test('exact paths, :name segments decoded into params, repeated query keys', async () => {
  expect(await (await fetch(`${base}/plain`)).text()).toBe('plain\n');
  const res = await fetch(`${base}/flows/order%2Fentry/steps/match?limit=5&limit=6`);
  expect(await res.json()).toEqual({ params: { flow: 'order/entry', step: 'match' }, limit: ['5', '6'] });
  expect((await fetch(`${base}/flows/x/steps`)).status).toBe(404);
});

test('unknown paths get the notFound answer; a known path with another method is a 405 with Allow', async () => {
  const missing = await fetch(`${base}/nope`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no GET /nope' } });
  const wrong = await fetch(`${base}/echo`);
  expect(wrong.status).toBe(405);
  expect(wrong.headers.get('allow')).toBe('POST');
});

test('HEAD is answered by the GET route without a body', async () => {
  const res = await fetch(`${base}/plain`, { method: 'HEAD' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-length')).toBe('6');
  expect(await res.text()).toBe('');
});

test('bodies are read as text, after gzip, within the route limit', async () => {
  const plain = await fetch(`${base}/echo`, { method: 'POST', body: 'hello' });
  expect(await plain.json()).toEqual({ text: 'hello' });
  const zipped = await fetch(`${base}/echo`, {
    method: 'POST',
    body: gzipSync('zipped'),
    headers: { 'content-encoding': 'gzip' },
  });
  expect(await zipped.json()).toEqual({ text: 'zipped' });
});

test('a body over the limit is a 413, whether declared, streamed or inflated past it', async () => {
  const declared = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(65) });
  expect(declared.status).toBe(413);
  expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  const streamed = await new Promise<number>((resolve, reject) => {
    const req = request(`${base}/echo`, { method: 'POST' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let i = 0; i < 10; i++) req.write('y'.repeat(20)); // chunked: no Content-Length
    req.end();
  });
  expect(streamed).toBe(413);
  const bomb = await fetch(`${base}/echo`, {
    method: 'POST',
    body: gzipSync('z'.repeat(10_000)),
    headers: { 'content-encoding': 'gzip' },
  });
  expect(bomb.status).toBe(413);
});

test('an unknown Content-Encoding or charset is a 415 that names what to send', async () => {
  const br = await fetch(`${base}/echo`, {
    method: 'POST',
    body: 'x',
    headers: { 'content-encoding': 'br' },
  });
  expect(br.status).toBe(415);
  expect(((await br.json()) as { error: { message: string } }).error.message).toMatch(
    /identity, gzip or deflate/,
  );
  const cs = await fetch(`${base}/echo`, {
    method: 'POST',
    body: 'x',
    headers: { 'content-type': 'text/plain; charset=klingon' },
  });
  expect(cs.status).toBe(415);
  const latin1 = await fetch(`${base}/echo`, {
    method: 'POST',
    body: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    headers: { 'content-type': 'text/plain; charset=iso-8859-1' },
  });
  expect(await latin1.json()).toEqual({ text: 'café' });
});

test('json() refuses a body that is not JSON; ndjson() reports each bad line by number', async () => {
  const bad = await fetch(`${base}/json`, { method: 'POST', body: '{"a":' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
  const good = await fetch(`${base}/json`, { method: 'POST', body: '{"a":1}' });
  expect(await good.json()).toEqual({ value: { a: 1 } });
  const lines = await fetch(`${base}/ndjson`, { method: 'POST', body: '{"a":1}\n\nnope\n{"b":2}\n' });
  const { lines: got } = (await lines.json()) as {
    lines: Array<{ line: number; value?: unknown; error?: string }>;
  };
  expect(got.map((l) => l.line)).toEqual([1, 3, 4]);
  expect(got[0]).toEqual({ line: 1, value: { a: 1 } });
  expect(got[1]!.error).toMatch(/^not JSON/);
});

test('HttpError becomes its JSON answer; any other failure a 500, and the server keeps serving', async () => {
  const refused = await fetch(`${base}/refuse`);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: 'unauthorized', message: 'send a token' } });
  const broken = await fetch(`${base}/broken`);
  expect(broken.status).toBe(500);
  expect(((await broken.json()) as { error: { message: string } }).error.message).toBe('disk on fire');
  expect((await fetch(`${base}/plain`)).status).toBe(200);
});

test('a route table refuses a path declared twice and a path without a leading slash', () => {
  const handle = () => textReply(200, '');
  expect(
    () =>
      new RouteTable([
        { method: 'GET', path: '/a', handle },
        { method: 'GET', path: '/a', handle },
      ]),
  ).toThrow(/declared twice/);
  expect(() => new RouteTable([{ method: 'GET', path: 'a', handle }])).toThrow(/must start with \//);
});
