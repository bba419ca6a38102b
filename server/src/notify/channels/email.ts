import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { resolveSecret, type ChannelConfig } from '../config';
import { escapeHtml, renderMarkdown } from '../templates/markdown';
import type { ChannelSender, Color, Part, Rendered, SendOutcome } from '../types';
import { channelRates, cutMarker, setting, splitMessage, type SenderOptions } from './common';

/** Part.payload of an email channel: one message, sent with nodemailer. */
export interface EmailPayload {
  subject: string;
  text: string;
  html: string;
  to: string[];
}

// A mail has no small size limit, but a message of thousands of alerts helps nobody and some
// relays refuse mails over a few MB: past this the message is split as the IM channels split.
const MAX_BYTES = 1024 * 1024;

const COLORS: Record<Color, string> = {
  red: '#d32f2f',
  orange: '#ef6c00',
  yellow: '#f9a825',
  blue: '#1976d2',
  green: '#2e7d32',
  grey: '#616161',
};

const WORDS = {
  'zh-Hans': { for: '通知对象', footer: '此邮件由 OpsDesk 自动发送，请勿直接回复。' },
  en: { for: 'For', footer: 'Sent by OpsDesk. Replies are not read.' },
} as const;

const bytesOf = (p: EmailPayload) =>
  Buffer.byteLength(p.subject) + Buffer.byteLength(p.text) + Buffer.byteLength(p.html);

/**
 * Email over SMTP: one mail per message with a text and an HTML part in the channel's language,
 * to the channel's `smtp.to` and every mentioned person who has an email address.
 */
export class EmailSender implements ChannelSender {
  readonly type = 'email' as const;
  // SMTP itself has no rate; mail providers (Exmail, Aliyun, Office 365) throttle bulk senders,
  // so a channel sends at most one mail a second on average unless `rate:` asks for fewer.
  readonly limits: ChannelSender['limits'];
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;
  private readonly from: string;
  private readonly to: string[];

