import type * as ExcelJSTypes from 'exceljs';
import type { RenderOptions } from './html';
import {
  formatTime,
  formatValue,
  reportLabels,
  seriesColumns,
  statusTone,
  TONE_COLOURS,
  word,
  formatThresholds,
  type ReportLabels,
} from './labels';
import type { InspectionReport, InspectionReportItem } from './model';

type ExcelJS = typeof ExcelJSTypes;

// Loaded on the first export, not at server start: exceljs and its zip stack add megabytes of heap.
let excel: ExcelJS | undefined;
function loadExcel(): ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  excel ??= require('exceljs') as ExcelJS;
  return excel;
}

const HEADER_FILL: ExcelJSTypes.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF424242' } };
const HEADER_FONT: Partial<ExcelJSTypes.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
// No font name: Excel and WPS then use the workbook default (等线 / Calibri with CJK fallback), which a
// client's Windows machine has; naming Noto CJK would only make them substitute.

function styleHeaderRow(row: ExcelJSTypes.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.height = 20;
}

function toneCell(cell: ExcelJSTypes.Cell, status: string): void {
  const c = TONE_COLOURS[statusTone(status)];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
  cell.font = { bold: true, color: { argb: `FF${c.ink}` } };
}

/** Failing series as text, one per line: "主机=web-1, 挂载点=/data: 93.4 %". */
export function seriesText(item: InspectionReportItem, locale: InspectionReport['locale']): string {
  const columns = seriesColumns(item);
  const lines = item.series.map((s) => {
    const labels = columns
      .filter((c) => s.labels[c.label] !== undefined)
      .map((c) => `${c.title}=${s.labels[c.label] as string}`)
      .join(', ');
    return s.value === undefined ? labels : `${labels}: ${formatValue(s.value, item.unit, locale)}`;
  });
  if (item.truncated) lines.push(reportLabels(locale).truncated(item.truncated));
  return lines.join('\n');
}

function followUpText(item: InspectionReportItem, labels: ReportLabels): string {
  return item.followUp ? `${word(labels.followUpKinds, item.followUp.kind)} ${item.followUp.ref}` : '';
}

function summarySheet(
  wb: ExcelJSTypes.Workbook,
  report: InspectionReport,
  labels: ReportLabels,
  tz: string,
): void {
  const ws = wb.addWorksheet(report.locale === 'zh-Hans' ? '概况' : 'Summary', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 22 }, { width: 60 }];
  const title = ws.addRow([labels.reportTitle]);
  title.font = { bold: true, size: 16 };
  ws.addRow([]);
  const r = report.run;
  const fields: Array<[string, string | number | undefined]> = [
    [labels.client, r.client],
    [labels.system, r.system],
    [labels.template, r.templateTitle],
    [`${labels.template} key`, r.templateKey],
    [labels.version, r.templateVersion],
    [labels.runNumber, r.number],
    [labels.state, word(labels.states, r.state)],
    [labels.trigger, word(labels.triggers, r.trigger)],
    [labels.subject, r.subject],
    [labels.evaluatedAt, formatTime(r.evaluatedAt, tz)],
    [labels.completedAt, formatTime(r.completedAt, tz)],
    [labels.inspector, r.inspector],
    [`${labels.inspector} ${labels.signedAt}`, formatTime(r.inspectorSignedAt, tz)],
    [labels.reviewer, r.reviewer],
    [`${labels.reviewer} ${labels.signedAt}`, formatTime(r.reviewerSignedAt, tz)],
    [labels.generatedAt, formatTime(report.generatedAt, tz)],
  ];
  for (const [k, v] of fields) {
    const row = ws.addRow([k, v ?? '']);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  styleHeaderRow(ws.addRow([labels.summary, labels.total]));
  const counts = [
    'normal',
    'warning',
    'critical',
    'error',
    'manualAbnormal',
    'notApplicable',
    'pending',
    'total',
  ] as const;
  const statusOf: Record<(typeof counts)[number], string> = {
    normal: 'normal',
    warning: 'warning',
    critical: 'critical',
    error: 'error',
    manualAbnormal: 'abnormal',
    notApplicable: 'not_applicable',
    pending: 'pending',
    total: '',
  };
  for (const k of counts) {
    const row = ws.addRow([labels.summaryCounts[k], report.summary[k]]);
    if (statusOf[k] && report.summary[k] > 0) toneCell(row.getCell(1), statusOf[k]);
    if (k === 'total') row.font = { bold: true };
  }
  if (report.followUps.length > 0) {
    ws.addRow([]);
    styleHeaderRow(ws.addRow([labels.followUps, labels.item]));
    const titles = new Map<string, string>();
    for (const layer of report.layers) for (const item of layer.items) titles.set(item.key, item.title);
    for (const f of report.followUps)
      ws.addRow([`${word(labels.followUpKinds, f.kind)} ${f.ref}`, titles.get(f.item) ?? f.item]);
  }
}

