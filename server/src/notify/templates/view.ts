import type { Severity } from '../../incidents/schema';
import type { EventKind, Language, NotifyEvent } from '../types';
import { commonLabels, incidentUrl, silenceUrl } from './links';
import { escapeInline, escapeMarkdown, safeUrl } from './markdown';
import { formatDuration, formatTime, isSeverity, LABEL_SEVERITY, levelOf, WORDS, type Words } from './words';

/**
 * What a template sees. Every string from an event is Markdown-escaped here (templates compile
 * with noEscape), every link is checked to be http(s) and left unescaped for `{{link}}` and
 * `{{button}}`, and every time and duration is written out in the channel's language.
 *
 * The event data each kind is read from (producers: write these; anything missing is left out):
 * - incident.*, sla.*: `{ incident: { id, number, title, severity, status, service, occurredAt,
 *   detectedAt, resolvedAt, labels, symptom, assignee, alerts? }, alerts?, actor?, note?, value?,
 *   recoveryValue?, escalation?: { step, repeat?, notified?: string[] }, sla?: { goal, dueAt?,
 *   remainingSeconds?, goalSeconds?, elapsedSeconds? } }` — the incident as the API returns it;
 *   alerts as the API or Alertmanager's webhook writes them.
 * - alert.group: the Alertmanager webhook v4 body (alertmanager/schema.ts WebhookPayload).
 * - inspection.report_ready `{ title, period?, findings?, summary?, url? }`, backup.failed `{ job,
 *   target?, error?, lastSuccessAt?, url? }`, vulnerability.overdue `{ id, title, host?, dueAt?,
 *   url? }`, survey.low_score `{ score, maxScore?, customer?, comment?, incident?: { id, number },
 *   url? }`, test `{ actor?, channel? }`; each may carry `value` and `summary`.
 * - incident.escalated adds `escalation: { step, steps, repeat? (the round, from 2), notified
 *   (names), uncovered: [{ roster, layer } | { role } | { person }] }` (oncall/escalation-service.ts).
 */

export interface ViewOptions {
  grafanaUrl: string;
  alertmanagerUrl: string;
  timeZone: string;
}

/** an ISO string, epoch milliseconds or Go's zero time (not set) → ms or undefined */
export function instantOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const stringMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(record(v))) if (typeof x === 'string') out[k] = x;
  return out;
};
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const esc = (v: unknown): string => {
  const t = text(v);
  return t === undefined ? '' : escapeInline(t);
};
const escBlock = (v: unknown): string => {
  const t = text(v);
  return t === undefined ? '' : escapeMarkdown(t.trim());
};

/** every string leaf escaped, so `{{data.anything}}` in an override is as safe as the named fields */

/**
 * An annotation in the channel's language: the rules carry `summary` in English and `summary_zh`
 * in Chinese (provisioning/prometheus/rules), so a Chinese channel reads `_zh` first.
 */
function localized(annotations: Record<string, string>, name: string, lang: Language): string | undefined {
  return lang === 'en'
    ? (annotations[name] ?? annotations[`${name}_en`] ?? annotations[`${name}_zh`])
    : (annotations[`${name}_zh`] ?? annotations[name]);
}

