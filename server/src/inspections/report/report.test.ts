import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '@opsdesk/runtime';
import { describeWithPrograms, program } from '@opsdesk/testing';
import type * as ExcelJSTypes from 'exceljs';
import {
  formatTime,
  formatValue,
  PdfRenderError,
  renderHtml,
  renderPdf,
  renderXlsx,
  summarize,
  type InspectionReport,
} from '.';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = require('exceljs') as typeof ExcelJSTypes;

function chineseReport(overrides: Partial<InspectionReport> = {}): InspectionReport {
  const layers: InspectionReport['layers'] = [
    {
      layer: 'infrastructure',
      items: [
        {
          key: 'disk-used',
          title: '磁盘空间使用率',
          kind: 'metric',
          status: 'critical',
          value: 0.962,
          unit: 'ratio',
          thresholds: { comparison: '>', warning: 0.8, critical: 0.9 },
          series: [
            { labels: { instance: '交易主机-01', mountpoint: '/data', job: 'host' }, value: 0.962 },
            { labels: { instance: 'trade-db-02', mountpoint: '/var/lib/pgsql', job: 'host' }, value: 0.83 },
          ],
          labelAliases: { instance: '主机', mountpoint: '挂载点' },
          evidence: [],
          followUp: { kind: 'incident', ref: 'INC-42' },
        },
        {
          key: 'reboot-required',
          title: '待重启主机',
          kind: 'configuration',
          status: 'warning',
          series: [{ labels: { instance: 'clearing-03' }, value: 1 }],
          labelAliases: { instance: '主机' },
          truncated: 2,
          evidence: [],
        },
      ],
    },
    {
      layer: 'application',
      items: [
        {
          key: 'matching-engine-logs',
          title: '检查撮合引擎错误日志',
          kind: 'manual',
          status: 'abnormal',
          note: '发现 3 条超时告警 <script>alert("x")</script> & 需跟进',
          evidence: [
            { name: '错误日志截图.png' },
            { name: '日志平台查询', url: 'https://logs.example.cn/q?id=7&from=now-1h' },
            { name: 'not a link', url: 'javascript:alert(1)' },
          ],
          completedBy: '张伟',
          series: [],
          labelAliases: {},
        },
        {
          key: 'order-latency',
          title: '订单处理时延',
          kind: 'metric',
          status: 'error',
          unit: 'seconds',
          thresholds: { comparison: '>', warning: 0.5 },
          error: 'bad_data: 1:7: parse error: unexpected "{"',
          series: [],
          labelAliases: { instance: '主机' },
          evidence: [],
        },
      ],
    },
    { layer: 'business', items: [] },
  ];
  return {
    run: {
      number: 'INS-17',
      state: 'completed',
      trigger: 'schedule',
      templateKey: 'daily-trading',
      templateTitle: '交易日日常巡检',
      templateVersion: 3,
      client: '某证券交易所',
      system: '交易系统',
      evaluatedAt: '2026-12-02T00:30:00.000Z',
      completedAt: '2026-12-02T02:05:00.000Z',
      inspector: '张伟',
      inspectorSignedAt: '2026-12-02T01:10:00.000Z',
      reviewer: '李娜',
      reviewerSignedAt: '2026-12-02T02:05:00.000Z',
    },
    summary: summarize(layers.flatMap((l) => l.items)),
    layers,
    followUps: [{ kind: 'incident', ref: 'INC-42', item: 'disk-used' }],
    locale: 'zh-Hans',
    generatedAt: '2026-12-02T02:05:01.000Z',
    ...overrides,
  };
}

