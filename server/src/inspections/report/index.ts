export { renderHtml, REPORT_FONT_FAMILY, type RenderOptions } from './html';
export { formatThresholds, formatTime, formatValue, reportLabels, type ReportLabels } from './labels';
export {
  summarize,
  type InspectionReport,
  type InspectionReportItem,
  type InspectionReportLayer,
} from './model';
export { chromiumArgs, DEFAULT_CHROMIUM, PdfRenderError, renderPdf, type PdfOptions } from './pdf';
export { renderXlsx } from './xlsx';
