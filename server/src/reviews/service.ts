import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import type { Caller } from '../http/routes';
import { requireIncident } from '../incidents/service';
import { incidentStore } from '../incidents/store';
import type { actionItemSchema, reviewBody, reviewSchema } from './schema';

type ReviewBody = z.output<typeof reviewBody>;
type Review = z.infer<typeof reviewSchema>;
interface ActionRow {
  id: string;
  incident_id: string;
  title: string;
  owner: string;
  due_date: string;
  status: z.infer<typeof actionItemSchema>['status'];
}

export function isOverdue(item: { status: string; due_date: string }, now: number): boolean {
  return (
    (item.status === 'open' || item.status === 'in_progress') &&
    item.due_date < new Date(now).toISOString().slice(0, 10)
  );
}

function toActionItem(i: ActionRow, now: number) {
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
    const row = await this.ctx.db.get<{
      body: string;
      created_at: number;
      updated_at: number;
      updated_by: string;
    }>('SELECT * FROM reviews WHERE incident_id = ?', [incident.id]);
    if (!row) throw notFound(`review of ${incident.number}`);
    const items = await this.ctx.db.all<ActionRow>(
      'SELECT * FROM action_items WHERE incident_id = ? ORDER BY due_date, id',
      [incident.id],
    );
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
      const existed = await tx.get('SELECT 1 AS x FROM reviews WHERE incident_id = ?', [incident.id]);
      if (existed) {
        await tx.run('UPDATE reviews SET body = ?, updated_at = ?, updated_by = ? WHERE incident_id = ?', [
          JSON.stringify(rest),
          now,
          caller.actor,
          incident.id,
        ]);
      } else {
        await tx.run(
          'INSERT INTO reviews (incident_id, body, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
          [incident.id, JSON.stringify(rest), now, now, caller.actor],
        );
      }
      const current = await tx.all<ActionRow>('SELECT * FROM action_items WHERE incident_id = ?', [
        incident.id,
      ]);
      const keep = new Set<string>();
      for (const item of actionItems) {
        const known = item.id ? current.find((c) => c.id === item.id) : undefined;
        if (known) {
          keep.add(known.id);
          await tx.run(
            'UPDATE action_items SET title = ?, owner = ?, due_date = ?, status = ?, updated_at = ? WHERE id = ?',
            [item.title, item.owner, item.dueDate, item.status, now, known.id],
          );
        } else {
          const newId = randomUUID();
          keep.add(newId);
          await tx.run(
            'INSERT INTO action_items (id, incident_id, title, owner, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [newId, incident.id, item.title, item.owner, item.dueDate, item.status, now, now],
          );
        }
      }
      for (const c of current)
        if (!keep.has(c.id)) await tx.run('DELETE FROM action_items WHERE id = ?', [c.id]);
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
    const rows = await this.ctx.db.all<ActionRow & { number: string }>(
      "SELECT a.*, i.number FROM action_items a JOIN incidents i ON i.id = a.incident_id WHERE a.status IN ('open', 'in_progress') ORDER BY a.due_date, a.id",
    );
    const now = this.ctx.now();
    return {
      actionItems: rows.map((i) => ({ incident: i.number, ...toActionItem(i, now) })),
    };
  }
}