function escapeDeep(v: unknown, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (typeof v === 'string') return escapeMarkdown(v);
  if (Array.isArray(v)) return v.slice(0, 1000).map((x) => escapeDeep(x, depth + 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = escapeDeep(x, depth + 1);
    return out;
  }
  return v;
}

const labelList = (labels: Record<string, string>) =>
  Object.keys(labels)
    .sort()
    .map((name) => ({ name: escapeInline(name), value: escapeInline(labels[name] as string) }));

export interface AlertView {
  status: string;
  statusText: string;
  mark: string;
  severity: string;
  alertname: string;
  summary: string;
  description: string;
  value: string;
  recoveryValue: string;
  startsAt: string;
  endsAt: string;
  duration: string;
  labels: Array<{ name: string; value: string }>;
  /** in a group: the labels this alert does not share with the others */
  ownLabels?: Array<{ name: string; value: string }>;
  links: { graph?: string | undefined; runbook?: string | undefined; silence?: string | undefined };
}

interface AlertInput {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt?: number;
  endsAt?: number;
  generatorURL?: string;
}

function alertInput(v: unknown): AlertInput {
  const a = record(v);
  const annotations = stringMap(a.annotations);
  const runbook = text(a.runbookUrl);
  if (runbook && !annotations.runbook_url) annotations.runbook_url = runbook;
  return {
    status: text(a.status) ?? 'firing',
    labels: stringMap(a.labels),
    annotations,
    startsAt: instantOf(a.startsAt),
    endsAt: instantOf(a.endsAt),
    generatorURL: text(a.generatorURL),
  };
}

function alertView(
  a: AlertInput,
  at: number,
  fallback: Severity | undefined,
  lang: Language,
  o: ViewOptions,
  comment: string,
): AlertView {
  const words = WORDS[lang];
  const resolved = a.status === 'resolved';
  // the event's severity is the configured mapping (incidents.severity_map); the default map
  // only when the event has none
  const severity = fallback ?? LABEL_SEVERITY[a.labels.severity ?? ''];
  const level = levelOf(severity, resolved ? 'resolved' : 'firing', lang);
  const end = resolved ? (a.endsAt ?? at) : at;
  return {
    status: a.status,
    statusText: resolved ? words.alert.resolved : words.alert.firing,
    mark: level.mark,
    severity: severity ?? '',
    alertname: esc(a.labels.alertname),
    summary: esc(localized(a.annotations, 'summary', lang)),
    description: escBlock(localized(a.annotations, 'description', lang)),
    value: esc(a.annotations.value),
    recoveryValue: resolved ? esc(a.annotations.recovery_value) : '',
    startsAt: a.startsAt !== undefined ? formatTime(a.startsAt, o.timeZone) : '',
    endsAt: resolved && a.endsAt !== undefined ? formatTime(a.endsAt, o.timeZone) : '',
    duration: a.startsAt !== undefined ? formatDuration(end - a.startsAt, lang) : '',
    labels: labelList(a.labels),
    links: {
      graph: safeUrl(a.generatorURL),
      runbook: safeUrl(a.annotations.runbook_url),
      silence: resolved ? undefined : silenceUrl(o.alertmanagerUrl, a.labels, comment),
    },
  };
}

/** the event → the template's input */
export function buildView(event: NotifyEvent, lang: Language, o: ViewOptions): Record<string, unknown> {
  const words = WORDS[lang];
  const data = record(event.data);
  const base = {
    kind: event.kind,
    lang,
    phase: event.phase,
    key: escapeInline(event.key),
    at: formatTime(event.at, o.timeZone),
    service: esc(event.service),
    level: levelOf(event.severity, event.phase, lang),
    actor: esc(data.actor),
    note: escBlock(data.note),
    data: escapeDeep(data),
  };
  const builder = BUILDERS[event.kind] ?? genericView;
  return { ...base, ...builder(event, data, lang, o, words) };
}

type Builder = (
  event: NotifyEvent,
  data: Record<string, unknown>,
  lang: Language,
  o: ViewOptions,
  words: Words,
) => Record<string, unknown>;

const incidentView: Builder = (event, data, lang, o, words) => {
  const inc = record(data.incident);
  const number = text(inc.number) ?? text(inc.id) ?? event.key;
  const severity = isSeverity(inc.severity) ? inc.severity : event.severity;
  const rawAlerts = (
    Array.isArray(data.alerts) ? data.alerts : Array.isArray(inc.alerts) ? inc.alerts : []
  ).map(alertInput);
  const firing = rawAlerts.filter((a) => a.status === 'firing');
  const start = instantOf(inc.occurredAt) ?? instantOf(inc.detectedAt);
  const resolvedAt = instantOf(inc.resolvedAt);
  const end = event.phase === 'resolved' ? (resolvedAt ?? event.at) : event.at;
  const status = text(inc.status) ?? '';
  const silenceLabels = firing.length > 0 ? commonLabels(firing.map((a) => a.labels)) : stringMap(inc.labels);
  const silence =
    event.phase === 'resolved' || (rawAlerts.length === 0 && text(inc.source) === 'manual')
      ? undefined
      : silenceUrl(o.alertmanagerUrl, silenceLabels, words.silenceComment(number));
  const firstWith = (pick: (a: AlertInput) => string | undefined) =>
    (event.phase === 'resolved' ? rawAlerts : firing.length > 0 ? firing : rawAlerts)
      .map(pick)
      .find((x) => x !== undefined && x !== '');
  const alerts = rawAlerts
    .filter((a) => (event.phase === 'resolved' ? true : a.status === 'firing'))
    .slice(0, 50)
    .map((a) => alertView(a, event.at, severity, lang, o, words.silenceComment(number)));
  // the SLA goal as the SLA tick writes it (goal and dueAt beside the incident), or under `sla`
  const sla = Object.keys(record(data.sla)).length > 0 ? record(data.sla) : data;
  const escalation = record(data.escalation);
  const goal = text(sla.goal) ?? '';
  const due = instantOf(sla.dueAt);
  const remaining = typeof sla.remainingSeconds === 'number' ? sla.remainingSeconds : undefined;
  return {
    level: levelOf(severity, event.phase, lang),
    service: esc(inc.service ?? event.service),
    incident: {
      id: esc(inc.id),
      number: escapeInline(number),
      title: esc(inc.title),
      severity: severity ?? '',
      status: esc(status),
      statusText: esc(words.status[status] ?? status),
      service: esc(inc.service ?? event.service),
      assignee: esc(inc.assignee),
      symptom: escBlock(inc.symptom),
      impact: escBlock(inc.impact),
      occurredAt: start !== undefined ? formatTime(start, o.timeZone) : '',
      resolvedAt: resolvedAt !== undefined ? formatTime(resolvedAt, o.timeZone) : '',
    },
    alerts,
    alertCount: rawAlerts.length,
    firingCount: firing.length,
    value: esc(data.value) || esc(firstWith((a) => a.annotations.value)),
    recoveryValue:
      event.phase === 'resolved'
        ? esc(data.recoveryValue) || esc(firstWith((a) => a.annotations.recovery_value))
        : '',
    duration: start !== undefined ? formatDuration(end - start, lang) : '',
    labels: labelList(stringMap(inc.labels)),
    sla: goal
      ? {
          goal,
          goalText: words.goal[goal] ?? esc(goal),
          dueAt: due !== undefined ? formatTime(due, o.timeZone) : '',
          remaining: remaining !== undefined && remaining > 0 ? formatDuration(remaining * 1000, lang) : '',
          overdue: due !== undefined && event.at > due ? formatDuration(event.at - due, lang) : '',
        }
      : undefined,
    escalation:
      Object.keys(escalation).length > 0
        ? {
            step: esc(escalation.step),
            steps: esc(escalation.steps),
            repeat: esc(escalation.repeat),
            notified: (Array.isArray(escalation.notified) ? escalation.notified : []).map(esc).join(', '),
            // the targets nobody covers now: a roster layer without anyone on call, a role nobody holds
            uncovered: (Array.isArray(escalation.uncovered) ? escalation.uncovered : [])
              .map((u) => {
                const t = record(u);
                return esc(
                  text(t.roster) !== undefined
                    ? `${text(t.roster)}/${text(t.layer) ?? ''}`
                    : (text(t.role) ?? text(t.person)),
                );
              })
              .filter(Boolean)
              .join(', '),
          }
        : undefined,
    links: {
      incident: incidentUrl(o.grafanaUrl, text(inc.number) ?? text(inc.id) ?? event.key),
      silence,
      graph: safeUrl(firstWith((a) => a.generatorURL)),
      runbook: safeUrl(firstWith((a) => a.annotations.runbook_url)),
    },
  };
};

const alertGroupView: Builder = (event, data, lang, o, words) => {
  const groupLabels = stringMap(data.groupLabels);
  const common = stringMap(data.commonLabels);
  const commonAnnotations = stringMap(data.commonAnnotations);
  const all = (Array.isArray(data.alerts) ? data.alerts : []).map(alertInput);
  // firing and resolved never share a message: the bridge queues each phase on its own
  const shown = event.phase === 'info' ? all : all.filter((a) => a.status === event.phase);
  const groupName = Object.keys(groupLabels)
    .sort()
    .map((k) => `${k}=${groupLabels[k]}`)
    .join(', ');
  const comment = words.silenceComment(groupName || event.key);
  const alerts = shown.slice(0, 200).map((a) => alertView(a, event.at, event.severity, lang, o, comment));
  const earliest = Math.min(...shown.map((a) => a.startsAt ?? event.at), event.at);
  const latestEnd = Math.max(...shown.map((a) => a.endsAt ?? 0), 0);
  const truncated = typeof data.truncatedAlerts === 'number' ? data.truncatedAlerts : 0;
  const silenceMatchers = Object.keys(common).length > 0 ? common : groupLabels;
  const graph = alerts.find((a) => a.links.graph)?.links.graph;
  const runbook =
    safeUrl(commonAnnotations.runbook_url) ?? alerts.find((a) => a.links.runbook)?.links.runbook;
  // What the alerts share is said once: the group's labels and links head the message, and each
  // alert shows only the labels that tell it apart and a graph or runbook of its own. (Ten alerts
  // each with every label and three links filled two WeCom messages; they now fit in one.)
  const commonNames = new Set(Object.keys(common));
  for (const a of alerts) {
    a.ownLabels = a.labels.filter((l) => !commonNames.has(l.name) || alerts.length === 1);
    a.links = {
      graph: a.links.graph === graph ? undefined : a.links.graph,
      runbook: a.links.runbook === runbook ? undefined : a.links.runbook,
    };
  }
  return {
    group: {
      status: event.phase,
      receiver: esc(data.receiver),
      name: escapeInline(groupName),
      labels: labelList(groupLabels),
      commonLabels: labelList(common),
      summary: esc(localized(commonAnnotations, 'summary', lang)),
      count: shown.length,
      more: Math.max(0, shown.length - alerts.length) + truncated,
    },
    alerts,
    alertCount: shown.length,
    firingCount: shown.filter((a) => a.status === 'firing').length,
    service: esc(common.service ?? event.service),
    value: alerts.find((a) => a.value)?.value ?? '',
    recoveryValue: alerts.find((a) => a.recoveryValue)?.recoveryValue ?? '',
    duration: formatDuration(
      (event.phase === 'resolved' && latestEnd > 0 ? latestEnd : event.at) - earliest,
      lang,
    ),
    links: {
      silence:
        event.phase === 'resolved'
          ? undefined
          : silenceUrl(o.alertmanagerUrl || text(data.externalURL) || '', silenceMatchers, comment),
      graph,
      runbook,
    },
  };
};

const genericView: Builder = (event, data, lang, o) => {
  const survey = record(data.incident);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' || typeof v === 'number') fields[k] = esc(v);
  }
  for (const k of ['dueAt', 'lastSuccessAt']) {
    const t = instantOf(data[k]);
    if (t !== undefined) fields[k] = formatTime(t, o.timeZone);
  }
  const due = instantOf(data.dueAt);
  return {
    item: fields,
    value: esc(data.value),
    summary: escBlock(data.summary),
    overdue: due !== undefined && event.at > due ? formatDuration(event.at - due, lang) : '',
    incident:
      text(survey.number) || text(survey.id) ? { number: esc(survey.number ?? survey.id) } : undefined,
    links: {
      item: safeUrl(text(data.url)),
      incident:
        text(survey.number) || text(survey.id)
          ? incidentUrl(o.grafanaUrl, (text(survey.number) ?? text(survey.id)) as string)
          : undefined,
    },
  };
};

const BUILDERS: Partial<Record<EventKind, Builder>> = {
  'incident.opened': incidentView,
  'incident.acknowledged': incidentView,
  'incident.escalated': incidentView,
  'incident.resolved': incidentView,
  'incident.reopened': incidentView,
  'sla.at_risk': incidentView,
  'sla.breached': incidentView,
  'alert.group': alertGroupView,
};
