import { Config } from '@backstage/config';
import { KafkaTopicPolicy } from '@interchange/plugin-interchange-common';

/** @public */
export type KafkaSaslConfig =
  | {
      mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
      username: string;
      password: string;
    }
  | {
      mechanism: 'oauthbearer';
      oauthbearer: {
        tokenUrl: string;
        clientId: string;
        clientSecret: string;
        scope?: string;
      };
    };

/** @public */
export interface KafkaClusterConfig {
  id: string;
  title: string;
  brokers: string[];
  clientId: string;
  adapter: 'platformatic' | 'kafkajs';
  requestTimeoutMs: number;
  dashboardUrl?: string;
  ssl?:
    | boolean
    | {
        ca?: string;
        cert?: string;
        key?: string;
        rejectUnauthorized?: boolean;
      };
  sasl?: KafkaSaslConfig;
  /** Rules for topics created from the portal; empty when not configured. */
  policy: KafkaTopicPolicy;
}

/** @public */
export interface GatewayConfig {
  id: string;
  type: 'kong' | 'gateway-api' | 'istio' | 'aws-api-gateway';
  title: string;
  /** Kong only: Admin API base URL, read live by the gateway provider. */
  adminUrl?: string;
  /** Kong Admin API token (sent as `Kong-Admin-Token`). */
  token?: string;
  /** Kong Enterprise workspace. */
  workspace?: string;
  /** Globs of configuration files (relative to the backend's working directory). */
  files: string[];
  /** Owner of routes whose upstream matches no component. */
  defaultOwner?: string;
  /** System of routes whose upstream matches no component. */
  defaultSystem?: string;
  /** Per Admin API request, in milliseconds. Default 10000. */
  requestTimeoutMs: number;
}

const ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

function checkId(id: string, key: string, seen: Set<string>) {
  if (!ID.test(id)) {
    throw new Error(
      `${key}: '${id}' is not a valid id; use letters, digits, '.', '_' and '-' (e.g. 'prod-eu')`,
    );
  }
  if (seen.has(id)) {
    throw new Error(`${key}: '${id}' is configured twice; ids must be unique`);
  }
  seen.add(id);
}

/**
 * Reads `interchange.kafka.clusters`, applying defaults and failing with the
 * offending key when something is wrong, so a typo stops the backend at
 * start-up instead of surfacing later as an unreachable cluster.
 *
 * @public
 */
export function readKafkaClusters(config: Config): KafkaClusterConfig[] {
  const seen = new Set<string>();
  return (
    config.getOptionalConfigArray('interchange.kafka.clusters') ?? []
  ).map((c, i) => {
    const key = `interchange.kafka.clusters[${i}]`;
    const id = c.getString('id');
    checkId(id, `${key}.id`, seen);
    const brokers = c.getStringArray('brokers');
    if (
      brokers.length === 0 ||
      brokers.some(b => !/^[^\s:/]+:\d{1,5}$/.test(b))
    ) {
      throw new Error(
        `${key}.brokers: list brokers as 'host:port', e.g. ['kafka-1.internal:9092']`,
      );
    }
    const adapter = c.getOptionalString('adapter') ?? 'platformatic';
    if (adapter !== 'platformatic' && adapter !== 'kafkajs') {
      throw new Error(
        `${key}.adapter: '${adapter}' is not supported; use 'platformatic' or 'kafkajs'`,
      );
    }
    let sasl: KafkaSaslConfig | undefined;
    const saslConfig = c.getOptionalConfig('sasl');
    if (saslConfig) {
      const mechanism = saslConfig.getString('mechanism');
      if (mechanism === 'oauthbearer') {
        const o = saslConfig.getConfig('oauthbearer');
        sasl = {
          mechanism,
          oauthbearer: {
            tokenUrl: o.getString('tokenUrl'),
            clientId: o.getString('clientId'),
            clientSecret: o.getString('clientSecret'),
            scope: o.getOptionalString('scope'),
          },
        };
      } else if (
        mechanism === 'plain' ||
        mechanism === 'scram-sha-256' ||
        mechanism === 'scram-sha-512'
      ) {
        sasl = {
          mechanism,
          username: saslConfig.getString('username'),
          password: saslConfig.getString('password'),
        };
      } else {
        throw new Error(
          `${key}.sasl.mechanism: '${mechanism}' is not supported; use plain, scram-sha-256, scram-sha-512 or oauthbearer`,
        );
      }
    }
    const sslValue = c.getOptional('ssl');
    let ssl: KafkaClusterConfig['ssl'];
    if (typeof sslValue === 'boolean') {
      ssl = sslValue;
    } else if (sslValue !== undefined) {
      const s = c.getConfig('ssl');
      ssl = {
        ca: s.getOptionalString('ca'),
        cert: s.getOptionalString('cert'),
        key: s.getOptionalString('key'),
        rejectUnauthorized: s.getOptionalBoolean('rejectUnauthorized'),
      };
    }
    const requestTimeoutMs = c.getOptionalNumber('requestTimeoutMs') ?? 10_000;
    if (!(requestTimeoutMs > 0)) {
      throw new Error(
        `${key}.requestTimeoutMs: must be a positive number of milliseconds, e.g. 10000`,
      );
    }
    return {
      id,
      title: c.getOptionalString('title') ?? id,
      brokers,
      clientId: c.getOptionalString('clientId') ?? 'backstage-interchange',
      adapter,
      requestTimeoutMs,
      dashboardUrl: c.getOptionalString('dashboardUrl'),
      ssl,
      sasl,
      policy: readTopicPolicy(c.getOptionalConfig('policy'), `${key}.policy`),
    };
  });
}

