import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATION_DISCOVERED } from '@interchange/plugin-interchange-common';
import { discoveredName, LiveSourceSync } from './LiveSourceSync';
import { recordingConnection } from '../__testUtils__/recordingConnection';

const entity = (name: string, discovered = false): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: {
    name,
    annotations: discovered ? { [ANNOTATION_DISCOVERED]: 'true' } : {},
  },
  spec: { cluster: 'c' },
});

function setUp(readSource: () => Promise<string[]>) {
  const { connection, mutations } = recordingConnection();
  const logger = mockServices.logger.mock();
  const sync = new LiveSourceSync<string[]>({
    providerName: 'p',
    locationKey: 'k',
    what: 'discovered things of source s',
    catalog: catalogServiceMock({
      entities: [entity('declared'), entity('found-before', true)],
    }),
    auth: mockServices.auth(),
    logger,
    declaredFilter: { kind: 'KafkaTopic' },
    readSource,
    toEntities: (names, declared) => {
      const taken = new Set(declared.map(e => e.metadata.name));
      const entities = names.map(n => entity(discoveredName(n, taken.has(n))));
      return { entities, summary: `${declared.length} declared` };
    },
    describeError: e => `cause: ${(e as Error).message}`,
  });
  return { sync, connection, mutations, logger };
}

describe('LiveSourceSync', () => {
  it('applies a full mutation from a complete read, declared entities only', async () => {
    const { sync, connection, mutations, logger } = setUp(async () => [
      'declared',
      'new',
    ]);
    expect(await sync.refresh()).toEqual({
      applied: false,
      entities: 0,
      reason: 'not connected',
    });
    await sync.connect(connection);
    expect(await sync.refresh()).toEqual({ applied: true, entities: 2 });
    expect(mutations).toHaveLength(1);
    expect(
      mutations[0].map(m => [m.entity.metadata.name, m.locationKey]),
    ).toEqual([
      ['declared-discovered', 'k'],
      ['new', 'k'],
    ]);
    // Its own discovered entities are not "declared".
    expect(logger.info).toHaveBeenCalledWith('1 declared');
  });

  it('applies nothing and says why when the source cannot be read', async () => {
    const { sync, connection, mutations, logger } = setUp(async () => {
      throw new Error('broker down');
    });
    await sync.connect(connection);
    expect(await sync.refresh()).toEqual({
      applied: false,
      entities: 0,
      reason: 'cause: broker down',
    });
    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Not updating discovered things of source s: cause: broker down. Existing entities are kept; the next run retries.',
    );
  });

  it('keeps discovered names within 63 characters', () => {
    expect(discoveredName('a'.repeat(63), true)).toHaveLength(63);
    expect(discoveredName('free', false)).toBe('free');
  });
});
