import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@opsdesk/testing';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import { channelSchema, type ChannelConfig } from '../config';
import { renderMessage } from '../templates';
import { renderMarkdown } from '../templates/markdown';
import type { Language, NotifyEvent, Recipient, Rendered } from '../types';
import { EmailSender, type EmailPayload } from './email';

/**
 * A real SMTP server (the smtp-server package, the server half of nodemailer) on a loopback port.
 * It asks for AUTH PLAIN/LOGIN, accepts ops / the password below, and answers RCPT TO for a few
 * addresses with the codes a real mail server uses.
 */
const PASSWORD = 's3cret-smtp';
const ENV = 'OPSDESK_TEST_SMTP_PASSWORD';
const WRONG_ENV = 'OPSDESK_TEST_SMTP_WRONG';

interface Received {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

const RCPT_ANSWERS: Record<string, { code: number; message: string }> = {
  'busy@example.cn': { code: 452, message: '4.2.2 Mailbox full, try again later' },
  'greylist@example.cn': { code: 451, message: '4.7.1 Greylisted, please retry' },
  'nobody@example.cn': { code: 550, message: '5.1.1 User unknown' },
};

let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** what the server answers at the greeting and after DATA, for the test that sets it */
let connectAnswer: { code: number; message: string } | undefined;
let dataAnswer: { code: number; message: string } | undefined;

beforeAll(async () => {
  port = await freePort();
  server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // loopback, no certificate: AUTH without TLS is what this test server allows, not a real one
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, cb) {
      if (connectAnswer)
        cb(Object.assign(new Error(connectAnswer.message), { responseCode: connectAnswer.code }));
      else cb();
    },
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, cb) {
      if (auth.username === 'ops' && auth.password === PASSWORD) cb(null, { user: 'ops' });
      else cb(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onMailFrom(_address, session, cb) {
      // a submission server: no mail without logging in (RFC 4954: 530)
      if (!session.user) cb(Object.assign(new Error('5.7.0 Authentication required'), { responseCode: 530 }));
      else cb();
    },
    onRcptTo(address, _session, cb) {
      const answer = RCPT_ANSWERS[address.address];
      if (answer) cb(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (dataAnswer) {
          cb(Object.assign(new Error(dataAnswer.message), { responseCode: dataAnswer.code }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  process.env[ENV] = PASSWORD;
  process.env[WRONG_ENV] = 'not-the-password';
});

afterAll(async () => {
  delete process.env[ENV];
  delete process.env[WRONG_ENV];
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  connectAnswer = undefined;
  dataAnswer = undefined;
});

const channel = (language: Language, smtp: Record<string, unknown> = {}): ChannelConfig =>
  channelSchema.parse({
    name: 'ops-mail',
    type: 'email',
    language,
    timeout: '5s',
    smtp: {
      host: '127.0.0.1',
      port,
      user: 'ops',
      password: { env: ENV },
      from: 'OpsDesk <opsdesk@example.cn>',
      to: ['oncall@example.cn'],
      ...smtp,
    },
  });

const AT = Date.parse('2026-12-01T02:05:00Z');
const event: NotifyEvent = {
  kind: 'incident.opened',
  key: 'INC-2026-0042',
  phase: 'firing',
  severity: 'P1',
  at: AT,
  data: {
    incident: {
      id: 'u-42',
      number: 'INC-2026-0042',
      title: '交易网关不可用 <script>',
      severity: 'P1',
      status: 'triggered',
      service: 'gateway',
      occurredAt: '2026-12-01T01:00:00Z',
    },
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'TradeGatewayDown', instance: 'gw-1' },
        annotations: { summary: 'gw-1 down', value: '0 sessions' },
        startsAt: '2026-12-01T01:00:00Z',
        generatorURL: 'http://prometheus:9090/graph',
      },
    ],
  },
};
const lisi: Recipient = { id: 'lisi', name: '李四', email: 'lisi@example.cn', language: 'zh-Hans' };
const render = (lang: Language, mentions: Recipient[] = []): Rendered =>
  renderMessage([event], channel(lang), {
    grafanaUrl: 'https://grafana.example.cn',
    alertmanagerUrl: 'http://am:9093',
    mentions,
    baseDir: __dirname,
  });

const send = async (ch: ChannelConfig, message: Rendered, signal = new AbortController().signal) => {
  const sender = new EmailSender(ch, __dirname);
  const parts = sender.render(message);
  const outcomes = [];
  for (const part of parts) outcomes.push(await sender.send(part, signal));
  return { parts, outcomes };
};

// --- a small MIME reader (RFC 2045–2047), enough for what nodemailer writes -----------------
interface MimePart {
  headers: Map<string, string>;
  body: string;
  parts: MimePart[];
}
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const pieces = body.split(`--${boundary}`).slice(1);
    const parts = pieces
      .filter((p) => !p.startsWith('--'))
      .map((p) => parseMime(p.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    return { headers, body: '', parts };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable')
    bytes = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  else bytes = Buffer.from(body, 'latin1');
  return { headers, body: bytes.toString('utf8'), parts: [] };
}
const partOf = (m: MimePart, type: string): MimePart | undefined =>
  m.parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type));

describe('email channel against a real SMTP server', () => {
  test('one mail, text and HTML, subject and body in Chinese, to the channel and the people mentioned', async () => {
    const message = render('zh-Hans', [lisi]);
    const { parts, outcomes } = await send(channel('zh-Hans'), message);
    expect(outcomes).toEqual([{ ok: true }]);
    expect(parts).toHaveLength(1);
    expect(received).toHaveLength(1);
    const mail = received[0] as Received;
    expect(mail.user).toBe('ops');
    expect(mail.from).toBe('opsdesk@example.cn');
    expect(mail.to.sort()).toEqual(['lisi@example.cn', 'oncall@example.cn']);
    const mime = parseMime(mail.raw);
    expect(decodeWords(mime.headers.get('subject') ?? '')).toBe(message.title);
    expect(message.title).toMatch(/[\u4e00-\u9fff]/);
    expect(mime.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mime.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    const text = partOf(mime, 'text/plain');
    const html = partOf(mime, 'text/html');
    expect(text?.headers.get('content-type')).toMatch(/charset=utf-8/i);
    // both parts say every section, in the channel's language
    for (const section of message.sections) {
      const { text: plain } = renderMarkdown(section);
      for (const line of plain.split('\n')) {
        expect(text?.body.replace(/\r\n/g, '\n')).toContain(line);
      }
    }
    expect(text?.body).toContain('持续时间');
    expect(text?.body).toContain('https://grafana.example.cn/a/opsdesk-ops-app/incidents/INC-2026-0042');
    expect(html?.body).toContain('<html lang="zh-Hans">');
    expect(html?.body).toContain('持续时间');
    expect(html?.body).toContain(
      'href="https://grafana.example.cn/a/opsdesk-ops-app/incidents/INC-2026-0042"',
    );
    // the title's <script> is text in both parts
    expect(html?.body).not.toContain('<script>');
    expect(html?.body).toContain('&lt;script&gt;');
    expect(text?.body).toContain('交易网关不可用 <script>');
    expect(html?.body).toContain('李四');
  });

  test('an English channel writes an English mail', async () => {
    const message = render('en');
    const { outcomes } = await send(channel('en'), message);
    expect(outcomes).toEqual([{ ok: true }]);
    const mime = parseMime((received[0] as Received).raw);
    const subject = decodeWords(mime.headers.get('subject') ?? '');
    expect(subject).toBe(message.title);
    expect(subject).toMatch(/^\[P1\] New incident INC-2026-0042/);
    expect(partOf(mime, 'text/plain')?.body).toContain('Lasting');
    expect(partOf(mime, 'text/html')?.body).toContain('<html lang="en">');
  });

  test('a refused login (535) is a configuration error', async () => {
    const { outcomes } = await send(channel('en', { password: { env: WRONG_ENV } }), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'config', status: 535 });
    expect(received).toHaveLength(0);
  });

  test('no login where the server requires one (530) is a configuration error', async () => {
    const { outcomes } = await send(channel('en', { user: undefined, password: undefined }), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'config', status: 530 });
  });

  test.each([
    ['busy@example.cn', 'transient', 452],
    ['greylist@example.cn', 'transient', 451],
    ['nobody@example.cn', 'rejected', 550],
  ] as const)('RCPT TO %s → %s (%s)', async (to, kind, status) => {
    const { outcomes } = await send(channel('en', { to: [to] }), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind, status, code: String(status) });
    expect(received).toHaveLength(0);
  });

  test('a server too busy to talk (421 at the greeting) is transient', async () => {
    connectAnswer = { code: 421, message: '4.3.2 Too many connections, try again later' };
    const { outcomes } = await send(channel('en'), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'transient', status: 421 });
  });

