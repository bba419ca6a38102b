import { buildCalendar, type CalendarSpec } from '@opsdesk/calendar';
import {
  ConfigChecks,
  type ConfigPath,
  type ConfigProblem,
  type ExporterContext,
} from '@opsdesk/exporter-core';
import type { FlowConfig } from './config';

/**
 * What flows.yml needs of this machine: its flows' holiday files read and parse, the state file's
 * folder is writable (or in-flight instances are lost at the next restart), the tailed logs and
 * SQLite databases are where it says. Relative paths are taken from the config file's folder.
 */
export async function prepareFlow(config: FlowConfig, ctx: ExporterContext): Promise<ConfigProblem[]> {
  const checks = new ConfigChecks();
  const calendar = (at: ConfigPath, spec: CalendarSpec) => {
    try {
      buildCalendar(spec, { baseDir: ctx.configDir, now: ctx.now() });
    } catch (err) {
      checks.error(at, (err as Error).message);
    }
  };
  // a named calendar is checked once, where it is defined; one written inside a flow, there
  const named = new Set<CalendarSpec>(config.calendars);
  config.calendars.forEach((spec, j) => calendar(['calendars', j], spec));
  config.flows.forEach((flow, i) => {
    if (flow.calendar && !named.has(flow.calendar)) calendar(['flows', i, 'calendar'], flow.calendar);
  });
  if (config.state.path !== undefined)
    await checks.writableFile(['state', 'path'], config.state.path, ctx.resolvePath(config.state.path));
  for (const [i, source] of config.logs.entries())
    await checks.followedFile(['logs', i, 'path'], source.path, ctx.resolvePath(source.path));
  for (const [i, check] of config.sql_checks.entries()) {
    if (check.driver === 'sqlite' && check.dsn !== ':memory:')
      await checks.readFileLater(
        ['sql_checks', i, 'dsn'],
        check.dsn,
        ctx.resolvePath(check.dsn),
        `SQL check ${check.name}`,
      );
  }
  return checks.problems;
}
