import path from 'node:path';

/**
 * The real vhost export the RabbitMQ definitions tests read (in -common's
 * fixtures, see their SOURCES.md), and the entities it gives, as sorted
 * `kind:name`.
 */
export const billingDefinitions = {
  file: path.resolve(
    __dirname,
    '../../../interchange-common/src/rabbitmq/__fixtures__/management-api-vhost-billing.json',
  ),
  entities: [
    'RabbitMQExchange:billing.internal.audit',
    'RabbitMQExchange:billing.invoices',
    'RabbitMQExchange:billing.invoices.dlx',
    'RabbitMQQueue:billing.audit.log',
    'RabbitMQQueue:billing.invoices.email',
    'RabbitMQQueue:billing.invoices.parking',
    'RabbitMQQueue:billing.invoices.pdf',
  ],
};
