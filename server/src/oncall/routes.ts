import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import {
  acknowledgeBody,
  createHandoverBody,
  createOverrideBody,
  createSwapBody,
  handoverParams,
  handoverSchema,
  handoversQuery,
  handoversResponseSchema,
  icsQuery,
  nowQuery,
  nowResponseSchema,
  overrideParams,
  overrideSchema,
  overridesQuery,
  overridesResponseSchema,
  rosterParams,
  rostersResponseSchema,
  scheduleQuery,
  scheduleResponseSchema,
  swapResponseSchema,
} from './schema';
import {
  acknowledgeHandover,
  createHandover,
  createOverride,
  createSwap,
  deleteOverride,
  listHandovers,
  listOverrides,
  MAX_RANGE_MS,
  nowOut,
  rosterIcs,
  rostersOut,
  scheduleOut,
} from './service';
import { attachOncallMetrics } from './metrics';

const DAY_MS = 86_400_000;
const time = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Date.parse(v));

export function oncallRoutes(ctx: AppContext) {
  attachOncallMetrics(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/rosters',
      summary:
        'Duty rosters (值班, configuration oncall.rosters): layers with members, cadence, handoff time and the days they work on the service calendar',
      tag: 'oncall',
      role: 'viewer',
      response: rostersResponseSchema,
      handler: async () => rostersOut(ctx),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/now',
      summary:
        'Who is on call at `at` (default now): one shift per layer of each roster, overrides and swaps applied; person null when nobody covers the layer then',
      tag: 'oncall',
      role: 'viewer',
      query: nowQuery,
      response: nowResponseSchema,
      handler: ({ query }) => nowOut(ctx, time(query.at, ctx.now()), query.roster, query.layer),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/rosters/:name/schedule',
      summary:
        "A roster's shifts over [from, to) (at most 62 days), overrides applied, and the kind of each local date on its calendar (workday, rest_day, holiday; a make-up workday 调休 is a workday)",
      tag: 'oncall',
      role: 'viewer',
      params: rosterParams,
      query: scheduleQuery,
      response: scheduleResponseSchema,
      handler: ({ params, query }) =>
        scheduleOut(ctx, params.name, Date.parse(query.from), Date.parse(query.to), query.layer),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/rosters/:name/calendar.ics',
      summary:
        "A roster's shifts as an iCalendar feed (RFC 5545, text/calendar), one event per covered shift; default from 7 days ago for 56 days",
      tag: 'oncall',
      role: 'viewer',
      params: rosterParams,
      query: icsQuery,
      produces: 'text/calendar',
      response: z.string().describe('text/calendar; charset=utf-8'),
      handler: ({ params, query }) => {
        const from = time(query.from, ctx.now() - 7 * DAY_MS);
        return rosterIcs(ctx, params.name, from, time(query.to, from + 56 * DAY_MS));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/overrides',
      summary:
        'Overrides and swaps in force overlapping [from, to) (default: the next 62 days), each with its timeline',
      tag: 'oncall',
      role: 'viewer',
      query: overridesQuery,
      response: overridesResponseSchema,
      handler: ({ query }) => {
        const from = time(query.from, ctx.now());
        return listOverrides(ctx, query.roster, from, time(query.to, from + MAX_RANGE_MS));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/oncall/overrides',
      summary:
        'Puts a person on a layer over [start, end) instead of the rotation, with a reason; 409 when it overlaps another override of the layer (named)',
      tag: 'oncall',
      role: 'editor',
      body: createOverrideBody,
      response: overrideSchema,
      status: 201,
      errors: [404, 409],
      handler: ({ body, caller }) => createOverride(ctx, body, caller),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/oncall/overrides/:id',
      summary:
        'Removes an override (kept, marked removed, on its timeline); removing one side of a swap removes both',
      tag: 'oncall',
      role: 'editor',
      params: overrideParams,
      response: overrideSchema,
      handler: ({ params, caller }) => deleteOverride(ctx, params.id, caller),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/oncall/swaps',
      summary:
        "Swaps two people's rotation shifts on a layer (each named by an instant inside it) as two linked overrides",
      tag: 'oncall',
      role: 'editor',
      body: createSwapBody,
      response: swapResponseSchema,
      status: 201,
      errors: [404, 409, 422],
      handler: ({ body, caller }) => createSwap(ctx, body, caller),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/oncall/handovers',
      summary:
        'Handovers, newest first, with the incidents open when each was written and who acknowledged it',
      tag: 'oncall',
      role: 'viewer',
      query: handoversQuery,
      response: handoversResponseSchema,
      handler: ({ query }) => listHandovers(ctx, query.roster, query.limit),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/oncall/handovers',
      summary:
        'Writes a handover of a layer to the person taking over: who was on call, the notes and the incidents open now',
      tag: 'oncall',
      role: 'editor',
      body: createHandoverBody,
      response: handoverSchema,
      status: 201,
      errors: [404],
      handler: ({ body, caller }) => createHandover(ctx, body, caller),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/oncall/handovers/:id/acknowledge',
      summary:
        "Acknowledged by the person taking over: the caller's Grafana user (login or email) or token name must be that person's id or email, or the token an admin's",
      tag: 'oncall',
      role: 'editor',
      params: handoverParams,
      body: acknowledgeBody,
      response: handoverSchema,
      errors: [409],
      handler: ({ params, caller }) => acknowledgeHandover(ctx, params.id, caller),
    }),
  ];
}
