import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { attachVulnerabilityMetrics } from './metrics';
import {
  acceptRiskBody,
  analyseBody,
  createFindingBody,
  findingCountsQuery,
  findingCountsSchema,
  findingDetailSchema,
  findingListQuery,
  findingPageSchema,
  findingParams,
  fixBody,
  importBody,
  importListQuery,
  importPageSchema,
  importResultSchema,
  markFixedBody,
  noteBody,
  reasonBody,
  verifyBody,
} from './schema';
import { VulnerabilityService } from './service';

export const IMPORTS_PATH = '/api/v1/vulnerabilities/imports';

export function vulnerabilityRoutes(ctx: AppContext) {
  const svc = new VulnerabilityService(ctx);
  attachVulnerabilityMetrics(ctx);
  const action = <B>(
    name: string,
    summary: string,
    body: import('zod').ZodType<B>,
    run: (
      id: string,
      body: B,
      caller: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0]['caller'],
    ) => Promise<unknown>,
  ) =>
    defineRoute({
      method: 'post',
      path: `/api/v1/vulnerabilities/findings/:id/${name}`,
      summary,
      tag: 'vulnerabilities',
      role: 'editor',
      params: findingParams,
      body,
      response: findingDetailSchema,
      errors: [404, 409, 422],
      handler: async ({ params, body: b, caller }) => (await run(params.id, b, caller)) as never,
    });
  return [
    defineRoute({
      method: 'post',
      path: IMPORTS_PATH,
      summary:
        'Import a Trivy or Grype JSON report: new findings open, known ones update (never duplicated), findings of the same asset and target it no longer reports become fixed, awaiting verification',
      tag: 'vulnerabilities',
      role: 'editor',
      status: 201,
      body: importBody,
      response: importResultSchema,
      errors: [422],
      handler: ({ body, caller }) => svc.importReport(body, caller),
    }),
    defineRoute({
      method: 'get',
      path: IMPORTS_PATH,
      summary: 'Imports, newest first, with what each changed',
      tag: 'vulnerabilities',
      role: 'viewer',
      query: importListQuery,
      response: importPageSchema,
      handler: ({ query }) => svc.listImports(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/vulnerabilities/findings',
      summary:
        'Findings, newest first: filter by severity, state, asset, overdue (pass nextCursor back as cursor)',
      tag: 'vulnerabilities',
      role: 'viewer',
      query: findingListQuery,
      response: findingPageSchema,
      handler: ({ query }) => svc.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/vulnerabilities/findings',
      summary: 'Record a finding by hand (a penetration test, an advisory); 409 when it is recorded already',
      tag: 'vulnerabilities',
      role: 'editor',
      status: 201,
      body: createFindingBody,
      response: findingDetailSchema,
      errors: [409],
      handler: ({ body, caller }) => svc.create(body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/vulnerabilities/counts',
      summary: 'Open and overdue findings by severity, all findings by state, expired risk acceptances',
      tag: 'vulnerabilities',
      role: 'viewer',
      query: findingCountsQuery,
      response: findingCountsSchema,
      handler: ({ query }) => svc.counts(query.asset),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/vulnerabilities/findings/:id',
      summary: 'One finding with its timeline and the actions its state allows',
      tag: 'vulnerabilities',
      role: 'viewer',
      params: findingParams,
      response: findingDetailSchema,
      errors: [404],
      handler: ({ params }) => svc.get(params.id),
    }),
    action(
      'analyse',
      'Record the analysis (impact, affected services, plan): open → analysed',
      analyseBody,
      (id, b, c) => svc.analyse(id, b, c),
    ),
    action('fix', 'Link the patch plan or change that fixes it: analysed → fixing', fixBody, (id, b, c) =>
      svc.fix(id, b, c),
    ),
    action('mark-fixed', 'The fix is in: fixing → fixed (awaiting verification)', markFixedBody, (id, b, c) =>
      svc.markFixed(id, b, c),
    ),
    action(
      'verify',
      'Verify the fix with a clean re-scan (an import after the fix that no longer reports it) or a recorded manual check: fixed → verified',
      verifyBody,
      (id, b, c) => svc.verify(id, b, c),
    ),
    action('close', 'Close a verified finding', noteBody, (id, b, c) => svc.close(id, b.note, c)),
    action(
      'accept-risk',
      'Accept the risk (approver from the people directory, reason, expiry); it reopens when the acceptance expires',
      acceptRiskBody,
      (id, b, c) => svc.acceptRisk(id, b, c),
    ),
    action(
      'false-positive',
      'Mark it a false positive, with the reason; later imports keep it so',
      reasonBody,
      (id, b, c) => svc.falsePositive(id, b.reason, c),
    ),
    action(
      'reopen',
      'Reopen a fixed, verified, closed, accepted or false-positive finding, with the reason',
      reasonBody,
      (id, b, c) => svc.reopen(id, b.reason, c),
    ),
  ];
}
