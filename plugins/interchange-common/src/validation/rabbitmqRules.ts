import { parseEntityRef } from '@backstage/catalog-model';
import {
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQQueueEntityV1alpha1,
} from '../entities/types';
import {
  RABBITMQ_BUILTIN_EXCHANGES,
  rabbitmqExchangeNameProblem,
  rabbitmqQueueNameProblem,
} from '../rabbitmq/names';
import {
  RABBITMQ_QUEUE_ARGUMENTS,
  rabbitmqQueueArgument,
  rabbitmqQueueArgumentProblem,
} from '../rabbitmq/queueArguments';
import { checkEntityRef } from './entityRefs';
import { EntityProblem } from './EntityProblem';
import {
  brokerNameProblems,
  componentRefsProblems,
  configuredIdProblems,
  schemaAndProducersProblems,
} from './specRules';
import { suggest } from './suggest';

/**
 * An exchange the validator knows to exist, e.g. from the catalog's
 * RabbitMQExchange entities or a definitions file.
 *
 * @public
 */
export interface KnownRabbitMQExchange {
  broker: string;
  vhost: string;
  /** The name on the broker. */
  name: string;
  /** The RabbitMQExchange entity's metadata.name, when it differs from `name`. */
  entityName?: string;
}

/** @public */
export interface RabbitMQValidationOptions {
  /** Configured broker ids (`interchange.rabbitmq.brokers[].id`). */
  knownRabbitMQBrokers?: string[];
  /**
   * Exchanges known on each broker and vhost. When given, bindings and
   * dead-letter exchanges naming an exchange outside it are problems.
   */
  knownRabbitMQExchanges?: KnownRabbitMQExchange[];
}

/**
 * The exchange name a binding or dead-letter field means: a
 * `rabbitmqexchange:` ref gives its entity name, anything else is the name on
 * the broker.
 *
 * @public
 */
export function rabbitmqExchangeRefName(value: string): string {
  if (/^rabbitmqexchange:/i.test(value)) {
    return parseEntityRef(value).name;
  }
  return value;
}

function brokerProblems(
  broker: unknown,
  options: RabbitMQValidationOptions,
): EntityProblem[] {
  return configuredIdProblems(
    broker,
    'spec.broker',
    options.knownRabbitMQBrokers,
    'RabbitMQ broker',
    'interchange.rabbitmq.brokers',
  );
}

function vhostProblems(vhost: unknown): EntityProblem[] {
  if (typeof vhost === 'string' && vhost.length > 255) {
    return [
      {
        path: 'spec.vhost',
        message: 'is longer than 255 characters',
        fix: "use the vhost's name as RabbitMQ shows it, e.g. '/'",
      },
    ];
  }
  return [];
}

/** Rules for a RabbitMQExchange beyond its JSON schema. */
export function rabbitmqExchangeProblems(
  entity: RabbitMQExchangeEntityV1alpha1,
  options: RabbitMQValidationOptions,
): EntityProblem[] {
  const spec = entity.spec;
  return [
    ...brokerProblems(spec.broker, options),
    ...vhostProblems(spec.vhost),
    ...brokerNameProblems(
      entity,
      'exchangeName',
      rabbitmqExchangeNameProblem,
      "use a name such as 'orders' or 'notifications.v1'",
    ),
    ...schemaAndProducersProblems(spec, 'order-service'),
  ];
}

function exchangeReferenceProblems(
  value: string,
  path: string,
  where: { broker: string; vhost: string },
  options: RabbitMQValidationOptions,
  what: string,
): EntityProblem[] {
  if (/^rabbitmqexchange:/i.test(value)) {
    const refProblems = checkEntityRef(value, path, {
      defaultKind: 'RabbitMQExchange',
      allowedKinds: ['RabbitMQExchange'],
      example: 'rabbitmqexchange:orders',
    });
    if (refProblems.length) {
      return refProblems;
    }
  } else if (/^[A-Za-z]+:/.test(value) && !/^amq\./.test(value)) {
    const kind = value.slice(0, value.indexOf(':'));
    // `kafkatopic:x` is a wrong kind; `a:b` is a valid exchange name.
    if (/^(component|kafkatopic|rabbitmqqueue|api|webhook)$/i.test(kind)) {
      return [
        {
          path,
          message: `'${value}' refers to a ${kind}, but ${what} must be an exchange`,
          fix: "write an exchange name or a RabbitMQExchange ref, e.g. 'rabbitmqexchange:orders'",
        },
      ];
    }
  }
  const name = rabbitmqExchangeRefName(value);
  if (RABBITMQ_BUILTIN_EXCHANGES.includes(name)) {
    return [];
  }
  const nameProblem = rabbitmqExchangeNameProblem(name);
  if (nameProblem) {
    return [
      {
        path,
        message: `exchange '${name}' ${nameProblem}`,
        fix: 'use the name of an exchange declared on the broker',
      },
    ];
  }
  const known = options.knownRabbitMQExchanges;
  if (!known) {
    return [];
  }
  const here = known.filter(
    e => e.broker === where.broker && e.vhost === where.vhost,
  );
  // A ref names the entity; a plain value the exchange on the broker.
  const isRef = /^rabbitmqexchange:/i.test(value);
  const nameOf = (e: KnownRabbitMQExchange) =>
    isRef ? e.entityName ?? e.name : e.name;
  if (here.some(e => nameOf(e) === name)) {
    return [];
  }
  const guess = suggest(name, here.map(nameOf));
  return [
    {
      path,
      message: `${what} '${name}' is not declared on broker '${where.broker}', vhost '${where.vhost}'`,
      fix: guess
        ? `did you mean '${guess}'? Otherwise declare the exchange (a RabbitMQExchange entity) on that broker and vhost`
        : 'declare the exchange (a RabbitMQExchange entity) on the same broker and vhost, or fix the name',
    },
  ];
}

