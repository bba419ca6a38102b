/**
 * The inspection report model (issue 16). The server core builds it from the
 * stored run rows (`getRunReport`); html.ts, pdf.ts and xlsx.ts render it.
 * The shape is fixed by the helpers' contract: change it only with them.
 */

export type InspectionLayer = 'infrastructure' | 'network' | 'middleware' | 'application' | 'business';
export type InspectionItemKind = 'metric' | 'configuration' | 'manual';
export type ReportLocale = 'en-US' | 'zh-Hans';

export interface InspectionReport {
  run: {
    number: string;
    state: string;
    trigger: string;
    templateKey: string;
    templateTitle: string;
    templateVersion: number;
    client?: string;
    system?: string;
    evaluatedAt: string /*ISO*/;
    completedAt?: string;
    inspector?: string;
    inspectorSignedAt?: string;
    reviewer?: string;
    reviewerSignedAt?: string;
    subject?: string;
  };
  summary: {
    normal: number;
    warning: number;
    critical: number;
    error: number;
    manualAbnormal: number;
    notApplicable: number;
    pending: number;
    total: number;
  };
  layers: Array<{
    layer: 'infrastructure' | 'network' | 'middleware' | 'application' | 'business';
    items: Array<{
      key: string;
      title: string;
      kind: 'metric' | 'configuration' | 'manual';
      status: string;
      value?: number;
      unit?: string;
      thresholds?: { comparison: string; warning?: number; critical?: number };
      series: Array<{ labels: Record<string, string>; value?: number }>;
      labelAliases: Record<string, string>;
      truncated?: number;
      error?: string;
      note?: string;
      evidence: Array<{ name: string; url?: string }>;
      completedBy?: string;
      followUp?: { kind: string; ref: string };
    }>;
  }>;
  followUps: Array<{ kind: string; ref: string; item: string }>;
  locale: 'en-US' | 'zh-Hans';
  generatedAt: string;
}

export type InspectionReportLayer = InspectionReport['layers'][number];
export type InspectionReportItem = InspectionReportLayer['items'][number];
export type InspectionReportSummary = InspectionReport['summary'];

/**
 * Counts item statuses the way the report's summary shows them.
 * metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable.
 * A manual `normal` counts as normal; `abnormal` as manualAbnormal. An unknown status counts only in total.
 */
export function summarize(
  items: ReadonlyArray<Pick<InspectionReportItem, 'kind' | 'status'>>,
): InspectionReportSummary {
  const summary: InspectionReportSummary = {
    normal: 0,
    warning: 0,
    critical: 0,
    error: 0,
    manualAbnormal: 0,
    notApplicable: 0,
    pending: 0,
    total: 0,
  };
  for (const item of items) {
    summary.total += 1;
    switch (item.status) {
      case 'normal':
        summary.normal += 1;
        break;
      case 'warning':
        summary.warning += 1;
        break;
      case 'critical':
        summary.critical += 1;
        break;
      case 'error':
        summary.error += 1;
        break;
      case 'abnormal':
        summary.manualAbnormal += 1;
        break;
      case 'not_applicable':
        summary.notApplicable += 1;
        break;
      case 'pending':
        summary.pending += 1;
        break;
      default:
        break;
    }
  }
  return summary;
}
