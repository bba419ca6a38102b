import { initPluginTranslations } from '@grafana/i18n';
import pluginJson from './plugin.json';

let ready: Promise<unknown> | undefined;

/**
 * Loads the plugin's strings for Grafana's current language once, before the first page renders.
 * English is the default text in the source; other languages come from src/locales, which the
 * build copies into dist/ and splits into lazy chunks.
 */
export function loadTranslations(): Promise<unknown> {
  ready ??= initPluginTranslations(pluginJson.id, [
    (language: string) =>
      import(/* webpackChunkName: "locale-[request]" */ `./locales/${language}/opsdesk-ops-app.json`),
  ]);
  return ready;
}
