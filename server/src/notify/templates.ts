import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ChannelConfig } from './config';
import { EN } from './templates/en';
import { escapeInline, markdownToPlainLine, markdownUrl, safeUrl } from './templates/markdown';
import { buildView } from './templates/view';
import type { levelOf } from './templates/words';
import { ZH_HANS } from './templates/zh-Hans';
import {
  EVENT_KINDS,
  LANGUAGES,
  type Color,
  type EventKind,
  type Language,
  type NotifyEvent,
  type Recipient,
  type Rendered,
} from './types';

/**
 * Events → one message (Rendered): Handlebars templates per event kind and language, built in
 * (templates/zh-Hans.ts, templates/en.ts) or a channel's own `<templates>/<kind>.<lang>.hbs`.
 *
 * A template writes Markdown and marks its parts with helpers:
 * - `{{#title}}…{{/title}}` the message's one-line title (markup removed);
 * - `{{#section}}…{{/section}}` one block (a platform splits a long message between blocks, never
 *   inside one); text outside any section is a section of its own, in place;
 * - `{{button "label" url}}` a link button (left out when url is empty);
 * - `{{links "label" url "label" url …}}` the present ones as inline Markdown links, " · " apart;
 * - `{{eq a b}}` for `{{#if (eq phase "resolved")}}`.
 * Every value is Markdown-escaped before the template sees it (see templates/view.ts), so a
 * template never escapes anything itself.
 */

export interface RenderOptions {
  grafanaUrl: string;
  alertmanagerUrl: string;
  mentions: Recipient[];
  baseDir: string;
  /** how times are written; the team's zone by default */
  timeZone?: string;
}

