import type { Db } from '../db';
import type { NewRow, Row } from '../db/tables';

export type ReviewRow = Row<'reviews'>;
export type ActionItemRow = Row<'action_items'>;
type ActionItemChange = Pick<ActionItemRow, 'title' | 'owner' | 'due_date' | 'status' | 'updated_at'>;

/** Post-incident reviews (one per incident, its sections as JSON text) and their action items. */
export const reviewStore = {
  get: (db: Db, incidentId: string) =>
    db.kysely.selectFrom('reviews').selectAll().where('incident_id', '=', incidentId).executeTakeFirst(),

  insert: async (db: Db, row: NewRow<'reviews'>): Promise<void> => {
    await db.kysely.insertInto('reviews').values(row).execute();
  },

  update: async (
    db: Db,
    incidentId: string,
    fields: Pick<ReviewRow, 'body' | 'updated_at' | 'updated_by'>,
  ): Promise<void> => {
    await db.kysely.updateTable('reviews').set(fields).where('incident_id', '=', incidentId).execute();
  },

  /** The incident's action items, by due date. */
  actionItems: (db: Db, incidentId: string) =>
    db.kysely
      .selectFrom('action_items')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),

  insertActionItem: async (db: Db, row: NewRow<'action_items'>): Promise<void> => {
    await db.kysely.insertInto('action_items').values(row).execute();
  },

  updateActionItem: async (db: Db, id: string, fields: ActionItemChange): Promise<void> => {
    await db.kysely.updateTable('action_items').set(fields).where('id', '=', id).execute();
  },

  deleteActionItem: async (db: Db, id: string): Promise<void> => {
    await db.kysely.deleteFrom('action_items').where('id', '=', id).execute();
  },

  /** Open and in-progress action items of every incident with the incident's number, by due date. */
  openActionItems: (db: Db) =>
    db.kysely
      .selectFrom('action_items as a')
      .innerJoin('incidents as i', 'i.id', 'a.incident_id')
      .selectAll('a')
      .select('i.number')
      .where('a.status', 'in', ['open', 'in_progress'])
      .orderBy('a.due_date')
      .orderBy('a.id')
      .execute(),
};
