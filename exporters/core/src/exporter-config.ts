import { z } from 'zod';
import { duration, LOG_LEVELS } from '@opsdesk/runtime';

/**
 * A collector's section in `collectors:`; every collector takes `enabled` and `timeout`, plus its
 * own settings.
 */
export function collectorSection<S extends z.ZodRawShape>(
  shape: S,
  opts: { enabledByDefault?: boolean } = {},
) {
  return z
    .strictObject({
      enabled: z.boolean().default(opts.enabledByDefault ?? true),
      timeout: duration({ min: '10ms', max: '5m' }).optional(),
      ...shape,
    })
    .prefault({} as never);
}

/** The settings every exporter shares, around its own `collectors:` sections. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function exporterConfigSchema<S extends z.ZodRawShape, E extends z.ZodRawShape = {}>(
  collectors: S,
  extra: E = {} as E,
) {
  return z.strictObject({
    listen: z.string().optional(),
    log_level: z.enum(LOG_LEVELS).default('info'),
    limits: z
      .strictObject({
        max_series_per_metric: z.number().int().min(1).max(10_000_000).default(10_000),
      })
      .prefault({}),
    collectors: z
      .strictObject({
        timeout: duration({ min: '10ms', max: '5m' }).default(5000),
        ...collectors,
      })
      .prefault({} as never),
    ...extra,
  });
}

export interface CommonExporterConfig {
  listen?: string | undefined;
  log_level: (typeof LOG_LEVELS)[number];
  limits: { max_series_per_metric: number };
  collectors: { timeout: number } & Record<string, unknown>;
}

/** Names of the `collectors:` sections whose `enabled` is true. */
export function enabledCollectorNames(config: CommonExporterConfig): string[] {
  return Object.entries(config.collectors)
    .filter(
      ([, section]) =>
        typeof section === 'object' && section !== null && (section as { enabled?: boolean }).enabled,
    )
    .map(([name]) => name);
}