/** A template that does not compile or cannot run: the channel's configuration must be fixed. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const BUILT_IN: Record<Language, Record<EventKind, string>> = { 'zh-Hans': ZH_HANS, en: EN };

interface Collector {
  title?: string;
  sections: string[];
  buttons: Array<{ label: string; url: string }>;
}
type HelperOptions = Handlebars.HelperOptions & { data: { out: Collector } };

// where a section stood in a template's output; the nonce keeps a value from faking one
const NONCE = randomUUID();
const MARK = `\uE000${NONCE}:`;
const MARK_RE = new RegExp(`\uE000${NONCE}:(\\d+)\uE000`, 'g');

const hb = Handlebars.create();
hb.registerHelper('title', function (this: unknown, options: HelperOptions) {
  options.data.out.title = markdownToPlainLine(options.fn(this).replace(MARK_RE, ''));
  return '';
});
hb.registerHelper('section', function (this: unknown, options: HelperOptions) {
  const out = options.data.out;
  // a section written inside another is part of it
  const body = options.fn(this).replace(MARK_RE, (_m, i: string) => out.sections[Number(i)] ?? '');
  out.sections.push(tidy(body));
  return `${MARK}${out.sections.length - 1}\uE000`;
});
hb.registerHelper('button', function (label: unknown, url: unknown, options: HelperOptions) {
  // an override's literal URL is checked like an event's: web and mail links only
  const safe = typeof url === 'string' ? safeUrl(url) : undefined;
  if (typeof label === 'string' && safe)
    options.data.out.buttons.push({ label: markdownToPlainLine(label), url: safe });
  return '';
});
hb.registerHelper('links', function (...args: unknown[]) {
  const pairs = args.slice(0, -1);
  const shown: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const [label, url] = [pairs[i], pairs[i + 1]];
    const safe = typeof url === 'string' ? safeUrl(url) : undefined;
    if (typeof label === 'string' && safe) shown.push(`[${escapeInline(label)}](${markdownUrl(safe)})`);
  }
  return shown.join(' · ');
});
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));

const COMPILE: CompileOptions = {
  noEscape: true,
  // an unknown helper is a compile error (with its line), not a failure at the first send
  knownHelpersOnly: true,
  knownHelpers: { title: true, section: true, button: true, links: true, eq: true, gt: true },
};
type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** blank-line runs collapsed, trailing spaces and the section's own edges trimmed */
function tidy(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function compile(source: string, file: string): Handlebars.TemplateDelegate {
  let template: Handlebars.TemplateDelegate;
  try {
    // compile() defers parsing to the first call; precompile parses and checks helpers now
    hb.precompile(source, COMPILE);
    template = hb.compile(source, COMPILE);
  } catch (err) {
    throw templateError(err, file);
  }
  return template;
}

function templateError(err: unknown, file: string): TemplateError {
  const e = err as Error & { lineNumber?: number };
  const line = e.lineNumber ?? Number(/on line (\d+)/.exec(e.message)?.[1] ?? NaN);
  const where = Number.isFinite(line) ? `${file}:${line}` : file;
  return new TemplateError(`${where}: ${e.message}`, file, Number.isFinite(line) ? line : undefined);
}

let builtIns: Map<string, Handlebars.TemplateDelegate> | undefined;
function builtIn(kind: EventKind, lang: Language): Handlebars.TemplateDelegate {
  builtIns ??= new Map(
    LANGUAGES.flatMap((l) =>
      EVENT_KINDS.map((k) => [`${k}.${l}`, compile(BUILT_IN[l][k], `built-in ${k}.${l}.hbs`)] as const),
    ),
  );
  return builtIns.get(`${kind}.${lang}`) as Handlebars.TemplateDelegate;
}

interface Overrides {
  stamp: string;
  templates: Map<string, { file: string; template: Handlebars.TemplateDelegate }>;
}
const overrideCache = new Map<string, Overrides>();
const FILE_NAME = /^(.+)\.([A-Za-z-]+)\.hbs$/;

/**
 * A channel's override templates, compiled, or a TemplateError naming the file (and line). Read
 * again when a file in the folder changes, so an edited template is used without a restart.
 * Call it when the configuration is loaded to report a broken template before the first send.
 */
export function loadOverrides(
  channel: Pick<ChannelConfig, 'name' | 'templates'>,
  baseDir: string,
): Overrides['templates'] {
  if (!channel.templates) return new Map();
  const dir = path.resolve(baseDir, channel.templates);
  const setting = `notify.channels[${channel.name}].templates`;
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.hbs'))
      .sort();
  } catch (err) {
    throw new TemplateError(
      `${setting}: cannot read the folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      dir,
    );
  }
  const stats = names.map((n) => {
    const s = statSync(path.join(dir, n));
    return `${n}:${s.mtimeMs}:${s.size}`;
  });
  const stamp = stats.join('|');
  const cached = overrideCache.get(dir);
  if (cached && cached.stamp === stamp) return cached.templates;
  const templates: Overrides['templates'] = new Map();
  for (const name of names) {
    const file = path.join(dir, name);
    const m = FILE_NAME.exec(name);
    const kind = m?.[1] as EventKind | undefined;
    const lang = m?.[2] as Language | undefined;
    if (!kind || !lang || !EVENT_KINDS.includes(kind) || !LANGUAGES.includes(lang)) {
      throw new TemplateError(
        `${file}: not a template name OpsDesk uses; expected <event kind>.<language>.hbs with kind one of ${EVENT_KINDS.join(', ')} and language ${LANGUAGES.join(' or ')}, e.g. incident.opened.zh-Hans.hbs`,
        file,
      );
    }
    templates.set(`${kind}.${lang}`, { file, template: compile(readFileSync(file, 'utf8'), file) });
  }
  overrideCache.set(dir, { stamp, templates });
  return templates;
}

interface RenderedEvent {
  title: string;
  color: Color;
  sections: string[];
  buttons: Array<{ label: string; url: string }>;
}

function renderEvent(
  event: NotifyEvent,
  channel: ChannelConfig,
  lang: Language,
  opts: RenderOptions,
  overrides: Overrides['templates'],
): RenderedEvent {
  const override = overrides.get(`${event.kind}.${lang}`);
  const template = override?.template ?? builtIn(event.kind, lang);
  const view: Record<string, unknown> = {
    ...buildView(event, lang, {
      grafanaUrl: opts.grafanaUrl,
      alertmanagerUrl: opts.alertmanagerUrl,
      timeZone: opts.timeZone ?? 'Asia/Shanghai',
    }),
    channel: escapeInline(channel.name),
  };
  const out: Collector = { sections: [], buttons: [] };
  let body: string;
  try {
    body = template(view, { data: { out } });
  } catch (err) {
    throw templateError(err, override?.file ?? `built-in ${event.kind}.${lang}.hbs`);
  }
  // the sections in the order the template wrote them, with the text between them as sections too
  const sections: string[] = [];
  let last = 0;
  for (const m of body.matchAll(MARK_RE)) {
    const between = tidy(body.slice(last, m.index));
    if (between) sections.push(between);
    const section = out.sections[Number(m[1])];
    if (section) sections.push(section);
    last = (m.index ?? 0) + m[0].length;
  }
  const rest = tidy(body.slice(last));
  if (rest) sections.push(rest);
  const level = view.level as ReturnType<typeof levelOf>;
  return {
    title: out.title || markdownToPlainLine(sections[0]?.split('\n')[0] ?? '') || event.kind,
    color: level.color,
    sections,
    buttons: out.buttons,
  };
}

const COLOR_RANK: Color[] = ['red', 'orange', 'yellow', 'blue', 'green', 'grey'];

const COUNT_TITLE: Record<Language, (n: number, latest: string) => string> = {
  'zh-Hans': (n, latest) => `${n} 条通知 · ${latest}`,
  en: (n, latest) => `${n} notifications · ${latest}`,
};

/**
 * One aggregate (same channel, same phase, in order) → one message. An Alertmanager group's
 * notifications each carry the whole group, so only the latest of each groupKey is shown; every
 * other event is a part of the story, shown in order under its own heading.
 */
export function renderMessage(events: NotifyEvent[], channel: ChannelConfig, opts: RenderOptions): Rendered {
  if (events.length === 0) throw new Error('renderMessage: no events to render');
  const lang = channel.language;
  const overrides = loadOverrides(channel, opts.baseDir);
  const latestGroup = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.kind === 'alert.group') latestGroup.set(e.key, i);
  });
  const shown = events.filter((e, i) => e.kind !== 'alert.group' || latestGroup.get(e.key) === i);
  const rendered = shown.map((e) => renderEvent(e, channel, lang, opts, overrides));
  const phase = shown[shown.length - 1]?.phase ?? 'info';
  const latest = rendered[rendered.length - 1] as RenderedEvent;
  const several = rendered.length > 1;
  const sections = several
    ? rendered.flatMap((r) => {
        const [first = '', ...rest] = r.sections;
        return [`### ${escapeInline(r.title)}\n${first}`.trim(), ...rest];
      })
    : latest.sections;
  const seen = new Set<string>();
  const buttons = rendered.flatMap((r) => r.buttons).filter((b) => !seen.has(b.url) && seen.add(b.url));
  const mentioned = new Set<string>();
  const mentions = opts.mentions.filter((m) => !mentioned.has(m.id) && mentioned.add(m.id));
  const color =
    phase === 'resolved'
      ? 'green'
      : (rendered.map((r) => r.color).sort((a, b) => COLOR_RANK.indexOf(a) - COLOR_RANK.indexOf(b))[0] ??
        'grey');
  return {
    title: several ? COUNT_TITLE[lang](rendered.length, latest.title) : latest.title,
    color,
    phase,
    language: lang,
    sections,
    buttons,
    mentions,
    events: shown,
  };
}
