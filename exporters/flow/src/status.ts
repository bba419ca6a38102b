import { errorReply, HttpError, jsonReply, type HttpRequest, type Route } from '@opsdesk/exporter-core';
import type { FlowConfig } from './config';
import type { FlowListing, FlowTracker, StuckCursor } from './tracker';

/** Stuck instance ids per step in the overview unless `limit` says otherwise. */
export const DEFAULT_LISTED = 20;
/** The most stuck instance ids one answer lists per step; page with `cursor` for more. */
export const MAX_LISTED = 1000;

/** An instant as ISO 8601; null for one no Date can hold (never from accepted input, but never a 500 either). */
const iso = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** Cursors are opaque to clients: the (since, instance) of the last listed instance. */
export function encodeCursor(c: StuckCursor): string {
  return Buffer.from(JSON.stringify([c.since, c.instance])).toString('base64url');
}

export function decodeCursor(text: string): StuckCursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isFinite(v[0]) && typeof v[1] === 'string')
      return { since: v[0] as number, instance: v[1] };
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}

const badQuery = (message: string) => new HttpError(400, 'bad_query', message, []);

function one(req: HttpRequest, key: string): string | undefined {
  const values = req.query.getAll(key);
  if (values.length > 1) throw badQuery(`${key}: give it once, as a plain value`);
  return values[0];
}

function limitOf(req: HttpRequest, fallback: number): number {
  const text = one(req, 'limit');
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_LISTED)
    throw badQuery(`limit: expected a whole number from 1 to ${MAX_LISTED}, got ${JSON.stringify(text)}`);
  return n;
}

const stuckList = (instances: Array<{ instance: string; since: number }>) =>
  instances.map((i) => ({ instance: i.instance, since: iso(i.since) }));

/**
 * One listing at a time, each yielding to the event loop between chunks: however large the
 * tracker and however many people ask, a scrape waits at most one chunk for the event loop.
 */
function serialised() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * GET /api/v1/flows: per flow and step the counts, and the oldest stuck instances (`limit` per
 * step, default 20, at most 1000) with a cursor for the rest;
 * GET /api/v1/flows/:flow/steps/:step/stuck?limit=&cursor=: the stuck instances of one step, a page at a time.
 */
export function statusRoutes(
  config: FlowConfig,
  tracker: FlowTracker,
  now: () => number = Date.now,
  opts: { chunk?: number } = {},
): Route[] {
  const queue = serialised();
  const inspect = (flow: string, at: number, o: { limit: number; step?: string; after?: StuckCursor }) =>
    queue(() => tracker.inspectFlow(flow, at, { ...o, pause, ...(opts.chunk ? { chunk: opts.chunk } : {}) }));
  const nextUrl = (flow: string, step: string, limit: number, next: StuckCursor | undefined) =>
    next &&
    `/api/v1/flows/${encodeURIComponent(flow)}/steps/${encodeURIComponent(step)}/stuck?limit=${limit}&cursor=${encodeCursor(next)}`;
  const notFound = (message: string) => errorReply(404, 'not_found', message, []);

  const overview = async (req: HttpRequest) => {
    const limit = limitOf(req, DEFAULT_LISTED);
    const at = now();
    const listings: FlowListing[] = [];
    for (const flow of config.flows) listings.push((await inspect(flow.name, at, { limit }))!);
    return jsonReply(200, {
      at: iso(at),
      flows: config.flows.map((flow, f) => {
        const st = tracker.stats[f]!;
        const listing = listings[f]!;
        return {
          flow: flow.name,
          started: st.started,
          completed: st.completed,
          failed: Object.fromEntries(st.failed),
          abandoned: tracker.abandoned[f] ?? 0,
          stuck: listing.flowStuck,
          steps: flow.steps.map((step, s) => {
            const l = listing.steps[s]!;
            return {
              step: step.name,
              started: st.steps[s]!.started,
              completed: st.steps[s]!.completed,
              failed: Object.fromEntries(st.steps[s]!.failed),
              inProgress: l.inProgress,
              stuck: l.stuck,
              stuckInstances: stuckList(l.page?.instances ?? []),
              stuckNext: nextUrl(flow.name, step.name, limit, l.page?.next) ?? null,
            };
          }),
        };
      }),
    });
  };

  const stuckPage = async (req: HttpRequest) => {
    const limit = limitOf(req, 100);
    let after: StuckCursor | undefined;
    const cursor = one(req, 'cursor');
    if (cursor !== undefined) {
      after = decodeCursor(cursor);
      if (!after)
        throw badQuery('cursor: not a cursor of this exporter; use the stuckNext or next link of an answer');
    }
    const { flow, step } = req.params as { flow: string; step: string };
    const at = now();
    const listing = await inspect(flow, at, { limit, step, ...(after ? { after } : {}) });
    const s = config.flows.find((x) => x.name === flow)?.steps.findIndex((x) => x.name === step) ?? -1;
    if (!listing || s < 0)
      return notFound(
        `no step ${JSON.stringify(step)} in a flow ${JSON.stringify(flow)}; GET /api/v1/flows lists them`,
      );
    const l = listing.steps[s]!;
    if (!l.page) return notFound(`step ${step} of flow ${flow} has no time_limit, so nothing in it is stuck`);
    return jsonReply(200, {
      at: iso(at),
      flow,
      step,
      stuck: l.stuck,
      instances: stuckList(l.page.instances),
      next: nextUrl(flow, step, limit, l.page.next) ?? null,
    });
  };

  return [
    { method: 'GET', path: '/api/v1/flows', handle: overview },
    { method: 'GET', path: '/api/v1/flows/:flow/steps/:step/stuck', handle: stuckPage },
  ];
}
