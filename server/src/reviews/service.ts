import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import type { Caller } from '../auth/roles';
import { requireIncident } from '../incidents/service';
import { incidentStore } from '../incidents/store';
import type { reviewBody, reviewSchema } from './schema';
import { reviewStore, type ActionItemRow } from './store';

type ReviewBody = z.output<typeof reviewBody>;
type Review = z.infer<typeof reviewSchema>;

export function isOverdue(item: { status: string; due_date: string }, now: number): boolean {
  return (
    (item.status === 'open' || item.status === 'in_progress') &&
    item.due_date < new Date(now).toISOString().slice(0, 10)
  );
}

function toActionItem(i: ActionItemRow, now: number) {
  return {
    id: i.id,
    title: i.title,
    owner: i.owner,
    dueDate: i.due_date,
    status: i.status,
    overdue: isOverdue(i, now),
  };
}

export class ReviewService {
  constructor(private readonly ctx: AppContext) {}

  async get(id: string): Promise<Review> {
    const incident = await requireIncident(this.ctx.db, id);
    const row = await reviewStore.get(this.ctx.db, incident.id);
    if (!row) throw notFound(`review of ${incident.number}`);
    const items = await reviewStore.actionItems(this.ctx.db, incident.id);
    const body = JSON.parse(row.body) as Omit<ReviewBody, 'actionItems'>;
    const now = this.ctx.now();
    return {
      incident: incident.number,
      ...body,
      actionItems: items.map((i) => toActionItem(i, now)),
      createdAt: new Date(Number(row.created_at)).toISOString(),
      updatedAt: new Date(Number(row.updated_at)).toISOString(),
      updatedBy: row.updated_by,
    };
  }

  /** Creates or replaces the review; action items are matched by id, new ones get one, missing ones are removed. */
  async put(id: string, body: ReviewBody, caller: Caller): Promise<Review> {
    await this.ctx.db.transaction(async (tx) => {
      const incident = await requireIncident(tx, id);
      const now = this.ctx.now();
      const { actionItems, ...rest } = body;
      const existed = (await reviewStore.get(tx, incident.id)) !== undefined;
      const fields = { body: JSON.stringify(rest), updated_at: now, updated_by: caller.actor };
      if (existed) await reviewStore.update(tx, incident.id, fields);
      else await reviewStore.insert(tx, { incident_id: incident.id, created_at: now, ...fields });
      const current = await reviewStore.actionItems(tx, incident.id);
      const keep = new Set<string>();
      for (const item of actionItems) {
        const known = item.id ? current.find((c) => c.id === item.id) : undefined;
        if (known) {
          keep.add(known.id);
          await reviewStore.updateActionItem(tx, known.id, {
            title: item.title,
            owner: item.owner,
            due_date: item.dueDate,
            status: item.status,
            updated_at: now,
          });
        } else {
          const newId = randomUUID();
          keep.add(newId);
          await reviewStore.insertActionItem(tx, {
            id: newId,
            incident_id: incident.id,
            title: item.title,
            owner: item.owner,
            due_date: item.dueDate,
            status: item.status,
            created_at: now,
            updated_at: now,
          });
        }
      }
      for (const c of current) if (!keep.has(c.id)) await reviewStore.deleteActionItem(tx, c.id);
      await incidentStore.appendTimeline(
        tx,
        incident.id,
        now,
        existed ? 'review_updated' : 'review_created',
        caller.actor,
        {
          actionItems: actionItems.length,
        },
      );
    });
    return this.get(id);
  }

  /** Open action items across incidents, overdue first — the follow-up list of the team. */
  async openActionItems() {
    const rows = await reviewStore.openActionItems(this.ctx.db);
    const now = this.ctx.now();
    return {
      actionItems: rows.map((i) => ({ incident: i.number, ...toActionItem(i, now) })),
    };
  }
}
