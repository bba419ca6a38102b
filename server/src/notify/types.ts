import type { Severity } from '../incidents/schema';

/**
 * The notification domain's shared vocabulary: what an event is, what a template makes of it, and
 * the one small interface each platform's channel implements (channels/<type>.ts).
 */

export const CHANNEL_TYPES = ['wecom', 'feishu', 'dingtalk', 'email', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const LANGUAGES = ['zh-Hans', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Firing and resolved are never mixed in one message; info is everything that is neither. */
export type Phase = 'firing' | 'resolved' | 'info';

export const EVENT_KINDS = [
  'incident.opened',
  'incident.acknowledged',
  'incident.escalated',
  'incident.resolved',
  'incident.reopened',
  'sla.at_risk',
  'sla.breached',
  /** an Alertmanager group forwarded by the bridge (POST /api/v1/alertmanager/notify/<channel>) */
  'alert.group',
  'inspection.report_ready',
  'backup.failed',
  'vulnerability.overdue',
  'survey.low_score',
  /** the "send test" button */
  'test',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A person as the people directory knows them: each platform's id, so a mention reaches them. */
export interface Recipient {
  id: string;
  name: string;
  email?: string | undefined;
  wecomUserId?: string | undefined;
  feishuOpenId?: string | undefined;
  dingtalkMobile?: string | undefined;
  language: Language;
}

/** Something worth telling people, as the domain that caused it describes it (written to the outbox in its transaction). */
export interface NotifyEvent {
  kind: EventKind;
  /** the aggregation key: an incident's id, an Alertmanager groupKey */
  key: string;
  phase: Phase;
  severity?: Severity | undefined;
  service?: string | undefined;
  at: number;
  /** the template's input (the incident, the alerts, the step) */
  data: Record<string, unknown>;
  /** people-directory ids to mention */
  mention?: string[] | undefined;
  /** only these channels (an escalation step, the bridge, a test); otherwise every channel whose filters match */
  channels?: string[] | undefined;
}

export type Color = 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'grey';

/** What a template made of one message, before any platform's format. */
export interface Rendered {
  /** one line, no markup */
  title: string;
  color: Color;
  phase: Phase;
  language: Language;
  /** Markdown blocks in order; a block is never split across parts unless it alone is over the limit */
  sections: string[];
  buttons: Array<{ label: string; url: string }>;
  mentions: Recipient[];
  /** the events the message was made from, for a channel that forwards their data (the webhook) */
  events?: readonly NotifyEvent[] | undefined;
}

/** One request to the platform; a message over the size limit becomes several, titled [k/n]. */
export interface Part {
  payload: unknown;
  bytes: number;
}

export type SendOutcome =
  | { ok: true }
  /** the platform throttled the robot (WeCom 45009, Feishu 11232, DingTalk 130101): wait, then the same part again */
  | { ok: false; kind: 'throttled'; retryAfterMs: number; code?: string; error: string }
  /** a bad signature, a revoked robot or a wrong key: the channel's configuration must be fixed */
  | { ok: false; kind: 'config'; code?: string; status?: number; error: string }
  /** a timeout, a refused connection, a 5xx: retried with backoff */
  | { ok: false; kind: 'transient'; code?: string; status?: number; error: string }
  /** the platform refused this message itself (format, size): retrying cannot help */
  | { ok: false; kind: 'rejected'; code?: string; status?: number; error: string };

export interface RateLimit {
  count: number;
  windowMs: number;
}

export interface ChannelSender {
  readonly type: ChannelType;
  /**
   * bytes per request, and requests per window (all must hold): the platform's rates, each lowered
   * by the channel's own `rate` (channels/common.ts channelRates), so the Notifier uses them as they are
   */
  readonly limits: { maxBytes: number; rates: readonly RateLimit[] };
  /** the platform request bodies for one message, split at maxBytes with [k/n] in each part's title */
  render(message: Rendered): Part[];
  send(part: Part, signal: AbortSignal): Promise<SendOutcome>;
}
