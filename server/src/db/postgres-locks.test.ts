import { PostgresDb, openDb } from './index';
import { freshDatabase, type TestDatabase } from '../testing/databases';

// Two deployments (or two tests) that share one PostgreSQL database in separate schemas must not
// take each other's scheduler turn: the lock is per schema, shared by the replicas of one schema.
describe('PostgreSQL advisory locks', () => {
  let a: TestDatabase, b: TestDatabase;
  let a1: PostgresDb, a2: PostgresDb, b1: PostgresDb;
  beforeAll(async () => {
    a = await freshDatabase('postgres');
    b = await freshDatabase('postgres');
    a1 = openDb(a.url) as PostgresDb;
    a2 = openDb(a.url) as PostgresDb;
    b1 = openDb(b.url) as PostgresDb;
  });
  afterAll(async () => {
    await Promise.all([a1.close(), a2.close(), b1.close()]);
    await Promise.all([a.drop(), b.drop()]);
  });

  it('lets one replica of a schema in, turns its sibling away, and never blocks another schema', async () => {
    const KEY = 0x0905d35d;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const holder = a1.withAdvisoryLock(KEY, async () => {
      entered();
      await held;
      return 'a1';
    });
    await inside;
    await expect(a2.withAdvisoryLock(KEY, async () => 'a2')).resolves.toBeUndefined();
    await expect(b1.withAdvisoryLock(KEY, async () => 'b1')).resolves.toBe('b1');
    release();
    await expect(holder).resolves.toBe('a1');
    await expect(a2.withAdvisoryLock(KEY, async () => 'a2')).resolves.toBe('a2');
  });
});
