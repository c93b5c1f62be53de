export {
  RabbitMQManagementClient,
  RabbitMQManagementError,
  describeRabbitMQError,
  RABBITMQ_QUEUE_COLUMNS,
  type RabbitMQQueueFields,
} from './RabbitMQManagementClient';
export { RabbitMQBrokers, type RabbitMQBrokerSummary } from './RabbitMQBrokers';
