import {
  buildIntegrationGraph,
  readStrategyConfig,
} from '@interchange/plugin-interchange-common';
import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseChecksStore } from '../database/DatabaseChecksStore';
import { DatabaseStrategySnapshotStore } from '../database/DatabaseStrategySnapshotStore';
import { StrategyGenerator } from './StrategyGenerator';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const entity = (kind: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion:
    kind === 'KafkaTopic'
      ? 'interchange.dev/v1alpha1'
      : 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

describe.each(databases.eachSupportedId())(
  'StrategyGenerator on %s',
  databaseId => {
    it('compares with an earlier day and keeps one snapshot per day', async () => {
      const knex = await initMigrated(databases, databaseId);
      const entities: any[] = [
        entity('Group', 'team-a', { type: 'team', children: [] }),
        entity('System', 'shop', { owner: 'team-a' }),
      ];
      // The catalog changes between the calls.
      const graphs = { get: async () => buildIntegrationGraph(entities) };
      const snapshots = new DatabaseStrategySnapshotStore(knex);
      let now = new Date('2026-06-01T09:00:00Z');
      const generator = new StrategyGenerator({
        settings: readStrategyConfig({}),
        graphs,
        checks: new DatabaseChecksStore(knex),
        snapshots,
        now: () => now,
      });

      expect(await generator.generate()).toContain(
        'this document is the baseline',
      );
      expect((await snapshots.forDay('2026-06-01'))?.counts.systems).toBe(1);

      // The same day: still the baseline, today's numbers updated.
      entities.push(entity('System', 'billing', { owner: 'team-a' }));
      now = new Date('2026-06-01T15:00:00Z');
      expect(await generator.generate()).toContain(
        'this document is the baseline',
      );
      expect((await snapshots.forDay('2026-06-01'))?.counts.systems).toBe(2);

      // The next day: what changed since the end of the day before.
      entities.push(entity('System', 'crm', { owner: 'team-a' }));
      now = new Date('2026-06-02T08:00:00Z');
      const md = await generator.generate();
      expect(md).toContain(
        'Since the last snapshot (2026-06-01T15:00:00.000Z):',
      );
      expect(md).toContain('| `systems` | 2 | 3 | +1 |');
      expect((await snapshots.forDay('2026-06-02'))?.counts.systems).toBe(3);
    });
  },
);
