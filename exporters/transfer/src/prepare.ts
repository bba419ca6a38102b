import { buildCalendar } from '@opsdesk/calendar';
import { ConfigChecks, type ConfigProblem, type ExporterContext } from '@opsdesk/exporter-core';
import type { TransferConfig } from './config';

/**
 * What channels.yml needs of this machine: its holiday files read and parse, its drop folders and
 * tailed logs are where it says (relative paths from the config file's folder), and the TLS files
 * of its probes are certificates and keys that belong together.
 */
export async function prepareTransfer(
  config: TransferConfig,
  ctx: ExporterContext,
): Promise<ConfigProblem[]> {
  const checks = new ConfigChecks();
  config.calendars.forEach((spec, i) => {
    try {
      buildCalendar(spec, { baseDir: ctx.configDir, now: ctx.now() });
    } catch (err) {
      checks.error(['calendars', i], (err as Error).message);
    }
  });
  await Promise.all(
    config.logs.map((source, i) =>
      checks.followedFile(['logs', i, 'path'], source.path, ctx.resolvePath(source.path)),
    ),
  );
  for (const [i, participant] of config.participants.entries()) {
    for (const [j, channel] of participant.channels.entries()) {
      const at = ['participants', i, 'channels', j];
      if (channel.drop)
        await checks.watchedFolder(
          [...at, 'drop', 'path'],
          channel.drop.path,
          ctx.resolvePath(channel.drop.path),
        );
      for (const [k, probe] of channel.probes.entries()) {
        if ((probe.kind === 'tls' || probe.kind === 'http') && probe.tls_config)
          await checks.tlsFiles([...at, 'probes', k, 'tls_config'], probe.tls_config, ctx.resolvePath);
      }
    }
  }
  return checks.problems;
}
