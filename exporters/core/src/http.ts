/**
 * The exporters' HTTP layer on `node:http`, without a framework: a route table and body readers.
 * This interface is stable; the transfer and flow exporters build their routes on it.
 *
 *   const routes: Route[] = [
 *     { method: 'GET', path: '/api/v1/channels', handle: () => jsonReply(200, { channels }) },
 *     { method: 'GET', path: '/api/v1/flows/:flow/steps/:step/stuck',
 *       handle: (req) => jsonReply(200, list(req.params.flow, req.query.get('limit'))) },
 *     { method: 'POST', path: '/api/v1/events', maxBodyBytes: config.ingest.max_body_bytes,
 *       handle: async (req) => {
 *         if (!authorised(req.header('authorization'))) throw new HttpError(401, 'unauthorized', '…');
 *         const lines = await req.ndjson();        // or req.json(), req.text()
 *         return jsonReply(200, { counts });
 *       } },
 *   ];
 *   createExporterApp({ …, routes })             // server.ts: /metrics, /-/healthy, /-/ready, / come first
 *
 * - A path is exact, or has `:name` segments that arrive in `req.params` (decoded).
 * - `req.query` is a URLSearchParams: `getAll('collect[]')` for repeated keys.
 * - Body readers read at most `maxBodyBytes` (default 1 MiB) after gzip/deflate decoding: past it
 *   the answer is 413 body_too_large; an unknown Content-Encoding or charset is 415; a body that is
 *   not JSON is 400 malformed_json (`json()` only; `ndjson()` reports bad lines one by one).
 * - A handler returns a Reply (jsonReply, textReply, errorReply) or throws HttpError; anything else
 *   thrown is logged and answered 500 internal. Errors are `{"error":{"code","message"[,"details"]}}`.
 * - HEAD is served by the GET route; a known path with another method is 405 with `Allow`.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { Logger } from '@opsdesk/runtime';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Reply {
  status: number;
  headers?: Readonly<Record<string, string>>;
  body?: string | Buffer;
}

export interface HttpRequest {
  readonly method: string;
  /** the path without the query string, percent-encoding kept */
  readonly path: string;
  readonly query: URLSearchParams;
  /** values of the route's `:name` segments, percent-decoded */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** a header's value (the first, if repeated); names are case-insensitive */
  header(name: string): string | undefined;
  /** the body as text, decoded by its Content-Encoding and charset */
  text(): Promise<string>;
  /** the body as one JSON value */
  json(): Promise<unknown>;
  /** the body as NDJSON: one entry per non-blank line, numbered from 1 */
  ndjson(): Promise<NdjsonLine[]>;
  readonly raw: IncomingMessage;
}

export type NdjsonLine = { line: number; value: unknown } | { line: number; error: string };

export interface Route {
  method: HttpMethod;
  path: string;
  /** the most bytes the body readers take (after decompression); default 1 MiB */
  maxBodyBytes?: number;
  handle(req: HttpRequest): Reply | Promise<Reply>;
}

export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

/** An answer a handler (or a body reader) gives instead of its reply: 4xx the client can fix. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function textReply(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body };
}

export function errorReply(status: number, code: string, message: string, details?: unknown): Reply {
  return jsonReply(status, { error: details === undefined ? { code, message } : { code, message, details } });
}

interface CompiledRoute {
  route: Route;
  /** literal segments, or the name of a `:name` segment */
  segments: Array<{ literal: string } | { param: string }>;
}

/** Method + path → route. Exact paths are looked up directly; `:name` paths are tried in order. */
export class RouteTable {
  private readonly exact = new Map<string, Map<string, Route>>();
  private readonly patterns: CompiledRoute[] = [];

  constructor(routes: readonly Route[] = []) {
    for (const r of routes) this.add(r);
  }

  add(route: Route): void {
    if (!route.path.startsWith('/'))
      throw new Error(`route path ${JSON.stringify(route.path)} must start with /`);
    if (!route.path.includes('/:')) {
      const byMethod = this.exact.get(route.path) ?? new Map<string, Route>();
      if (byMethod.has(route.method)) throw new Error(`route ${route.method} ${route.path} declared twice`);
      byMethod.set(route.method, route);
      this.exact.set(route.path, byMethod);
      return;
    }
    const segments = route.path
      .slice(1)
      .split('/')
      .map((s) => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s }));
    this.patterns.push({ route, segments });
  }

  /** The route and its params; `allowed` lists the methods of a path known under other methods. */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined {
    const want = method === 'HEAD' ? 'GET' : method;
    const byMethod = this.exact.get(path);
    const hit = byMethod?.get(want);
    if (hit) return { route: hit, params: {} };
    const allowed = byMethod ? [...byMethod.keys()] : [];
    const parts = path.slice(1).split('/');
    for (const p of this.patterns) {
      const params = matchSegments(p.segments, parts);
      if (!params) continue;
      if (p.route.method === want) return { route: p.route, params };
      allowed.push(p.route.method);
    }
    return allowed.length ? { allowed } : undefined;
  }
}

