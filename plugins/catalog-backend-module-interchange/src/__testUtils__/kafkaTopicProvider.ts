import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KafkaClusters } from '@interchange/plugin-interchange-node';
import { KafkaTopicEntityProvider } from '../providers/KafkaTopicEntityProvider';
import { recordingConnection } from './recordingConnection';

/**
 * A KafkaTopicEntityProvider of cluster `local` for the test's own topics
 * (those under `prefix.`), with a recording connection (not yet connected)
 * and a mock logger: the provider as the tests against a real broker use it.
 */
export function testKafkaTopicProvider(options: {
  clusters: KafkaClusters;
  /** Only topics named `<prefix>.*` become entities. */
  prefix: string;
  /** What the catalog holds. Default none. */
  catalogEntities?: Entity[];
  /** Instead of a catalog holding `catalogEntities`. */
  catalog?: CatalogService;
}) {
  const { connection, mutations } = recordingConnection();
  const logger = mockServices.logger.mock();
  const provider = new KafkaTopicEntityProvider({
    config: {
      id: 'local',
      cluster: 'local',
      defaultOwner: 'group:team-platform',
      namespace: 'default',
      include: new RegExp(`^${options.prefix.replace(/[.-]/g, '\\$&')}\\.`),
      exclude: /^__/,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
    },
    clusters: options.clusters,
    catalog:
      options.catalog ??
      catalogServiceMock({ entities: options.catalogEntities ?? [] }),
    auth: mockServices.auth(),
    logger,
  });
  return { provider, connection, mutations, logger };
}
