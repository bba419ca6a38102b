import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import { ApiError, badRequest, conflict, notFound, unprocessable } from '../http/errors';
import type { Recipient } from '../notify/types';
import { personOfCaller } from '../people/directory';
import type { PersonOut } from '../people/schema';
import type { RosterConfig } from './config';
import { icsCalendar } from './ics';
import { layerContexts, onCallAt, rosterCalendar, rosterTimeZone, schedule, type Shift } from './roster';
import {
  dateOfEpochDay,
  dayPasses,
  dutyDateAt,
  epochDay,
  minutesOf,
  rotationSegmentAt,
  type LocalDate,
} from './rotation';
import type { CreateHandoverBody, CreateOverrideBody, CreateSwapBody } from './schema';
import { oncallStore, type HandoverRow, type OncallTimelineRow, type OverrideRow } from './store';
import { toLocal } from '@opsdesk/calendar';

const DAY_MS = 86_400_000;
/** the longest range a schedule or an override list answers for (two months and a day or two) */
export const MAX_RANGE_MS = 62 * DAY_MS;
/** an override longer than this is a change of the roster, which belongs in the configuration */
export const MAX_OVERRIDE_MS = 92 * DAY_MS;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function personOut(p: Recipient, ctx: AppContext): PersonOut {
  const roles = ctx.config.people.find((x) => x.id === p.id)?.roles ?? [];
  return {
    id: p.id,
    name: p.name,
    email: p.email ?? null,
    wecomUserId: p.wecomUserId ?? null,
    feishuOpenId: p.feishuOpenId ?? null,
    dingtalkMobile: p.dingtalkMobile ?? null,
    language: p.language,
    roles,
  };
}

export function shiftOut(ctx: AppContext, s: Shift) {
  return {
    roster: s.roster,
    layer: s.layer,
    person: s.person ? personOut(s.person, ctx) : null,
    start: iso(s.start),
    end: iso(s.end),
    source: s.source,
    overrideId: s.overrideId ?? null,
  };
}

export function findRoster(ctx: AppContext, name: string, where = 'roster'): RosterConfig {
  const r = ctx.config.oncall.rosters.find((x) => x.name === name);
  if (!r) {
    const known = ctx.config.oncall.rosters.map((x) => x.name);
    throw new ApiError(
      404,
      'not_found',
      `${where}: no roster named ${JSON.stringify(name)}; ${known.length ? `defined: ${known.join(', ')}` : 'none is defined under oncall.rosters'}`,
    );
  }
  return r;
}

function checkLayer(roster: RosterConfig, layer: string, where = 'body layer'): void {
  if (!roster.layers.some((l) => l.name === layer))
    throw badRequest(
      `${where}: roster ${roster.name} has no layer ${JSON.stringify(layer)}; its layers: ${roster.layers.map((l) => l.name).join(', ')}`,
    );
}

function checkPerson(ctx: AppContext, id: string, where: string): void {
  if (!ctx.config.people.some((p) => p.id === id))
    throw badRequest(`${where}: ${JSON.stringify(id)} is not in the people directory (GET /api/v1/people)`);
}

export function rostersOut(ctx: AppContext) {
  return {
    rosters: ctx.config.oncall.rosters.map((r) => ({
      name: r.name,
      calendar: r.calendar,
      timezone: rosterTimeZone(ctx, r),
      layers: r.layers.map((l) => ({
        name: l.name,
        members: l.members,
        cadence: l.cadence,
        handoff: l.handoff,
        start: l.start,
        days: l.days,
      })),
    })),
  };
}

export async function nowOut(ctx: AppContext, at: number, roster?: string, layer?: string) {
  if (roster !== undefined) {
    const r = findRoster(ctx, roster, 'query roster');
    if (layer !== undefined) checkLayer(r, layer, 'query layer');
  }
  const shifts = await onCallAt(ctx, at, {
    ...(roster !== undefined && { roster }),
    ...(layer !== undefined && { layer }),
  });
  return { at: iso(at), shifts: shifts.map((s) => shiftOut(ctx, s)) };
}

function checkRange(from: number, to: number): void {
  if (to <= from) throw badRequest('query to: must be after from');
  if (to - from > MAX_RANGE_MS)
    throw badRequest('query from/to: at most 62 days at once; ask for the next range after');
}

