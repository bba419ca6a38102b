import React from 'react';
import { Badge, type BadgeColor } from '@grafana/ui';
import { t } from '../i18n';
import type {
  InspectionLayer,
  ItemKind,
  ItemStatus,
  ManualResult,
  RunState,
  RunSummary,
  RunTrigger,
} from '../api/inspections';

/** Item statuses in the seed's words: 正常/警告/严重/异常/不适用/错误, and 待填写 for a manual item not done. */
export function itemStatusLabel(status: ItemStatus | string): string {
  switch (status) {
    case 'normal':
      return t('inspections.status.normal', 'normal');
    case 'warning':
      return t('inspections.status.warning', 'warning');
    case 'critical':
      return t('inspections.status.critical', 'critical');
    case 'error':
      return t('inspections.status.error', 'error');
    case 'abnormal':
      return t('inspections.status.abnormal', 'abnormal');
    case 'not_applicable':
      return t('inspections.status.notApplicable', 'not applicable');
    case 'pending':
      return t('inspections.status.pending', 'to fill in');
    default:
      return status;
  }
}

export function itemStatusColor(status: ItemStatus | string): BadgeColor {
  switch (status) {
    case 'normal':
      return 'green';
    case 'warning':
      return 'orange';
    case 'critical':
    case 'abnormal':
    case 'error':
      return 'red';
    case 'pending':
      return 'purple';
    default:
      return 'blue';
  }
}

export function ItemStatusBadge({ status }: { status: ItemStatus | string }) {
  return (
    <span data-testid="inspection-item-status" data-status={status}>
      <Badge text={itemStatusLabel(status)} color={itemStatusColor(status)} />
    </span>
  );
}

export function manualResultLabel(r: ManualResult): string {
  return itemStatusLabel(r);
}

export function runStateLabel(state: RunState | string): string {
  switch (state) {
    case 'open':
      return t('inspections.state.open', 'in progress');
    case 'signed':
      return t('inspections.state.signed', 'signed by the inspector');
    case 'completed':
      return t('inspections.state.completed', 'completed');
    case 'cancelled':
      return t('inspections.state.cancelled', 'cancelled');
    default:
      return state;
  }
}

export function RunStateBadge({ state }: { state: RunState | string }) {
  const color: BadgeColor =
    state === 'completed' ? 'green' : state === 'cancelled' ? 'blue' : state === 'signed' ? 'purple' : 'orange';
  return (
    <span data-testid="inspection-run-state" data-state={state}>
      <Badge text={runStateLabel(state)} color={color} />
    </span>
  );
}

/** 层级: 基础设施/网络/中间件/应用/业务 */
export function layerLabel(layer: InspectionLayer | string): string {
  switch (layer) {
    case 'infrastructure':
      return t('inspections.layer.infrastructure', 'Infrastructure');
    case 'network':
      return t('inspections.layer.network', 'Network');
    case 'middleware':
      return t('inspections.layer.middleware', 'Middleware');
    case 'application':
      return t('inspections.layer.application', 'Application');
    case 'business':
      return t('inspections.layer.business', 'Business');
    default:
      return layer;
  }
}

export function kindLabel(kind: ItemKind | string): string {
  switch (kind) {
    case 'metric':
      return t('inspections.kind.metric', 'metric');
    case 'configuration':
      return t('inspections.kind.configuration', 'configuration');
    case 'manual':
      return t('inspections.kind.manual', 'manual');
    default:
      return kind;
  }
}

export function triggerLabel(trigger: RunTrigger | string): string {
  switch (trigger) {
    case 'manual':
      return t('inspections.trigger.manual', 'started by hand');
    case 'schedule':
      return t('inspections.trigger.schedule', 'scheduled');
    case 'verification':
      return t('inspections.trigger.verification', 'verification after a repair');
    default:
      return trigger;
  }
}

/** A value in its unit, as the report shows it: a ratio as a percentage, seconds, bytes in IEC units. */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
  switch (unit) {
    case 'ratio':
      return `${round(value * 100)}%`;
    case 'percent':
      return `${round(value)}%`;
    case 'seconds':
      return `${round(value)} s`;
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
      let v = value;
      let i = 0;
      while (Math.abs(v) >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return i === 0 ? `${v} B` : `${round(v)} ${units[i]}`;
    }
    case 'count':
      return String(Math.round(value));
    default:
      return Number.isInteger(value) ? String(value) : round(value);
  }
}

/** The abnormal items of a run: warning + critical + error + manual abnormal. */
export function abnormalCount(s: RunSummary): number {
  return s.warning + s.critical + s.error + s.manualAbnormal;
}

/** One line of a run's counts, e.g. "12 normal · 1 critical · 2 to fill in". */
export function summaryText(s: RunSummary): string {
  const parts: string[] = [t('inspections.summary.normal', '{{n}} normal', { n: s.normal })];
  if (s.warning) parts.push(t('inspections.summary.warning', '{{n}} warning', { n: s.warning }));
  if (s.critical) parts.push(t('inspections.summary.critical', '{{n}} critical', { n: s.critical }));
  if (s.error) parts.push(t('inspections.summary.error', '{{n}} error', { n: s.error }));
  if (s.manualAbnormal) parts.push(t('inspections.summary.abnormal', '{{n}} abnormal', { n: s.manualAbnormal }));
  if (s.notApplicable)
    parts.push(t('inspections.summary.notApplicable', '{{n}} not applicable', { n: s.notApplicable }));
  if (s.pending) parts.push(t('inspections.summary.pending', '{{n}} to fill in', { n: s.pending }));
  return parts.join(' · ');
}
