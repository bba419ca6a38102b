import { request } from './client';
import type {
  Action,
  CreateIncidentBody,
  Incident,
  IncidentCounts,
  IncidentDetail,
  IncidentFilter,
  IncidentList,
  OpenApiDocument,
  Review,
  ReviewBody,
  ReviewDraft,
  SlaReport,
  Timeline,
  TimelineEntry,
  UpdateIncidentBody,
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
  request<IncidentList>('GET', 'api/v1/incidents', {
    params: filterParams(filter),
  });

export const countIncidents = (filter: IncidentFilter) =>
  request<IncidentCounts>('GET', 'api/v1/incidents/counts', {
    params: { ...filterParams(filter), status: undefined, limit: undefined, cursor: undefined },
  });

export const getIncident = (id: string) => request<IncidentDetail>('GET', `api/v1/incidents/${encodeURIComponent(id)}`);

export const createIncident = (body: CreateIncidentBody) =>
  request<Incident>('POST', 'api/v1/incidents', { data: body });

export const updateIncident = (id: string, body: UpdateIncidentBody) =>
  request<Incident>('PATCH', `api/v1/incidents/${encodeURIComponent(id)}`, { data: body });

export const transitionIncident = (id: string, action: Action, note?: string) =>
  request<Incident>('POST', `api/v1/incidents/${encodeURIComponent(id)}/${action}`, { data: note ? { note } : {} });

export const getTimeline = (id: string) =>
  request<Timeline>('GET', `api/v1/incidents/${encodeURIComponent(id)}/timeline`);

export const addComment = (id: string, text: string) =>
  request<TimelineEntry>('POST', `api/v1/incidents/${encodeURIComponent(id)}/comments`, { data: { text } });

export const getReview = (id: string) => request<Review>('GET', `api/v1/incidents/${encodeURIComponent(id)}/review`);

/** Sends exactly the fields of the PUT body (the server refuses unknown ones), from a draft or a fetched review. */
export const saveReview = (id: string, r: ReviewDraft) => {
  const body: ReviewBody = {
    summary: r.summary,
    impact: r.impact,
    trigger: r.trigger,
    rootCause: r.rootCause,
    contributingFactors: r.contributingFactors,
    detection: r.detection,
    resolution: r.resolution,
    lessons: { wentWell: r.lessons.wentWell, wentWrong: r.lessons.wentWrong, gotLucky: r.lessons.gotLucky },
    actionItems: r.actionItems.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      title: a.title,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
    })),
  };
  return request<Review>('PUT', `api/v1/incidents/${encodeURIComponent(id)}/review`, { data: body });
};

export const getSlaReport = (from: string, to: string, service?: string) =>
  request<SlaReport>('GET', 'api/v1/sla/report', { params: { from, to, service } });

/** Reaches the server through the proxy with the viewer token and checks it speaks API v1. */
export async function checkServer(): Promise<{ version: string }> {
  const doc = await request<OpenApiDocument>('GET', 'api/v1/openapi.json');
  if (!doc.paths?.['/api/v1/incidents'] || !doc.info?.title?.includes('OpsDesk')) {
    throw new Error('incompatible');
  }
  await listIncidents({ limit: 1 });
  return { version: doc.info?.version ?? 'unknown' };
}

export { API_MAJOR };
