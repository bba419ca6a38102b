import { duration } from '@opsdesk/runtime';
import { z } from 'zod';

/**
 * `patches`: which Prometheus jobs are host exporters, and how often the server reads their
 * `GET /api/v1/patches`. Prometheus is the list of hosts: every active target of these jobs is
 * collected, so a host added to Prometheus is collected without touching this config.
 */
export const patchesSchema = z
  .strictObject({
    /** the Prometheus jobs whose targets are OpsDesk host exporters (provisioning's is opsdesk-host) */
    jobs: z.array(z.string().min(1).max(200)).max(50).default(['opsdesk-host']),
    /** how often the scheduler collects every host (once across replicas) */
    interval: duration({ min: '1m' }).default(15 * 60_000),
    /** per host: a host that does not answer within it is recorded as failed */
    timeout: duration({ min: '1s', max: '5m' }).default(10_000),
    /** a host whose state is older than this (or that Prometheus stopped listing) is stale */
    stale_after: duration({ min: '1m' }).default(2 * 3_600_000),
    /** hosts read at the same time */
    concurrency: z.int().min(1).max(64).default(8),
  })
  .prefault({});

export type PatchesConfig = z.output<typeof patchesSchema>;
