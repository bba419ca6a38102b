import type { InspectionLayer, InspectionReportItem, ReportLocale } from './model';

/** The words a report shows, in both locales the product speaks (zh-Hans wording from the service offer). */
export interface ReportLabels {
  reportTitle: string;
  client: string;
  system: string;
  template: string;
  version: string;
  runNumber: string;
  state: string;
  trigger: string;
  subject: string;
  evaluatedAt: string;
  completedAt: string;
  inspector: string;
  reviewer: string;
  signedAt: string;
  notSigned: string;
  generatedAt: string;
  summary: string;
  total: string;
  item: string;
  layer: string;
  kind: string;
  status: string;
  value: string;
  unit: string;
  thresholds: string;
  warningThreshold: string;
  criticalThreshold: string;
  failingSeries: string;
  truncated: (n: number) => string;
  error: string;
  note: string;
  evidence: string;
  completedBy: string;
  followUp: string;
  followUps: string;
  noFollowUps: string;
  noItems: string;
  series: string;
  signatures: string;
  /** "page 3 of 7" as the text before, between and after the two numbers */
  pageOf: [string, string, string];
  summaryCounts: Record<keyof SummaryCountLabels, string>;
  layers: Record<InspectionLayer, string>;
  kinds: Record<InspectionReportItem['kind'], string>;
  statuses: Record<string, string>;
  states: Record<string, string>;
  triggers: Record<string, string>;
  followUpKinds: Record<string, string>;
}

interface SummaryCountLabels {
  normal: unknown;
  warning: unknown;
  critical: unknown;
  error: unknown;
  manualAbnormal: unknown;
  notApplicable: unknown;
  pending: unknown;
  total: unknown;
}

const zhHans: ReportLabels = {
  reportTitle: '巡检报告',
  client: '客户',
  system: '系统',
  template: '巡检模板',
  version: '版本',
  runNumber: '巡检编号',
  state: '状态',
  trigger: '触发方式',
  subject: '关联对象',
  evaluatedAt: '巡检时间',
  completedAt: '完成时间',
  inspector: '巡检人',
  reviewer: '复核人',
  signedAt: '签署时间',
  notSigned: '未签署',
  generatedAt: '报告生成时间',
  summary: '巡检概况',
  total: '合计',
  item: '巡检项',
  layer: '层级',
  kind: '类型',
  status: '结果',
  value: '数值',
  unit: '单位',
  thresholds: '阈值',
  warningThreshold: '警告',
  criticalThreshold: '严重',
  failingSeries: '异常序列',
  truncated: (n) => `另有 ${n} 条未列出`,
  error: '错误信息',
  note: '备注',
  evidence: '证据',
  completedBy: '填写人',
  followUp: '跟进',
  followUps: '跟进事项',
  noFollowUps: '无跟进事项',
  noItems: '无巡检项',
  series: '序列',
  signatures: '签署',
  pageOf: ['第 ', ' 页 / 共 ', ' 页'],
  summaryCounts: {
    normal: '正常',
    warning: '警告',
    critical: '严重',
    error: '错误',
    manualAbnormal: '人工检查异常',
    notApplicable: '不适用',
    pending: '待填写',
    total: '合计',
  },
  layers: {
    infrastructure: '基础设施',
    network: '网络',
    middleware: '中间件',
    application: '应用',
    business: '业务',
  },
  kinds: { metric: '指标检查', configuration: '配置检查', manual: '人工检查' },
  statuses: {
    normal: '正常',
    warning: '警告',
    critical: '严重',
    error: '错误',
    abnormal: '异常',
    not_applicable: '不适用',
    pending: '待填写',
  },
  states: { open: '进行中', signed: '巡检人已签署', completed: '已完成', cancelled: '已取消' },
  triggers: { manual: '手动', schedule: '计划', verification: '修复后验证' },
  followUpKinds: { incident: '事件', action: '待办事项' },
};

const enUS: ReportLabels = {
  reportTitle: 'Inspection report',
  client: 'Client',
  system: 'System',
  template: 'Template',
  version: 'version',
  runNumber: 'Run',
  state: 'State',
  trigger: 'Trigger',
  subject: 'Subject',
  evaluatedAt: 'Inspected at',
  completedAt: 'Completed at',
  inspector: 'Inspector',
  reviewer: 'Reviewer',
  signedAt: 'Signed at',
  notSigned: 'not signed',
  generatedAt: 'Report generated at',
  summary: 'Summary',
  total: 'Total',
  item: 'Item',
  layer: 'Layer',
  kind: 'Kind',
  status: 'Result',
  value: 'Value',
  unit: 'Unit',
  thresholds: 'Thresholds',
  warningThreshold: 'warning',
  criticalThreshold: 'critical',
  failingSeries: 'Failing series',
  truncated: (n) => `${n} more not listed`,
  error: 'Error',
  note: 'Note',
  evidence: 'Evidence',
  completedBy: 'Completed by',
  followUp: 'Follow-up',
  followUps: 'Follow-ups',
  noFollowUps: 'No follow-ups',
  noItems: 'No items',
  series: 'Series',
  signatures: 'Sign-off',
  pageOf: ['Page ', ' of ', ''],
  summaryCounts: {
    normal: 'Normal',
    warning: 'Warning',
    critical: 'Critical',
    error: 'Error',
    manualAbnormal: 'Manual abnormal',
    notApplicable: 'Not applicable',
    pending: 'Pending',
    total: 'Total',
  },
  layers: {
    infrastructure: 'Infrastructure',
    network: 'Network',
    middleware: 'Middleware',
    application: 'Application',
    business: 'Business',
  },
  kinds: { metric: 'Metric check', configuration: 'Configuration check', manual: 'Manual check' },
  statuses: {
    normal: 'Normal',
    warning: 'Warning',
    critical: 'Critical',
    error: 'Error',
    abnormal: 'Abnormal',
    not_applicable: 'Not applicable',
    pending: 'Pending',
  },
  states: { open: 'Open', signed: 'Signed by the inspector', completed: 'Completed', cancelled: 'Cancelled' },
  triggers: { manual: 'Manual', schedule: 'Schedule', verification: 'Verification after a repair' },
  followUpKinds: { incident: 'Incident', action: 'Action item' },
};

