/*
 * RabbitMQ's own rules for names, so a catalog file is refused with a clear
 * message before the broker refuses the declaration (AMQP 0-9-1: short
 * strings of at most 255 bytes; the `amq.` prefix is reserved and declaring
 * it gives ACCESS_REFUSED).
 */

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function commonNameProblem(name: string, what: string): string | undefined {
  if (name.length === 0) {
    return `must not be empty (an empty ${what} name means a server-named or default ${what})`;
  }
  const bytes = utf8Length(name);
  if (bytes > 255) {
    return `is ${bytes} bytes long; RabbitMQ allows at most 255 bytes`;
  }
  if (name.startsWith('amq.')) {
    return `starts with 'amq.', which RabbitMQ reserves for its own ${what}s (declaring it is refused with ACCESS_REFUSED)`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return 'contains control characters';
  }
  return undefined;
}

/**
 * Why RabbitMQ would refuse this queue name, or undefined.
 *
 * @public
 */
export function rabbitmqQueueNameProblem(name: string): string | undefined {
  return commonNameProblem(name, 'queue');
}

const EXCHANGE_NAME = /^[a-zA-Z0-9_.:-]*$/;

/**
 * Why RabbitMQ would refuse this exchange name, or undefined. Exchange names
 * are also limited to letters, digits, '-', '_', '.' and ':' (AMQP 0-9-1
 * `exchange-name`).
 *
 * @public
 */
export function rabbitmqExchangeNameProblem(name: string): string | undefined {
  const common = commonNameProblem(name, 'exchange');
  if (common) {
    return common;
  }
  if (!EXCHANGE_NAME.test(name)) {
    const bad = [...new Set(name.replace(/[a-zA-Z0-9_.:-]/g, ''))]
      .map(c => `'${c}'`)
      .join(', ');
    return `contains ${bad}; exchange names may only use letters, digits, '-', '_', '.' and ':'`;
  }
  return undefined;
}

/**
 * Exchanges every vhost has without anyone declaring them: bindings to these
 * are always valid.
 *
 * @public
 */
export const RABBITMQ_BUILTIN_EXCHANGES: readonly string[] = [
  '',
  'amq.default',
  'amq.direct',
  'amq.fanout',
  'amq.topic',
  'amq.headers',
  'amq.match',
  'amq.rabbitmq.trace',
];