function readRange(
  config: Config | undefined,
  key: string,
): KafkaTopicPolicy['partitions'] {
  if (!config) {
    return undefined;
  }
  const range = {
    min: config.getOptionalNumber('min'),
    max: config.getOptionalNumber('max'),
    default: config.getOptionalNumber('default'),
  };
  for (const [name, value] of Object.entries(range)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new Error(
        `${key}.${name}: must be a whole number of at least 1 (got ${value})`,
      );
    }
  }
  if (
    range.min !== undefined &&
    range.max !== undefined &&
    range.min > range.max
  ) {
    throw new Error(
      `${key}: min ${range.min} is greater than max ${range.max}`,
    );
  }
  return range;
}

function readTopicPolicy(
  config: Config | undefined,
  key: string,
): KafkaTopicPolicy {
  if (!config) {
    return {};
  }
  const namePattern = config.getOptionalString('namePattern');
  if (namePattern !== undefined) {
    try {
      // eslint-disable-next-line no-new
      new RegExp(namePattern);
    } catch (e) {
      throw new Error(
        `${key}.namePattern: '${namePattern}' is not a valid regular expression (${
          (e as Error).message
        })`,
      );
    }
  }
  // Read raw: config names contain dots, which Config.get would treat as
  // nesting.
  const defaults = config.getOptional('defaultConfigs');
  if (
    defaults !== undefined &&
    (typeof defaults !== 'object' ||
      defaults === null ||
      Array.isArray(defaults))
  ) {
    throw new Error(
      `${key}.defaultConfigs: must be a map of topic config names to values, e.g. { retention.ms: '604800000' }`,
    );
  }
  return {
    namePattern,
    nameDescription: config.getOptionalString('nameDescription'),
    partitions: readRange(
      config.getOptionalConfig('partitions'),
      `${key}.partitions`,
    ),
    replicationFactor: readRange(
      config.getOptionalConfig('replicationFactor'),
      `${key}.replicationFactor`,
    ),
    requiredConfigs: config.getOptionalStringArray('requiredConfigs'),
    allowedConfigs: config.getOptionalStringArray('allowedConfigs'),
    defaultConfigs: defaults
      ? Object.fromEntries(
          Object.entries(defaults).map(([k, v]) => [k, String(v)]),
        )
      : undefined,
  };
}

const GATEWAY_TYPES = ['kong', 'gateway-api', 'istio', 'aws-api-gateway'];

/**
 * Reads `interchange.gateways`.
 *
 * @public
 */
export function readGateways(config: Config): GatewayConfig[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray('interchange.gateways') ?? []).map(
    (g, i) => {
      const key = `interchange.gateways[${i}]`;
      const id = g.getString('id');
      checkId(id, `${key}.id`, seen);
      const type = g.getString('type');
      if (!GATEWAY_TYPES.includes(type)) {
        throw new Error(
          `${key}.type: '${type}' is not supported; use one of ${GATEWAY_TYPES.join(
            ', ',
          )}`,
        );
      }
      const adminUrl = g.getOptionalString('adminUrl');
      if (adminUrl !== undefined) {
        if (type !== 'kong') {
          throw new Error(
            `${key}.adminUrl: only Kong gateways are read through an Admin API; remove adminUrl or set type: kong`,
          );
        }
        if (!/^https?:\/\/[^\s]+$/.test(adminUrl)) {
          throw new Error(
            `${key}.adminUrl: '${adminUrl}' is not an http(s) URL; write e.g. 'http://kong-admin.internal:8001'`,
          );
        }
      }
      return {
        id,
        type: type as GatewayConfig['type'],
        title: g.getOptionalString('title') ?? id,
        adminUrl: adminUrl?.replace(/\/+$/, ''),
        token: g.getOptionalString('token'),
        workspace: g.getOptionalString('workspace'),
        files: g.getOptionalStringArray('files') ?? [],
        defaultOwner: g.getOptionalString('defaultOwner'),
        defaultSystem: g.getOptionalString('defaultSystem'),
        requestTimeoutMs: g.getOptionalNumber('requestTimeoutMs') ?? 10_000,
      };
    },
  );
}
