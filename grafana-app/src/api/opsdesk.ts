import { request } from './client';
import type {
  Action,
  Incident,
  IncidentDetail,
  IncidentFilter,
  Review,
  SlaReport,
  Status,
  TimelineEntry,
} from './types';
import { API_MAJOR } from '../constants';

function filterParams(f: IncidentFilter): Record<string, string | undefined> {
  return {
    status: f.status?.join(','),
    severity: f.severity?.join(','),
    service: f.service,
    q: f.q,
    from: f.from,
    to: f.to,
    limit: f.limit ? String(f.limit) : undefined,
    cursor: f.cursor,
  };
}

export const listIncidents = (filter: IncidentFilter) =>
  request<{ incidents: Incident[]; nextCursor: string | null }>('GET', 'api/v1/incidents', {
    params: filterParams(filter),
  });

export const countIncidents = (filter: IncidentFilter) =>
  request<{ counts: Record<Status, number>; total: number }>('GET', 'api/v1/incidents/counts', {
    params: { ...filterParams(filter), status: undefined, limit: undefined, cursor: undefined },
  });

export const getIncident = (id: string) => request<IncidentDetail>('GET', `api/v1/incidents/${encodeURIComponent(id)}`);

export const createIncident = (body: {
  title: string;
  severity: string;
  service?: string;
  symptom?: string;
  impact?: string;
  assignee?: string;
}) => request<Incident>('POST', 'api/v1/incidents', { data: body });

export const updateIncident = (
  id: string,
  body: Partial<Pick<Incident, 'title' | 'severity' | 'service' | 'symptom' | 'impact' | 'assignee' | 'supportMode'>>
) => request<Incident>('PATCH', `api/v1/incidents/${encodeURIComponent(id)}`, { data: body });

export const transitionIncident = (id: string, action: Action, note?: string) =>
  request<Incident>('POST', `api/v1/incidents/${encodeURIComponent(id)}/${action}`, { data: note ? { note } : {} });

export const getTimeline = (id: string) =>
  request<{ entries: TimelineEntry[] }>('GET', `api/v1/incidents/${encodeURIComponent(id)}/timeline`);

export const addComment = (id: string, text: string) =>
  request<TimelineEntry>('POST', `api/v1/incidents/${encodeURIComponent(id)}/comments`, { data: { text } });

export const getReview = (id: string) => request<Review>('GET', `api/v1/incidents/${encodeURIComponent(id)}/review`);

export const saveReview = (id: string, review: Review) =>
  request<Review>('PUT', `api/v1/incidents/${encodeURIComponent(id)}/review`, {
    data: {
      ...review,
      updatedAt: undefined,
      updatedBy: undefined,
      actionItems: review.actionItems.map(({ overdue: _o, ...a }) => a),
    },
  });

export const getSlaReport = (from: string, to: string, service?: string) =>
  request<SlaReport>('GET', 'api/v1/sla/report', { params: { from, to, service } });

/** Reaches the server through the proxy with the viewer token and checks it speaks API v1. */
export async function checkServer(): Promise<{ version: string }> {
  const doc = await request<{ info?: { title?: string; version?: string }; paths?: Record<string, unknown> }>(
    'GET',
    'api/v1/openapi.json'
  );
  if (!doc.paths?.['/api/v1/incidents'] || !doc.info?.title?.includes('OpsDesk')) {
    throw new Error('incompatible');
  }
  await listIncidents({ limit: 1 });
  return { version: doc.info?.version ?? 'unknown' };
}

export { API_MAJOR };
