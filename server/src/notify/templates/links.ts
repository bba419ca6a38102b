/**
 * The links a message carries. Each is built the way the program it opens reads it; the tests
 * check them against that program (the app's route table, Alertmanager's silence form).
 */

/** grafana-app/src/plugin.json `id`; the app routes `incidents/:id` (number or uuid) to the incident page */
export const GRAFANA_APP_ID = 'opsdesk-ops-app';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function incidentUrl(grafanaUrl: string, incident: string): string {
  return `${trimSlash(grafanaUrl)}/a/${GRAFANA_APP_ID}/incidents/${encodeURIComponent(incident)}`;
}

// Alertmanager's UI (ui/app/src/Utils/Filter.elm) reads a label name as a run of anything but
// spaces and these; a name holding one cannot be written as a matcher there, so it is left out.
const FILTER_SYNTAX = /[\s{}!=~,\\"'`]/;

// encodeURIComponent leaves ( ) ! ' * as they are; a `)` would end a Markdown link early, and
// the UI's percent-decoding reads the encoded forms the same.
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alertmanager's "new silence" form with its matchers filled in: `#/silences/new?filter=…&comment=…`,
 * as its own Silence button writes it (Views/SilenceForm/Parsing.elm `newSilenceFromAlertLabels`):
 * `{name="value", …}`, names sorted, values JSON-encoded, the whole percent-encoded. The form takes
 * no duration (it opens with 2 h), so the comment says how long was meant. The Elm UI at `/` is
 * the form in every release up to the current one (0.35); the new UI under `/ui/` has none yet.
 */
export function silenceUrl(
  alertmanagerUrl: string,
  labels: Readonly<Record<string, string>>,
  comment: string,
): string | undefined {
  const matchers = Object.keys(labels)
    .filter((name) => name !== '' && !FILTER_SYNTAX.test(name) && labels[name] !== '')
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  if (matchers.length === 0 || !/^https?:\/\//i.test(alertmanagerUrl)) return undefined;
  const filter = encode(`{${matchers.join(', ')}}`);
  return `${trimSlash(alertmanagerUrl)}/#/silences/new?filter=${filter}&comment=${encode(comment)}`;
}

/** The labels every alert shares: what one silence for all of them matches. */
export function commonLabels(
  labelSets: ReadonlyArray<Readonly<Record<string, string>>>,
): Record<string, string> {
  const [first, ...rest] = labelSets;
  if (!first) return {};
  const common: Record<string, string> = {};
  for (const [k, v] of Object.entries(first)) {
    if (rest.every((l) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v)) common[k] = v;
  }
  return common;
}