/** The local dates of a roster's calendar over [from, to) in its zone, as the app draws them. */
function daysOf(ctx: AppContext, roster: RosterConfig, from: number, to: number) {
  const calendar = rosterCalendar(ctx, roster);
  const zone = rosterTimeZone(ctx, roster);
  const a = toLocal(from, zone);
  const b = toLocal(to - 1, zone);
  const out = [];
  for (let n = epochDay([a.year, a.month, a.day]); n <= epochDay([b.year, b.month, b.day]); n++) {
    const d: LocalDate = dateOfEpochDay(n);
    const key = `${d[0]}-${String(d[1]).padStart(2, '0')}-${String(d[2]).padStart(2, '0')}`;
    const kind = dayPasses(calendar, d, 'holiday')
      ? 'holiday'
      : dayPasses(calendar, d, 'workday')
        ? 'workday'
        : 'rest_day';
    const makeup = calendar.kind === 'service' && calendar.data.workdays.has(key) && !calendar.data.always;
    out.push({
      date: key,
      kind: kind as 'holiday' | 'workday' | 'rest_day',
      makeup,
      name: calendar.data.holidays.get(key) ?? calendar.data.workdays.get(key) ?? null,
    });
  }
  return out;
}

export async function scheduleOut(ctx: AppContext, name: string, from: number, to: number, layer?: string) {
  const roster = findRoster(ctx, name, 'path name');
  if (layer !== undefined) checkLayer(roster, layer, 'query layer');
  checkRange(from, to);
  const shifts = await schedule(ctx, roster.name, from, to, layer);
  return { shifts: shifts.map((s) => shiftOut(ctx, s)), days: daysOf(ctx, roster, from, to) };
}

export async function rosterIcs(ctx: AppContext, name: string, from: number, to: number): Promise<string> {
  const roster = findRoster(ctx, name, 'path name');
  checkRange(from, to);
  const shifts = (await schedule(ctx, roster.name, from, to)).filter((s) => s.person !== null);
  return icsCalendar(roster.name, shifts, ctx.now());
}

function timelineOut(rows: OncallTimelineRow[], subject: string) {
  return rows
    .filter((r) => r.subject === subject)
    .map((r) => ({
      at: iso(r.at),
      kind: r.kind,
      actor: r.actor,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
}

async function overridesOut(ctx: AppContext, rows: OverrideRow[]) {
  const timeline = await oncallStore.timelineOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    roster: r.roster,
    layer: r.layer,
    person: r.person,
    start: iso(r.start_at),
    end: iso(r.end_at),
    reason: r.reason,
    swapId: r.swap_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    removedAt: isoOrNull(r.removed_at),
    removedBy: r.removed_by,
    timeline: timelineOut(timeline, r.id),
  }));
}

export async function listOverrides(ctx: AppContext, roster: string | undefined, from: number, to: number) {
  if (roster !== undefined) findRoster(ctx, roster, 'query roster');
  checkRange(from, to);
  const rows = await oncallStore.activeOverrides(ctx.db, { roster, from, to });
  return { overrides: await overridesOut(ctx, rows) };
}

interface NewOverride {
  roster: string;
  layer: string;
  person: string;
  start: number;
  end: number;
  reason: string;
  swapId: string | null;
}

/** Inserts overrides of one layer in the caller's transaction, refusing any that overlaps another. */
async function insertOverrides(ctx: AppContext, list: NewOverride[], actor: string): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const first = list[0];
    if (!first) return [];
    await oncallStore.lockLayer(tx, first.roster, first.layer);
    const ids: string[] = [];
    for (const o of list) {
      const [other] = await oncallStore.activeOverrides(tx, {
        roster: o.roster,
        layer: o.layer,
        from: o.start,
        to: o.end,
      });
      if (other)
        throw conflict(
          'override_overlaps',
          `override ${other.id} (${other.person}, ${iso(other.start_at)} – ${iso(other.end_at)}) already covers part of ${iso(o.start)} – ${iso(o.end)} on ${o.roster}/${o.layer}; delete it first (DELETE /api/v1/oncall/overrides/${other.id}) or choose another time`,
        );
      const id = randomUUID();
      const at = ctx.now();
      await oncallStore.insertOverride(tx, {
        id,
        roster: o.roster,
        layer: o.layer,
        person: o.person,
        start_at: o.start,
        end_at: o.end,
        reason: o.reason,
        swap_id: o.swapId,
        created_at: at,
        created_by: actor,
        removed_at: null,
        removed_by: null,
      });
      await oncallStore.addTimeline(tx, {
        roster: o.roster,
        subject: id,
        at,
        kind: o.swapId ? 'swap.created' : 'override.created',
        actor,
        data: {
          layer: o.layer,
          person: o.person,
          start: iso(o.start),
          end: iso(o.end),
          reason: o.reason,
          ...(o.swapId && { swapId: o.swapId }),
        },
      });
      ids.push(id);
    }
    return ids;
  });
}

