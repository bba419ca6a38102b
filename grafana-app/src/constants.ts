import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;
/** Where Grafana's plugin proxy forwards the routes of plugin.json */
export const PROXY_BASE = `/api/plugin-proxy/${pluginJson.id}`;
/** The server API this plugin is written against; "Test connection" checks it. */
export const API_MAJOR = 1;

export enum ROUTES {
  Overview = 'overview',
  Incidents = 'incidents',
  Sla = 'sla',
  OnCall = 'oncall',
  Notifications = 'notifications',
  Patches = 'patches',
  Vulnerabilities = 'vulnerabilities',
  Backups = 'backups',
  Inspections = 'inspections',
}

/** Settings stored by Grafana for the plugin (jsonData); the tokens live in secureJsonData. */
export interface AppSettings {
  serverUrl?: string;
  prometheusUid?: string;
}
