import { buildCalendar } from '@opsdesk/calendar';
import { ConfigChecks, type ConfigProblem, type ExporterContext } from '@opsdesk/exporter-core';
import type { FlowConfig } from './config';

/**
 * What flows.yml needs of this machine: its flows' holiday files read and parse, the state file's
 * folder is writable (or in-flight instances are lost at the next restart), the tailed logs and
 * SQLite databases are where it says. Relative paths are taken from the config file's folder.
 */
export async function prepareFlow(config: FlowConfig, ctx: ExporterContext): Promise<ConfigProblem[]> {
  const checks = new ConfigChecks();
  config.flows.forEach((flow, i) => {
    if (!flow.calendar) return;
    try {
      buildCalendar(flow.calendar, { baseDir: ctx.configDir, now: ctx.now() });
    } catch (err) {
      checks.error(['flows', i, 'calendar'], (err as Error).message);
    }
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