async function overridesById(ctx: AppContext, ids: string[]) {
  const rows: OverrideRow[] = [];
  for (const id of ids) {
    const r = await oncallStore.override(ctx.db, id);
    if (r) rows.push(r);
  }
  return overridesOut(ctx, rows);
}

export async function createOverride(ctx: AppContext, body: CreateOverrideBody, caller: Caller) {
  const roster = findRoster(ctx, body.roster, 'body roster');
  checkLayer(roster, body.layer);
  checkPerson(ctx, body.person, 'body person');
  const start = Date.parse(body.start);
  const end = Date.parse(body.end);
  if (end <= start) throw badRequest('body end: must be after start');
  if (end - start > MAX_OVERRIDE_MS)
    throw badRequest(
      'body end: an override lasts at most 92 days; change the roster in oncall.rosters for longer',
    );
  const ids = await insertOverrides(
    ctx,
    [
      {
        roster: roster.name,
        layer: body.layer,
        person: body.person,
        start,
        end,
        reason: body.reason,
        swapId: null,
      },
    ],
    caller.actor,
  );
  const [out] = await overridesById(ctx, ids);
  return out!;
}

/**
 * A swap: person a gives the rotation shift that contains a.start to b, and b gives theirs (at
 * b.start) to a, as two overrides sharing a swap id. Each side must be that person's rotation
 * shift, so a swap cannot silently hand away someone else's duty.
 */
export async function createSwap(ctx: AppContext, body: CreateSwapBody, caller: Caller) {
  const roster = findRoster(ctx, body.roster, 'body roster');
  checkLayer(roster, body.layer);
  checkPerson(ctx, body.a.person, 'body a.person');
  checkPerson(ctx, body.b.person, 'body b.person');
  if (body.a.person === body.b.person)
    throw badRequest('body b.person: a swap is between two different people');
  const [c] = layerContexts(ctx, roster, body.layer);
  const segA = rotationSegmentAt(c!, Date.parse(body.a.start));
  const segB = rotationSegmentAt(c!, Date.parse(body.b.start));
  for (const [side, seg, p] of [
    ['a', segA, body.a.person],
    ['b', segB, body.b.person],
  ] as const)
    if (seg.person !== p)
      throw unprocessable(
        'not_their_shift',
        `body ${side}.start: the rotation puts ${seg.person ?? 'nobody'} on ${roster.name}/${body.layer} at ${iso(side === 'a' ? Date.parse(body.a.start) : Date.parse(body.b.start))}, not ${p}; give a time inside ${p}'s own shift`,
      );
  if (segA.start === segB.start) throw badRequest('body b.start: both sides name the same shift');
  const swapId = randomUUID();
  const reason = body.reason ?? `swap: ${body.a.person} ↔ ${body.b.person}`;
  const ids = await insertOverrides(
    ctx,
    [
      {
        roster: roster.name,
        layer: body.layer,
        person: body.b.person,
        start: segA.start,
        end: segA.end,
        reason,
        swapId,
      },
      {
        roster: roster.name,
        layer: body.layer,
        person: body.a.person,
        start: segB.start,
        end: segB.end,
        reason,
        swapId,
      },
    ],
    caller.actor,
  );
  return { overrides: await overridesById(ctx, ids) };
}

/** Removes an override; removing one side of a swap removes both, since half a swap is nobody's agreement. */
export async function deleteOverride(ctx: AppContext, id: string, caller: Caller) {
  const row = await oncallStore.override(ctx.db, id);
  if (!row || row.removed_at !== null) throw notFound(`override ${id}`);
  const rows = row.swap_id ? await oncallStore.overridesOfSwap(ctx.db, row.swap_id) : [row];
  await ctx.db.transaction(async (tx) => {
    await oncallStore.lockLayer(tx, row.roster, row.layer);
    const at = ctx.now();
    for (const r of rows) {
      await oncallStore.removeOverride(tx, r.id, at, caller.actor);
      await oncallStore.addTimeline(tx, {
        roster: r.roster,
        subject: r.id,
        at,
        kind: 'override.removed',
        actor: caller.actor,
        data: r.swap_id ? { swapId: r.swap_id } : {},
      });
    }
  });
  const [out] = await overridesById(ctx, [row.id]);
  return out!;
}

