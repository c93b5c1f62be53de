import { undeclaredExchangeFindings } from '../rabbitmqExchanges';
import { CheckRule } from '../types';

/** `rabbitmq/missing-dead-letter-exchange`: dead letters dropped silently. */
export const rabbitmqMissingDeadLetterExchangeRule: CheckRule = {
  id: 'rabbitmq/missing-dead-letter-exchange',
  defaultSeverity: 'error',
  description:
    'A queue whose dead-letter exchange the catalog does not declare on the same broker and vhost.',
  explanation:
    'RabbitMQ accepts a queue whose x-dead-letter-exchange does not exist, and then drops every rejected, expired or over-limit message without a word: the safety net the queue was declared with is not there.',
  fix: 'Point spec.deadLetterExchange at an exchange declared (a RabbitMQExchange entity) on the queue’s broker and vhost, or declare it.',
  run: graph => undeclaredExchangeFindings(graph, 'deadLetterExchange'),
};
