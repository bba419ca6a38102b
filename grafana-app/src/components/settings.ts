import { createContext, useContext } from 'react';
import { config } from '@grafana/runtime';
import type { AppSettings } from '../constants';

export const SettingsContext = createContext<AppSettings>({});

export function useSettings(): AppSettings {
  return useContext(SettingsContext);
}

/**
 * Editors and Admins of the current org may change records; Viewers get a read-only UI. This is
 * the check Grafana's proxy makes for the write routes (reqRole: Editor against the org role), so
 * a Grafana server admin whose org role is Viewer gets no edit buttons either.
 */
export function useCanEdit(): boolean {
  const role = config.bootData?.user?.orgRole;
  return role === 'Editor' || role === 'Admin';
}
