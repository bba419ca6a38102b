import { request } from './client';
import type {
  CollectResult,
  CreatePlanBody,
  PatchHost,
  PatchHostDetail,
  PatchPlan,
  PatchPlanDetail,
  PatchPlanPage,
  PlanAction,
} from './patchTypes';

export const listPatchHosts = () => request<{ hosts: PatchHost[] }>('GET', 'api/v1/patches/hosts');

/** `host` is the Prometheus instance of its exporter (db1:9741): one path segment, encoded. */
export const getPatchHost = (host: string) =>
  request<PatchHostDetail>('GET', `api/v1/patches/hosts/${encodeURIComponent(host)}`);

export const collectPatchHosts = () => request<CollectResult>('POST', 'api/v1/patches/collect', { data: {} });

export const listPlans = (f: { state?: string; cursor?: string }) =>
  request<PatchPlanPage>('GET', 'api/v1/patches/plans', { params: { state: f.state, cursor: f.cursor } });

export const getPlan = (id: string) =>
  request<PatchPlanDetail>('GET', `api/v1/patches/plans/${encodeURIComponent(id)}`);

export const createPlan = (body: CreatePlanBody) => request<PatchPlan>('POST', 'api/v1/patches/plans', { data: body });

/** One step of the plan; a gate not met answers 409 gate_unmet with the server's message. */
export const planAction = (id: string, action: PlanAction, body: object) =>
  request<PatchPlan>('POST', `api/v1/patches/plans/${encodeURIComponent(id)}/${action}`, { data: body });
