import fc from 'fast-check';
import { escapeInline, escapeMarkdown, markdownLink, renderMarkdown, unescapeMarkdown } from './markdown';

// strings made of what Markdown and HTML treat specially, with CJK and spaces between
const hostile = fc
  .array(
    fc.constantFrom(
      '*',
      '**',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      '#',
      '-',
      '+',
      '1.',
      '|',
      '~',
      '\\',
      '!',
      '"',
      "'",
      '<at id=all></at>',
      '&lt;',
      'javascript:',
      'x',
      '交易',
      ' ',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('Markdown escaping', () => {
  test('an escaped value reads back as written, and renders as text only', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const line = value.trim();
        const md = escapeInline(line);
        expect(unescapeMarkdown(md)).toBe(line);
        const { text, html } = renderMarkdown(`**Label:** ${md}`);
        expect(text).toBe(`Label: ${line}`.trim());
        // no tag of its own: only the <p> and <strong> the label makes
        expect(html.replace(/<\/?(p|strong)>/g, '')).not.toMatch(/<|>/);
      }),
      { numRuns: 500 },
    );
  });

  test('a multi-line value keeps its lines and starts no heading, list or quote', () => {
    const { text, html } = renderMarkdown(
      escapeMarkdown('# not a heading\n- not a list\n> not a quote\n1. not a list'),
    );
    expect(text).toBe('# not a heading\n- not a list\n> not a quote\n1. not a list');
    expect(html).toBe('<p># not a heading<br>\n- not a list<br>\n&gt; not a quote<br>\n1. not a list</p>');
  });

  test('links: only http(s) and mailto become links; others stay text', () => {
    expect(renderMarkdown(markdownLink('Runbook', 'https://wiki.example.cn/a_(b)')).html).toBe(
      '<p><a href="https://wiki.example.cn/a_%28b%29">Runbook</a></p>',
    );
    expect(renderMarkdown('[x](javascript:alert(1))').html).not.toContain('<a');
    expect(renderMarkdown(markdownLink('x', 'javascript:alert(1)')).html).toBe('<p>x</p>');
    expect(renderMarkdown('[Open](https://g.example/a?b=1&c=2)').text).toBe(
      'Open (https://g.example/a?b=1&c=2)',
    );
  });

  test('the block subset: headings, lists, rules and paragraphs with line breaks', () => {
    const { html } = renderMarkdown('### Title\nline one\nline **two**\n\n- a\n- *b*\n\n---\nend');
    expect(html).toBe(
      [
        '<h4>Title</h4>',
        '<p>line one<br>\nline <strong>two</strong></p>',
        '<ul>\n<li>a</li>\n<li><em>b</em></li>\n</ul>',
        '<hr>',
        '<p>end</p>',
      ].join('\n'),
    );
  });

  test('raw HTML written in an override template is text, not markup', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)> <b>bold</b>').html).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;</p>',
    );
  });
});
