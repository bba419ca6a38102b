import { config } from '@grafana/runtime';
import { request } from './client';
import type {
  CreateHandoverBody,
  CreateOverrideBody,
  CreateSwapBody,
  Handover,
  HandoverList,
  OnCallNowList,
  Override,
  OverrideList,
  People,
  Roster,
  Schedule,
} from './types';
import { PROXY_BASE } from '../constants';

export const listPeople = () => request<People>('GET', 'api/v1/people');

export const listRosters = () => request<{ rosters: Roster[] }>('GET', 'api/v1/oncall/rosters');

export const onCallNow = (roster?: string) =>
  request<OnCallNowList>('GET', 'api/v1/oncall/now', { params: { roster } });

export const getSchedule = (roster: string, from: string, to: string) =>
  request<Schedule>('GET', `api/v1/oncall/rosters/${encodeURIComponent(roster)}/schedule`, { params: { from, to } });

/**
 * The roster's iCalendar feed through Grafana's proxy, as a link: the browser sends the Grafana
 * session, the proxy adds the viewer token. It carries Grafana's sub-path itself, as any href must.
 */
export const calendarFeedHref = (roster: string) =>
  `${config.appSubUrl ?? ''}${PROXY_BASE}/api/v1/oncall/rosters/${encodeURIComponent(roster)}/calendar.ics`;

export const listOverrides = (roster: string, from: string, to: string) =>
  request<OverrideList>('GET', 'api/v1/oncall/overrides', { params: { roster, from, to } });

export const createOverride = (body: CreateOverrideBody) =>
  request<Override>('POST', 'api/v1/oncall/overrides', { data: body });

export const deleteOverride = (id: string) =>
  request<Override>('DELETE', `api/v1/oncall/overrides/${encodeURIComponent(id)}`);

export const createSwap = (body: CreateSwapBody) =>
  request<OverrideList>('POST', 'api/v1/oncall/swaps', { data: body });

export const listHandovers = (roster?: string) =>
  request<HandoverList>('GET', 'api/v1/oncall/handovers', { params: { roster } });

export const createHandover = (body: CreateHandoverBody) =>
  request<Handover>('POST', 'api/v1/oncall/handovers', { data: body });

export const acknowledgeHandover = (id: string) =>
  request<Handover>('POST', `api/v1/oncall/handovers/${encodeURIComponent(id)}/acknowledge`, { data: {} });
