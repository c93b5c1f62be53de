export { RabbitMQQueueCard } from './RabbitMQQueueCard';
