import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { instant } from '../http/input';
import { idParams, severitySchema } from '../incidents/schema';
import { requireIncident } from '../incidents/service';
import { escalationState } from './escalation';
import type { EscalationPolicy, EscalationTarget } from './escalation-config';
import { escalationMetrics, seenByRun } from './escalation-service';
import { escalationStore } from './escalation-store';

const targetSchema = z
  .union([
    z.object({ roster: z.string(), layer: z.string() }),
    z.object({ person: z.string() }),
    z.object({ role: z.string() }),
    z.object({ channel: z.string() }),
  ])
  .meta({
    id: 'EscalationTarget',
    description: "the roster layer's on-call person, a person, everyone with a role, or a channel",
  });

const policySchema = z
  .object({
    name: z.string(),
    match: z.object({
      severities: z.array(severitySchema).nullable().describe('null: any severity'),
      services: z.array(z.string()).nullable().describe('null: any service'),
    }),
    serviceHours: z.string().nullable().describe('the sla.calendars calendar outside whose hours steps wait'),
    outsideHours: z.boolean().describe('every step pages outside service hours too'),
    steps: z.array(
      z.object({
        notify: z.array(targetSchema),
        waitSeconds: z.number().describe('until the next step (after the last: the next repeat)'),
        outsideHours: z.boolean().describe('this step pages outside service hours'),
      }),
    ),
    repeat: z.number().int().describe('times the steps run again after the first pass'),
  })
  .meta({ id: 'EscalationPolicy' });

const historyEntrySchema = z.object({
  policy: z
    .string()
    .describe('the policy the step belongs to (a severity change moves an incident to another)'),
  at: instant,
  dueAt: instant,
  step: z.number().int().describe('1-based'),
  repeat: z.number().int().describe('0: the first pass'),
  notified: z.array(z.string()).describe('people ids mentioned'),
  channels: z.array(z.string()).describe('channels the notification was queued to'),
  uncovered: z.array(targetSchema).describe('targets nobody covered at that moment'),
});

const escalationSchema = z
  .object({
    policy: z.string().nullable().describe('the policy chosen when the incident opened; null: none matched'),
    state: z.enum(['none', 'running', 'stopped', 'finished', 'waiting_for_service_hours']),
    step: z.number().int().describe('the next step to page (1-based); once over, the last one'),
    repeat: z.number().int(),
    startedAt: instant.nullable(),
    nextAt: instant.nullable().describe('when the next step pages'),
    stoppedAt: instant.nullable(),
    stoppedBy: z.string().nullable().describe('who acknowledged, responded, resolved or closed'),
    stopReason: z.enum(['acknowledged', 'responded', 'resolved', 'closed', 'policy_removed']).nullable(),
    finishedAt: instant.nullable(),
    history: z.array(historyEntrySchema),
  })
  .meta({ id: 'IncidentEscalation' });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function targetOut(t: EscalationTarget): z.infer<typeof targetSchema> {
  if (t.roster !== undefined) return { roster: t.roster, layer: t.layer ?? '' };
  if (t.person !== undefined) return { person: t.person };
  if (t.role !== undefined) return { role: t.role };
  return { channel: t.channel ?? '' };
}

export function policyOut(p: EscalationPolicy): z.infer<typeof policySchema> {
  return {
    name: p.name,
    match: { severities: p.match.severities ?? null, services: p.match.services ?? null },
    serviceHours: p.service_hours ?? null,
    outsideHours: p.outside_hours,
    steps: p.steps.map((s) => ({
      notify: s.notify.map(targetOut),
      waitSeconds: s.wait / 1000,
      outsideHours: s.outside_hours ?? p.outside_hours,
    })),
    repeat: p.repeat,
  };
}

export async function incidentEscalation(
  ctx: AppContext,
  id: string,
): Promise<z.infer<typeof escalationSchema>> {
  const incident = await requireIncident(ctx.db, id);
  const [row, steps] = await Promise.all([
    escalationStore.get(ctx.db, incident.id),
    escalationStore.steps(ctx.db, incident.id),
  ]);
  const current = row && (await seenByRun(ctx.db, row));
  const history = steps.map((s) => ({
    policy: s.policy,
    at: new Date(s.at).toISOString(),
    dueAt: new Date(s.due_at).toISOString(),
    step: s.step,
    repeat: s.repeat,
    notified: JSON.parse(s.notified) as string[],
    channels: (s.channels === null ? [] : JSON.parse(s.channels)) as string[],
    uncovered: (JSON.parse(s.uncovered) as EscalationTarget[]).map(targetOut),
  }));
  if (!row || !current)
    // opened since the last tick: the next one starts it
    return {
      policy: null,
      state: 'none',
      step: 0,
      repeat: 0,
      startedAt: null,
      nextAt: null,
      stoppedAt: null,
      stoppedBy: null,
      stopReason: null,
      finishedAt: null,
      history,
    };
  const state = escalationState(row, current, ctx.now());
  return {
    policy: row.policy,
    state,
    step: row.step,
    repeat: row.repeat,
    startedAt: row.policy === null ? null : iso(row.started_at),
    nextAt: state === 'running' || state === 'waiting_for_service_hours' ? iso(row.next_at) : null,
    stoppedAt: iso(row.stopped_at),
    stoppedBy: row.stopped_by,
    stopReason: row.stop_reason,
    finishedAt: iso(row.finished_at),
    history,
  };
}

export function escalationRoutes(ctx: AppContext) {
  escalationMetrics(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/escalation/policies',
      summary:
        'The escalation policies (oncall.escalation), in the order they are matched: the first whose severities and services take an incident escalates it',
      tag: 'oncall',
      role: 'viewer',
      response: z.object({ policies: z.array(policySchema) }).meta({ id: 'EscalationPolicies' }),
      handler: async () => ({ policies: ctx.config.oncall.escalation.policies.map(policyOut) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/incidents/:id/escalation',
      summary:
        "An incident's escalation: its policy, where it stands (the next step and when it pages, or who stopped it) and every step paged with the people and channels notified",
      tag: 'oncall',
      role: 'viewer',
      params: idParams,
      response: escalationSchema,
      handler: ({ params }) => incidentEscalation(ctx, params.id),
    }),
  ];
}