export function reportLabels(locale: ReportLocale): ReportLabels {
  return locale === 'en-US' ? enUS : zhHans;
}

/** A word from one of the label maps, or the raw value when the map does not know it (a newer status). */
export function word(map: Record<string, string>, key: string): string {
  return Object.prototype.hasOwnProperty.call(map, key) ? (map[key] as string) : key;
}

/** Status → tone, shared by the HTML colours and the workbook's cell fills. */
export type StatusTone = 'ok' | 'warn' | 'bad' | 'muted';

export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'normal':
      return 'ok';
    case 'warning':
      return 'warn';
    case 'critical':
    case 'error':
    case 'abnormal':
      return 'bad';
    default:
      return 'muted';
  }
}

/** Colours per tone: background and text, as hex without '#' (the workbook wants ARGB). */
export const TONE_COLOURS: Record<StatusTone, { fill: string; ink: string }> = {
  ok: { fill: 'E6F4EA', ink: '1E7B34' },
  warn: { fill: 'FFF4CE', ink: '8A6100' },
  bad: { fill: 'FDE7E9', ink: 'B3261E' },
  muted: { fill: 'EEEEEE', ink: '555555' },
};

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function trimNumber(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = n.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function significant(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-3)) return n.toPrecision(3);
  return trimNumber(n, abs >= 100 ? 1 : abs >= 1 ? 2 : 4);
}

function seconds(n: number, locale: ReportLocale): string {
  const abs = Math.abs(n);
  const zh = locale === 'zh-Hans';
  if (abs >= 86400) return `${trimNumber(n / 86400, 1)} ${zh ? '天' : 'd'}`;
  if (abs >= 3600) return `${trimNumber(n / 3600, 1)} ${zh ? '小时' : 'h'}`;
  if (abs >= 60) return `${trimNumber(n / 60, 1)} ${zh ? '分钟' : 'min'}`;
  if (abs >= 1 || abs === 0) return `${trimNumber(n, 2)} ${zh ? '秒' : 's'}`;
  return `${trimNumber(n * 1000, 1)} ms`;
}

function bytes(n: number): string {
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${trimNumber(v, i === 0 ? 0 : 1)} ${BYTE_UNITS[i] as string}`;
}

/**
 * A value as people read it in the report: ratio 0.934 → 93.4 %, seconds → the largest whole unit,
 * bytes → KiB/MiB/GiB (binary, as the exporters count), count → integer when it is one.
 * An unknown unit is appended as it is.
 */
export function formatValue(
  value: number | undefined,
  unit: string | undefined,
  locale: ReportLocale,
): string {
  if (value === undefined || value === null) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 'ratio':
      return `${trimNumber(value * 100, 1)} %`;
    case 'percent':
      return `${trimNumber(value, 1)} %`;
    case 'seconds':
      return seconds(value, locale);
    case 'bytes':
      return bytes(value);
    case 'count':
      return Number.isInteger(value) ? String(value) : trimNumber(value, 2);
    case undefined:
    case '':
    case 'none':
      return significant(value);
    default:
      return `${significant(value)} ${unit}`;
  }
}

/** "> 警告 70 % / 严重 90 %" */
export function formatThresholds(
  item: Pick<InspectionReportItem, 'thresholds' | 'unit'>,
  locale: ReportLocale,
): string {
  const t = item.thresholds;
  if (!t) return '';
  const labels = reportLabels(locale);
  const parts: string[] = [];
  if (t.warning !== undefined)
    parts.push(`${labels.warningThreshold} ${t.comparison} ${formatValue(t.warning, item.unit, locale)}`);
  if (t.critical !== undefined)
    parts.push(`${labels.criticalThreshold} ${t.comparison} ${formatValue(t.critical, item.unit, locale)}`);
  return parts.join(' / ');
}

/**
 * The label columns a failing-series table shows: the aliased labels in the template's order,
 * or every label the series carry when the template names none.
 */
export function seriesColumns(
  item: Pick<InspectionReportItem, 'series' | 'labelAliases'>,
): Array<{ label: string; title: string }> {
  const aliased = Object.entries(item.labelAliases);
  if (aliased.length > 0) return aliased.map(([label, title]) => ({ label, title }));
  const seen = new Set<string>();
  for (const s of item.series) for (const k of Object.keys(s.labels)) if (k !== '__name__') seen.add(k);
  return [...seen].sort().map((label) => ({ label, title: label }));
}

/**
 * A timestamp in the report's words: "2026-12-02 08:30:00 Asia/Shanghai". The run stores UTC; the
 * caller may pass the service calendar's zone so a Beijing team reads its own clock. A zone the
 * runtime does not know falls back to UTC rather than failing the report.
 */
export function formatTime(iso: string | undefined, timeZone = 'UTC'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let zone = timeZone;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = zoneFormatter(zone).formatToParts(d);
  } catch {
    zone = 'UTC';
    parts = zoneFormatter(zone).formatToParts(d);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = get('hour') === '24' ? '00' : get('hour');
  return `${get('year')}-${get('month')}-${get('day')} ${hour}:${get('minute')}:${get('second')} ${zone}`;
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}
