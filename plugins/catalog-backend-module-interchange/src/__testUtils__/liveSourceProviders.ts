import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KafkaClusters,
  RabbitMQBrokers,
} from '@interchange/plugin-interchange-node';
import { KafkaTopicEntityProvider } from '../providers/KafkaTopicEntityProvider';
import { RabbitMQEntityProvider } from '../rabbitmq/RabbitMQEntityProvider';
import { recordingConnection } from './recordingConnection';

/** The provider entry every live-source provider under test has. */
const ENTRY = {
  id: 'local',
  defaultOwner: 'group:team-platform',
  namespace: 'default',
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
};

/**
 * What a live-source provider under test is built with (the catalog, mock
 * auth and logger) and what it applies to (a recording connection, not yet
 * connected).
 */
function providerContext(catalog: CatalogService) {
  const { connection, mutations } = recordingConnection();
  const logger = mockServices.logger.mock();
  return {
    connection,
    mutations,
    logger,
    services: { catalog, auth: mockServices.auth(), logger },
  };
}

/**
 * A KafkaTopicEntityProvider of cluster `local` for the test's own topics
 * (those named `<prefix>.*`), as the tests against a real broker use it.
 */
export function testKafkaTopicProvider(options: {
  clusters: KafkaClusters;
  prefix: string;
  /** What the catalog holds. Default none. */
  catalogEntities?: Entity[];
  /** Instead of a catalog holding `catalogEntities`. */
  catalog?: CatalogService;
}) {
  const { services, ...context } = providerContext(
    options.catalog ??
      catalogServiceMock({ entities: options.catalogEntities ?? [] }),
  );
  const provider = new KafkaTopicEntityProvider({
    config: {
      ...ENTRY,
      cluster: 'local',
      include: new RegExp(`^${options.prefix.replace(/[.-]/g, '\\$&')}\\.`),
      exclude: /^__/,
    },
    clusters: options.clusters,
    ...services,
  });
  return { provider, ...context };
}

/**
 * A RabbitMQEntityProvider of broker `local` for the vhosts matching
 * `vhosts`, as the tests against a real broker use it.
 */
export function testRabbitMQProvider(options: {
  brokers: RabbitMQBrokers;
  vhosts: RegExp;
  /** Exchanges and queues left out by name. */
  exclude?: RegExp;
  /** What the catalog holds. Default none. */
  catalogEntities?: Entity[];
}) {
  const { services, ...context } = providerContext(
    catalogServiceMock({ entities: options.catalogEntities ?? [] }),
  );
  const provider = new RabbitMQEntityProvider({
    config: {
      ...ENTRY,
      broker: 'local',
      vhosts: options.vhosts,
      exclude: options.exclude,
    },
    brokers: options.brokers,
    ...services,
  });
  return { provider, ...context };
}
