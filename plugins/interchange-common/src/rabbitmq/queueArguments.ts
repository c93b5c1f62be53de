/**
 * The `x-` queue arguments RabbitMQ knows, with the type it requires and the
 * queue types that honour it. Sources: the RabbitMQ documentation pages on
 * TTL, length limits, dead lettering, quorum queues, streams, priority and
 * single active consumer.
 *
 * @public
 */
export interface RabbitMQQueueArgument {
  type: 'integer' | 'string' | 'boolean';
  /** Smallest allowed integer value. */
  min?: number;
  /** Largest allowed integer value. */
  max?: number;
  /** Allowed string values. */
  values?: readonly string[];
  /** Queue types that accept the argument; all when omitted. */
  queueTypes?: ReadonlyArray<'classic' | 'quorum' | 'stream'>;
  description: string;
  /** A dedicated spec field to use instead of the raw argument. */
  specField?: string;
}

/** @public */
export const RABBITMQ_QUEUE_ARGUMENTS: Readonly<
  Record<string, RabbitMQQueueArgument>
> = {
  'x-message-ttl': {
    type: 'integer',
    min: 0,
    queueTypes: ['classic', 'quorum'],
    description: 'how long a message may stay in the queue, in milliseconds',
  },
  'x-expires': {
    type: 'integer',
    min: 1,
    queueTypes: ['classic', 'quorum'],
    description: 'delete the queue after this many milliseconds unused',
  },
  'x-max-length': {
    type: 'integer',
    min: 0,
    queueTypes: ['classic', 'quorum'],
    description: 'the most messages the queue holds',
  },
  'x-max-length-bytes': {
    type: 'integer',
    min: 0,
    description: 'the most message bytes the queue holds',
  },
  'x-overflow': {
    type: 'string',
    values: ['drop-head', 'reject-publish', 'reject-publish-dlx'],
    queueTypes: ['classic', 'quorum'],
    description: 'what happens when the queue is full',
  },
  'x-queue-mode': {
    type: 'string',
    values: ['default', 'lazy'],
    queueTypes: ['classic'],
    description: 'classic queue storage mode',
  },
  'x-queue-version': {
    type: 'integer',
    min: 1,
    max: 2,
    queueTypes: ['classic'],
    description: 'classic queue storage version',
  },
  'x-delivery-limit': {
    type: 'integer',
    min: 0,
    queueTypes: ['quorum'],
    description: 'redeliveries before a message is dead-lettered or dropped',
  },
  'x-dead-letter-exchange': {
    type: 'string',
    queueTypes: ['classic', 'quorum'],
    description: 'where rejected and expired messages go',
    specField: 'deadLetterExchange',
  },
  'x-dead-letter-routing-key': {
    type: 'string',
    queueTypes: ['classic', 'quorum'],
    description: 'routing key for dead-lettered messages',
  },
  'x-dead-letter-strategy': {
    type: 'string',
    values: ['at-most-once', 'at-least-once'],
    queueTypes: ['quorum'],
    description: 'dead-lettering guarantee of a quorum queue',
  },
  'x-max-priority': {
    type: 'integer',
    min: 1,
    max: 255,
    queueTypes: ['classic'],
    description: 'highest message priority the queue supports',
  },
  'x-single-active-consumer': {
    type: 'boolean',
    description: 'deliver to one consumer at a time',
  },
  'x-queue-type': {
    type: 'string',
    values: ['classic', 'quorum', 'stream'],
    description: 'the queue type',
    specField: 'queueType',
  },
  'x-queue-leader-locator': {
    type: 'string',
    values: ['client-local', 'balanced'],
    description: 'where the queue leader is placed',
  },
  'x-queue-master-locator': {
    type: 'string',
    values: ['client-local', 'balanced', 'min-masters', 'random'],
    queueTypes: ['classic'],
    description: 'where a classic queue is placed (older name)',
  },
  'x-quorum-initial-group-size': {
    type: 'integer',
    min: 1,
    queueTypes: ['quorum'],
    description: 'replicas a quorum queue starts with',
  },
  'x-quorum-target-group-size': {
    type: 'integer',
    min: 1,
    queueTypes: ['quorum'],
    description: 'replicas a quorum queue should keep',
  },
  'x-initial-cluster-size': {
    type: 'integer',
    min: 1,
    queueTypes: ['stream'],
    description: 'replicas a stream starts with',
  },
  'x-max-age': {
    type: 'string',
    queueTypes: ['stream'],
    description: "how long a stream keeps data, e.g. '7D'",
  },
  'x-stream-max-segment-size-bytes': {
    type: 'integer',
    min: 1,
    queueTypes: ['stream'],
    description: 'size of a stream segment file',
  },
  'x-stream-filter-size-bytes': {
    type: 'integer',
    min: 16,
    max: 255,
    queueTypes: ['stream'],
    description: 'size of the stream Bloom filter',
  },
  'x-consumer-timeout': {
    type: 'integer',
    min: 1,
    description: 'milliseconds a consumer may hold an unacknowledged message',
  },
};

const MAX_AGE = /^[0-9]+(Y|M|D|h|m|s)$/;

/**
 * The known queue argument of that name, or undefined. Names come from
 * entities and exported definitions files, so only the table's own keys
 * count: `constructor` or `__proto__` is an unknown argument, not one of
 * Object's properties.
 *
 * @public
 */
export function rabbitmqQueueArgument(
  name: string,
): RabbitMQQueueArgument | undefined {
  return Object.hasOwn(RABBITMQ_QUEUE_ARGUMENTS, name)
    ? RABBITMQ_QUEUE_ARGUMENTS[name]
    : undefined;
}

/**
 * What is wrong with one argument's value, or undefined.
 *
 * @public
 */
export function rabbitmqQueueArgumentProblem(
  name: string,
  value: unknown,
): string | undefined {
  const known = rabbitmqQueueArgument(name);
  if (!known) {
    return undefined;
  }
  if (known.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return `must be an integer (got ${JSON.stringify(
        value,
      )}); RabbitMQ refuses other types with PRECONDITION_FAILED`;
    }
    if (known.min !== undefined && value < known.min) {
      return `must be at least ${known.min} (got ${value})`;
    }
    if (known.max !== undefined && value > known.max) {
      return `must be at most ${known.max} (got ${value})`;
    }
    return undefined;
  }
  if (known.type === 'boolean') {
    return typeof value === 'boolean'
      ? undefined
      : `must be true or false (got ${JSON.stringify(value)})`;
  }
  if (typeof value !== 'string') {
    return `must be a string (got ${JSON.stringify(value)})`;
  }
  if (known.values && !known.values.includes(value)) {
    return `must be one of ${known.values
      .map(v => `'${v}'`)
      .join(', ')} (got '${value}')`;
  }
  if (name === 'x-max-age' && !MAX_AGE.test(value)) {
    return `must be a number and a unit Y, M, D, h, m or s, e.g. '7D' (got '${value}')`;
  }
  return undefined;
}
