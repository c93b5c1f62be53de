import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { FindingToStore } from '../checks/ChecksStore';
import { DatabaseChecksStore, findingKey } from './DatabaseChecksStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const migrations = {
  directory: migrationsDir,
  tableName: 'interchange_knex_migrations',
};

function finding(
  rule: string,
  entityRef: string,
  extra: Partial<FindingToStore> = {},
): FindingToStore {
  return {
    rule,
    severity: 'warning',
    entityRef,
    entityRefs: [entityRef],
    message: `${entityRef}: ${rule}`,
    fix: 'fix it',
    details: {},
    owners: ['group:default/team-a'],
    systems: ['system:default/shop'],
    ...extra,
  };
}

describe('findingKey', () => {
  it('ignores the order of the refs involved but not the rule or entity', () => {
    const a = findingKey({
      rule: 'coupling/sync-cycle',
      entityRef: 'system:default/a',
      entityRefs: ['system:default/a', 'system:default/b'],
    });
    expect(
      findingKey({
        rule: 'coupling/sync-cycle',
        entityRef: 'system:default/a',
        entityRefs: ['system:default/b', 'system:default/a'],
      }),
    ).toBe(a);
    expect(
      findingKey({
        rule: 'coupling/chatty-systems',
        entityRef: 'system:default/a',
        entityRefs: ['system:default/a', 'system:default/b'],
      }),
    ).not.toBe(a);
    expect(
      findingKey({
        rule: 'coupling/sync-cycle',
        entityRef: 'system:default/b',
        entityRefs: ['system:default/a', 'system:default/b'],
      }),
    ).not.toBe(a);
  });
});

describe.each(databases.eachSupportedId())(
  'DatabaseChecksStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      return { knex, store: new DatabaseChecksStore(knex) };
    }

    it('reads nothing before the first run', async () => {
      const { store } = await createStore();
      expect(await store.read()).toEqual({
        computedAt: undefined,
        skippedRules: [],
        excused: 0,
        findings: [],
      });
    });

    it('keeps first sightings, adds new findings and removes gone ones', async () => {
      const { store } = await createStore();
      const t0 = new Date('2026-12-01T10:00:00Z');
      const t1 = new Date('2026-12-01T10:10:00Z');
      const orphan = finding('hygiene/orphan-topic', 'kafkatopic:default/a');
      const cycle = finding('coupling/sync-cycle', 'system:default/a', {
        severity: 'error',
        entityRefs: ['system:default/a', 'system:default/b'],
        details: { cycle: ['system:default/a', 'system:default/b'] },
      });
      await store.replace({
        computedAt: t0,
        findings: [orphan, cycle],
        skippedRules: [{ rule: 'drift/kafka-topic', reason: 'no live data' }],
        excused: 2,
      });
      const first = await store.read();
      expect(first.computedAt).toBe(t0.toISOString());
      expect(first.excused).toBe(2);
      expect(first.skippedRules).toEqual([
        { rule: 'drift/kafka-topic', reason: 'no live data' },
      ]);
      // Errors first.
      expect(first.findings).toEqual([
        { ...cycle, firstSeen: t0.toISOString(), lastSeen: t0.toISOString() },
        { ...orphan, firstSeen: t0.toISOString(), lastSeen: t0.toISOString() },
      ]);

      // The cycle again (refs in another order, new message), the orphan gone, a new one.
      const cycleAgain = {
        ...cycle,
        entityRefs: ['system:default/b', 'system:default/a'],
        message: 'reworded',
      };
      const writerless = finding(
        'hygiene/writerless-topic',
        'kafkatopic:default/b',
      );
      await store.replace({
        computedAt: t1,
        findings: [writerless, cycleAgain],
        skippedRules: [],
        excused: 0,
      });
      const second = await store.read();
      expect(second.computedAt).toBe(t1.toISOString());
      expect(second.skippedRules).toEqual([]);
      expect(second.findings).toEqual([
        {
          ...cycleAgain,
          firstSeen: t0.toISOString(),
          lastSeen: t1.toISOString(),
        },
        {
          ...writerless,
          firstSeen: t1.toISOString(),
          lastSeen: t1.toISOString(),
        },
      ]);

      // A finding that comes back after it was gone is new again.
      await store.replace({
        computedAt: new Date('2026-12-01T10:20:00Z'),
        findings: [orphan],
        skippedRules: [],
        excused: 0,
      });
      expect((await store.read()).findings).toEqual([
        {
          ...orphan,
          firstSeen: '2026-12-01T10:20:00.000Z',
          lastSeen: '2026-12-01T10:20:00.000Z',
        },
      ]);
    });

    it('stores many findings and an empty run', async () => {
      const { store } = await createStore();
      const many = Array.from({ length: 420 }, (_, i) =>
        finding('hygiene/orphan-topic', `kafkatopic:default/t${i}`),
      );
      await store.replace({
        computedAt: new Date(),
        findings: many,
        skippedRules: [],
        excused: 0,
      });
      expect((await store.read()).findings).toHaveLength(420);
      await store.replace({
        computedAt: new Date(),
        findings: [],
        skippedRules: [],
        excused: 0,
      });
      expect((await store.read()).findings).toEqual([]);
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore();
      // Later migrations may exist: undo this one by name.
      await knex.migrate.down({
        ...migrations,
        name: '20261205150000_check_findings.js',
      });
      expect(await knex.schema.hasTable('interchange_check_findings')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('interchange_check_runs')).toBe(false);
    });
  },
);