  test.each([
    [554, 'rejected', '5.7.1 Message rejected as spam'],
    [451, 'transient', '4.3.0 Local error in processing'],
  ] as const)('%s after DATA → %s', async (code, kind, message) => {
    dataAnswer = { code, message };
    const { outcomes } = await send(channel('en'), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind, status: code });
    expect((outcomes[0] as { error: string }).error).toContain(message);
  });

  test('no server listening is transient', async () => {
    const closed = await freePort();
    const { outcomes } = await send(channel('en', { port: closed }), render('en'));
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'transient' });
  });

  test('a send already stopped sends nothing', async () => {
    const stop = new AbortController();
    stop.abort();
    const { outcomes } = await send(channel('en'), render('en'), stop.signal);
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'transient', code: 'aborted' });
    expect(received).toHaveLength(0);
  });

  test('the password is read when the channel is made; a missing one names the setting', () => {
    expect(
      () => new EmailSender(channel('en', { password: { env: 'OPSDESK_TEST_SMTP_UNSET' } }), __dirname),
    ).toThrow(
      'notify.channels[ops-mail].smtp.password: environment variable OPSDESK_TEST_SMTP_UNSET is not set',
    );
    expect(() => new EmailSender(channel('en', { password: undefined }), __dirname)).toThrow(
      /notify\.channels\[ops-mail\]\.smtp\.password: a user is set but no password/,
    );
  });

  test('a message over the size cap goes as [k/n] mails, every section once and in order', async () => {
    const sender = new EmailSender(channel('en'), __dirname);
    const sections = Array.from({ length: 40 }, (_, i) => `**section ${i}**\n${'x'.repeat(60_000)}`);
    const message: Rendered = { ...render('en'), sections };
    const parts = sender.render(message);
    expect(parts.length).toBeGreaterThan(1);
    const subjects = parts.map((p) => (p.payload as EmailPayload).subject);
    subjects.forEach((s, i) => expect(s).toBe(`[${i + 1}/${parts.length}] ${message.title}`));
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(sender.limits.maxBytes);
    const order = parts.flatMap((p) =>
      [...(p.payload as EmailPayload).text.matchAll(/section (\d+)/g)].map((m) => Number(m[1])),
    );
    expect(order).toEqual(sections.map((_, i) => i));
    const outcomes = [];
    for (const part of parts) outcomes.push(await sender.send(part, new AbortController().signal));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(received.map((r) => decodeWords(parseMime(r.raw).headers.get('subject') ?? ''))).toEqual(subjects);
  });

  describe('over TLS (port 465 style) with a certificate nobody signed', () => {
    let tls: SMTPServer;
    let tlsPort: number;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-smtp-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      tlsPort = await freePort();
      tls = new SMTPServer({
        secure: true,
        key: readFileSync(path.join(dir, 'key.pem')),
        cert: readFileSync(path.join(dir, 'cert.pem')),
        authOptional: true,
        logger: false,
        onData(stream, _session, cb) {
          stream.resume();
          stream.on('end', () => cb());
        },
      });
      // the client hanging up mid-handshake is what this test makes happen
      tls.on('error', () => undefined);
      await new Promise<void>((resolve) => tls.listen(tlsPort, '127.0.0.1', () => resolve()));
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    });

    test('the certificate does not verify: a configuration error, nothing sent', async () => {
      const ch = channel('en', { port: tlsPort, secure: true, user: undefined, password: undefined });
      const { outcomes } = await send(ch, render('en'));
      expect(outcomes[0]).toMatchObject({ ok: false, kind: 'config' });
      expect((outcomes[0] as { error: string }).error).toMatch(/certificate/i);
    });
  });
});
