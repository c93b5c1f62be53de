import { undeclaredExchangeFindings } from '../rabbitmqExchanges';
import { CheckRule } from '../types';

/** `rabbitmq/binding-to-undeclared-exchange`: a binding RabbitMQ refuses. */
export const rabbitmqBindingToUndeclaredExchangeRule: CheckRule = {
  id: 'rabbitmq/binding-to-undeclared-exchange',
  defaultSeverity: 'error',
  description:
    'A queue bound to an exchange the catalog does not declare on the same broker and vhost.',
  explanation:
    'RabbitMQ refuses a binding to an exchange that does not exist (NOT_FOUND), so the queue receives nothing from it; a name typed slightly wrong, or an exchange declared on another vhost, looks right in review and fails at deploy time or, worse, after the exchange was deleted.',
  fix: 'Bind to an exchange declared (a RabbitMQExchange entity) on the queue’s broker and vhost, or declare the exchange.',
  run: graph => undeclaredExchangeFindings(graph, 'bindings'),
};
