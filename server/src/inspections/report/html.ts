import { escapeHtml, safeUrl } from '../../notify/templates/markdown';
import {
  formatThresholds,
  formatTime,
  formatValue,
  reportLabels,
  seriesColumns,
  statusTone,
  TONE_COLOURS,
  word,
  type ReportLabels,
} from './labels';
import type { InspectionReport, InspectionReportItem, InspectionReportLayer } from './model';

export interface RenderOptions {
  /** IANA zone the times are shown in (the service calendar's); default UTC. */
  timeZone?: string;
}

/** The font list that shows Chinese: Noto CJK as Debian's fonts-noto-cjk installs it, then its other names. */
export const REPORT_FONT_FAMILY = '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif';

/** Above this many series an item may break across pages (about a third of an A4 page of rows). */
const LONG_SERIES = 15;

const e = (s: string | number | undefined): string => (s === undefined ? '' : escapeHtml(String(s)));

/** A CSS string literal: every character outside plain ASCII as an escape, so no text leaves the string or the <style>. */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /^[A-Za-z0-9 _.,:()-]$/.test(ch)
      ? ch
      : `\\${(ch.codePointAt(0) as number).toString(16).padStart(6, '0')}`;
  }
  return `${out}"`;
}

/** Page margin boxes (Chromium 131+): the run on the left, "page n of m" on the right of every printed page. */
function pageStyle(report: InspectionReport, labels: ReportLabels): string {
  const left = cssString(`${labels.reportTitle} ${report.run.number} · ${report.run.templateTitle}`);
  const [before, between, after] = labels.pageOf.map(cssString);
  const box = 'font-family: ' + REPORT_FONT_FAMILY + '; font-size: 9px; color: #777;';
  return `@page {
  size: A4;
  margin: 14mm 12mm 16mm 12mm;
  @bottom-left { content: ${left}; ${box} }
  @bottom-right { content: ${before} counter(page) ${between} counter(pages) ${after}; ${box} }
}`;
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; font-family: ${REPORT_FONT_FAMILY}; font-size: 12px; line-height: 1.5; color: #212121; background: #fff; }
@media print { body { padding: 0; } a { color: inherit; } }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 2px solid #424242; break-after: avoid; }
h3 { font-size: 13px; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bdbdbd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
.header td.k { width: 16%; background: #f8f9fa; font-weight: 600; white-space: nowrap; }
.summary td, .summary th { text-align: center; }
.item { border: 1px solid #bdbdbd; border-radius: 3px; margin: 8px 0; padding: 6px 8px; break-inside: avoid; }
.item.long { break-inside: auto; }
.item-head, .item .meta { break-after: avoid; }
tr { break-inside: avoid; }
.item-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.meta { color: #555; font-size: 11px; }
.facts { margin: 4px 0; }
.facts span { margin-right: 14px; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }
${Object.entries(TONE_COLOURS)
  .map(([tone, c]) => `.tone-${tone} { background: #${c.fill}; color: #${c.ink}; }`)
  .join('\n')}
.series { margin-top: 4px; font-size: 11px; }
.series td.num, .series th.num { text-align: right; white-space: nowrap; }
.error { color: #b3261e; white-space: pre-wrap; word-break: break-word; }
.note { white-space: pre-wrap; word-break: break-word; }
.signatures td { height: 42px; }
footer { margin-top: 18px; color: #777; font-size: 10px; }
`;

function statusBadge(status: string, labels: ReportLabels): string {
  return `<span class="status tone-${statusTone(status)}">${e(word(labels.statuses, status))}</span>`;
}

function headerTable(report: InspectionReport, labels: ReportLabels, tz: string): string {
  const r = report.run;
  const rows: Array<[string, string]> = [];
  if (r.client) rows.push([labels.client, e(r.client)]);
  if (r.system) rows.push([labels.system, e(r.system)]);
  rows.push([
    labels.template,
    `${e(r.templateTitle)} (${e(r.templateKey)}, ${e(labels.version)} ${e(r.templateVersion)})`,
  ]);
  rows.push([labels.runNumber, e(r.number)]);
  rows.push([labels.state, e(word(labels.states, r.state))]);
  rows.push([labels.trigger, e(word(labels.triggers, r.trigger))]);
  if (r.subject) rows.push([labels.subject, e(r.subject)]);
  rows.push([labels.evaluatedAt, e(formatTime(r.evaluatedAt, tz))]);
  if (r.completedAt) rows.push([labels.completedAt, e(formatTime(r.completedAt, tz))]);
  const body = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [k1, v1] = rows[i] as [string, string];
    const second = rows[i + 1];
    body.push(
      `<tr><td class="k">${e(k1)}</td><td${second ? '' : ' colspan="3"'}>${v1}</td>${
        second ? `<td class="k">${e(second[0])}</td><td>${second[1]}</td>` : ''
      }</tr>`,
    );
  }
  return `<table class="header">${body.join('')}</table>`;
}

function signatureTable(report: InspectionReport, labels: ReportLabels, tz: string): string {
  const r = report.run;
  const row = (role: string, who: string | undefined, at: string | undefined) =>
    `<tr><td class="k">${e(role)}</td><td>${who ? e(who) : ''}</td><td class="k">${e(labels.signedAt)}</td><td>${
      at ? e(formatTime(at, tz)) : `<span class="meta">${e(labels.notSigned)}</span>`
    }</td></tr>`;
  return `<table class="header signatures">${row(labels.inspector, r.inspector, r.inspectorSignedAt)}${row(
    labels.reviewer,
    r.reviewer,
    r.reviewerSignedAt,
  )}</table>`;
}

function summaryTable(report: InspectionReport, labels: ReportLabels): string {
  const keys = [
    'normal',
    'warning',
    'critical',
    'error',
    'manualAbnormal',
    'notApplicable',
    'pending',
    'total',
  ] as const;
  const tones: Record<(typeof keys)[number], string> = {
    normal: 'ok',
    warning: 'warn',
    critical: 'bad',
    error: 'bad',
    manualAbnormal: 'bad',
    notApplicable: 'muted',
    pending: 'muted',
    total: '',
  };
  const head = keys.map((k) => `<th>${e(labels.summaryCounts[k])}</th>`).join('');
  const cells = keys
    .map((k) => {
      const n = report.summary[k];
      const tone = n > 0 && tones[k] ? ` class="tone-${tones[k]}"` : '';
      return `<td${tone}>${e(n)}</td>`;
    })
    .join('');
  return `<table class="summary"><tr>${head}</tr><tr>${cells}</tr></table>`;
}

function seriesTable(item: InspectionReportItem, report: InspectionReport, labels: ReportLabels): string {
  if (item.series.length === 0) return '';
  const columns = seriesColumns(item);
  const head = columns.map((c) => `<th>${e(c.title)}</th>`).join('');
  // a configuration finding is the series itself (its value is the check's 1)
  const showValue = item.kind === 'metric';
  const rows = item.series
    .map(
      (s) =>
        `<tr>${columns.map((c) => `<td>${e(s.labels[c.label] ?? '')}</td>`).join('')}${
          showValue ? `<td class="num">${e(formatValue(s.value, item.unit, report.locale))}</td>` : ''
        }</tr>`,
    )
    .join('');
  const more = item.truncated ? `<div class="meta">${e(labels.truncated(item.truncated))}</div>` : '';
  return `<div class="series"><div class="meta">${e(labels.failingSeries)} (${e(item.series.length + (item.truncated ?? 0))})</div><table><thead><tr>${head}${
    showValue ? `<th class="num">${e(labels.value)}</th>` : ''
  }</tr></thead><tbody>${rows}</tbody></table>${more}</div>`;
}

function evidenceList(item: InspectionReportItem, labels: ReportLabels): string {
  if (item.evidence.length === 0) return '';
  const entries = item.evidence.map((ev) => {
    const url = safeUrl(ev.url);
    return url ? `<a href="${e(url)}">${e(ev.name)}</a>` : e(ev.name);
  });
  return `<div>${e(labels.evidence)}: ${entries.join(', ')}</div>`;
}

function itemBlock(item: InspectionReportItem, report: InspectionReport, labels: ReportLabels): string {
  const facts: string[] = [];
  if (item.kind === 'metric')
    facts.push(`<span>${e(labels.value)}: ${e(formatValue(item.value, item.unit, report.locale))}</span>`);
  const thresholds = formatThresholds(item, report.locale);
  if (thresholds) facts.push(`<span>${e(labels.thresholds)}: ${e(thresholds)}</span>`);
  if (item.completedBy) facts.push(`<span>${e(labels.completedBy)}: ${e(item.completedBy)}</span>`);
  if (item.followUp)
    facts.push(
      `<span>${e(labels.followUp)}: ${e(word(labels.followUpKinds, item.followUp.kind))} ${e(item.followUp.ref)}</span>`,
    );
  // an item that fits on a page stays whole; a long series table flows on, its header row repeated
  const long = item.series.length > LONG_SERIES ? ' long' : '';
  return `<div class="item${long}" data-item="${e(item.key)}">
<div class="item-head"><h3>${e(item.title)}</h3>${statusBadge(item.status, labels)}</div>
<div class="meta">${e(word(labels.kinds, item.kind))} · ${e(item.key)}</div>
${facts.length ? `<div class="facts">${facts.join('')}</div>` : ''}
${item.error ? `<div class="error">${e(labels.error)}: ${e(item.error)}</div>` : ''}
${seriesTable(item, report, labels)}
${item.note ? `<div class="note">${e(labels.note)}: ${e(item.note)}</div>` : ''}
${evidenceList(item, labels)}
</div>`;
}

function layerSection(layer: InspectionReportLayer, report: InspectionReport, labels: ReportLabels): string {
  const items = layer.items.length
    ? layer.items.map((item) => itemBlock(item, report, labels)).join('\n')
    : `<p class="meta">${e(labels.noItems)}</p>`;
  return `<section class="layer" data-layer="${e(layer.layer)}"><h2>${e(word(labels.layers, layer.layer))}</h2>\n${items}</section>`;
}

function followUpSection(report: InspectionReport, labels: ReportLabels): string {
  const titles = new Map<string, string>();
  for (const layer of report.layers) for (const item of layer.items) titles.set(item.key, item.title);
  const body = report.followUps.length
    ? `<table><tr><th>${e(labels.kind)}</th><th>${e(labels.followUp)}</th><th>${e(labels.item)}</th></tr>${report.followUps
        .map(
          (f) =>
            `<tr><td>${e(word(labels.followUpKinds, f.kind))}</td><td>${e(f.ref)}</td><td>${e(titles.get(f.item) ?? f.item)}</td></tr>`,
        )
        .join('')}</table>`
    : `<p class="meta">${e(labels.noFollowUps)}</p>`;
  return `<section><h2>${e(labels.followUps)}</h2>${body}</section>`;
}

/**
 * The report as one self-contained, printable HTML page: inline CSS, no script, no external font
 * or image, every value from the run escaped. Only evidence links (http/https/mailto) leave the page.
 */
export function renderHtml(report: InspectionReport, options: RenderOptions = {}): string {
  const labels = reportLabels(report.locale);
  const tz = options.timeZone ?? 'UTC';
  const title = `${labels.reportTitle} ${report.run.number} — ${report.run.templateTitle}`;
  return `<!DOCTYPE html>
<html lang="${report.locale === 'en-US' ? 'en-US' : 'zh-Hans'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${pageStyle(report, labels)}${STYLE}</style>
</head>
<body>
<header>
<h1>${e(labels.reportTitle)}</h1>
<div class="meta">${e(report.run.templateTitle)} · ${e(report.run.number)}</div>
</header>
${headerTable(report, labels, tz)}
<h2>${e(labels.signatures)}</h2>
${signatureTable(report, labels, tz)}
<h2>${e(labels.summary)}</h2>
${summaryTable(report, labels)}
${report.layers.map((layer) => layerSection(layer, report, labels)).join('\n')}
${followUpSection(report, labels)}
<footer>${e(labels.generatedAt)}: ${e(formatTime(report.generatedAt, tz))}</footer>
</body>
</html>
`;
}
