import type { AppContext } from '../context';
import { ApiError } from '../http/errors';
import { defineRoute, Replayed } from '../http/routes';
import { attachBackupMetrics } from './metrics';
import {
  backupRunBody,
  backupRunResponse,
  createRestoreRequestBody,
  policiesResponse,
  restoreActionBodies,
  restoreActionBody,
  restoreActionParams,
  restoreRequestParams,
  restoreRequestSchema,
  restoreRequestsPageSchema,
  restoreRequestsQuery,
  restoreTestBody,
  restoreTestResponse,
  restoreTestsPageSchema,
  restoreTestsQuery,
  runsPageSchema,
  runsQuery,
} from './schema';
import {
  createRestoreRequest,
  getRestoreRequest,
  listRestoreRequests,
  policiesOut,
  recordRestoreTest,
  recordRun,
  restoreAction,
  toRestoreTest,
  toRun,
} from './service';
import { backupStore } from './store';

const INGEST = ['backups:ingest'] as const;
const REPLAY = {
  status: 200,
  description: 'this id was recorded before with the same report (a resend): the stored one',
};

export function backupRoutes(ctx: AppContext) {
  attachBackupMetrics(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/backups/policies',
      summary:
        'Backup policies (configuration backups.policies) with their status: last run, last success, RPO met or breached, last restore test (恢复演练) and its measured time against the RTO',
      tag: 'backups',
      role: 'viewer',
      response: policiesResponse,
      handler: () => policiesOut(ctx),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/backups/runs',
      summary:
        'Records a backup run reported by the backup host (opsdesk-backup run, or any tool): `id` is the idempotency key generated once per report, so a resend is recorded once (200); the same id with another report is 409. A failed run sends backup.failed',
      tag: 'backups',
      role: 'editor',
      scopes: INGEST,
      status: 201,
      replay: REPLAY,
      // a tool's output may carry a NUL byte; the report must not be lost for it
      nulBytes: 'replace',
      body: backupRunBody,
      response: backupRunResponse,
      errors: [409, 422],
      handler: async ({ body, caller }) => {
        const r = await recordRun(ctx, body, caller);
        return r.created ? { run: r.run } : new Replayed({ run: r.run });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/backups/runs',
      summary: 'Backup runs, newest first',
      tag: 'backups',
      role: 'viewer',
      query: runsQuery,
      response: runsPageSchema,
      handler: async ({ query }) => {
        const page = await backupStore.runs(ctx.db, query);
        return { runs: page.rows.map(toRun), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/backups/restore-tests',
      summary:
        'Records a restore test (恢复演练): the measured restore time is the RTO evidence; idempotent by `id` like runs',
      tag: 'backups',
      role: 'editor',
      scopes: INGEST,
      status: 201,
      replay: REPLAY,
      nulBytes: 'replace',
      body: restoreTestBody,
      response: restoreTestResponse,
      errors: [409, 422],
      handler: async ({ body, caller }) => {
        const r = await recordRestoreTest(ctx, body, caller);
        return r.created ? { restoreTest: r.restoreTest } : new Replayed({ restoreTest: r.restoreTest });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/backups/restore-tests',
      summary: 'Restore tests, newest first, each with the RTO it was judged against',
      tag: 'backups',
      role: 'viewer',
      query: restoreTestsQuery,
      response: restoreTestsPageSchema,
      handler: async ({ query }) => {
        const page = await backupStore.restoreTests(ctx.db, query);
        return { restoreTests: page.rows.map(toRestoreTest), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/backups/restore-requests',
      summary:
        "Requests a data restore (数据恢复) for an incident: what, from which policy and snapshot, for whom; on the incident's timeline",
      tag: 'backups',
      role: 'editor',
      status: 201,
      body: createRestoreRequestBody,
      response: restoreRequestSchema,
      errors: [409, 422],
      handler: ({ body, caller }) => createRestoreRequest(ctx, body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/backups/restore-requests',
      summary:
        "Data-restore requests, newest first; with incidentId, that incident's and the time spent restoring within its repair time",
      tag: 'backups',
      role: 'viewer',
      query: restoreRequestsQuery,
      response: restoreRequestsPageSchema,
      handler: ({ query }) => listRestoreRequests(ctx, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/backups/restore-requests/:id',
      summary: 'One data-restore request',
      tag: 'backups',
      role: 'viewer',
      params: restoreRequestParams,
      response: restoreRequestSchema,
      handler: ({ params }) => getRestoreRequest(ctx, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/backups/restore-requests/:id/:action',
      summary:
        "Moves a restore request on: start { at?, note? }, finish { at?, result: restored|failed, note? }, verify { at?, evidence }, cancel { reason }; each on the incident's timeline. A failed restore may start again",
      tag: 'backups',
      role: 'editor',
      params: restoreActionParams,
      body: restoreActionBody,
      response: restoreRequestSchema,
      errors: [409, 422],
      handler: ({ params, body, caller }) => {
        // each action takes only its own fields: a stray one is a mistake worth naming
        const own = restoreActionBodies[params.action].safeParse(body);
        if (!own.success) {
          const issue = own.error.issues[0];
          const field = issue?.path.join('.') || (issue && 'keys' in issue ? String(issue.keys) : '');
          throw new ApiError(
            400,
            'invalid_request',
            `body ${field}: ${issue?.message ?? 'invalid'} (for ${params.action})`,
            own.error.issues.map((i) => ({ in: 'body', path: i.path.join('.'), message: i.message })),
          );
        }
        return restoreAction(ctx, params.id, params.action, body, caller);
      },
    }),
  ];
}
