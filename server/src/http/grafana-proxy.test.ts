import { startTestServer, type TestServer } from '../testing/server';

type ErrorBody = { error: { code: string; message: string; details: Array<{ setting: string }> } };

// The database plays no part in how a refused token is answered, so SQLite alone covers it.
describe('a refused token behind Grafana’s plugin proxy', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s.stop());

  const call = (method: string, path: string, headers: Record<string, string>) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: method === 'GET' ? undefined : '{}',
    });
  const grafana = {
    'x-grafana-context': JSON.stringify({ UserID: 3, Login: 'li.si', OrgID: 1, OrgRole: 'Editor' }),
  };

  test('answers 403 naming the viewer token for a read and the editor token for a write, never 401', async () => {
    const read = await call('GET', '/api/v1/incidents', { ...grafana, authorization: 'Bearer ' });
    expect(read.status).toBe(403);
    const readBody = (await read.json()) as ErrorBody;
    expect(readBody.error.code).toBe('grafana_token_rejected');
    expect(readBody.error.message).toMatch(/viewer token/);
    expect(readBody.error.details).toEqual([{ setting: 'viewerToken' }]);

    const write = await call('POST', '/api/v1/incidents/INC-1/comments', {
      ...grafana,
      authorization: 'Bearer odk_revoked-or-unknown-0000000000',
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as ErrorBody).error.details).toEqual([{ setting: 'editorToken' }]);
  });

  test('a client that is not behind Grafana still gets 401', async () => {
    const res = await call('GET', '/api/v1/incidents', { authorization: 'Bearer nope-nope-nope-nope' });
    expect(res.status).toBe(401);
  });

  test('a valid token behind Grafana is not affected', async () => {
    const res = await call('GET', '/api/v1/incidents', {
      ...grafana,
      authorization: `Bearer odk_test-admin-token-0123456789`,
    });
    expect(res.status).toBe(200);
  });
});
