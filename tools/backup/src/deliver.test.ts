/**
 * The spool's own rules, against a stand-in HTTP server whose answers the test chooses (the real
 * server does not answer 503 on demand; the e2e tests run the real one). It records the ids posted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from './args';
import { flushSpool } from './deliver';
import { Spool } from './spool';

describe('the spool', () => {
  let dir: string;
  let stand: http.Server;
  let answer: number;
  const posted: string[] = [];
  let conn: Connection;

  beforeAll(async () => {
    stand = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push((JSON.parse(body) as { id: string }).id);
        res.writeHead(answer, { 'content-type': 'application/json' });
        res.end(answer >= 400 ? JSON.stringify({ error: { code: 'x', message: `answer ${answer}` } }) : '{}');
      });
    });
    await new Promise<void>((r) => stand.listen(0, '127.0.0.1', r));
  });
  afterAll(() => stand.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-backup-spool-'));
    posted.length = 0;
    conn = {
      serverUrl: `http://127.0.0.1:${(stand.address() as AddressInfo).port}`,
      token: 'odk_t',
      tokenFile: undefined,
      spoolDir: dir,
      timeoutMs: 2000,
      host: 'h',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (spool: Spool, id: string, at: number) =>
    spool.put('run', { id, policy: 'files' }, new Date(at));

  test('oldest first; a 503 keeps it and the ones after it, counting the attempt; a 201 removes it', async () => {
    const spool = new Spool(dir);
    spool.ensure();
    put(spool, 'report-bbbbbbbb', 2000);
    put(spool, 'report-aaaaaaaa', 1000);
    put(spool, 'report-cccccccc', 3000);
    // a temporary file a crash left behind is not a report
    writeFileSync(path.join(dir, '.000000000000004-x.json.tmp'), '{"half":');

    answer = 503;
    const down = await flushSpool(spool, conn);
    expect(posted).toEqual(['report-aaaaaaaa']);
    expect(down).toMatchObject({
      delivered: [],
      waiting: ['report-aaaaaaaa', 'report-bbbbbbbb', 'report-cccccccc'],
    });
    expect(down.retryReason).toMatch(/answered 503: x: answer 503/);
    const first = JSON.parse(readFileSync(spool.list()[0]!, 'utf8')) as {
      attempts: number;
      lastError: string;
    };
    expect(first).toMatchObject({ attempts: 1, lastError: expect.stringContaining('503') });

    answer = 201;
    posted.length = 0;
    const up = await flushSpool(spool, conn);
    expect(posted).toEqual(['report-aaaaaaaa', 'report-bbbbbbbb', 'report-cccccccc']);
    expect(up.delivered).toEqual(posted);
    expect(spool.list()).toEqual([]);
  });

  test('a 4xx moves the report to rejected/ and goes on; --include-rejected puts it back', async () => {
    const spool = new Spool(dir);
    spool.ensure();
    put(spool, 'report-aaaaaaaa', 1000);
    put(spool, 'report-bbbbbbbb', 2000);
    answer = 422;
    const out = await flushSpool(spool, conn);
    expect(out.rejected.map((r) => r.id)).toEqual(['report-aaaaaaaa', 'report-bbbbbbbb']);
    expect(out.rejected[0]!.reason).toMatch(/422: x: answer 422; fix what the server names/);
    expect(readdirSync(spool.rejectedDir)).toHaveLength(2);
    expect(spool.requeueRejected()).toBe(2);
    answer = 200; // recorded before: delivered too
    expect((await flushSpool(spool, conn)).delivered).toHaveLength(2);
    expect(spool.list()).toEqual([]);
  });

  test('a file that is not a report is moved aside, not sent and not lost', async () => {
    const spool = new Spool(dir);
    spool.ensure();
    writeFileSync(path.join(dir, '000000000001000-broken.json'), 'not json');
    answer = 201;
    const out = await flushSpool(spool, conn);
    expect(posted).toEqual([]);
    expect(out.rejected).toHaveLength(1);
    expect(readFileSync(path.join(spool.rejectedDir, '000000000001000-broken.json'), 'utf8')).toBe(
      'not json',
    );
  });
});
