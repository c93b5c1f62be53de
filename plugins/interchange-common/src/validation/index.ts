export { validateInterchangeEntity } from './validateInterchangeEntity';
export type { InterchangeValidationOptions } from './validateInterchangeEntity';
export { formatEntityProblems } from './EntityProblem';
export type { EntityProblem } from './EntityProblem';
export { kafkaTopicNameProblem } from './kafkaTopicRules';
export { HTTP_METHODS } from './gatewayRouteRules';
export { KAFKA_TOPIC_CONFIGS } from './kafkaTopicConfigs';
export { rabbitmqExchangeRefName } from './rabbitmqRules';
export type {
  KnownRabbitMQExchange,
  RabbitMQValidationOptions,
} from './rabbitmqRules';
