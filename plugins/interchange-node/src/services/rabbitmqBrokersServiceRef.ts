import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readRabbitMQBrokers } from '../config/readRabbitMQBrokers';
import { RabbitMQBrokers } from '../rabbitmq/RabbitMQBrokers';

/**
 * The RabbitMQ brokers of `interchange.rabbitmq.brokers`, one registry for
 * the whole backend process (backend plugin, catalog module, scaffolder
 * module). Root scoped and lazy, like the Kafka cluster registry.
 *
 * @public
 */
export const rabbitmqBrokersServiceRef = createServiceRef<RabbitMQBrokers>({
  id: 'interchange.rabbitmq-brokers',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      initialization: 'lazy',
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, lifecycle }) {
        const brokers = new RabbitMQBrokers(readRabbitMQBrokers(config));
        lifecycle.addShutdownHook(() => brokers.close());
        return brokers;
      },
    }),
});