/** Rules for a RabbitMQQueue beyond its JSON schema. */
export function rabbitmqQueueProblems(
  entity: RabbitMQQueueEntityV1alpha1,
  options: RabbitMQValidationOptions,
): EntityProblem[] {
  const spec = entity.spec;
  const problems: EntityProblem[] = [
    ...brokerProblems(spec.broker, options),
    ...vhostProblems(spec.vhost),
    ...brokerNameProblems(
      entity,
      'queueName',
      rabbitmqQueueNameProblem,
      "use a name such as 'orders.invoice-requests'",
    ),
  ];

  // Not text: the schema reports it; the rules below read it as the default.
  const queueType =
    typeof spec.queueType === 'string' ? spec.queueType : 'classic';
  if (
    (queueType === 'quorum' || queueType === 'stream') &&
    spec.durable === false
  ) {
    problems.push({
      path: 'spec.durable',
      message: `is false, but ${queueType} queues are always durable (RabbitMQ refuses to declare a non-durable ${queueType} queue)`,
      fix: `remove durable: false, or use queueType: classic for a transient queue`,
    });
  }

  const where = {
    broker: String(spec.broker),
    vhost: typeof spec.vhost === 'string' ? spec.vhost : '/',
  };
  (Array.isArray(spec.bindings) ? spec.bindings : []).forEach((b, i) => {
    if (b && typeof b.exchange === 'string' && b.exchange) {
      if (rabbitmqExchangeRefName(b.exchange) === '') {
        return;
      }
      problems.push(
        ...exchangeReferenceProblems(
          b.exchange,
          `spec.bindings[${i}].exchange`,
          where,
          options,
          'exchange',
        ),
      );
      if (b.exchange === 'amq.default') {
        problems.push({
          path: `spec.bindings[${i}].exchange`,
          message:
            'the default exchange cannot be bound to; every queue is reachable through it by its name already',
          fix: 'remove this binding, or bind to a declared exchange',
        });
      }
    }
  });
  if (typeof spec.deadLetterExchange === 'string') {
    problems.push(
      ...exchangeReferenceProblems(
        spec.deadLetterExchange,
        'spec.deadLetterExchange',
        where,
        options,
        'dead-letter exchange',
      ),
    );
  }

  if (
    spec.arguments &&
    typeof spec.arguments === 'object' &&
    !Array.isArray(spec.arguments)
  ) {
    const known = Object.keys(RABBITMQ_QUEUE_ARGUMENTS);
    for (const [arg, value] of Object.entries(spec.arguments)) {
      const path = `spec.arguments.${arg}`;
      const definition = rabbitmqQueueArgument(arg);
      if (!definition) {
        const guess = suggest(arg, known);
        problems.push({
          path,
          message: `'${arg}' is not a RabbitMQ queue argument`,
          fix: guess
            ? `did you mean '${guess}'?`
            : `use one of ${known.join(', ')}`,
        });
        continue;
      }
      if (definition.specField) {
        problems.push({
          path,
          message: `is set through spec.${definition.specField}`,
          fix: `move the value to spec.${definition.specField} and remove arguments.${arg}`,
        });
        continue;
      }
      const problem = rabbitmqQueueArgumentProblem(arg, value);
      if (problem) {
        problems.push({
          path,
          message: problem,
          fix: `set ${arg} to ${definition.description}, e.g. ${
            definition.values
              ? `'${definition.values[0]}'`
              : { integer: '60000', boolean: 'true', string: "'7D'" }[
                  definition.type
                ]
          }`,
        });
        continue;
      }
      if (definition.queueTypes && !definition.queueTypes.includes(queueType)) {
        problems.push({
          path,
          message: `does not apply to ${queueType} queues; RabbitMQ honours it for ${definition.queueTypes.join(
            ' and ',
          )} queues only`,
          fix: `remove it, or use queueType: ${definition.queueTypes[0]}`,
        });
      }
    }
  }

  problems.push(
    ...componentRefsProblems(
      spec.consumers,
      'spec.consumers',
      'shipping-service',
    ),
  );
  return problems;
}
