// The shapes of the OpsDesk server API, by their names in server/openapi.json (components.schemas),
// from src/api/openapi.gen.ts, which is generated from that document (npm run generate -w grafana-app):
// a server change that the app does not follow fails to compile here, and a test fails when the
// generated file drifts.
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type Incident = Schemas['Incident'];
export type IncidentDetail = Schemas['IncidentDetail'];
export type IncidentList = Schemas['IncidentPage'];
/** counts has a key for every status (the schema requires each; openapi-typescript drops key types) */
export type IncidentCounts = Omit<Schemas['IncidentCounts'], 'counts'> & { counts: Record<Status, number> };
export type SlaGoal = Schemas['SlaGoal'];
export type Alert = Schemas['Alert'];
export type AlertPage = Schemas['AlertPage'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Timeline = Schemas['Timeline'];
export type Review = Schemas['Review'];
export type ReviewBody = Schemas['ReviewBody'];
export type ActionItem = Schemas['ActionItem'];
/** An action item being edited: new ones have no id yet, and overdue is the server's to say. */
export type ActionItemDraft = Omit<ActionItem, 'id' | 'overdue'> & { id?: string; overdue?: boolean };
/** A review being edited: the stored review without its bookkeeping. */
export type ReviewDraft = Omit<Review, 'createdAt' | 'incident' | 'updatedAt' | 'updatedBy' | 'actionItems'> & {
  actionItems: ActionItemDraft[];
};
export type SlaReport = Schemas['SlaReport'];
export type CreateIncidentBody = Schemas['CreateIncidentBody'];
export type UpdateIncidentBody = Schemas['UpdateIncidentBody'];
export type OpenApiDocument = { info?: { title?: string; version?: string }; paths?: Record<string, unknown> };

export type Severity = Schemas['Severity'];
export type Status = Schemas['IncidentStatus'];
export type Action = Schemas['IncidentAction'];
export type SupportMode = NonNullable<Incident['supportMode']>;

export const SEVERITIES: Severity[] = ['P1', 'P2', 'P3', 'P4'];
export const STATUSES: Status[] = [
  'triggered',
  'acknowledged',
  'mitigated',
  'waiting_for_customer',
  'resolved',
  'closed',
];
export const OPEN_STATUSES: Status[] = ['triggered', 'acknowledged', 'mitigated', 'waiting_for_customer'];
export const SUPPORT_MODES: SupportMode[] = ['remote', 'onsite'];

export interface IncidentFilter {
  status?: Status[];
  severity?: Severity[];
  service?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

// Notifications and on-call (issue 13).
export type PlatformError = NonNullable<Schemas['NotifyError']>;
export type Channel = Schemas['NotifyChannel'];
export type ChannelStatus = Channel['status'];
export type NotifyMessage = Schemas['NotifyMessage'];
export type MessageStatus = NotifyMessage['status'];
export const MESSAGE_STATUSES: MessageStatus[] = ['queued', 'sending', 'sent', 'failed'];
export interface MessagePage {
  messages: NotifyMessage[];
  nextCursor: Schemas['NextCursor'];
}
export interface MessageFilter {
  channel?: string;
  status?: MessageStatus;
  limit?: number;
  cursor?: string;
}
export type Delivery = Schemas['NotifyDelivery'];
export type DeliveryOutcome = Delivery['outcome'];

export type Person = Schemas['Person'];
export type Layer = Schemas['RosterLayer'];
export type Roster = Schemas['Roster'];
export type Shift = Schemas['Shift'];
export type ShiftSource = Shift['source'];
/** A local date of the roster's service calendar: workday, rest day or holiday; a make-up workday (调休) is a workday. */
export type CalendarDay = Schemas['RosterDay'];
export type Schedule = Schemas['RosterSchedule'];
export type OnCallNowList = Schemas['OnCallNow'];
export type Override = Schemas['Override'];
export type OverrideList = Schemas['OverrideList'];
export type CreateOverrideBody = Schemas['CreateOverrideBody'];
export type CreateSwapBody = Schemas['CreateSwapBody'];
export type Handover = Schemas['Handover'];
export type HandoverList = Schemas['HandoverList'];
export type CreateHandoverBody = Schemas['CreateHandoverBody'];
export type People = Schemas['People'];