function matchSegments(
  segments: CompiledRoute['segments'],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const part = parts[i]!;
    if ('literal' in s) {
      if (s.literal !== part) return undefined;
      continue;
    }
    if (part === '') return undefined;
    try {
      params[s.param] = decodeURIComponent(part);
    } catch {
      return undefined; // malformed percent-encoding names no resource
    }
  }
  return params;
}

function decodedStream(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding === 'identity') return req;
  if (encoding === 'gzip' || encoding === 'x-gzip') return req.pipe(createGunzip());
  if (encoding === 'deflate') return req.pipe(createInflate());
  throw new HttpError(
    415,
    'unsupported_content_encoding',
    `Content-Encoding ${JSON.stringify(encoding)} is not supported; send identity, gzip or deflate`,
  );
}

/** Reads the whole body, refusing it (and reading no further) once it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(
      413,
      'body_too_large',
      `request body over ${limit} bytes; send smaller batches or raise the limit in the config`,
      undefined,
      { Connection: 'close' },
    );
  const declared = Number(req.headers['content-length']);
  if (req.headers['content-encoding'] === undefined && declared > limit) return Promise.reject(tooLarge());
  let stream: Readable;
  try {
    stream = decodedStream(req);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (err: Error) => {
      stream.removeAllListeners('data');
      if (stream !== req) stream.destroy();
      req.resume(); // discard the rest; the answer closes the connection
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(tooLarge());
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks, size)));
    stream.once('error', (err: Error) =>
      fail(
        stream === req
          ? err
          : new HttpError(
              400,
              'bad_request',
              `request body does not decode as its Content-Encoding: ${err.message}`,
            ),
      ),
    );
  });
}

function charsetOf(contentType: string | undefined): string {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return (m?.[1] ?? 'utf-8').toLowerCase();
}

function decodeText(body: Buffer, contentType: string | undefined): string {
  const charset = charsetOf(contentType);
  if (charset === 'utf-8' || charset === 'utf8') return body.toString('utf8');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new HttpError(
      415,
      'unsupported_charset',
      `charset ${JSON.stringify(charset)} is not supported; send utf-8`,
    );
  }
  return decoder.decode(body);
}

function parseNdjson(text: string): NdjsonLine[] {
  const out: NdjsonLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (e) {
      out.push({ line: i + 1, error: `not JSON (${(e as Error).message})` });
    }
  }
  return out;
}

function makeRequest(
  raw: IncomingMessage,
  params: Record<string, string>,
  maxBodyBytes: number,
): HttpRequest {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  let text: Promise<string> | undefined;
  const readText = () =>
    (text ??= readBody(raw, maxBodyBytes).then((b) => decodeText(b, raw.headers['content-type'])));
  return {
    method: raw.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    params,
    headers: raw.headers,
    header(name) {
      const v = raw.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
    text: readText,
    async json() {
      const body = await readText();
      try {
        return JSON.parse(body) as unknown;
      } catch (e) {
        throw new HttpError(400, 'malformed_json', `body is not JSON: ${(e as Error).message}`);
      }
    },
    ndjson: async () => parseNdjson(await readText()),
    raw,
  };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  res.statusCode = reply.status;
  if (reply.headers) for (const [k, v] of Object.entries(reply.headers)) res.setHeader(k, v);
  if (reply.body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(reply.body));
  res.end(reply.body);
}

export interface RequestListenerOptions {
  log: Logger;
  /** the answer for a path no route knows */
  notFound(method: string, path: string): Reply;
}

/** A `node:http` request listener serving the table; errors become JSON answers, never a crash. */
export function routeRequests(table: RouteTable, opts: RequestListenerOptions) {
  return (raw: IncomingMessage, res: ServerResponse): void => {
    const url = raw.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = raw.method ?? 'GET';
    const found = table.match(method, path);
    if (!found) return sendReply(res, opts.notFound(method, path));
    if ('allowed' in found) {
      const allow = [...new Set(found.allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(
        ', ',
      );
      const reply = errorReply(405, 'method_not_allowed', `${method} is not served on ${path}; use ${allow}`);
      return sendReply(res, { ...reply, headers: { ...reply.headers, Allow: allow } });
    }
    const req = makeRequest(raw, found.params, found.route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    let result: Reply | Promise<Reply>;
    try {
      result = found.route.handle(req);
    } catch (err) {
      return sendFailure(res, err, opts.log);
    }
    if (result instanceof Promise) {
      result.then(
        (reply) => sendReply(res, reply),
        (err: unknown) => sendFailure(res, err, opts.log),
      );
    } else sendReply(res, result);
  };
}

function sendFailure(res: ServerResponse, err: unknown, log: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof HttpError) {
    const reply = errorReply(err.status, err.code, err.message, err.details);
    return sendReply(res, { ...reply, headers: { ...reply.headers, ...err.headers } });
  }
  const message = err instanceof Error ? err.message : String(err);
  log.error({ err: message }, 'request failed');
  sendReply(res, errorReply(500, 'internal', message));
}
