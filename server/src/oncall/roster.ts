import type { Calendar } from '@opsdesk/calendar';
import type { AppContext } from '../context';
import type { Recipient } from '../notify/types';
import { person } from '../people/directory';
import type { RosterConfig } from './config';
import {
  applyOverrides,
  rotationSegmentAt,
  rotationSegments,
  type Cover,
  type LayerContext,
  type Piece,
} from './rotation';
import { oncallStore, type OverrideRow } from './store';

/** Who covers one layer of a roster over [start, end). */
export interface Shift {
  roster: string;
  layer: string;
  /** null: nobody covers the layer then (e.g. a workday-only layer on a holiday) */
  person: Recipient | null;
  start: number;
  end: number;
  source: 'rotation' | 'override' | 'swap';
  /** the override behind a shift of source override or swap */
  overrideId?: string | undefined;
}

export function rosterCalendar(ctx: AppContext, roster: RosterConfig): Calendar {
  const calendar = ctx.sla.calendars.get(roster.calendar);
  // config validation guarantees it; a reload that removed it is refused the same way
  if (!calendar) throw new Error(`oncall roster ${roster.name}: no calendar named ${roster.calendar}`);
  return calendar;
}

export function rosterTimeZone(ctx: AppContext, roster: RosterConfig): string {
  return roster.timezone ?? rosterCalendar(ctx, roster).data.timeZone;
}

export function layerContexts(ctx: AppContext, roster: RosterConfig, layer?: string): LayerContext[] {
  const calendar = rosterCalendar(ctx, roster);
  const timeZone = rosterTimeZone(ctx, roster);
  return roster.layers
    .filter((l) => layer === undefined || l.name === layer)
    .map((l) => ({ layer: l, calendar, timeZone }));
}

export function coverOf(o: OverrideRow): Cover {
  return {
    start: o.start_at,
    end: o.end_at,
    person: o.person,
    source: o.swap_id ? 'swap' : 'override',
    id: o.id,
  };
}

function shiftOf(ctx: AppContext, roster: string, layer: string, p: Piece): Shift {
  return {
    roster,
    layer,
    person: p.person === null ? null : (person(ctx, p.person) ?? null),
    start: p.start,
    end: p.end,
    source: p.source,
    overrideId: p.overrideId,
  };
}

function rostersOf(ctx: AppContext, name?: string): RosterConfig[] {
  return ctx.config.oncall.rosters.filter((r) => name === undefined || r.name === name);
}

/**
 * Who is on call at `at`: one shift per layer of each roster (filtered), the override in force
 * or else the rotation's, its start and end where that person's stretch begins and ends.
 */
export async function onCallAt(
  ctx: AppContext,
  at: number,
  filter: { roster?: string; layer?: string } = {},
): Promise<Shift[]> {
  const shifts: Shift[] = [];
  for (const roster of rostersOf(ctx, filter.roster)) {
    for (const c of layerContexts(ctx, roster, filter.layer)) {
      const seg = rotationSegmentAt(c, at);
      const overrides = await oncallStore.activeOverrides(ctx.db, {
        roster: roster.name,
        layer: c.layer.name,
        from: Math.min(seg.start, at),
        to: Math.max(seg.end, at + 1),
      });
      const covering = overrides.find((o) => o.start_at <= at && at < o.end_at);
      const pieces = covering
        ? applyOverrides([], [coverOf(covering)], covering.start_at, covering.end_at)
        : applyOverrides([seg], overrides.map(coverOf), seg.start, seg.end);
      const piece = pieces.find((p) => p.start <= at && at < p.end);
      if (piece) shifts.push(shiftOf(ctx, roster.name, c.layer.name, piece));
    }
  }
  return shifts;
}

/** Every shift of a roster's layers over [from, to), rotation and overrides, in order of layer then start. */
export async function schedule(
  ctx: AppContext,
  rosterName: string,
  from: number,
  to: number,
  layer?: string,
): Promise<Shift[]> {
  const shifts: Shift[] = [];
  for (const roster of rostersOf(ctx, rosterName)) {
    const overrides = await oncallStore.activeOverrides(ctx.db, { roster: roster.name, layer, from, to });
    for (const c of layerContexts(ctx, roster, layer)) {
      const covers = overrides.filter((o) => o.layer === c.layer.name).map(coverOf);
      for (const p of applyOverrides(rotationSegments(c, from, to), covers, from, to))
        shifts.push(shiftOf(ctx, roster.name, c.layer.name, p));
    }
  }
  return shifts;
}
