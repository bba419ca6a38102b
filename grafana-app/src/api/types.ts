// The shapes of the OpsDesk server API, derived from src/api/openapi.gen.ts, which is generated
// from server/openapi.json (npm run generate -w grafana-app): a server change that the app does
// not follow fails to compile here, and a test fails when the generated file drifts.
import type { paths } from './openapi.gen';

type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;
type Ok<R> = R extends { 200: infer C } ? Json<C> : R extends { 201: infer C } ? Json<C> : never;
type Operation<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> = NonNullable<paths[P][M]>;
/** The JSON a route answers with on success. */
export type ApiResponse<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> =
  Operation<P, M> extends { responses: infer R } ? Ok<R> : never;
/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Incident = ApiResponse<'/api/v1/incidents', 'get'>['incidents'][number];
export type IncidentDetail = ApiResponse<'/api/v1/incidents/{id}', 'get'>;
export type IncidentCounts = ApiResponse<'/api/v1/incidents/counts', 'get'>;
export type IncidentList = ApiResponse<'/api/v1/incidents', 'get'>;
export type SlaGoal = Incident['sla'][number];
export type Alert = IncidentDetail['alerts'][number];
export type TimelineEntry = ApiResponse<'/api/v1/incidents/{id}/timeline', 'get'>['entries'][number];
export type Review = ApiResponse<'/api/v1/incidents/{id}/review', 'get'>;
export type ReviewBody = ApiBody<'/api/v1/incidents/{id}/review', 'put'>;
export type ActionItem = Review['actionItems'][number];
/** An action item being edited: new ones have no id yet, and overdue is the server's to say. */
export type ActionItemDraft = Omit<ActionItem, 'id' | 'overdue'> & { id?: string; overdue?: boolean };
/** A review being edited: the stored review without its bookkeeping. */
export type ReviewDraft = Omit<Review, 'createdAt' | 'incident' | 'updatedAt' | 'updatedBy' | 'actionItems'> & {
  actionItems: ActionItemDraft[];
};
export type SlaReport = ApiResponse<'/api/v1/sla/report', 'get'>;
export type CreateIncidentBody = ApiBody<'/api/v1/incidents', 'post'>;
export type UpdateIncidentBody = ApiBody<'/api/v1/incidents/{id}', 'patch'>;

export type Severity = Incident['severity'];
export type Status = Incident['status'];
export type SupportMode = NonNullable<Incident['supportMode']>;
export type Action = NonNullable<paths['/api/v1/incidents/{id}/{action}']['post']>['parameters']['path']['action'];

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
