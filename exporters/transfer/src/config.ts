import { tradingCalendarSpecSchema, timeZoneSchema } from '@opsdesk/calendar';
import {
  collectorSection,
  exporterConfigSchema,
  logSourceShape,
  maxBodyBytesSchema,
  maxFutureSkewSchema,
  tokensSchema,
} from '@opsdesk/exporter-core';
import { duration, regexSchema } from '@opsdesk/runtime';
import { z } from 'zod';
import { probeSchema } from './probes';

// The shape of channels.yml, in one file that imports none of the code that runs it: the
// channels, drops and logs depend on their config, never the other way round.

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A folder the channel's files arrive in (SFTP drops): arrivals, bytes, files expected by a deadline. */
export const dropSchema = z.strictObject({
  /** the folder the channel's files arrive in (an SFTP chroot, a mounted share) */
  path: z.string().min(1),
  poll: duration({ min: '1s', max: '1h' }).default(30_000),
  /** the direction arrivals count on; default: the channel's first */
  direction: z.enum(DIRECTIONS).optional(),
  /** for dates in file names and deadlines when the channel has no calendar */
  timezone: timeZoneSchema,
  /** files expected on each working day of the channel's calendar (every day without one) */
  files: z
    .array(
      z.strictObject({
        /** the label value, e.g. settlement */
        name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'expected a lowercase name, e.g. settlement'),
        /** the file name; {YYYY} {MM} {DD} {YYYYMMDD} are today's local date, * matches anything */
        pattern: z.string().min(1),
        /** local time by which the file must be there, HH:MM */
        deadline: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. 16:30'),
      }),
    )
    .default([]),
});
export type DropSpec = z.output<typeof dropSchema>;

/** A transfer log followed like `tail -F`: JSON lines, or lines parsed by a regex with named groups. */
export const transferLogSchema = z
  .strictObject({
    ...logSourceShape,
    /** json: one event object per line; regex: `regex` with named groups for the event's fields */
    format: z.enum(['json', 'regex']).default('json'),
    regex: regexSchema.optional(),
    /** fields every line of this file shares, e.g. { participant: broker_b, channel: fix_gateway } */
    set: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .superRefine((s, ctx) => {
    if (s.format === 'regex' && s.regex === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['regex'],
        message: 'format: regex needs a regex with named groups, e.g. (?<participant>\\w+) (?<bytes>\\d+)',
      });
  });
export type TransferLog = z.output<typeof transferLogSchema>;

const name = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'expected a lowercase name with digits and underscores, e.g. broker_a');

const channelSchema = z.strictObject({
  name,
  description: z.string().default(''),
  /** api (request/response), gateway (a message gateway or MQ), sftp (file drops) */
  kind: z.enum(['api', 'gateway', 'sftp']),
  /** in: from the participant to the platform; out: from the platform to the participant */
  directions: z.array(z.enum(DIRECTIONS)).min(1).default(['in', 'out']),
  /** the name of a calendar under `calendars:`; without one the channel is expected around the clock */
  calendar: z.string().optional(),
  expect: z
    .strictObject({
      /** inside the window, no successful message for longer than this is an interruption */
      max_silence: duration({ min: '1s' }).optional(),
      /** the least share of messages that must succeed (for the alert rule) */
      min_success_ratio: z.number().min(0).max(1).optional(),
      /** the most latency allowed (for the alert rule) */
      max_latency: duration().optional(),
      /** the least traffic inside the window, e.g. { count: 100, per: 5m } (for the alert rule) */
      min_messages: z
        .strictObject({ count: z.number().int().min(1), per: duration({ min: '1m', max: '1d' }) })
        .optional(),
    })
    .prefault({}),
  probes: z.array(probeSchema).default([]),
  /** a folder the channel's files arrive in (SFTP drops): arrivals, bytes, files expected by a deadline */
  drop: dropSchema.optional(),
});

const participantSchema = z.strictObject({
  name,
  description: z.string().default(''),
  channels: z.array(channelSchema).min(1),
});

export const transferConfigSchema = exporterConfigSchema(
  {
    channels: collectorSection({}),
    probes: collectorSection({}),
    logs: collectorSection({}),
    drops: collectorSection({}),
  },
  {
    /** bearer tokens accepted by POST /api/v1/events; use ${ENV} references */
    tokens: tokensSchema,
    ingest: z
      .strictObject({
        max_body_bytes: maxBodyBytesSchema,
        /** events timed further ahead of this exporter's clock are dropped (counted as future) */
        max_future_skew: maxFutureSkewSchema,
      })
      .prefault({}),
    /** failure reasons that become label values; any other reason is counted as "other" */
    failure_reasons: z
      .array(name)
      .max(50)
      .default(['timeout', 'rejected', 'connection_reset', 'auth', 'checksum', 'format']),
    /** named calendars the channels refer to; `kind` defaults to trading (make-up workdays closed) */
    calendars: z.array(tradingCalendarSpecSchema).default([]),
    /** transfer logs followed like `tail -F`: JSON lines, or lines parsed by a regex with named groups */
    logs: z.array(transferLogSchema).default([]),
    participants: z.array(participantSchema).min(1),
  },
).superRefine((config, ctx) => {
  const calendars = new Set(config.calendars.map((c) => c.name));
  config.calendars.forEach((c, i) => {
    if (config.calendars.findIndex((d) => d.name === c.name) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['calendars', i, 'name'],
        message: `calendar ${c.name} appears twice`,
      });
  });
  const seen = new Set<string>();
  config.participants.forEach((p, i) => {
    if (seen.has(p.name))
      ctx.addIssue({
        code: 'custom',
        path: ['participants', i, 'name'],
        message: `participant ${p.name} appears twice`,
      });
    seen.add(p.name);
    const channels = new Set<string>();
    p.channels.forEach((c, j) => {
      if (channels.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: ['participants', i, 'channels', j, 'name'],
          message: `channel ${c.name} appears twice in participant ${p.name}`,
        });
      channels.add(c.name);
      if (c.calendar !== undefined && !calendars.has(c.calendar))
        ctx.addIssue({
          code: 'custom',
          path: ['participants', i, 'channels', j, 'calendar'],
          message: `no calendar named ${JSON.stringify(c.calendar)} under calendars:; calendars: ${[...calendars].join(', ') || '(none)'}`,
        });
    });
  });
});

export type TransferConfig = z.output<typeof transferConfigSchema>;
export type ChannelSpec = TransferConfig['participants'][number]['channels'][number];
