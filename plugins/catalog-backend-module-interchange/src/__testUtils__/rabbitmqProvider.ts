import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RabbitMQBrokers } from '@interchange/plugin-interchange-node';
import { RabbitMQEntityProvider } from '../rabbitmq/RabbitMQEntityProvider';
import { recordingConnection } from './recordingConnection';

/**
 * A RabbitMQEntityProvider of broker `local` for the vhosts matching
 * `vhosts`, with a recording connection (not yet connected) and a mock
 * logger: the provider as the tests against a real broker use it.
 */
export function testRabbitMQProvider(options: {
  brokers: RabbitMQBrokers;
  vhosts: RegExp;
  /** Exchanges and queues left out by name. */
  exclude?: RegExp;
  /** What the catalog holds. Default none. */
  catalogEntities?: Entity[];
}) {
  const { connection, mutations } = recordingConnection();
  const logger = mockServices.logger.mock();
  const provider = new RabbitMQEntityProvider({
    config: {
      id: 'local',
      broker: 'local',
      defaultOwner: 'group:team-platform',
      namespace: 'default',
      vhosts: options.vhosts,
      exclude: options.exclude,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
    },
    brokers: options.brokers,
    catalog: catalogServiceMock({ entities: options.catalogEntities ?? [] }),
    auth: mockServices.auth(),
    logger,
  });
  return { provider, connection, mutations, logger };
}
