import type { Db } from '../db';
import type { IncidentRow } from '../incidents/store';

/** Queries over incidents that repeat: the same service and alertname. */
export const recurrenceStore = {
  /** Incidents of this service and alertname that occurred in [from, to], other than `exceptId`, oldest first. */
  sameAlert: (
    db: Db,
    q: { service: string; alertname: string; exceptId: string; from: number; to: number },
  ) =>
    db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('service', '=', q.service)
      .where('alertname', '=', q.alertname)
      .where('id', '<>', q.exceptId)
      .where('occurred_at', '>=', q.from)
      .where('occurred_at', '<=', q.to)
      .orderBy('occurred_at')
      .execute() as Promise<IncidentRow[]>,

  /**
   * Per (service, alertname) that occurred at least twice since `since`: how many since then, how
   * many since `recentSince`, and the latest occurrence; most repeated first.
   */
  async repeats(db: Db, since: number, recentSince: number) {
    const rows = await db.kysely
      .selectFrom('incidents')
      .select((eb) => [
        'service',
        'alertname',
        eb.fn
          .sum<number | string>(eb.case().when('occurred_at', '>=', recentSince).then(1).else(0).end())
          .as('recent'),
        eb.fn.countAll<number>().as('total'),
        eb.fn.max('occurred_at').as('last'),
      ])
      .where('alertname', 'is not', null)
      .where('occurred_at', '>=', since)
      .groupBy(['service', 'alertname'])
      .having((eb) => eb(eb.fn.countAll(), '>=', 2))
      .orderBy('total', 'desc')
      .orderBy('service')
      .orderBy('alertname')
      .execute();
    return rows.map((r) => ({
      service: r.service,
      alertname: r.alertname as string,
      recent: Number(r.recent),
      total: Number(r.total),
      last: Number(r.last),
    }));
  },
};
