import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';

/** The errors of a (possibly nested) client error, outermost first. */
function errorChain(error: unknown): any[] {
  const chain: any[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e: any = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) {
      continue;
    }
    seen.add(e);
    chain.push(e);
    // kafkajs: KafkaJSAggregateError.errors; @platformatic/kafka:
    // MultipleErrors / ResponseError.errors; both also use `cause`.
    if (Array.isArray(e.errors)) {
      queue.push(...e.errors);
    }
    queue.push(e.cause);
  }
  return chain;
}

/**
 * The most specific message in a (possibly nested) client error.
 *
 * @public
 */
export function describeKafkaError(error: unknown): string {
  let e: any = error;
  const seen = new Set<unknown>();
  while (e && !seen.has(e)) {
    seen.add(e);
    const nested = e.errors?.[0] ?? e.cause;
    if (!nested || nested === e) {
      break;
    }
    e = nested;
  }
  // The libraries word the same broker error alike but for a final period
  // (@platformatic/kafka adds one); drop it so both read the same.
  const message = String(e?.message ?? e ?? 'unknown error').replace(
    /\.$/,
    '',
  );
  // kafkajs gives the broker's error name in `type` and its number in `code`;
  // @platformatic/kafka in `apiId` and `apiCode`.
  const name = e?.type ?? e?.apiId ?? e?.code;
  const code = name && !message.includes(String(name)) ? ` (${name})` : '';
  return `${message}${code}`;
}

type Refusal = 'conflict' | 'input' | 'notAllowed' | 'notFound';

/**
 * Kafka protocol error names (the same in both client libraries) that mean
 * the broker understood the request and said no. Anything else (network,
 * timeouts, authentication, a broker that is not ready) is the cluster being
 * unavailable.
 */
const REFUSALS: Record<string, Refusal> = {
  TOPIC_ALREADY_EXISTS: 'conflict',
  INVALID_TOPIC_EXCEPTION: 'input',
  INVALID_PARTITIONS: 'input',
  INVALID_REPLICATION_FACTOR: 'input',
  INVALID_REPLICA_ASSIGNMENT: 'input',
  INVALID_CONFIG: 'input',
  INVALID_REQUEST: 'input',
  INVALID_GROUP_ID: 'input',
  POLICY_VIOLATION: 'input',
  TOPIC_AUTHORIZATION_FAILED: 'notAllowed',
  GROUP_AUTHORIZATION_FAILED: 'notAllowed',
  CLUSTER_AUTHORIZATION_FAILED: 'notAllowed',
  UNKNOWN_TOPIC_OR_PARTITION: 'notFound',
  UNKNOWN_TOPIC_ID: 'notFound',
  GROUP_ID_NOT_FOUND: 'notFound',
};

/** The broker's error name of a client error, if it carries one. */
function brokerErrorName(e: any): string | undefined {
  const name = e?.type ?? e?.apiId;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The Backstage error for a broker's refusal (ConflictError, InputError,
 * NotAllowedError, NotFoundError), or undefined when the failure is not a
 * refusal and the cluster should count as unavailable.
 */
export function kafkaRefusalError(
  clusterId: string,
  operation: string,
  error: unknown,
): Error | undefined {
  for (const e of errorChain(error)) {
    const name = brokerErrorName(e);
    const refusal = name ? REFUSALS[name] : undefined;
    if (!refusal) {
      continue;
    }
    const detail = String(e.message ?? name);
    const message = `Kafka cluster ${clusterId} refused to ${operation}: ${detail}${
      detail.includes(name!) ? '' : ` (${name})`
    }`;
    switch (refusal) {
      case 'conflict':
        return new ConflictError(message, error);
      case 'input':
        return new InputError(message, error);
      case 'notAllowed':
        return new NotAllowedError(message, error);
      default:
        return new NotFoundError(message, error);
    }
  }
  return undefined;
}

const PASSED_THROUGH = new Set([
  'ConflictError',
  'InputError',
  'NotAllowedError',
  'NotFoundError',
]);

/** Errors the caller's own code raised on purpose, kept as they are. */
export function isBackstageRefusal(error: unknown): error is Error {
  return error instanceof Error && PASSED_THROUGH.has(error.name);
}
