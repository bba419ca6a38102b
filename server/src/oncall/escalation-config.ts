import { duration } from '@opsdesk/runtime';
import { z } from 'zod';
import { SEVERITIES } from '../incidents/schema';

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'expected lower-case letters, digits, ., - or _, e.g. p1-24x7');

/**
 * Whom a step notifies: exactly one of the roster layer's on-call person (`roster` + `layer`),
 * one person (`person`, a people id), everyone with a role (`role`: lead, manager), or a channel
 * (`channel`, a notify.channels name). One object with optional keys rather than a union, so a
 * wrong entry is told which key it lacks instead of zod's "invalid input" for every branch.
 */
export const escalationTargetSchema = z
  .strictObject({
    roster: z.string().min(1).optional(),
    layer: z.string().min(1).optional(),
    person: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    channel: z.string().min(1).optional(),
  })
  .superRefine((t, ctx) => {
    const given = (['roster', 'person', 'role', 'channel'] as const).filter((k) => t[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of { roster, layer }, person, role or channel, got ${given.length ? given.join(' and ') : 'none'}`,
      });
    if (t.roster !== undefined && t.layer === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['layer'],
        message: 'a roster target names its layer too, e.g. { roster: ops, layer: primary }',
      });
    if (t.layer !== undefined && t.roster === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['roster'],
        message: 'a layer belongs to a roster: add roster, e.g. { roster: ops, layer: primary }',
      });
  });
export type EscalationTarget = z.output<typeof escalationTargetSchema>;

export const escalationStepSchema = z.strictObject({
  notify: z
    .array(escalationTargetSchema)
    .min(1, 'a step notifies someone: add a roster layer, a person, a role or a channel'),
  /** how long after this step's page the next one is due (the last step's wait leads to the next repeat) */
  wait: duration({ min: '1m', max: '7d' }).default(15 * 60_000),
  /** pages outside the policy's service hours; unset: the policy's outside_hours */
  outside_hours: z.boolean().optional(),
});
export type EscalationStep = z.output<typeof escalationStepSchema>;

export const escalationPolicySchema = z.strictObject({
  name,
  /** which incidents: every severity / service listed (absent: any); the first policy that matches is used */
  match: z
    .strictObject({
      severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
      services: z.array(z.string().min(1)).min(1).optional(),
    })
    .prefault({}),
  /** a calendar of sla.calendars: outside its hours a step waits for them, unless outside_hours says otherwise */
  service_hours: z.string().min(1).optional(),
  /** true: every step pages outside service hours too (a 5×8 contract's P1) */
  outside_hours: z.boolean().default(false),
  steps: z.array(escalationStepSchema).min(1, 'a policy has at least one step'),
  /** after the last step, run the steps again this many times, then the escalation is finished */
  repeat: z.number().int().min(0).max(20).default(0),
});
export type EscalationPolicy = z.output<typeof escalationPolicySchema>;

/** `oncall.escalation`: who is paged, in which order and when, until a person acknowledges. */
export const escalationSchema = z
  .strictObject({
    policies: z.array(escalationPolicySchema).default([]),
  })
  .prefault({});
export type EscalationConfig = z.output<typeof escalationSchema>;

type Issue = { path: (string | number)[]; message: string };

/**
 * What the escalation config names must exist elsewhere in the server's config: its calendars,
 * people, roles, channels and rosters. Called from the server config's superRefine, which
 * prefixes nothing: the paths returned are from the config's root.
 */
export function escalationConfigIssues(cfg: {
  sla: { calendars: ReadonlyArray<{ name: string }> };
  people: ReadonlyArray<{ id: string; roles: readonly string[] }>;
  notify: { channels: ReadonlyArray<{ name: string }> };
  oncall: { escalation: EscalationConfig };
}): Issue[] {
  const issues: Issue[] = [];
  const calendars = cfg.sla.calendars.map((c) => c.name);
  const people = new Set(cfg.people.map((p) => p.id));
  const roles = new Set(cfg.people.flatMap((p) => p.roles));
  const channels = new Set(cfg.notify.channels.map((c) => c.name));
  // rosters are the on-call domain's part of `oncall`; read by shape so this check needs nothing of its schema
  const rosters = (cfg.oncall as { rosters?: unknown }).rosters;
  const layersOf = new Map<string, Set<string>>();
  if (Array.isArray(rosters))
    for (const r of rosters as Array<{ name?: unknown; layers?: unknown }>)
      if (typeof r?.name === 'string')
        layersOf.set(
          r.name,
          new Set(
            (Array.isArray(r.layers) ? (r.layers as Array<{ name?: unknown }>) : [])
              .map((l) => l?.name)
              .filter((n): n is string => typeof n === 'string'),
          ),
        );
  const list = (s: Iterable<string>) => [...s].join(', ') || 'none';
  cfg.oncall.escalation.policies.forEach((p, i) => {
    const at = ['oncall', 'escalation', 'policies', i];
    if (cfg.oncall.escalation.policies.findIndex((q) => q.name === p.name) !== i)
      issues.push({ path: [...at, 'name'], message: `policy ${p.name} appears twice` });
    if (p.service_hours !== undefined && !calendars.includes(p.service_hours))
      issues.push({
        path: [...at, 'service_hours'],
        message: `no calendar named ${JSON.stringify(p.service_hours)} in sla.calendars; defined: ${list(calendars)}`,
      });
    p.steps.forEach((s, j) =>
      s.notify.forEach((t, k) => {
        const where = [...at, 'steps', j, 'notify', k];
        if (t.person !== undefined && !people.has(t.person))
          issues.push({
            path: [...where, 'person'],
            message: `no person ${JSON.stringify(t.person)} in people; defined: ${list(people)}`,
          });
        if (t.role !== undefined && !roles.has(t.role))
          issues.push({
            path: [...where, 'role'],
            message: `nobody in people has the role ${JSON.stringify(t.role)}; roles held: ${list(roles)}`,
          });
        if (t.channel !== undefined && !channels.has(t.channel))
          issues.push({
            path: [...where, 'channel'],
            message: `no channel ${JSON.stringify(t.channel)} in notify.channels; defined: ${list(channels)}`,
          });
        if (t.roster !== undefined) {
          const layers = layersOf.get(t.roster);
          if (!layers)
            issues.push({
              path: [...where, 'roster'],
              message: `no roster ${JSON.stringify(t.roster)} in oncall.rosters; defined: ${list(layersOf.keys())}`,
            });
          else if (t.layer !== undefined && !layers.has(t.layer))
            issues.push({
              path: [...where, 'layer'],
              message: `roster ${t.roster} has no layer ${JSON.stringify(t.layer)}; its layers: ${list(layers)}`,
            });
        }
      }),
    );
  });
  return issues;
}
