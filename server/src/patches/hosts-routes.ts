import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { collectPatchHosts } from './collector';
import {
  collectBody,
  collectResponseSchema,
  hostParams,
  hostResponseSchema,
  hostsResponseSchema,
} from './hosts-schema';
import { attachPatchHostMetrics } from './hosts-metrics';
import { hostDetail, listHosts } from './hosts-service';

export function patchHostRoutes(ctx: AppContext) {
  attachPatchHostMetrics(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/patches/hosts',
      summary:
        'Pending patches (补丁) per host: every host exporter collected from Prometheus (targets of patches.jobs), with pending and security counts, reboot required and the age of the oldest security update',
      tag: 'patches',
      role: 'viewer',
      response: hostsResponseSchema,
      handler: () => listHosts(ctx),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/patches/hosts/:host',
      summary:
        "One host's pending packages (versions, origin, security, advisories, CVEs, since when) and its history: each package version first seen and resolved",
      tag: 'patches',
      role: 'viewer',
      params: hostParams,
      response: hostResponseSchema,
      errors: [404],
      handler: ({ params }) => hostDetail(ctx, params.host),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/patches/collect',
      summary:
        'Collect now: read GET /api/v1/patches of every host exporter Prometheus lists (or of `hosts`); a host that cannot be read is in `failed` with the reason and keeps its last state',
      tag: 'patches',
      role: 'editor',
      body: collectBody,
      response: collectResponseSchema,
      errors: [409],
      handler: ({ body }) => collectPatchHosts(ctx, body.hosts),
    }),
  ];
}
