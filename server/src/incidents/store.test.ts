import { migrate, openDb, type Db } from '../db';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../testing/databases';
import type { ListQuery } from './schema';
import { incidentStore, type IncidentRow } from './store';

// The list filter's SQL on both databases: label matchers on the labels JSON (PostgreSQL's jsonb
// `?` operator among them) and text search, with `?`, `%`, `_`, quotes and backslashes in the
// user's input reaching the database only as bound values.

const incident = (n: number, labels: Record<string, string>, title: string): IncidentRow => ({
  id: `id-${n}`,
  number: `INC-T-${n}`,
  title,
  severity: 'P3',
  status: 'triggered',
  service: 'settlement',
  source: 'manual',
  labels: JSON.stringify(labels),
  symptom: '',
  impact: '',
  assignee: null,
  support_mode: null,
  group_key: null,
  alertname: null,
  truncated_alerts: 0,
  occurred_at: 1000 + n,
  detected_at: 1000 + n,
  acknowledged_at: null,
  mitigated_at: null,
  resolved_at: null,
  closed_at: null,
  waiting_since: null,
  last_seen_at: null,
  response_breached_at: null,
  resolution_breached_at: null,
  responded_at: null,
  response_due_at: null,
  response_risk_at: null,
  resolution_due_at: null,
  resolution_risk_at: null,
  sla_stale: 0,
  created_at: 1000 + n,
  updated_at: 1000 + n,
});

const query = (q: Partial<ListQuery>): ListQuery => ({ sort: 'createdAt', limit: 50, ...q }) as ListQuery;

describe.each(DATABASE_KINDS)('incident list filter on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const numbers = async (q: Partial<ListQuery>) =>
    (await incidentStore.list(db, query(q))).rows.map((r) => r.number);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = openDb(database.url);
    await migrate(db);
    await incidentStore.insert(db, incident(1, { env: 'prod', 'what?': 'a?b' }, 'Why is the gateway slow?'));
    await incidentStore.insert(db, incident(2, { env: 'uat' }, '100% CPU on host_1'));
    await incidentStore.insert(db, incident(3, {}, "O'Brien's \\ backslash"));
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  test('key=value and key!=value; an incident without the key matches !=', async () => {
    expect(await numbers({ label: ['env=prod'] })).toEqual(['INC-T-1']);
    expect(await numbers({ label: ['env!=prod'] })).toEqual(['INC-T-2', 'INC-T-3']);
    expect(await numbers({ label: ['env=prod', 'env!=uat'] })).toEqual(['INC-T-1']);
    expect(await numbers({ label: ['missing!=x'] })).toEqual(['INC-T-1', 'INC-T-2', 'INC-T-3']);
  });

  test('a question mark in a label value or in the search text is data, not a placeholder', async () => {
    expect(await numbers({ label: ['env=?'] })).toEqual([]);
    expect(await numbers({ label: ['env!=?'] })).toEqual(['INC-T-1', 'INC-T-2', 'INC-T-3']);
    expect(await numbers({ q: 'slow?' })).toEqual(['INC-T-1']);
    expect(await numbers({ q: '?' })).toEqual(['INC-T-1']);
  });

  test('LIKE wildcards, quotes and backslashes in the search text are literal', async () => {
    expect(await numbers({ q: '100%' })).toEqual(['INC-T-2']);
    expect(await numbers({ q: '%' })).toEqual(['INC-T-2']);
    expect(await numbers({ q: 'host_1' })).toEqual(['INC-T-2']);
    expect(await numbers({ q: 'host_' })).toEqual(['INC-T-2']);
    expect(await numbers({ q: '_' })).toEqual(['INC-T-2']);
    expect(await numbers({ q: "o'brien" })).toEqual(['INC-T-3']);
    expect(await numbers({ q: '\\' })).toEqual(['INC-T-3']);
  });

  test('counts by status apply the same filter', async () => {
    expect(await incidentStore.countByStatus(db, { label: ['env!=prod'] })).toEqual({ triggered: 2 });
  });
});