  constructor(
    channel: ChannelConfig,
    baseDir: string,
    // the robots' clock and HTTP client; nothing an SMTP exchange uses
    _opts: SenderOptions = {},
  ) {
    this.limits = { maxBytes: MAX_BYTES, rates: channelRates(channel, [{ count: 60, windowMs: 60_000 }]) };
    const smtpSetting = setting(channel, 'smtp');
    const smtp = channel.smtp;
    if (!smtp) throw new Error(`${smtpSetting}: an email channel needs smtp: host, from and to`);
    if (smtp.password && !smtp.user)
      throw new Error(`${smtpSetting}.user: a password is set but no user; set the SMTP user name`);
    const pass = smtp.password ? resolveSecret(smtp.password, `${smtpSetting}.password`, baseDir) : undefined;
    if (smtp.user && pass === undefined)
      throw new Error(
        `${smtpSetting}.password: a user is set but no password; set password: { env: NAME } or { file: path }`,
      );
    this.from = smtp.from;
    this.to = smtp.to;
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass } } : {}),
      connectionTimeout: channel.timeout,
      greetingTimeout: channel.timeout,
      socketTimeout: channel.timeout,
    });
  }

  render(message: Rendered): Part[] {
    const to = [...this.to];
    for (const m of message.mentions) if (m.email && !to.includes(m.email)) to.push(m.email);
    return splitMessage(message.title, message.sections, {
      build: (subject, sections) => this.payload(message, subject, sections, to),
      size: bytesOf,
      maxBytes: MAX_BYTES,
      marker: cutMarker(message.language),
    });
  }

  private payload(message: Rendered, subject: string, sections: string[], to: string[]): EmailPayload {
    const words = WORDS[message.language];
    const blocks = sections.map(renderMarkdown);
    const names = message.mentions.map((m) => m.name);
    const text = [
      subject,
      ...(names.length > 0 ? [`${words.for}: ${names.join(', ')}`] : []),
      ...blocks.map((b) => b.text),
      message.buttons.map((b) => `${b.label}: ${b.url}`).join('\n'),
      `-- \n${words.footer}`,
    ]
      .filter((t) => t !== '')
      .join('\n\n');
    const color = COLORS[message.color];
    // white on yellow is unreadable
    const ink = message.color === 'yellow' ? '#212121' : '#fff';
    const buttons = message.buttons
      .map(
        (b) =>
          `<a href="${escapeHtml(b.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:6px 14px;border-radius:4px;background:${color};color:${ink};text-decoration:none">${escapeHtml(b.label)}</a>`,
      )
      .join('');
    const html = `<!DOCTYPE html>
<html lang="${message.language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.6;color:#212121">
<div style="max-width:720px;border:1px solid #e0e0e0;border-radius:6px;overflow:hidden">
<div style="background:${color};color:${ink};padding:12px 16px;font-size:16px;font-weight:bold">${escapeHtml(subject)}</div>
<div style="padding:8px 16px">
${names.length > 0 ? `<p>${escapeHtml(words.for)}: ${names.map(escapeHtml).join(', ')}</p>\n` : ''}${blocks.map((b) => `<div style="border-bottom:1px solid #eeeeee;padding:4px 0">\n${b.html}\n</div>`).join('\n')}
${buttons ? `<p style="margin-top:12px">${buttons}</p>` : ''}
</div>
</div>
<p style="color:#9e9e9e;font-size:12px">${escapeHtml(words.footer)}</p>
</body>
</html>
`;
    return { subject, text, html, to };
  }

  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    const mail = part.payload as EmailPayload;
    if (signal.aborted)
      return { ok: false, kind: 'transient', code: 'aborted', error: 'the send was aborted' };
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<SendOutcome>((resolve) => {
      onAbort = () =>
        resolve({
          ok: false,
          kind: 'transient',
          code: 'aborted',
          // the server may still have taken it: SMTP has no way to take a DATA back
          error: 'the send was aborted; the mail may still have been delivered',
        });
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([this.deliver(mail), aborted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  private async deliver(mail: EmailPayload): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // RFC 3834: an automatic message, so vacation responders do not answer it
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      if (info.accepted.length === 0)
        return { ok: false, kind: 'rejected', error: `no recipient accepted: ${info.response}` };
      return { ok: true };
    } catch (err) {
      return classify(err);
    }
  }
}

const TRANSIENT_NET = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SMTP's answer → what the outbox does. 4xx is "try again later" by definition (RFC 5321 4.2.1:
 * 421 closing, 450/451/452 mailbox busy, local error, out of storage); 535 and its kin say the
 * credentials are wrong; 550/553/554 refuse this mail or its recipients, which no retry changes.
 */
export function classify(err: unknown): SendOutcome {
  const e = err as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
    command?: string;
  };
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const error = (e.response ?? e.message ?? String(err)).slice(0, 1000);
  const code = status !== undefined ? String(status) : e.code;
  if (status !== undefined) {
    if (status >= 400 && status < 500) return { ok: false, kind: 'transient', code, status, error };
    if (status === 530 || status === 534 || status === 535 || status === 538 || e.code === 'EAUTH')
      return { ok: false, kind: 'config', code, status, error };
    return { ok: false, kind: 'rejected', code, status, error };
  }
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return { ok: false, kind: 'config', code, error };
  // the server's certificate does not verify: the host or the TLS setting is wrong
  if (e.code && /CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/.test(e.code))
    return { ok: false, kind: 'config', code, error };
  if (e.code === 'ETLS' || (e.code === 'ESOCKET' && /certificate|wrong version number/i.test(error)))
    return { ok: false, kind: 'config', code, error };
  if (e.code && TRANSIENT_NET.has(e.code)) return { ok: false, kind: 'transient', code, error };
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { ok: false, kind: 'rejected', code, error };
  return { ok: false, kind: 'transient', code, error };
}
