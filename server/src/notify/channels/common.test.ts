import { channelSchema } from '../config';
import { channelRates, cutHead, cutMarker, splitMessage, utf8Bytes, type Layout } from './common';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A plain layout: heading, blank line, sections separated by blank lines; limited in UTF-8 bytes. */
function layout(maxBytes: number): Layout<string> {
  return {
    maxBytes,
    marker: cutMarker('zh-Hans'),
    build: (title, sections) => [`## ${title}`, ...sections].join('\n\n'),
    size: utf8Bytes,
  };
}

/** The sections back from the parts: the heading dropped, a cut section joined to its continuation. */
function reassemble(contents: string[], marker: string): { titles: string[]; sections: string[] } {
  const titles: string[] = [];
  const sections: string[] = [];
  let continues = false;
  for (const content of contents) {
    const [heading, ...rest] = content.split('\n\n');
    titles.push(heading!.replace(/^## /, ''));
    let body = rest.join('\n\n');
    const cut = body.endsWith(marker);
    if (cut) body = body.slice(0, -marker.length);
    const blocks = body.split('\n\n');
    if (continues) sections[sections.length - 1] += blocks.shift()!;
    sections.push(...blocks);
    continues = cut;
  }
  return { titles, sections };
}

test('a message within the limit is one part with the title as it is', () => {
  const parts = splitMessage('P1 数据库', ['a', 'b'], layout(100));
  expect(parts).toEqual([{ payload: '## P1 数据库\n\na\n\nb', bytes: utf8Bytes('## P1 数据库\n\na\n\nb') }]);
});

test('sections are packed whole into [k/n] parts, each within the limit, that reassemble to the message', () => {
  // 40 sections of 3-byte characters and an emoji (a surrogate pair), each about 300 bytes
  const sections = Array.from(
    { length: 40 },
    (_, i) => `**第${i}项** ${'告警内容'.repeat(20)} 🚨 [查看](http://g/d/${i})`,
  );
  const parts = splitMessage('P1 数据库不可用', sections, layout(4096));
  const contents = parts.map((p) => p.payload as string);
  expect(parts.length).toBeGreaterThan(2);
  for (const p of parts) {
    expect(p.bytes).toBeLessThanOrEqual(4096);
    expect(utf8Bytes(p.payload as string)).toBe(p.bytes);
  }
  const back = reassemble(contents, cutMarker('zh-Hans'));
  expect(back.titles).toEqual(parts.map((_, i) => `[${i + 1}/${parts.length}] P1 数据库不可用`));
  expect(back.sections).toEqual(sections);
  // nothing was cut: every section fits a part on its own
  expect(contents.some((c) => c.includes(cutMarker('zh-Hans')))).toBe(false);
});

test('the [k/n] width grows with n: 10 parts and more still fit', () => {
  const sections = Array.from({ length: 30 }, (_, i) => `s${i} ${'x'.repeat(80)}`);
  const parts = splitMessage('t', sections, layout(110));
  expect(parts.length).toBeGreaterThanOrEqual(10);
  for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(110);
  expect(
    reassemble(
      parts.map((p) => p.payload as string),
      cutMarker('zh-Hans'),
    ).sections,
  ).toEqual(sections);
});

test('a section alone over the limit is cut with a visible marker, never inside a character or a link', () => {
  const links = Array.from({ length: 60 }, (_, i) => `[链接${i}](http://grafana.example/d/abc?var-i=${i})`);
  const big = links.map((l, i) => `行${i}：数据库连接失败 😀 ${l}`).join(' ');
  const sections = ['开头', big, '结尾'];
  const parts = splitMessage('P2 大消息', sections, layout(1000));
  const contents = parts.map((p) => p.payload as string);
  const marker = cutMarker('zh-Hans');
  expect(contents.filter((c) => c.endsWith(marker)).length).toBeGreaterThan(1);
  for (const c of contents) {
    expect(utf8Bytes(c)).toBeLessThanOrEqual(1000);
    expect(c).not.toMatch(LONE_SURROGATE);
  }
  // every link is whole in some part
  for (const l of links) expect(contents.some((c) => c.includes(l))).toBe(true);
  expect(reassemble(contents, marker).sections).toEqual(sections);
});

test('cutHead prefers a line break near the limit and never splits a surrogate pair', () => {
  const [head, tail] = cutHead('第一行内容很长很长\n第二行😀😀😀😀', (h) => utf8Bytes(h) <= 34);
  expect(head).toBe('第一行内容很长很长\n');
  expect(tail).toBe('第二行😀😀😀😀');
  const [h2, t2] = cutHead('😀😀😀', (h) => h.length <= 3); // 3 UTF-16 units: one emoji only
  expect(h2).toBe('😀');
  expect(t2).toBe('😀😀');
});

test('the channel rate lowers the platform rate and never raises it', () => {
  const channel = (rate: unknown) =>
    channelSchema.parse({ name: 'c', type: 'wecom', webhook_url: { env: 'X' }, rate });
  expect(channelRates(channel({ per_minute: 10 }), [{ count: 20, windowMs: 60_000 }])).toEqual([
    { count: 10, windowMs: 60_000 },
  ]);
  expect(channelRates(channel({ per_minute: 50, per_second: 1 }), [{ count: 20, windowMs: 60_000 }])).toEqual(
    [
      { count: 1, windowMs: 1_000 },
      { count: 20, windowMs: 60_000 },
    ],
  );
});