describe('report model and wording', () => {
  test('summarize counts statuses per kind', () => {
    expect(chineseReport().summary).toEqual({
      normal: 0,
      warning: 1,
      critical: 1,
      error: 1,
      manualAbnormal: 1,
      notApplicable: 0,
      pending: 0,
      total: 4,
    });
  });

  test('values are formatted by unit', () => {
    expect(formatValue(0.962, 'ratio', 'zh-Hans')).toBe('96.2 %');
    expect(formatValue(87.5, 'percent', 'en-US')).toBe('87.5 %');
    expect(formatValue(5 * 1024 * 1024 * 1024, 'bytes', 'en-US')).toBe('5 GiB');
    expect(formatValue(1536, 'bytes', 'en-US')).toBe('1.5 KiB');
    expect(formatValue(0.25, 'seconds', 'en-US')).toBe('250 ms');
    expect(formatValue(7200, 'seconds', 'zh-Hans')).toBe('2 小时');
    expect(formatValue(3, 'count', 'en-US')).toBe('3');
    expect(formatValue(undefined, 'ratio', 'en-US')).toBe('—');
    expect(formatValue(Number.POSITIVE_INFINITY, 'ratio', 'en-US')).toBe('+Inf');
  });

  test('times are shown in the zone asked for, UTC when the zone is unknown', () => {
    expect(formatTime('2026-12-02T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-03 00:30:00 Asia/Shanghai');
    expect(formatTime('2026-12-02T16:30:00Z', 'Mars/Olympus')).toBe('2026-12-02 16:30:00 UTC');
    expect(formatTime(undefined)).toBe('');
  });

  test('series of a template without aliases show every label but the metric name', () => {
    const report = chineseReport();
    const item = report.layers[0]!.items[0]!;
    item.labelAliases = {};
    item.series = [{ labels: { __name__: 'up', zone: 'sh', instance: 'a' }, value: 0.95 }];
    const html = renderHtml(report);
    expect(html).toContain('<th>instance</th><th>zone</th><th class="num">数值</th>');
    expect(html).not.toContain('<th>__name__</th>');
  });
});

describe('HTML report', () => {
  const html = renderHtml(chineseReport(), { timeZone: 'Asia/Shanghai' });

  test('shows the header, the summary, every layer and item, the failing series under their aliases', () => {
    for (const text of [
      '巡检报告',
      '某证券交易所',
      '交易系统',
      '交易日日常巡检',
      'INS-17',
      '巡检人',
      '张伟',
      '复核人',
      '李娜',
      '2026-12-02 08:30:00 Asia/Shanghai',
      '基础设施',
      '应用',
      '业务',
      '磁盘空间使用率',
      '严重',
      '96.2 %',
      '警告 &gt; 80 % / 严重 &gt; 90 %',
      '<th>主机</th><th>挂载点</th>',
      '交易主机-01',
      '/var/lib/pgsql',
      '另有 2 条未列出',
      'bad_data: 1:7: parse error',
      '跟进事项',
      'INC-42',
    ]) {
      expect(html).toContain(text);
    }
    // a label the template does not alias is not a column
    expect(html).not.toContain('<th>job</th>');
  });

  test('escapes every value and links only web evidence', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 需跟进');
    expect(html).toContain('<a href="https://logs.example.cn/q?id=7&amp;from=now-1h">日志平台查询</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('not a link');
  });

  test('loads nothing from outside: no external src, href, url() or @import', () => {
    const external = [...html.matchAll(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//gi)].map((m) => m.index);
    // the one external reference is the evidence link
    expect(external).toHaveLength(1);
    expect(html).not.toMatch(/url\(|@import|<script|<link|<img|<iframe/i);
    // the margin-box text is a CSS string: nothing from the run can close it or the <style>
    const hostile = renderHtml(
      chineseReport({ run: { ...chineseReport().run, templateTitle: '"; } </style><script>x</script>' } }),
    );
    expect(hostile).not.toContain('<script>');
    expect(hostile.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('font-family: "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif');
    expect(html).toMatch(/@page \{\s+size: A4;/);
  });

  test('speaks English when the report is en-US', () => {
    const en = renderHtml(chineseReport({ locale: 'en-US' }));
    expect(en).toContain('<html lang="en-US">');
    expect(en).toContain('Inspection report');
    expect(en).toContain('Infrastructure');
    expect(en).toContain('Manual abnormal');
    expect(en).toContain('2026-12-02 00:30:00 UTC');
    expect(en).not.toContain('巡检人');
  });
});

describe('Excel report', () => {
  test('has a summary sheet and an items sheet with coloured statuses and the failing series as text', async () => {
    const buf = await renderXlsx(chineseReport(), { timeZone: 'Asia/Shanghai' });
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '巡检项']);

    const summary = wb.getWorksheet('概况') as ExcelJSTypes.Worksheet;
    const fields = new Map<string, unknown>();
    summary.eachRow((row) => fields.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.getCell('A1').value).toBe('巡检报告');
    expect(fields.get('客户')).toBe('某证券交易所');
    expect(fields.get('巡检编号')).toBe('INS-17');
    expect(fields.get('巡检人')).toBe('张伟');
    expect(fields.get('复核人 签署时间')).toBe('2026-12-02 10:05:00 Asia/Shanghai');
    expect(fields.get('严重')).toBe(1);
    expect(fields.get('人工检查异常')).toBe(1);
    expect(fields.get('合计')).toBe(4);

    const items = wb.getWorksheet('巡检项') as ExcelJSTypes.Worksheet;
    expect(items.getRow(1).getCell(1).value).toBe('层级');
    expect(items.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(items.rowCount).toBe(5);
    const disk = items.getRow(2);
    expect(disk.getCell(1).value).toBe('基础设施');
    expect(disk.getCell(2).value).toBe('磁盘空间使用率');
    expect(disk.getCell(5).value).toBe('严重');
    expect(disk.getCell(5).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFDE7E9' } });
    expect(disk.getCell(6).value).toBe(0.962);
    expect(disk.getCell(8).value).toBe('警告 > 80 % / 严重 > 90 %');
    expect(disk.getCell(9).value).toBe(
      '主机=交易主机-01, 挂载点=/data: 96.2 %\n主机=trade-db-02, 挂载点=/var/lib/pgsql: 83 %',
    );
    expect(disk.getCell(13).value).toBe('事件 INC-42');
    const manual = items.getRow(4);
    expect(manual.getCell(5).value).toBe('异常');
    expect(String(manual.getCell(10).value)).toContain('<script>alert("x")</script>');
    expect(manual.getCell(11).value).toBe(
      '错误日志截图.png\n日志平台查询 <https://logs.example.cn/q?id=7&from=now-1h>\nnot a link <javascript:alert(1)>',
    );
    expect(items.getRow(5).getCell(10).value).toBe('错误信息: bad_data: 1:7: parse error: unexpected "{"');
  });
});

test('an en-US workbook names its sheets in English', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(chineseReport({ locale: 'en-US' }))) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Items']);
  expect(wb.getWorksheet('Items')?.getRow(2).getCell(5).value).toBe('Critical');
});

describeWithPrograms(
  { chromium: 'chromium', pdftotext: 'poppler-utils', pdffonts: 'poppler-utils' },
  'PDF report printed by the real Chromium',
  () => {
    let tmp: string;
    const savedTmp = process.env.TMPDIR;
    beforeAll(async () => {
      tmp = await mkdtemp(path.join(tmpdir(), 'opsdesk-report-test-'));
      // renderPdf's scratch dir goes here, so the test can see it removed
      process.env.TMPDIR = tmp;
    });
    afterAll(async () => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      await rm(tmp, { recursive: true, force: true });
    });

    test('has the Chinese text and embeds a CJK font; its scratch dir is removed', async () => {
      const started = Date.now();
      const pdf = await renderPdf(chineseReport(), { chromium: program('chromium'), timeoutMs: 90_000 });
      const ms = Date.now() - started;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await readdir(tmp)).toEqual([]);
      const outDir = await mkdtemp(path.join(savedTmp ?? '/tmp', 'opsdesk-report-pdf-'));
      const file = path.join(outDir, 'report.pdf');
      await writeFile(file, pdf);

      const text = await runCommand(program('pdftotext'), ['-enc', 'UTF-8', file, '-'], {
        timeoutMs: 30_000,
      });
      expect(text.code).toBe(0);
      // the page margin boxes: every page says which run it belongs to and which page it is
      // (pdftotext drops the spaces between CJK and Latin text)
      expect(text.stdout).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
      expect(text.stdout).toMatch(/第\s*2\s*页\s*\/\s*共\s*2\s*页/);
      expect(text.stdout).toMatch(/巡检报告\s*INS-17\s*·\s*交易日日常巡检/);
      for (const s of [
        '巡检报告',
        '某证券交易所',
        '磁盘空间使用率',
        '交易主机-01',
        '检查撮合引擎错误日志',
        '巡检人',
        '李娜',
        'INC-42',
      ]) {
        expect(text.stdout).toContain(s);
      }

      const fonts = await runCommand(program('pdffonts'), [file], { timeoutMs: 30_000 });
      await rm(outDir, { recursive: true, force: true });
      expect(fonts.code).toBe(0);
      // name type encoding emb sub uni object ID
      const rows = fonts.stdout
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(rows.length).toBeGreaterThan(0);
      // every font is embedded with a ToUnicode map: the reader's machine needs no Chinese font, and
      // copied text is Chinese; a font left to the viewer would show as `emb no`
      for (const row of rows) expect(row).toMatch(/ yes +(?:yes|no) +yes +\d+ +\d+$/);
      // Noto Sans CJK is CFF-flavoured OpenType, which Chromium's PDF backend (Skia) embeds as Type 3
      // glyph procedures, 256 glyph ids per font; the Chinese glyphs sit at high ids, so they need many
      // fonts (a report printed in .notdef boxes would need one). A TrueType CJK face would be named.
      const named = rows.filter((l) => /NotoSansCJK|NotoSansSC|SourceHanSans/i.test(l));
      const type3 = rows.filter((l) => /^\[none\] +Type 3 /.test(l));
      expect(named.length > 0 || type3.length >= 10).toBe(true);
      // a two-page report printed well within a request's patience
      expect(ms).toBeLessThan(60_000);
      console.log(
        `PDF: ${pdf.length} bytes in ${ms} ms; ${rows.length} fonts (${named.length} named CJK, ${type3.length} Type 3)`,
      );
    });

    test('a missing Chromium is a clear error naming the path and the fix', async () => {
      const missing = path.join(tmp, 'no-such-chromium');
      const err = await renderPdf(chineseReport(), { chromium: missing }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PdfRenderError);
      expect((err as Error).message).toContain(missing);
      expect((err as Error).message).toContain('inspections.chromium');
    });

    test('a Chromium that fails or hangs is reported, killed, and its scratch dir removed', async () => {
      const failing = path.join(tmp, 'failing-chromium');
      await writeFile(failing, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', { mode: 0o755 });
      const err = await renderPdf(chineseReport(), { chromium: failing }).catch((e: unknown) => e);
      expect((err as Error).message).toContain(
        `${failing} failed to print the PDF report (exit code 3): cannot open display`,
      );

      const hanging = path.join(tmp, 'hanging-chromium');
      await writeFile(hanging, '#!/bin/sh\nsleep 30 &\nwait\n', { mode: 0o755 });
      const started = Date.now();
      const hung = await renderPdf(chineseReport(), { chromium: hanging, timeoutMs: 500 }).catch(
        (e: unknown) => e,
      );
      expect((hung as Error).message).toContain('did not print the PDF report within 500 ms');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await readdir(tmp)).sort()).toEqual(['failing-chromium', 'hanging-chromium']);
    });
  },
);
