import { initPluginTranslations, t as grafanaT } from '@grafana/i18n';
import pluginJson from './plugin.json';

let ready: Promise<unknown> | undefined;
let scenesReady: Promise<unknown> | undefined;

/**
 * Binds t() to this plugin's namespace before the first page renders. The strings themselves
 * are not loaded here: since 12.1 Grafana loads them before the module runs, from the files
 * plugin.json's `languages` name (dist/locales/<language>/opsdesk-ops-app.json), into the
 * namespace `opsdesk-ops-app`; grafanaDependency (>= 12.4) guarantees a Grafana that does.
 * English is the default text in the source.
 */
export function loadTranslations(): Promise<unknown> {
  ready ??= initPluginTranslations(pluginJson.id);
  return ready;
}

/**
 * Scenes' own strings (time pickers, panel menus) come with the bundled @grafana/scenes and are
 * looked up through the same t(), so they join this plugin's namespace; loaded only by the code
 * that renders a scene, so the pages without one never download Scenes.
 */
export function loadScenesTranslations(loadResources: (language: string) => Promise<Record<string, unknown>>) {
  scenesReady ??= initPluginTranslations(pluginJson.id, [loadResources]);
  return scenesReady;
}

/**
 * Grafana's t() for this plugin's strings, without HTML-escaping the values: i18next escapes
 * interpolated values by default (a date 2026/12/1 would read 2026&#x2F;12&#x2F;1), while every
 * string here is rendered by React as text, which is already safe. Import t from here, not from
 * @grafana/i18n.
 */
export const t = (id: string, defaultMessage: string, values?: Record<string, unknown>): string =>
  grafanaT(id, defaultMessage, values && { ...values, interpolation: { escapeValue: false } });
