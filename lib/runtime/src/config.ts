import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';

/** A config file that cannot be used; `problems` are complete sentences, one per line of output. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type PathKey = string | number | symbol;
type Yaml = typeof import('yaml');

/**
 * yaml (about 70 modules, 2–3 MB of a small process's RSS) is needed only while a config is read:
 * it is loaded for the read and the modules that loaded for it are dropped from the require cache
 * afterwards, so an exporter does not keep them for the rest of its life (docs/host-exporter.md,
 * Performance). Nothing yaml made outlives the call (the result is plain data); a process that
 * reads a config again (the server's reload) loads yaml again, a few ms. When yaml was already
 * loaded by something else (a calendar file reader), it stays.
 */
function withYaml<T>(read: (yaml: Yaml) => T): T {
  const before = new Set(Object.keys(require.cache));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as Yaml;
  try {
    return read(yaml);
  } finally {
    const added = Object.keys(require.cache).filter(
      (id) => !before.has(id) && id.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`),
    );
    for (const id of added) delete require.cache[id];
    if (added.length > 0) module.children = module.children.filter((m) => !added.includes(m.id));
  }
}

/** `collectors.filesystem.mount_points_exclude`, `channels[3].schedule.start` */
export function formatConfigPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

/** Replaces `${NAME}` in string values with the environment variable NAME, so secrets never live in the file. */
function substituteEnv(
  value: unknown,
  at: PathKey[],
  env: NodeJS.ProcessEnv,
  problems: Array<[PathKey[], string]>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) {
        problems.push([
          at,
          `environment variable ${name} is referenced but not set; export it or remove the reference`,
        ]);
        return '';
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, [...at, i], env, problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substituteEnv(v, [...at, k], env, problems)]),
    );
  }
  return value;
}

function lineOf(
  yaml: Yaml,
  doc: Document,
  lines: LineCounter,
  keys: readonly PathKey[],
  unknownKey?: string,
): string {
  const { isMap, isNode, isPair, isScalar } = yaml;
  const plain = keys.filter((k): k is string | number => typeof k !== 'symbol');
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let n = plain.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(plain.slice(0, n), true);
    if (!isNode(node) || !node.range) continue;
    let offset = node.range[0];
    if (unknownKey !== undefined && n === plain.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === unknownKey);
      if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
    }
    return `:${lines.linePos(offset).line}`;
  }
  return '';
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  const text = JSON.stringify(input);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/**
 * Reads and validates one YAML config file. Every problem names the file, the line where it could
 * be found, the path inside the document and the reason, e.g.
 * `host.yml:12: collectors.filesystem.mount_timeout: expected a duration like 30s, 5m or 1h, got "5 min"`.
 */
export function loadConfigFile<S extends z.ZodType>(
  file: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const name = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new ConfigError(file, [`${file}: cannot read config: ${reason}`]);
  }
  return parseConfigText(text, name, schema, env, file);
}

export function parseConfigText<S extends z.ZodType>(
  text: string,
  name: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  file = name,
): z.output<S> {
  return withYaml((yaml) => parseWith(yaml, text, name, schema, env, file));
}

function parseWith<S extends z.ZodType>(
  yaml: Yaml,
  text: string,
  name: string,
  schema: S,
  env: NodeJS.ProcessEnv,
  file: string,
): z.output<S> {
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return `${name}:${pos.line}:${pos.col}: invalid YAML: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const envProblems: Array<[PathKey[], string]> = [];
  const data = substituteEnv(raw, [], env, envProblems);
  if (envProblems.length > 0) {
    throw new ConfigError(
      file,
      envProblems.map(
        ([at, msg]) => `${name}${lineOf(yaml, doc, lines, at)}: ${formatConfigPath(at)}: ${msg}`,
      ),
    );
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const problems: string[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = formatConfigPath([...issue.path, key]);
        problems.push(
          `${name}${lineOf(yaml, doc, lines, issue.path, key)}: ${where}: unknown setting; check its spelling against the example config`,
        );
      }
      continue;
    }
    let message = issue.message.replace(/^Invalid input: /, '');
    const input = (issue as { input?: unknown }).input;
    if (!/\bgot\b/.test(message) && issue.code !== 'custom') {
      message = `${message.replace(/, received \w+$/, '')}, got ${describeInput(input)}`;
    }
    problems.push(
      `${name}${lineOf(yaml, doc, lines, issue.path)}: ${formatConfigPath(issue.path)}: ${message}`,
    );
  }
  throw new ConfigError(file, problems);
}
