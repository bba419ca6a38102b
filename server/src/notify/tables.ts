import type { Generated } from 'kysely';
import type { EventKind, Phase } from './types';

/** The notification domain's tables (migration 004), composed into db/tables.ts `Tables`. */
export interface NotifyTables {
  notify_channels: NotifyChannelsTable;
  notify_messages: NotifyMessagesTable;
  notify_deliveries: NotifyDeliveriesTable;
  sla_risk_notices: SlaRiskNoticesTable;
}

export type ChannelStatus = 'ok' | 'config_error' | 'unknown';
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed';
/** pending: written before the request, so the limiter counts it; replaced by the platform's answer */
export type DeliveryOutcome = 'pending' | 'sent' | 'throttled' | 'config' | 'transient' | 'rejected';

export interface NotifyChannelsTable {
  name: string;
  type: string;
  status: Generated<ChannelStatus>;
  /** no request before this instant (a throttle, a backoff, a configuration retry) */
  blocked_until: number | null;
  last_error_at: number | null;
  last_error_kind: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  updated_at: number;
}

export interface NotifyMessagesTable {
  id: Generated<number>;
  channel: string;
  kind: EventKind;
  /** the aggregation key: an incident's id, an Alertmanager groupKey */
  agg_key: string;
  phase: Phase;
  /** the rendered title of the first part sent (empty until rendered) */
  title: Generated<string>;
  /** JSON array of NotifyEvent, in order */
  events: string;
  status: MessageStatus;
  /** requests made for this message */
  attempts: Generated<number>;
  /** consecutive transient failures (the backoff's exponent) */
  failures: Generated<number>;
  parts: Generated<number>;
  parts_sent: Generated<number>;
  /** 1: found sending with an expired lease; its next part may have arrived once already */
  possible_repeat: Generated<number>;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  last_error_at: number | null;
  last_error_kind: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export interface NotifyDeliveriesTable {
  id: Generated<number>;
  message_id: number;
  channel: string;
  at: number;
  part: number;
  parts: number;
  outcome: DeliveryOutcome;
  http_status: number | null;
  code: string | null;
  error: string | null;
  duration_ms: Generated<number>;
  /** when the answer was recorded; null while the request is in flight */
  finished_at: number | null;
}

export interface SlaRiskNoticesTable {
  incident_id: string;
  goal: 'response' | 'resolution';
  risk_at: number;
  recorded_at: number;
}
