import { createContext, useContext } from 'react';
import { config } from '@grafana/runtime';
import type { AppSettings } from '../constants';

export const SettingsContext = createContext<AppSettings>({});

export function useSettings(): AppSettings {
  return useContext(SettingsContext);
}

/** Editors and Admins may change records; Viewers get a read-only UI (and the proxy refuses their writes). */
export function useCanEdit(): boolean {
  const role = config.bootData?.user?.orgRole;
  return role === 'Editor' || role === 'Admin' || Boolean(config.bootData?.user?.isGrafanaAdmin);
}
