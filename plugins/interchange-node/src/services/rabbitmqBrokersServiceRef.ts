import { createRegistryServiceRef } from './createRegistryServiceRef';
import { readRabbitMQBrokers } from '../config/readRabbitMQBrokers';
import { RabbitMQBrokers } from '../rabbitmq/RabbitMQBrokers';

/**
 * The RabbitMQ brokers of `interchange.rabbitmq.brokers`, one registry for
 * the whole backend process (backend plugin, catalog module, scaffolder
 * module). Root scoped and lazy, like the Kafka cluster registry.
 *
 * @public
 */
export const rabbitmqBrokersServiceRef = createRegistryServiceRef(
  'interchange.rabbitmq-brokers',
  (config, logger) =>
    new RabbitMQBrokers(readRabbitMQBrokers(config), {
      logger: logger.child({ plugin: 'interchange', source: 'rabbitmq' }),
    }),
);
