import { createHmac } from 'node:crypto';
import type { ChannelConfig } from '../config';
import type {
  ChannelSender,
  Color,
  EventKind,
  Language,
  Part,
  Phase,
  Recipient,
  Rendered,
  SendOutcome,
} from '../types';
import {
  cutMarker,
  httpOutcome,
  HttpSender,
  isOutcome,
  postJson,
  splitMessage,
  utf8Bytes,
  type SenderOptions,
} from './common';

/**
 * The generic webhook: one JSON POST per part, body version "1" (below). With `secret` set, each
 * request carries
 *   X-OpsDesk-Timestamp: <Unix seconds when sent>
 *   X-OpsDesk-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 * The timestamp is signed with the body so a receiver can refuse a replayed request (we suggest a
 * 5-minute tolerance). A receiver answers 2xx to accept; 429 (Retry-After honoured) to slow us
 * down; 5xx or 408 to have the part retried; 401, 403, 404 or 410 to say the configuration is wrong;
 * any other 4xx refuses the message for good.
 */

export const WEBHOOK_BODY_VERSION = '1';
/** a receiver's request limit, not a chat platform's: generous, and a long message still splits */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** The body of every request, version "1". Fields are only ever added within a version. */
export interface WebhookBodyV1 {
  version: '1';
  /** the OpsDesk channel's name */
  channel: string;
  /** the first event's kind and key; null when no events were attached */
  event: EventKind | null;
  key: string | null;
  phase: Phase;
  /** 1-based; count > 1 when the message was over the size limit */
  part: { index: number; count: number };
  /** the message as the channel's template rendered it (sections are Markdown) */
  message: {
    title: string;
    color: Color;
    phase: Phase;
    language: Language;
    sections: string[];
    buttons: Array<{ label: string; url: string }>;
    mentions: Recipient[];
  };
  /** the events the message tells of, in order (only in part 1) */
  events: Array<{
    kind: EventKind;
    key: string;
    phase: Phase;
    severity: string | null;
    service: string | null;
    /** ISO-8601 */
    at: string;
    data: Record<string, unknown>;
  }>;
}

/** A rendered message with the events it was made from attached (the outbox attaches them for this channel). */
const CONFIG_STATUSES = new Set([401, 403, 404, 410]);

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export class WebhookSender extends HttpSender implements ChannelSender {
  readonly type = 'webhook' as const;

  constructor(channel: ChannelConfig, baseDir: string, opts: SenderOptions = {}) {
    super(channel, baseDir, opts, { maxBytes: WEBHOOK_MAX_BODY_BYTES, rates: [], signs: true });
  }

  render(message: Rendered): Part[] {
    const events = (message.events ?? []).map((e) => ({
      kind: e.kind,
      key: e.key,
      phase: e.phase,
      severity: e.severity ?? null,
      service: e.service ?? null,
      at: new Date(e.at).toISOString(),
      data: e.data,
    }));
    const first = events[0];
    const parts = splitMessage(message.title, message.sections, {
      maxBytes: WEBHOOK_MAX_BODY_BYTES,
      marker: cutMarker(message.language),
      build: (title, sections, isFirst): WebhookBodyV1 => ({
        version: WEBHOOK_BODY_VERSION,
        channel: this.channel.name,
        event: first?.kind ?? null,
        key: first?.key ?? null,
        phase: message.phase,
        part: { index: 1, count: 1 },
        message: {
          title,
          color: message.color,
          phase: message.phase,
          language: message.language,
          sections,
          buttons: isFirst ? message.buttons : [],
          mentions: isFirst ? message.mentions : [],
        },
        events: isFirst ? events : [],
      }),
      // the numbers written below are no longer than the worst case the split measured with
      size: (payload) => utf8Bytes(JSON.stringify(payload)) + 16,
    });
    return parts.map((p, i) => {
      const payload = { ...(p.payload as WebhookBodyV1), part: { index: i + 1, count: parts.length } };
      return { payload, bytes: utf8Bytes(JSON.stringify(payload)) };
    });
  }

  async send(part: Part, signal: AbortSignal): Promise<SendOutcome> {
    const body = JSON.stringify(part.payload);
    const headers: Record<string, string> = { 'user-agent': 'OpsDesk-Webhook/1' };
    if (this.secret) {
      const timestamp = String(Math.floor(this.now() / 1000));
      headers['x-opsdesk-timestamp'] = timestamp;
      headers['x-opsdesk-signature'] = `sha256=${webhookSignature(this.secret, timestamp, body)}`;
    }
    const answer = await postJson(this.fetch, this.url, body, headers, this.channel.timeout, signal);
    if (isOutcome(answer)) return answer;
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    const byHttp = httpOutcome(answer, this.now(), 60_000);
    if (byHttp) return byHttp;
    const error = `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
    if (CONFIG_STATUSES.has(answer.status))
      return {
        ok: false,
        kind: 'config',
        status: answer.status,
        code: String(answer.status),
        error:
          answer.status === 401 || answer.status === 403
            ? `${error} (the receiver refused the signature or the credentials: check secret)`
            : `${error} (no hook at this address: check webhook_url)`,
      };
    return { ok: false, kind: 'rejected', status: answer.status, code: String(answer.status), error };
  }
}
