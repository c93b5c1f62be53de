export {
  RabbitMQManagementClient,
  RabbitMQManagementError,
  describeRabbitMQError,
  RABBITMQ_QUEUE_COLUMNS,
} from './RabbitMQManagementClient';
export { RabbitMQBrokers, type RabbitMQBrokerSummary } from './RabbitMQBrokers';
