/**
 * The Markdown that templates write (Rendered.sections) is CommonMark with one house rule: a single
 * newline is a line break, as WeCom, Feishu and DingTalk show it. Values from events (labels,
 * annotations, titles) are escaped before a template sees them, so a label holding `*`, `[` or `<`
 * is shown as written and can never open a link, a tag or an `<at>` mention.
 */

// ASCII punctuation that means something inline. `<` and `>` become entities instead of
// backslash escapes: a platform that reads tags (Feishu's <at>, DingTalk's HTML subset) then
// never sees one, and a CommonMark renderer still shows the character.
const INLINE = /[\\`*_[\]~|&]/g;

export function escapeMarkdown(value: string): string {
  return value
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\r\n|\r|\n/)
    .map((line) =>
      // what only means something at the start of a line: a heading, a list item, a quote
      line.replace(/^(\s*)([#+-]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
        /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
      ),
    )
    .join('\n');
}

/** escapeMarkdown on one line: newlines (which could start a list item) become spaces */
export function escapeInline(value: string): string {
  return escapeMarkdown(value.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim());
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/** Undo escapeMarkdown (and the entity form of < >): for titles and plain-text parts. */
export function unescapeMarkdown(value: string): string {
  // one pass, so an escaped `\&lt;` stays the text "&lt;"
  return value.replace(
    /\\([!-/:-@[-`{-~])|&(lt|gt|amp|quot|#39);/g,
    (_m, escaped?: string, entity?: string) =>
      escaped !== undefined ? escaped : (ENTITIES[entity as string] ?? ''),
  );
}

/** A link destination a Markdown parser reads back whole: no spaces, parentheses or angle brackets. */
export function markdownUrl(url: string): string {
  // encodeURIComponent leaves ( ) as they are
  return url.replace(/[\s()<>]/g, (c) =>
    Array.from(Buffer.from(c))
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}

/** `[label](url)`, or the label alone when there is no usable link */
export function markdownLink(label: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `[${label}](${markdownUrl(safe)})` : label;
}

/** Only web and mail links become links: a `javascript:` runbook annotation stays text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

type Inline = { text: string; html: string };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

/**
 * The inline subset templates use: escapes, entities, **bold**, *em* / _em_, `code`, [text](url).
 * Everything else is text. Returns the plain text and the HTML together so both parts of an email
 * say the same thing.
 */
function inline(src: string): Inline {
  let text = '';
  let html = '';
  let i = 0;
  const emit = (t: string, h = escapeHtml(t)) => {
    text += t;
    html += h;
  };
  // sticky expressions read at i without copying the rest of the line
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(src);
  };
  while (i < src.length) {
    let m: RegExpExecArray | null;
    if ((m = at(PLAIN))) {
      emit(m[0]);
    } else if ((m = at(ESCAPED))) {
      emit(m[1] as string);
    } else if ((m = at(ENTITY))) {
      emit(ENTITIES[m[1] as string] as string);
    } else if ((m = at(CODE))) {
      emit(m[1] as string, `<code>${escapeHtml(m[1] as string)}</code>`);
    } else if ((m = at(STRONG))) {
      const inner = inline(m[1] as string);
      emit(inner.text, `<strong>${inner.html}</strong>`);
    } else if ((m = at(EM))) {
      const inner = inline(m[2] as string);
      emit(inner.text, `<em>${inner.html}</em>`);
    } else if ((m = at(LINK))) {
      const label = inline(m[1] as string);
      const url = safeUrl(decodeLinkDestination(m[2] as string));
      if (url) {
        text += label.text === url ? url : `${label.text} (${url})`;
        html += `<a href="${escapeHtml(url)}">${label.html}</a>`;
      } else {
        text += label.text;
        html += label.html;
      }
    } else {
      emit(src[i] as string);
      i += 1;
      continue;
    }
    i += m[0].length;
  }
  return { text, html };
}

const PLAIN = /[^\\&`*_[]+/y;
const ESCAPED = /\\([!-/:-@[-`{-~])/y;
const ENTITY = /&(lt|gt|amp|quot|#39);/y;
const CODE = /`([^`]+)`/y;
const STRONG = /\*\*(?=\S)((?:\\.|[^\\])+?)\*\*/y;
const EM = /([*_])(?=\S)((?:\\.|(?!\1)[^\\])+?)\1/y;
const LINK = /\[((?:\\.|[^\\\]])*)\]\(([^)\s]*)\)/y;

function decodeLinkDestination(dest: string): string {
  return dest.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export interface RenderedMarkdown {
  text: string;
  html: string;
}

/**
 * Blocks of the subset: `#`–`###` headings, `-` / `*` list items, `>` quotes, `---` rules, and
 * paragraphs whose single newlines are line breaks. Written here, small and escaping everything,
 * rather than a general Markdown library: the server has none, and a general one would pass raw
 * HTML from an override template into the mail.
 */
export function renderMarkdown(src: string): RenderedMarkdown {
  const text: string[] = [];
  const html: string[] = [];
  let paragraph: Inline[] = [];
  let list: Inline[] = [];
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    text.push(paragraph.map((l) => l.text).join('\n'));
    html.push(`<p>${paragraph.map((l) => l.html).join('<br>\n')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list.length === 0) return;
    text.push(list.map((l) => `- ${l.text}`).join('\n'));
    html.push(`<ul>\n${list.map((l) => `<li>${l.html}</li>`).join('\n')}\n</ul>`);
    list = [];
  };
  for (const raw of src.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if ((m = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line))) {
      flushParagraph();
      flushList();
      const level = Math.min((m[1] as string).length + 1, 4);
      const h = inline(m[2] as string);
      text.push(h.text);
      html.push(`<h${level}>${h.html}</h${level}>`);
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushParagraph();
      flushList();
      text.push('----');
      html.push('<hr>');
    } else if ((m = /^\s{0,3}[-*+]\s+(.*)$/.exec(line))) {
      flushParagraph();
      list.push(inline(m[1] as string));
    } else if ((m = /^\s{0,3}>\s?(.*)$/.exec(line))) {
      flushParagraph();
      flushList();
      const q = inline(m[1] as string);
      text.push(`> ${q.text}`);
      html.push(`<blockquote>${q.html}</blockquote>`);
    } else {
      flushList();
      paragraph.push(inline(line.trim()));
    }
  }
  flushParagraph();
  flushList();
  return { text: text.join('\n\n'), html: html.join('\n') };
}

/** Markdown → one line of plain text (a title, a subject) */
export function markdownToPlainLine(src: string): string {
  return renderMarkdown(src)
    .text.replace(/\s*\n+\s*/g, ' ')
    .trim();
}
