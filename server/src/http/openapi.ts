import { z } from 'zod';
import { errorSchema, type AnyRoute } from './routes';

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid request: the message names the field and the fix',
  '401': 'Missing or unknown token',
  '403': 'The token role is too low',
  '404': 'Not found',
  '409': 'Conflict with the current state (e.g. an illegal transition)',
  '413': 'Body larger than http.body_limit_bytes',
  '422': 'Well-formed but refused by a rule',
  '415': 'The body is not sent as Content-Type: application/json',
  '429': 'Rate limit of the token exceeded (Retry-After says when to retry)',
  '503': 'Overloaded, or the database does not answer: retry after Retry-After seconds',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...routes].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  )) {
    const p = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(r.response, 'output') } },
      },
    };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      responses[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[p] ??= {};
    (paths[p] as Record<string, unknown>)[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      'x-opsdesk-role': r.role,
      security: r.path === '/api/v1/openapi.json' ? [] : [{ bearer: [] }],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
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
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    paths,
  };
}
