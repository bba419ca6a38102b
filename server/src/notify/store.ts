import { sql } from 'kysely';
import type { Db, NewRow, Row, RowUpdate } from '../db';
import type { DeliveryOutcome, MessageStatus } from './tables';
import type { NotifyEvent } from './types';

export type MessageRow = Row<'notify_messages'>;
export type DeliveryRow = Row<'notify_deliveries'>;
export type ChannelRow = Row<'notify_channels'>;

/** The notification domain's SQL, once for SQLite and PostgreSQL. */
export const notifyStore = {
  async insertMessages(db: Db, rows: ReadonlyArray<NewRow<'notify_messages'>>): Promise<void> {
    if (rows.length)
      await db.kysely
        .insertInto('notify_messages')
        .values([...rows])
        .execute();
  },

  /** The channel rows exist before any sender locks them (one per configured channel). */
  async ensureChannels(db: Db, channels: ReadonlyArray<{ name: string; type: string }>, now: number) {
    for (const c of channels)
      await db.kysely
        .insertInto('notify_channels')
        .values({
          name: c.name,
          type: c.type,
          blocked_until: null,
          updated_at: now,
        } as NewRow<'notify_channels'>)
        .onConflict((oc) => oc.column('name').doUpdateSet({ type: c.type }))
        .execute();
  },

  /**
   * Takes the channel's row lock for the rest of the transaction: on PostgreSQL SELECT … FOR
   * UPDATE (replicas take turns); SQLite's BEGIN IMMEDIATE already holds the only write lock.
   */
  async lockChannel(tx: Db, name: string): Promise<ChannelRow | undefined> {
    let q = tx.kysely.selectFrom('notify_channels').selectAll().where('name', '=', name);
    if (tx.kind === 'postgres') q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /**
   * An enqueue waits for no sender, but a sender's claim waits for the enqueue: FOR SHARE on the
   * channel rows (PostgreSQL) makes a sender woken right after the enqueue see its commit.
   */
  async shareChannels(tx: Db, names: readonly string[]): Promise<void> {
    if (tx.kind !== 'postgres' || names.length === 0) return;
    await tx.kysely
      .selectFrom('notify_channels')
      .select('name')
      .where('name', 'in', [...names])
      .forShare()
      .execute();
  },

  async updateChannel(db: Db, name: string, fields: RowUpdate<'notify_channels'>): Promise<void> {
    await db.kysely.updateTable('notify_channels').set(fields).where('name', '=', name).execute();
  },

  channels: (db: Db) => db.kysely.selectFrom('notify_channels').selectAll().execute(),

  /**
   * The queue's head: messages waiting (queued, or sending with an expired lease) in order, at most
   * `limit`, without their events (see events()).
   */
  queueHead: (db: Db, channel: string, now: number, limit: number) =>
    db.kysely
      .selectFrom('notify_messages')
      .select([
        'id',
        'channel',
        'kind',
        'agg_key',
        'phase',
        'status',
        'attempts',
        'failures',
        'parts',
        'parts_sent',
        'possible_repeat',
        'next_attempt_at',
        'lease_until',
        'created_at',
      ])
      .where('channel', '=', channel)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute(),

  /** The events of these messages, by id. */
  async events(db: Db, ids: readonly number[]): Promise<Map<number, NotifyEvent[]>> {
    if (ids.length === 0) return new Map();
    const rows = await db.kysely
      .selectFrom('notify_messages')
      .select(['id', 'events'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [Number(r.id), JSON.parse(r.events) as NotifyEvent[]]));
  },

  async updateMessage(db: Db, id: number, fields: RowUpdate<'notify_messages'>): Promise<void> {
    await db.kysely.updateTable('notify_messages').set(fields).where('id', '=', id).execute();
  },

  /** Moves a lease on, only while this sender still holds it; false when another took it. */
  async updateLeased(
    db: Db,
    id: number,
    owner: string,
    fields: RowUpdate<'notify_messages'>,
  ): Promise<boolean> {
    const r = await db.kysely
      .updateTable('notify_messages')
      .set(fields)
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async deleteMessages(db: Db, ids: readonly number[]): Promise<void> {
    if (ids.length)
      await db.kysely
        .deleteFrom('notify_messages')
        .where('id', 'in', [...ids])
        .execute();
  },

  message: (db: Db, id: number) =>
    db.kysely.selectFrom('notify_messages').selectAll().where('id', '=', id).executeTakeFirst(),

  async listMessages(
    db: Db,
    q: {
      channel?: string | undefined;
      status?: MessageStatus | undefined;
      limit: number;
      before?: number | undefined;
    },
  ): Promise<MessageRow[]> {
    let query = db.kysely.selectFrom('notify_messages').selectAll();
    if (q.channel !== undefined) query = query.where('channel', '=', q.channel);
    if (q.status !== undefined) query = query.where('status', '=', q.status);
    if (q.before !== undefined) query = query.where('id', '<', q.before);
    return query.orderBy('id', 'desc').limit(q.limit).execute();
  },

  /**
   * When the platform may have counted each of the channel's recent requests (newest first), for
   * the sliding window: a finished request at its answer (the platform received it by then — its
   * claim time undercounts on a slow machine, where a send can leave seconds after the claim), a
   * request in flight at `now`. `maxRequestMs` bounds how long before `since` a
   * request can have started and still end inside the window.
   */
  async recentRequests(
    db: Db,
    channel: string,
    window: { since: number; now: number; limit: number; maxRequestMs: number },
  ): Promise<number[]> {
    const rows = await db.kysely
      .selectFrom('notify_deliveries')
      .select(['at', 'outcome', 'finished_at'])
      .where('channel', '=', channel)
      .where('at', '>', window.since - window.maxRequestMs)
      .orderBy('at', 'desc')
      .limit(window.limit * 2)
      .execute();
    return rows
      .map((r) => (r.finished_at === null ? window.now : Number(r.finished_at)))
      .filter((t) => t > window.since)
      .sort((a, b) => b - a)
      .slice(0, window.limit);
  },

  async insertDelivery(db: Db, row: NewRow<'notify_deliveries'>): Promise<number> {
    const r = await db.kysely
      .insertInto('notify_deliveries')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async finishDelivery(
    db: Db,
    id: number,
    fields: {
      outcome: DeliveryOutcome;
      parts: number;
      http_status: number | null;
      code: string | null;
      error: string | null;
      duration_ms: number;
      finished_at: number;
    },
  ): Promise<void> {
    await db.kysely.updateTable('notify_deliveries').set(fields).where('id', '=', id).execute();
  },

  deliveries: (db: Db, messageId: number) =>
    db.kysely
      .selectFrom('notify_deliveries')
      .selectAll()
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute(),

  /** Per channel: messages waiting and the oldest one's creation; sent and failed since `since`. */
  async channelCounts(db: Db, since: number) {
    const queued = await db.kysely
      .selectFrom('notify_messages')
      .select((eb) => ['channel', eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('status', 'in', ['queued', 'sending'])
      .groupBy('channel')
      .execute();
    const done = await db.kysely
      .selectFrom('notify_messages')
      .select((eb) => ['channel', 'status', eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['sent', 'failed'])
      .where('updated_at', '>=', since)
      .groupBy(['channel', 'status'])
      .execute();
    return {
      queued: new Map(queued.map((r) => [r.channel, { n: Number(r.n), oldest: Number(r.oldest) }])),
      sent: new Map(done.filter((r) => r.status === 'sent').map((r) => [r.channel, Number(r.n)])),
      failed: new Map(done.filter((r) => r.status === 'failed').map((r) => [r.channel, Number(r.n)])),
    };
  },

  /**
   * Open incidents whose goal entered its at-risk share by `now`, not yet breached, whose at-risk
   * notice is not recorded: the SLA tick queues one notification per incident and goal.
   */
  atRiskUnrecorded: (db: Db, goal: 'response' | 'resolution', now: number, limit: number) => {
    const risk = `${goal}_risk_at` as const;
    return db.kysely
      .selectFrom('incidents as i')
      .selectAll('i')
      .where(risk, '<=', now)
      .where(`${goal}_due_at`, '>', now)
      .where(`${goal}_breached_at`, 'is', null)
      .where('status', 'not in', ['resolved', 'closed'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sla_risk_notices as n')
              .select(sql<number>`1`.as('one'))
              .whereRef('n.incident_id', '=', 'i.id')
              .where('n.goal', '=', goal),
          ),
        ),
      )
      .orderBy(risk)
      .limit(limit)
      .execute();
  },

  /** true when this call recorded the notice (a concurrent tick may have). */
  async recordRiskNotice(
    db: Db,
    incidentId: string,
    goal: 'response' | 'resolution',
    riskAt: number,
    now: number,
  ) {
    const r = await db.kysely
      .insertInto('sla_risk_notices')
      .values({ incident_id: incidentId, goal, risk_at: riskAt, recorded_at: now })
      .onConflict((oc) => oc.columns(['incident_id', 'goal']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