function itemsSheet(wb: ExcelJSTypes.Workbook, report: InspectionReport, labels: ReportLabels): void {
  const ws = wb.addWorksheet(report.locale === 'zh-Hans' ? '巡检项' : 'Items', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { header: labels.layer, key: 'layer', width: 12 },
    { header: labels.item, key: 'title', width: 28 },
    { header: 'key', key: 'key', width: 18 },
    { header: labels.kind, key: 'kind', width: 12 },
    { header: labels.status, key: 'status', width: 10 },
    { header: labels.value, key: 'value', width: 12 },
    { header: labels.unit, key: 'unit', width: 8 },
    { header: labels.thresholds, key: 'thresholds', width: 28 },
    { header: labels.failingSeries, key: 'series', width: 48 },
    { header: `${labels.error} / ${labels.note}`, key: 'note', width: 40 },
    { header: labels.evidence, key: 'evidence', width: 24 },
    { header: labels.completedBy, key: 'completedBy', width: 12 },
    { header: labels.followUp, key: 'followUp', width: 16 },
  ];
  styleHeaderRow(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
  for (const layer of report.layers) {
    for (const item of layer.items) {
      const notes = [item.error ? `${labels.error}: ${item.error}` : '', item.note ?? '']
        .filter(Boolean)
        .join('\n');
      const row = ws.addRow({
        layer: word(labels.layers, layer.layer),
        title: item.title,
        key: item.key,
        kind: word(labels.kinds, item.kind),
        status: word(labels.statuses, item.status),
        // the raw number, so the workbook can be sorted and charted; the unit sits beside it
        value:
          item.value !== undefined && Number.isFinite(item.value)
            ? item.value
            : formatValue(item.value, item.unit, report.locale),
        unit: item.unit ?? '',
        thresholds: formatThresholds(item, report.locale),
        series: seriesText(item, report.locale),
        note: notes,
        evidence: item.evidence.map((ev) => (ev.url ? `${ev.name} <${ev.url}>` : ev.name)).join('\n'),
        completedBy: item.completedBy ?? '',
        followUp: followUpText(item, labels),
      });
      row.alignment = { vertical: 'top', wrapText: true };
      toneCell(row.getCell('status'), item.status);
    }
  }
}

/** The report as an Excel workbook: a summary sheet (header and counts) and one row per item. */
export async function renderXlsx(report: InspectionReport, options: RenderOptions = {}): Promise<Buffer> {
  const { Workbook } = loadExcel();
  const labels = reportLabels(report.locale);
  const wb = new Workbook();
  wb.creator = 'OpsDesk';
  wb.title = `${labels.reportTitle} ${report.run.number}`;
  wb.created = new Date(report.generatedAt);
  wb.modified = wb.created;
  summarySheet(wb, report, labels, options.timeZone ?? 'UTC');
  itemsSheet(wb, report, labels);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
