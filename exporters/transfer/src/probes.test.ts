import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { freePort } from '@opsdesk/testing';
import { probeSchema, runProbe } from './probes';

const servers: Array<{ close(): unknown }> = [];
afterAll(() => servers.forEach((s) => s.close()));

async function listen<T extends net.Server>(server: T): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const probe = (spec: object) => probeSchema.parse({ timeout: '2s', ...spec });

test('TCP: a listening port succeeds with dns and connect phases; a closed one fails in connect', async () => {
  const port = await listen(net.createServer((s) => s.end()));
  const ok = await runProbe(probe({ kind: 'tcp', target: `localhost:${port}` }));
  expect(ok).toMatchObject({ ok: true });
  expect(Object.keys(ok.phases)).toEqual(['dns', 'connect']);
  const closed = await runProbe(probe({ kind: 'tcp', target: `127.0.0.1:${await freePort()}` }));
  expect(closed).toMatchObject({
    ok: false,
    failedPhase: 'connect',
    error: expect.stringContaining('ECONNREFUSED'),
  });
});

test('a name that does not resolve fails in dns', async () => {
  const r = await runProbe(probe({ kind: 'tcp', target: 'participant-gateway.invalid:7001' }));
  expect(r).toMatchObject({ ok: false, failedPhase: 'dns' });
});

test('HTTP: status and body are checked; a server that never answers is a timeout', async () => {
  const port = await listen(
    http.createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.statusCode = req.url === '/health' ? 200 : 503;
      res.end(req.url === '/health' ? '{"status":"UP"}' : 'maintenance');
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  expect(await runProbe(probe({ kind: 'http', url: `${base}/health`, body_match: '"UP"' }))).toMatchObject({
    ok: true,
  });
  expect(await runProbe(probe({ kind: 'http', url: `${base}/health`, body_match: 'DOWN' }))).toMatchObject({
    ok: false,
    failedPhase: 'http',
    error: 'body does not match /DOWN/',
  });
  expect(await runProbe(probe({ kind: 'http', url: `${base}/other` }))).toMatchObject({
    ok: false,
    failedPhase: 'http',
    error: 'status 503, expected 200',
  });
  const hang = await runProbe(probe({ kind: 'http', url: `${base}/hang`, timeout: '300ms' }));
  expect(hang).toMatchObject({ ok: false, failedPhase: 'timeout' });
  expect(hang.seconds).toBeLessThan(1);
});

test('HTTPS and TLS probes against a self-signed certificate about to expire', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost'].concat([
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    const port = await listen(
      https.createServer(
        { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
        (_req, res) => res.end('ok'),
      ),
    );
    const url = `https://localhost:${port}/`;
    const refused = await runProbe(probe({ kind: 'http', url }));
    expect(refused).toMatchObject({
      ok: false,
      failedPhase: 'tls',
      error: expect.stringMatching(/self.signed/),
    });
    const ok = await runProbe(probe({ kind: 'http', url, insecure_skip_verify: true }));
    expect(ok).toMatchObject({ ok: true });
    expect(Object.keys(ok.phases)).toEqual(['dns', 'connect', 'tls', 'http']);
    // the tls probe: the chain does not verify, and the certificate expires in two days
    const target = `localhost:${port}`;
    const chain = await runProbe(probe({ kind: 'tls', target }));
    expect(chain).toMatchObject({ ok: false, failedPhase: 'tls', chainValid: false });
    expect(chain.error).toMatch(/certificate does not verify: .*SELF_SIGNED/);
    const expiring = await runProbe(probe({ kind: 'tls', target, insecure_skip_verify: true }));
    expect(expiring).toMatchObject({ ok: true, chainValid: false });
    const days = (expiring.certNotAfter! - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad probe config names the field', () => {
  expect(() => probeSchema.parse({ kind: 'tcp', target: 'no-port' })).toThrow(/expected host:port/);
  expect(() => probeSchema.parse({ kind: 'http', url: 'ftp://x/' })).toThrow(/http:\/\/ or https:\/\//);
  expect(() => probeSchema.parse({ kind: 'http', url: 'http://x/', body_match: '(' })).toThrow(
    /not a valid regular expression/,
  );
});

test('tls_config: a private CA verifies the chain, and a client certificate passes mutual TLS', async () => {
  const fixtures = path.join(__dirname, 'fixtures', 'golden-tls');
  const cert = readFileSync(path.join(fixtures, 'cert.pem'));
  const key = readFileSync(path.join(fixtures, 'key.pem'));
  // the participant's endpoint: its own self-signed certificate, and it wants one signed by it back
  const port = await listen(
    https.createServer({ key, cert, ca: cert, requestCert: true, rejectUnauthorized: true }, (_req, res) =>
      res.end('ok'),
    ),
  );
  const tlsConfig = {
    ca_file: path.join(fixtures, 'cert.pem'),
    cert_file: path.join(fixtures, 'cert.pem'),
    key_file: path.join(fixtures, 'key.pem'),
  };
  const target = `127.0.0.1:${port}`;
  expect(await runProbe(probe({ kind: 'tls', target, tls_config: tlsConfig }))).toMatchObject({
    ok: true,
    chainValid: true,
  });
  expect(
    await runProbe(probe({ kind: 'http', url: `https://${target}/`, tls_config: tlsConfig })),
  ).toMatchObject({ ok: true });
  // without the client certificate the endpoint ends the handshake; without the CA nothing verifies
  const noClientCert = await runProbe(
    probe({ kind: 'http', url: `https://${target}/`, tls_config: { ca_file: tlsConfig.ca_file } }),
  );
  expect(noClientCert).toMatchObject({ ok: false });
  expect(await runProbe(probe({ kind: 'tls', target }))).toMatchObject({ ok: false, chainValid: false });
  const unreadable = await runProbe(
    probe({ kind: 'tls', target, tls_config: { ca_file: '/nonexistent/ca.pem' } }),
  );
  expect(unreadable).toMatchObject({
    ok: false,
    failedPhase: 'tls',
    error: expect.stringMatching(/^cannot read tls_config: .*ENOENT/),
  });
});
