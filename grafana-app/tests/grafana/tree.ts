/**
 * The route matcher of Grafana's `pkg/web` (tree.go, Macaron's tree, Apache-2.0), ported for
 * one pattern per tree, which is how `pkg/api/pluginproxy` uses it: for every route of plugin.json
 * it builds `web.NewTree()`, adds `route.Path` and matches the proxied path.
 *
 * What this keeps from Go, on purpose, because it decides what a plugin route matches:
 * - a segment is static, `*` (the rest of the path), `*.*` (path and extension), `:name`
 *   (one segment) or a regexp (`:id([0-9]+)`, `:id:int`, `:name:string`);
 * - a static pattern must equal the segment: there is no prefix match;
 * - `*` as the last segment captures the rest, slashes included, in `params['*']`; a pattern
 *   without `*` captures nothing, so nothing is appended to the route's URL;
 * - one leading and one trailing slash of the path are ignored, segments are URL-unescaped
 *   (`url.PathUnescape`), and a regexp is not anchored (Go's FindStringSubmatch).
 */

enum Kind {
  Static,
  Regexp,
  PathExt,
  Holder,
  MatchAll,
}

interface Pattern {
  kind: Kind;
  pattern: string;
  wildcards: string[];
  reg?: RegExp;
}

const WILDCARD = /:[a-zA-Z0-9]+/;

/** Go's url.PathUnescape: `%XX` decoded, `+` kept; a malformed escape is an error (no match). */
function pathUnescape(s: string): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return undefined;
  // Go decodes to bytes; a sequence that is not UTF-8 stays as the replacement character here
  return Buffer.from(
    s.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1'
  ).toString('utf8');
}

function nextWildcard(pattern: string): [string, string] {
  const m = WILDCARD.exec(pattern);
  if (!m) return ['', pattern];
  const wildcard = m[0];
  const end = m.index + wildcard.length;
  if (end === pattern.length) return [wildcard, pattern.replace(wildcard, '(.+)')];
  if (pattern[end] !== '(') {
    if (pattern.startsWith(':int', end)) pattern = pattern.replace(':int', '([0-9]+)');
    else if (pattern.startsWith(':string', end)) pattern = pattern.replace(':string', '([\\w]+)');
    else return [wildcard, pattern.replace(wildcard, '(.+)')];
  }
  return [wildcard, pattern.slice(0, m.index) + pattern.slice(end)];
}

function checkPattern(raw: string): Pattern {
  let pattern = raw.replace(/^\?+/, '');
  if (pattern === '*') return { kind: Kind.MatchAll, pattern: raw, wildcards: [] };
  if (pattern === '*.*') return { kind: Kind.PathExt, pattern: raw, wildcards: [] };
  if (!pattern.includes(':')) return { kind: Kind.Static, pattern: raw, wildcards: [] };
  const wildcards: string[] = [];
  for (;;) {
    const [w, rest] = nextWildcard(pattern);
    pattern = rest;
    if (!w) break;
    wildcards.push(w);
  }
  if (pattern === '(.+)') return { kind: Kind.Holder, pattern: raw, wildcards };
  return { kind: Kind.Regexp, pattern: raw, wildcards, reg: new RegExp(pattern) };
}

/** The segments of a pattern as tree.go's addNextSegment cuts them (a leading slash dropped at each level). */
function segmentsOf(pattern: string): string[] {
  const out: string[] = [];
  let rest = pattern.replace(/\/$/, '');
  for (;;) {
    rest = rest.replace(/^\//, '');
    const i = rest.indexOf('/');
    if (i === -1) {
      out.push(rest);
      return out;
    }
    out.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
}

export interface TreeMatch {
  params: Record<string, string>;
}

/** A tree holding one pattern: `new Tree(route.path).match(proxyPath)`, as pluginproxy.go does. */
export class Tree {
  private readonly levels: Pattern[];

  constructor(pattern: string) {
    this.levels = segmentsOf(pattern).map(checkPattern);
  }

  match(url: string): TreeMatch | undefined {
    url = url.replace(/^\//, '').replace(/\/$/, '');
    const params: Record<string, string> = {};
    return this.matchNext(0, 0, url, params) ? { params } : undefined;
  }

  private matchNext(depth: number, glob: number, url: string, params: Record<string, string>): boolean {
    const i = url.indexOf('/');
    if (i === -1) return this.matchLeaf(depth, glob, url, params);
    return this.matchSubtree(depth, glob, url.slice(0, i), url.slice(i + 1), params);
  }

  /** The last pattern segment against the last path segment. */
  private matchLeaf(depth: number, glob: number, raw: string, params: Record<string, string>): boolean {
    if (depth !== this.levels.length - 1) return false; // this level has subtrees only
    const url = pathUnescape(raw);
    if (url === undefined) return false;
    const leaf = this.levels[depth]!;
    switch (leaf.kind) {
      case Kind.Static:
        return leaf.pattern === url;
      case Kind.Regexp: {
        const m = leaf.reg!.exec(url);
        if (!m || m.length - 1 !== leaf.wildcards.length) return false;
        leaf.wildcards.forEach((w, j) => (params[w] = m[j + 1] ?? ''));
        return true;
      }
      case Kind.PathExt: {
        const j = url.lastIndexOf('.');
        params[':path'] = j > -1 ? url.slice(0, j) : url;
        if (j > -1) params[':ext'] = url.slice(j + 1);
        return true;
      }
      case Kind.Holder:
        params[leaf.wildcards[0]!] = url;
        return true;
      case Kind.MatchAll:
        params['*'] = url;
        params[`*${glob}`] = url;
        return true;
    }
  }

  /** A middle path segment: descend into this level's subtree, else let a trailing `*` / `*.*` leaf take the rest. */
  private matchSubtree(
    depth: number,
    glob: number,
    segment: string,
    rest: string,
    params: Record<string, string>
  ): boolean {
    const unescaped = pathUnescape(segment);
    if (unescaped === undefined) return false;
    const isLeafLevel = depth === this.levels.length - 1;
    const sub = this.levels[depth];
    if (sub && !isLeafLevel) {
      switch (sub.kind) {
        case Kind.Static:
          if (sub.pattern === unescaped && this.matchNext(depth + 1, glob, rest, params)) return true;
          break;
        case Kind.Regexp: {
          const m = sub.reg!.exec(unescaped);
          if (!m || m.length - 1 !== sub.wildcards.length) break;
          sub.wildcards.forEach((w, j) => (params[w] = m[j + 1] ?? ''));
          if (this.matchNext(depth + 1, glob, rest, params)) return true;
          break;
        }
        case Kind.Holder:
          if (this.matchNext(depth + 1, glob + 1, rest, params)) {
            params[sub.wildcards[0]!] = unescaped;
            return true;
          }
          break;
        case Kind.MatchAll:
          if (this.matchNext(depth + 1, glob + 1, rest, params)) {
            params[`*${glob}`] = unescaped;
            return true;
          }
          break;
        default:
          break;
      }
    }
    if (isLeafLevel) {
      const leaf = this.levels[depth]!;
      const all = pathUnescape(`${segment}/${rest}`);
      if (all === undefined) return false;
      if (leaf.kind === Kind.PathExt) {
        const j = all.lastIndexOf('.');
        params[':path'] = j > -1 ? all.slice(0, j) : all;
        if (j > -1) params[':ext'] = all.slice(j + 1);
        return true;
      }
      if (leaf.kind === Kind.MatchAll) {
        params['*'] = all;
        params[`*${glob}`] = all;
        return true;
      }
    }
    return false;
  }
}
