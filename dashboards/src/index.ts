import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { components } from './components';
import { flows } from './flows';
import { hostDetail } from './host-detail';
import { hosts } from './hosts';
import { noc } from './noc';
import { transfer } from './transfer';

/** Every dashboard and the folder Grafana shows it in (dashboards/json/<folder>/<uid>.json). */
export const DASHBOARDS: Array<{ folder: string; build: () => DashboardBuilder }> = [
  { folder: 'OpsDesk', build: hosts },
  { folder: 'OpsDesk', build: hostDetail },
  { folder: 'OpsDesk', build: components },
  { folder: 'OpsDesk', build: flows },
  { folder: 'OpsDesk', build: transfer },
  { folder: 'Wall screens', build: noc },
];

/** The JSON of every dashboard, keyed by its path under json/. */
export function renderAll(): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of DASHBOARDS) {
    const dashboard = d.build().build();
    out.set(`${d.folder}/${dashboard.uid}.json`, JSON.stringify(dashboard, null, 2) + '\n');
  }
  return out;
}
