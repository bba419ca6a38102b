import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { roleAllows, type Caller, type Role, type Scope } from '../auth/roles';
import { ApiError } from './errors';
import { findNul, withoutNul } from './input';
import type { RateLimiter } from './rate-limit';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** express path, e.g. /api/v1/incidents/:id */
  path: string;
  summary: string;
  tag: string;
  role: Role;
  /**
   * token scopes (auth/roles.ts SCOPES) that may call this route besides ordinary tokens of the
   * role; a scoped token is refused on every route that does not list its scope
   */
  scopes?: readonly Scope[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  status?: number;
  /**
   * an idempotent write's second answer: the handler returns `new Replayed(body)` when the request
   * repeats one already recorded, answered with this status (documented with the same schema)
   */
  replay?: { status: number; description: string };
  /** error statuses its rules answer with beyond those every route has (409, 422): documented in OpenAPI */
  errors?: readonly number[];
  /** false: the per-token rate limit does not apply (the Alertmanager receiver sheds load itself) */
  rateLimited?: boolean;
  /**
   * NUL bytes (U+0000) in the body: refused with 400 naming the field (the default), or replaced by
   * U+FFFD for input that must never be lost (Alertmanager notifications). Path and query always refuse.
   */
  nulBytes?: 'refuse' | 'replace';
  /** a response that is not JSON (an iCalendar feed): its media type; the handler returns the text */
  produces?: string;
  handler(input: RouteInput<P, Q, B>): Promise<R | Replayed<R>>;
}

/** What a handler returns for a request that repeats one already recorded (see RouteDef.replay). */
export class Replayed<R> {
  constructor(readonly body: R) {}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

/** Keeps the handler's types tied to its schemas. */
export function defineRoute<P, Q, B, R>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message }));
  const first = details[0];
  throw new ApiError(
    400,
    'invalid_request',
    `${where}${first?.path ? ` ${first.path}` : ''}: ${first?.message ?? 'invalid'}`,
    details,
  );
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

function refuseNul(value: unknown, where: string): void {
  const at = findNul(value);
  if (at === undefined) return;
  throw new ApiError(
    400,
    'invalid_request',
    `${where} ${at}: contains a NUL byte (U+0000), which no field accepts; remove it`,
    [{ in: where, path: at, message: 'contains a NUL byte (U+0000)' }],
  );
}

function rateLimited(retryAfter: number, res: Response, what: string): ApiError {
  res.setHeader('Retry-After', String(retryAfter));
  return new ApiError(
    429,
    'rate_limited',
    `too many requests ${what}; retry in ${retryAfter} s, or raise http.rate_limit`,
  );
}

/**
 * Binds routes to an express router: read the JSON body → authenticate → rate limit (per token) →
 * role check → content type → parse → handler → JSON. The body is read only on a route that
 * exists, so a request to an unknown path answers 404 whatever it carries.
 */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  authenticate: (req: Request) => Promise<Caller>,
  limiter?: RateLimiter,
  readBody: RequestHandler = (_req, _res, next) => next(),
): void {
  /** what a token of each scope may call, for the refusal's message */
  const scoped = new Map<string, string[]>();
  for (const r of routes)
    for (const scope of r.scopes ?? [])
      scoped.set(scope, [...(scoped.get(scope) ?? []), `${r.method.toUpperCase()} ${r.path}`]);
  for (const route of routes) {
    router[route.method](route.path, readBody, async (req: Request, res: Response) => {
      const limit = limiter && route.rateLimited !== false ? limiter : undefined;
      let caller: Caller;
      try {
        caller = await authenticate(req);
      } catch (err) {
        // A missing or unknown token costs from its address's bucket: junk tokens get no fresh budget.
        const wait = err instanceof ApiError && err.status === 401 ? limit?.address(req.ip ?? '') : undefined;
        if (wait !== undefined) throw rateLimited(wait, res, 'without a valid token from this address');
        throw err;
      }
      const wait = limit?.token(caller.tokenId);
      if (wait !== undefined) throw rateLimited(wait, res, `with token ${caller.tokenName}`);
      if (caller.scope && !route.scopes?.includes(caller.scope)) {
        throw new ApiError(
          403,
          'forbidden',
          `token ${caller.tokenName} has scope ${caller.scope}, which may call only ${(scoped.get(caller.scope) ?? []).join(', ') || 'nothing here'}; use an ordinary token for ${route.method.toUpperCase()} ${route.path}`,
        );
      }
      if (!roleAllows(caller.role, route.role)) {
        throw new ApiError(
          403,
          'forbidden',
          `this needs the ${route.role} role; token ${caller.tokenName} has ${caller.role}`,
        );
      }
      if (route.body && req.is(JSON_TYPES) === false) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          `the body must be JSON sent as Content-Type: application/json, not ${req.get('content-type') ?? 'no type'}`,
        );
      }
      refuseNul(req.params, 'path');
      refuseNul(req.query, 'query');
      let raw: unknown = req.body ?? {};
      if (route.nulBytes === 'replace') raw = withoutNul(raw);
      else refuseNul(raw, 'body');
      const params = parsePart(route.params, req.params, 'path');
      const query = parsePart(route.query, req.query, 'query');
      const body = parsePart(route.body, raw, 'body');
      const result: unknown = await route.handler({ params, query, body, caller });
      if (result instanceof Replayed) {
        res.status(route.replay?.status ?? 200).json(result.body);
        return;
      }
      if (route.produces)
        res
          .status(route.status ?? 200)
          .type(route.produces)
          .send(result);
      else res.status(route.status ?? 200).json(result);
    });
  }
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable reason, e.g. invalid_request, illegal_transition'),
      message: z.string().describe('what was wrong and how to fix it'),
      details: z.array(z.unknown()).describe('per-field problems: { in, path, message }'),
    }),
  })
  .meta({ id: 'Error' });
