import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { ApiError } from './errors';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Who made a request: the token, plus the Grafana user when it came through the plugin proxy. */
export interface Caller {
  tokenId: string;
  tokenName: string;
  role: Role;
  grafanaUser?: string | undefined;
  /** what the timeline records: `alice via grafana`, or the token name alone */
  actor: string;
}

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
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  status?: number;
  handler(input: RouteInput<P, Q, B>): Promise<R>;
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

/** Binds routes to an express router: role check → parse → handler → JSON. */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  authenticate: (req: Request) => Promise<Caller>,
): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const caller = await authenticate(req);
      if (!roleAllows(caller.role, route.role)) {
        throw new ApiError(
          403,
          'forbidden',
          `this needs the ${route.role} role; token ${caller.tokenName} has ${caller.role}`,
        );
      }
      const params = parsePart(route.params, req.params, 'path');
      const query = parsePart(route.query, req.query, 'query');
      const body = parsePart(route.body, req.body ?? {}, 'body');
      const result = await route.handler({ params, query, body, caller });
      res.status(route.status ?? 200).json(result);
    });
  }
}

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) }),
});
