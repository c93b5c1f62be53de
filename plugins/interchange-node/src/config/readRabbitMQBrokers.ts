import { Config } from '@backstage/config';
import {
  compileUntrustedPattern,
  RabbitMQQueuePolicy,
} from '@interchange/plugin-interchange-common';
import { readNamedConfigs } from './readNamedConfigs';
import { readTlsConfig } from './readTlsConfig';

/**
 * TLS of a management API: `true` for the system CAs, or PEM material.
 *
 * @public
 */
export type RabbitMQTlsConfig =
  | boolean
  | {
      ca?: string;
      cert?: string;
      key?: string;
      rejectUnauthorized?: boolean;
    };

/** @public */
export interface RabbitMQBrokerConfig {
  id: string;
  title: string;
  managementUrl: string;
  /**
   * `prometheusUrl`: the `rabbitmq_prometheus` plugin's endpoint of every
   * node. When set, queue counts and consumers come from their per-queue
   * metrics instead of the management API's queue totals (see
   * RabbitMQManagementClient.listQueues).
   */
  prometheusUrls?: string[];
  /** Never returned by an API nor logged. */
  credentials: { username: string; password: string };
  tls?: RabbitMQTlsConfig;
  requestTimeoutMs: number;
  /**
   * Items per page of the list endpoints; undefined: one request for the
   * whole list (the management plugin builds the full list for every page,
   * so pages cost more in total than one request).
   */
  pageSize?: number;
  dashboardUrl: string;
  queueStatus: { errorDepth: number };
  /** Rules for queues declared from the portal; empty when not configured. */
  policy: RabbitMQQueuePolicy;
}

function readPolicy(c: Config | undefined, key: string): RabbitMQQueuePolicy {
  if (!c) {
    return {};
  }
  const namePattern = c.getOptionalString('namePattern');
  if (namePattern !== undefined) {
    // Refused here, at start-up, when it could stall a match later.
    compileUntrustedPattern(namePattern, `${key}.namePattern`);
  }
  return {
    namePattern,
    nameDescription: c.getOptionalString('nameDescription'),
    requireQuorumInProduction: c.getOptionalBoolean(
      'requireQuorumInProduction',
    ),
    requireDeadLetterExchange: c.getOptionalBoolean(
      'requireDeadLetterExchange',
    ),
  };
}

function positive(
  c: Config,
  name: string,
  key: string,
  fallback: number,
  max = Infinity,
): number {
  const value = c.getOptionalNumber(name) ?? fallback;
  if (!(value > 0) || value > max || !Number.isInteger(value)) {
    throw new Error(
      `${key}.${name}: must be a whole number from 1${
        max === Infinity ? '' : ` to ${max}`
      }, e.g. ${fallback}`,
    );
  }
  return value;
}

/** An http(s) base URL without credentials and trailing slashes. */
function baseUrl(raw: string, key: string, example: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${key}: '${raw}' is not a URL; use ${example}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${key}: use http or https (got '${url.protocol}')`);
  }
  if (url.username || url.password) {
    throw new Error(
      `${key}: remove the user and password from the URL; the management API's go in credentials (from the environment)`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

const PROMETHEUS_EXAMPLE =
  "the rabbitmq_prometheus plugin's base URL of each node, e.g. 'http://rabbit-1.internal:15692'";

/** `prometheusUrl`: one URL, or one per node of a cluster. */
function readPrometheusUrls(c: Config, key: string): string[] | undefined {
  const value = c.getOptional('prometheusUrl');
  if (value === undefined) {
    return undefined;
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some(v => typeof v !== 'string')) {
    throw new Error(
      `${key}.prometheusUrl: give a URL or a list of URLs, ${PROMETHEUS_EXAMPLE}`,
    );
  }
  return list.map((v, i) =>
    baseUrl(
      v as string,
      `${key}.prometheusUrl${Array.isArray(value) ? `[${i}]` : ''}`,
      PROMETHEUS_EXAMPLE,
    ),
  );
}

/**
 * Reads `interchange.rabbitmq.brokers`, applying defaults and failing with
 * the offending key when something is wrong.
 *
 * @public
 */
export function readRabbitMQBrokers(config: Config): RabbitMQBrokerConfig[] {
  return readNamedConfigs(
    config,
    'interchange.rabbitmq.brokers',
    (c, { key, id, title }) => {
      const managementUrl = baseUrl(
        c.getString('managementUrl'),
        `${key}.managementUrl`,
        "the management API's base URL, e.g. 'http://127.0.0.1:15672'",
      );
      const prometheusUrls = readPrometheusUrls(c, key);
      const credentials = c.getOptionalConfig('credentials');
      if (!credentials) {
        throw new Error(
          `${key}.credentials: set { username, password } of a user with the monitoring tag, e.g. password: \${RABBITMQ_PASSWORD}`,
        );
      }
      const status = c.getOptionalConfig('queueStatus');
      return {
        id,
        title,
        managementUrl,
        prometheusUrls,
        credentials: {
          username: credentials.getString('username'),
          password: credentials.getString('password'),
        },
        tls: readTlsConfig(c, 'tls', key),
        requestTimeoutMs: positive(c, 'requestTimeoutMs', key, 10_000),
        pageSize: c.has('pageSize')
          ? positive(c, 'pageSize', key, 500, 500)
          : undefined,
        dashboardUrl: c.getOptionalString('dashboardUrl') ?? managementUrl,
        queueStatus: {
          errorDepth: status
            ? positive(status, 'errorDepth', `${key}.queueStatus`, 10_000)
            : 10_000,
        },
        policy: readPolicy(c.getOptionalConfig('policy'), `${key}.policy`),
      };
    },
  );
}
