import { readFileSync } from 'node:fs';
import path from 'node:path';
import { duration } from '@opsdesk/runtime';
import { z } from 'zod';
import { SEVERITIES } from '../incidents/schema';
import { CHANNEL_TYPES, EVENT_KINDS, LANGUAGES } from './types';

/**
 * A secret is never written in the configuration: it names an environment variable or a file
 * (a Docker or Kubernetes secret), read when the configuration is loaded or reloaded.
 */
export const secretRefSchema = z.union([
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
  }),
  z.strictObject({ file: z.string().min(1) }),
]);
export type SecretRef = z.output<typeof secretRefSchema>;

/** The secret's value (trimmed), or an error that names the setting and what to do. */
export function resolveSecret(ref: SecretRef, setting: string, baseDir: string): string {
  if ('env' in ref) {
    const value = process.env[ref.env]?.trim();
    if (!value)
      throw new Error(
        `${setting}: environment variable ${ref.env} is not set; set it or point ${setting} at a file`,
      );
    return value;
  }
  const file = path.resolve(baseDir, ref.file);
  let value: string;
  try {
    value = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new Error(
      `${setting}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (!value) throw new Error(`${setting}: ${file} is empty`);
  return value;
}

const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it */
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: secretRefSchema.optional(),
  from: z.string().min(3),
  to: z.array(z.string().min(3)).min(1),
});

export const channelSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'expected lower-case letters, digits, - or _, e.g. ops-wecom'),
    type: z.enum(CHANNEL_TYPES),
    language: z.enum(LANGUAGES).default('zh-Hans'),
    /** the robot's webhook address (it holds the robot's key): wecom, feishu, dingtalk, webhook */
    webhook_url: secretRefSchema.optional(),
    /** the signing secret: feishu and dingtalk "加签", the webhook's HMAC key */
    secret: secretRefSchema.optional(),
    smtp: smtpSchema.optional(),
    /** which events this channel gets when an event names no channel; default every kind */
    events: z.array(z.enum(EVENT_KINDS)).optional(),
    /** only incidents of these severities; default every severity */
    severities: z.array(z.enum(SEVERITIES)).optional(),
    /** only these services; default every service */
    services: z.array(z.string()).optional(),
    /** whom a message mentions besides the people its event names */
    mention: z.enum(['oncall', 'assignee', 'none']).default('oncall'),
    /** the roster whose on-call primary `mention: oncall` means */
    roster: z.string().optional(),
    /** a lower rate than the platform's (never a higher one) */
    rate: z
      .strictObject({
        per_minute: z.number().int().min(1).optional(),
        per_second: z.number().int().min(1).optional(),
      })
      .optional(),
    /** a folder of Handlebars templates, <event kind>.<language>.hbs, that replace the built-in ones */
    templates: z.string().optional(),
    /** per request */
    timeout: duration({ min: '1s', max: '5m' }).default(10_000),
  })
  .superRefine((c, ctx) => {
    if (c.type === 'email') {
      if (!c.smtp)
        ctx.addIssue({
          code: 'custom',
          path: ['smtp'],
          message: 'an email channel needs smtp: host, from and to',
        });
    } else if (!c.webhook_url) {
      ctx.addIssue({
        code: 'custom',
        path: ['webhook_url'],
        message: `a ${c.type} channel needs webhook_url: { env: NAME } or { file: path }`,
      });
    }
  });
export type ChannelConfig = z.output<typeof channelSchema>;

export const notifySchema = z
  .strictObject({
    /** links in messages: the incident in Grafana */
    grafana_url: z.string().url().default('http://localhost:3000'),
    /** links in messages: a prefilled 1 h silence */
    alertmanager_url: z.string().url().default('http://localhost:9093'),
    channels: z.array(channelSchema).default([]),
    /** how often each channel's queue is looked at when nothing woke it */
    poll_interval: duration({ min: '100ms', max: '1m' }).default(1_000),
    /** a message still not delivered after this is given up (status failed, an alert fires) */
    max_age: duration({ min: '1m' }).default(24 * 3_600_000),
  })
  .superRefine((n, ctx) => {
    n.channels.forEach((c, i) => {
      if (n.channels.findIndex((d) => d.name === c.name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['channels', i, 'name'],
          message: `channel ${c.name} appears twice`,
        });
    });
  });
export type NotifyConfig = z.output<typeof notifySchema>;
