import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { errorSchema, type AnyRoute } from './routes';

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid request: the message names the field and the fix',
  401: 'Missing or unknown token',
  403: 'The token role is too low, or its scope does not include this route',
  404: 'Not found',
  409: 'Conflict with the current state (e.g. an illegal transition)',
  413: 'Body larger than http.body_limit_bytes',
  415: 'The body is not sent as Content-Type: application/json',
  422: 'Well-formed but refused by a rule',
  429: 'Rate limit of the token exceeded (Retry-After says when to retry)',
  503: 'Overloaded, or the database does not answer: retry after Retry-After seconds',
};

/**
 * The error statuses a route can answer with. Every route authenticates, checks the role, reads a
 * JSON body when one is sent (so a malformed or oversized one is refused) and needs the database;
 * the rest follows from what the route declares.
 */
export function errorStatuses(r: AnyRoute): number[] {
  const statuses = new Set([400, 401, 403, 413, 503, ...(r.errors ?? [])]);
  if (r.params) statuses.add(404);
  if (r.body) statuses.add(415);
  if (r.rateLimited !== false) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

const COMPONENT_REF = '#/components/schemas/';

/**
 * Converts zod schemas to JSON Schema, moving every schema named with `.meta({ id })` into
 * components.schemas, so a shape used by several routes is written once and referenced.
 */
class Components {
  readonly schemas: Record<string, unknown> = {};
  private readonly modes: Record<string, string> = {};

  schema(schema: z.ZodType, io: 'input' | 'output', where: string): Record<string, unknown> {
    const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
    delete out.$schema;
    const defs = (out.$defs ?? {}) as Record<string, unknown>;
    delete out.$defs;
    for (const [id, def] of Object.entries(defs)) this.add(id, toComponentRefs(def), `${where} (${io})`);
    return toComponentRefs(out) as Record<string, unknown>;
  }

  private add(id: string, def: unknown, where: string): void {
    if (id.startsWith('__schema'))
      throw new Error(`${where}: a schema used twice has no name; give it one with .meta({ id })`);
    const known = this.schemas[id];
    if (known === undefined) {
      this.schemas[id] = def;
      this.modes[id] = where;
    } else if (!isDeepStrictEqual(known, def)) {
      // e.g. a z.object read as a request body (extra keys allowed) and written as a response (not)
      throw new Error(
        `component ${id} differs between ${this.modes[id]} and ${where}: two schemas share the id, or one is used as input and output; give each its own id`,
      );
    }
  }
}

function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
        ? COMPONENT_REF + v.slice('#/$defs/'.length)
        : toComponentRefs(v),
    ]),
  );
}

function parameters(
  components: Components,
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  route: string,
): unknown[] {
  if (!schema) return [];
  const js = components.schema(schema, 'input', `${route} ${where}`) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const components = new Components();
  const error = components.schema(errorSchema, 'output', 'errors');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...routes].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  )) {
    const name = `${r.method.toUpperCase()} ${r.path}`;
    const p = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: {
          [r.produces ?? 'application/json']: { schema: components.schema(r.response, 'output', name) },
        },
      },
    };
    if (r.replay)
      responses[String(r.replay.status)] = {
        description: r.replay.description,
        content: { 'application/json': { schema: components.schema(r.response, 'output', name) } },
      };
    for (const status of errorStatuses(r)) {
      responses[status] = {
        description: ERROR_STATUSES[status] ?? 'Error',
        content: { 'application/json': { schema: error } },
      };
    }
    paths[p] ??= {};
    (paths[p] as Record<string, unknown>)[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      'x-opsdesk-role': r.role,
      ...(r.scopes?.length ? { 'x-opsdesk-scopes': [...r.scopes] } : {}),
      security: [{ bearer: [] }],
      parameters: [
        ...parameters(components, r.params, 'path', name),
        ...parameters(components, r.query, 'query', name),
      ],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: components.schema(r.body, 'input', name) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpsDesk records server',
      version,
      description: 'Incidents, post-incident reviews and SLA clocks. Times are UTC instants in ISO 8601.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token: opsdesk-server token create' },
      },
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}