async function handoversOut(ctx: AppContext, rows: HandoverRow[]) {
  const timeline = await oncallStore.timelineOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    roster: r.roster,
    layer: r.layer,
    from: r.from_person,
    to: r.to_person,
    at: iso(r.at),
    notes: r.notes,
    openIncidents: JSON.parse(r.open_incidents) as Array<{
      id: string;
      number: string;
      title: string;
      severity: 'P1' | 'P2' | 'P3' | 'P4';
      status: 'triggered' | 'acknowledged' | 'mitigated' | 'waiting_for_customer' | 'resolved' | 'closed';
    }>,
    createdBy: r.created_by,
    acknowledgedAt: isoOrNull(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    timeline: timelineOut(timeline, r.id),
  }));
}

export async function listHandovers(ctx: AppContext, roster: string | undefined, limit: number) {
  if (roster !== undefined) findRoster(ctx, roster, 'query roster');
  return { handovers: await handoversOut(ctx, await oncallStore.handovers(ctx.db, roster, limit)) };
}

/** A handover: who was on call, to whom it passes, the notes and the incidents open at that moment. */
export async function createHandover(ctx: AppContext, body: CreateHandoverBody, caller: Caller) {
  const roster = findRoster(ctx, body.roster, 'body roster');
  checkLayer(roster, body.layer);
  checkPerson(ctx, body.to, 'body to');
  const at = ctx.now();
  const [shift] = await onCallAt(ctx, at, { roster: roster.name, layer: body.layer });
  const from = shift?.person?.id ?? null;
  if (from === body.to)
    throw badRequest(`body to: ${body.to} is already on call on ${roster.name}/${body.layer}`);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const open = await oncallStore.openIncidents(tx);
    await oncallStore.insertHandover(tx, {
      id,
      roster: roster.name,
      layer: body.layer,
      from_person: from,
      to_person: body.to,
      at,
      notes: body.notes,
      open_incidents: JSON.stringify(open),
      created_by: caller.actor,
      acknowledged_at: null,
      acknowledged_by: null,
    });
    await oncallStore.addTimeline(tx, {
      roster: roster.name,
      subject: id,
      at,
      kind: 'handover.created',
      actor: caller.actor,
      data: { layer: body.layer, from, to: body.to, openIncidents: open.length },
    });
  });
  const [out] = await handoversOut(ctx, [(await oncallStore.handover(ctx.db, id))!]);
  return out!;
}

/**
 * Acknowledged by the person taking over: the caller must be that person (see personOfCaller for
 * how a token or a Grafana user maps to a person id), or an admin acting for them.
 */
export async function acknowledgeHandover(ctx: AppContext, id: string, caller: Caller) {
  const row = await oncallStore.handover(ctx.db, id);
  if (!row) throw notFound(`handover ${id}`);
  const me = personOfCaller(ctx, caller);
  if (me?.id !== row.to_person && caller.role !== 'admin')
    throw new ApiError(
      403,
      'forbidden',
      `only ${row.to_person}, who takes over, acknowledges this handover (or an admin); ${caller.actor} is ${me ? `person ${me.id}` : 'no person of the people directory'}. A token named after the person id, or the Grafana user whose login or email is the person's, counts as that person`,
    );
  if (row.acknowledged_at !== null)
    throw conflict(
      'already_acknowledged',
      `handover ${id} was acknowledged by ${row.acknowledged_by} at ${iso(row.acknowledged_at)}`,
    );
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await oncallStore.acknowledgeHandover(tx, id, at, caller.actor)))
      throw conflict('already_acknowledged', `handover ${id} was acknowledged meanwhile`);
    await oncallStore.addTimeline(tx, {
      roster: row.roster,
      subject: id,
      at,
      kind: 'handover.acknowledged',
      actor: caller.actor,
      data: { person: me?.id ?? null },
    });
  });
  const [out] = await handoversOut(ctx, [(await oncallStore.handover(ctx.db, id))!]);
  return out!;
}

/**
 * opsdesk_oncall_uncovered: 1 for a layer whose day filter says the present duty day is worked
 * while nobody is on it (no members, or members gone from the people directory); a workday-only
 * layer on a holiday is not uncovered, it is off.
 */
export async function uncoveredLayers(
  ctx: AppContext,
): Promise<Array<{ roster: string; layer: string; uncovered: number }>> {
  const at = ctx.now();
  const out = [];
  for (const roster of ctx.config.oncall.rosters) {
    const shifts = await onCallAt(ctx, at, { roster: roster.name });
    for (const c of layerContexts(ctx, roster)) {
      const shift = shifts.find((s) => s.layer === c.layer.name);
      const date = dutyDateAt(at, minutesOf(c.layer.handoff), c.timeZone);
      const dutyDay = dayPasses(c.calendar, date, c.layer.days);
      out.push({ roster: roster.name, layer: c.layer.name, uncovered: dutyDay && !shift?.person ? 1 : 0 });
    }
  }
  return out;
}
