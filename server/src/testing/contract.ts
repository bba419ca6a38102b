import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

/** One operation of the OpenAPI document: its path as a pattern, and its documented statuses. */
interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literals: number;
  statuses: Set<string>;
}

/** The document serves itself; validate-openapi.mjs checks it against the OpenAPI 3.1 schema. */
const SELF = 'GET /api/v1/openapi.json';
const DOC_ID = 'opsdesk-openapi.json';

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('; ');
}

/**
 * Checks JSON responses against the OpenAPI document: the operation is found from the method and
 * path as a client sees them (a literal segment wins over a parameter, as OpenAPI says), the status
 * must be one the operation documents, and the body must match that status's schema.
 * Used only by tests (startTestServer), so a handler and its schema cannot drift apart unnoticed.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Record<string, unknown>) {
    this.ajv.addSchema({ ...document, $id: DOC_ID });
    const paths = (document.paths ?? {}) as Record<string, Record<string, { responses?: object }>>;
    for (const [template, methods] of Object.entries(paths)) {
      const segments = template.split('/');
      const pattern = new RegExp(
        `^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
      );
      for (const [method, op] of Object.entries(methods)) {
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          literals: segments.filter((s) => !s.startsWith('{')).length,
          statuses: new Set(Object.keys(op.responses ?? {})),
        });
      }
    }
    this.operations.sort((a, b) => b.literals - a.literals);
  }

  /** What is wrong with one response, or undefined when it is what the document says. */
  check(method: string, path: string, status: number, body: unknown): string | undefined {
    if (`${method} ${path}` === SELF) return undefined;
    const op = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!op) {
      // no operation: only the "no route" error is right
      if (status === 404) return this.validate('#/components/schemas/Error', body, `${method} ${path} 404`);
      return `${method} ${path} answered ${status}, but the OpenAPI document has no such operation`;
    }
    const name = `${op.method} ${op.template}`;
    if (!op.statuses.has(String(status))) {
      const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
      return `${name} answered ${status}${code ? ` (${code})` : ''}, which the OpenAPI document does not list (it lists ${[...op.statuses].join(', ')})`;
    }
    const schema = `#/${pointer('paths', op.template, op.method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
    return this.validate(schema, body, `${name} ${status}`);
  }

  private validate(ref: string, body: unknown, what: string): string | undefined {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(`${DOC_ID}${ref}`);
      if (!validate) return `${what}: the OpenAPI document has no schema at ${ref}`;
      this.validators.set(ref, validate);
    }
    if (validate(body)) return undefined;
    return `${what}: the body does not match its schema in the OpenAPI document: ${describeErrors(validate.errors)}`;
  }
}

/** For createApp's onJsonResponse: records each violation, which the test helper then throws. */
export function recordViolations(contract: () => ResponseContract, violations: string[]) {
  return (method: string, path: string, status: number, body: unknown) => {
    let problem: string | undefined;
    try {
      problem = contract().check(method, path, status, body);
    } catch (err) {
      problem = `${method} ${path} ${status}: the response could not be checked: ${(err as Error).stack ?? String(err)}`;
    }
    if (problem !== undefined) violations.push(problem);
  };
}
