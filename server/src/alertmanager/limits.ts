import { createHash } from 'node:crypto';
import type { AmAlert, WebhookPayload } from './schema';

/** Longest label or annotation value stored; longer ones keep their start and a marker. */
export const STORED_VALUE_CHARS = 16_384;
/** Longest label name stored (Prometheus names are short; this only stops abuse). */
export const STORED_NAME_CHARS = 1024;
export const STORED_URL_CHARS = 8192;
/** Indexed columns (service, alertname, group key) must stay under PostgreSQL's b-tree row limit. */
export const INDEXED_CHARS = 1000;

export const truncationMarker = (dropped: number) => ` …[truncated by OpsDesk: ${dropped} more characters]`;

export function truncate(value: string, max: number): { value: string; truncated: boolean } {
  if (value.length <= max) return { value, truncated: false };
  const marker = truncationMarker(value.length - max);
  return { value: value.slice(0, max) + marker, truncated: true };
}

/**
 * A group key as stored and looked up: itself when short, else its start and a hash of the whole, so
 * that two long keys never collide and the index stays small.
 */
export function storedGroupKey(groupKey: string): string {
  if (groupKey.length <= INDEXED_CHARS) return groupKey;
  const hash = createHash('sha256').update(groupKey).digest('hex');
  return `${groupKey.slice(0, INDEXED_CHARS - 72)}…sha256:${hash}`;
}

/** Own-property copy with names and values shortened; counts what was shortened. */
function boundMap(map: Record<string, string>, counter: { n: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    const name = truncate(k, STORED_NAME_CHARS);
    const value = truncate(v, STORED_VALUE_CHARS);
    if (name.truncated || value.truncated) counter.n++;
    Object.defineProperty(out, name.value, { value: value.value, enumerable: true, writable: true });
  }
  return out;
}

/** The payload with every stored text within its length; `shortened` counts the values cut. */
export function boundPayload(p: WebhookPayload): { payload: WebhookPayload; shortened: number } {
  const counter = { n: 0 };
  const alert = (a: AmAlert): AmAlert => ({
    ...a,
    labels: boundMap(a.labels, counter),
    annotations: boundMap(a.annotations, counter),
    generatorURL: truncate(a.generatorURL, STORED_URL_CHARS).value,
  });
  const payload: WebhookPayload = {
    ...p,
    // the common maps repeat values of the alerts: shortened, but counted once, with the alerts
    groupLabels: boundMap(p.groupLabels, { n: 0 }),
    commonLabels: boundMap(p.commonLabels, { n: 0 }),
    commonAnnotations: boundMap(p.commonAnnotations, { n: 0 }),
    externalURL: truncate(p.externalURL, STORED_URL_CHARS).value,
    alerts: p.alerts.map(alert),
  };
  return { payload, shortened: counter.n };
}
