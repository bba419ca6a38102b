import type { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute, type AnyRoute, type RouteInput } from '../http/routes';
import type { Caller } from '../auth/roles';
import type { PlanDeps } from './plans-deps';
import { attachPlanMetrics } from './plans-metrics';
import {
  approveBody,
  closeBody,
  createPlanBody,
  installBody,
  listPlansQuery,
  patchPlanDetailSchema,
  patchPlanPageSchema,
  patchPlanSchema,
  planParams,
  reasonBody,
  rollbackBody,
  scheduleBody,
  testBody,
  verifyBody,
  type PatchPlan,
} from './plans-schema';
import { PatchPlanService } from './plans-service';

const BASE = '/api/v1/patches/plans';

export function patchPlanRoutes(ctx: AppContext, deps?: PlanDeps): AnyRoute[] {
  attachPlanMetrics(ctx);
  const svc = new PatchPlanService(ctx, deps);
  /** POST /api/v1/patches/plans/:id/<action>: one route per action, each with its own body. */
  const action = <B>(
    name: string,
    summary: string,
    body: z.ZodType<B>,
    handler: (id: string, body: B, caller: Caller) => Promise<PatchPlan>,
    errors: readonly number[] = [409],
  ) =>
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/${name}`,
      summary,
      tag: 'patches',
      role: 'editor',
      params: planParams,
      body,
      response: patchPlanSchema,
      errors: [404, ...errors],
      handler: ({ params, body: b, caller }: RouteInput<{ id: string }, unknown, B>) =>
        handler(params.id, b, caller),
    });
  return [
    defineRoute({
      method: 'get',
      path: BASE,
      summary:
        'Patch plans (补丁计划), newest first: filter by state (comma-separated) or host; cursor pagination',
      tag: 'patches',
      role: 'viewer',
      query: listPlansQuery,
      response: patchPlanPageSchema,
      handler: ({ query }) => svc.list(query),
    }),
    defineRoute({
      method: 'post',
      path: BASE,
      summary:
        'Create a patch plan (draft) for hosts or a host group and packages or advisories; an emergency names a reason and its approver',
      tag: 'patches',
      role: 'editor',
      status: 201,
      body: createPlanBody,
      response: patchPlanSchema,
      errors: [422],
      handler: ({ body, caller }) => svc.create(body, caller),
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/:id`,
      summary:
        'One patch plan by id or number (PP-3), with its gates and its timeline of every step and actor',
      tag: 'patches',
      role: 'viewer',
      params: planParams,
      response: patchPlanDetailSchema,
      errors: [404],
      handler: ({ params }) => svc.get(params.id),
    }),
    action(
      'test',
      'Record a test on test hosts: passed → tested; failed → back to draft (the timeline keeps every test)',
      testBody,
      (id, b, c) => svc.test(id, b, c),
    ),
    action(
      'approve',
      'Approve a tested plan: the caller is the approver (a person of the people directory), never the plan’s creator; an emergency plan is approved by its emergency approver',
      approveBody,
      (id, b, c) => svc.approve(id, b, c),
      [403, 409, 422],
    ),
    action(
      'schedule',
      'Schedule (or reschedule) an approved plan inside a maintenance window of its hosts and outside trading hours; an emergency plan may be scheduled at any time (409 gate_unmet names what is missing)',
      scheduleBody,
      (id, b, c) => svc.schedule(id, b, c),
      [409, 422],
    ),
    action(
      'install',
      'Record the install of a scheduled plan with its backup evidence (a backup run or a snapshot); refused without a passing test and a backup (409 gate_unmet)',
      installBody,
      (id, b, c) => svc.install(id, b, c),
      [409, 422],
    ),
    action(
      'verify',
      'Verify an installed plan: collects its hosts now; none may report a plan package pending or an unrecorded required reboot, and every post-install check must pass in Prometheus (409 gate_unmet names host and package or check)',
      verifyBody,
      (id, b, c) => svc.verify(id, b, c),
      [409, 422],
    ),
    action('close', 'Close a verified plan', closeBody, (id, b, c) => svc.close(id, b, c)),
    action('decline', 'Decline a plan before it is installed, with the reason', reasonBody, (id, b, c) =>
      svc.end(id, 'decline', b, c),
    ),
    action(
      'fail',
      'Record that the install (or the installed plan) failed, with the reason',
      reasonBody,
      (id, b, c) => svc.end(id, 'fail', b, c),
    ),
    action('rollback', 'Record a rollback: what was rolled back and why', rollbackBody, (id, b, c) =>
      svc.rollback(id, b, c),
    ),
  ];
}
