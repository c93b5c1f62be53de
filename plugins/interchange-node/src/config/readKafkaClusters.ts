import { Config } from '@backstage/config';
import { KafkaTopicPolicy } from '@interchange/plugin-interchange-common';
import { readNamedConfigs } from './readNamedConfigs';
import { readTlsConfig } from './readTlsConfig';
import { readTopicPolicy } from './readTopicPolicy';

/**
 * SASL authentication of a cluster, by mechanism (the same union as
 * `config.d.ts`).
 *
 * @public
 */
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

/**
 * TLS of a cluster: `true` for the system CAs, or PEM material (a client
 * certificate always comes with its key).
 *
 * @public
 */
export type KafkaTlsConfig =
  | boolean
  | {
      ca?: string;
      cert?: string;
      key?: string;
      rejectUnauthorized?: boolean;
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
  ssl?: KafkaTlsConfig;
  sasl?: KafkaSaslConfig;
  /** Rules for topics created from the portal; empty when not configured. */
  policy: KafkaTopicPolicy;
}

const PASSWORD_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'];

// Backstage validates config against config.d.ts in `backstage-cli
// config:check`, not when the backend starts; these readers follow the same
// unions and fail on the first wrong key, naming it.

function readSasl(c: Config, key: string): KafkaSaslConfig | undefined {
  const sasl = c.getOptionalConfig('sasl');
  if (!sasl) {
    return undefined;
  }
  const mechanism = sasl.getString('mechanism');
  if (mechanism === 'oauthbearer') {
    const o = sasl.getOptionalConfig('oauthbearer');
    if (!o) {
      throw new Error(
        `${key}.sasl.oauthbearer: mechanism oauthbearer needs { tokenUrl, clientId, clientSecret } of the client-credentials token endpoint`,
      );
    }
    return {
      mechanism,
      oauthbearer: {
        tokenUrl: o.getString('tokenUrl'),
        clientId: o.getString('clientId'),
        clientSecret: o.getString('clientSecret'),
        scope: o.getOptionalString('scope'),
      },
    };
  }
  if (PASSWORD_MECHANISMS.includes(mechanism)) {
    return {
      mechanism: mechanism as 'plain' | 'scram-sha-256' | 'scram-sha-512',
      username: sasl.getString('username'),
      password: sasl.getString('password'),
    };
  }
  throw new Error(
    `${key}.sasl.mechanism: '${mechanism}' is not supported; use plain, scram-sha-256, scram-sha-512 or oauthbearer`,
  );
}

/**
 * Reads `interchange.kafka.clusters`, applying defaults and failing with the
 * offending key when something is wrong, so a typo stops the backend at
 * start-up instead of surfacing later as an unreachable cluster.
 *
 * @public
 */
export function readKafkaClusters(config: Config): KafkaClusterConfig[] {
  return readNamedConfigs(
    config,
    'interchange.kafka.clusters',
    (c, { key, id, title }) => {
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
      const requestTimeoutMs =
        c.getOptionalNumber('requestTimeoutMs') ?? 10_000;
      if (!(requestTimeoutMs > 0)) {
        throw new Error(
          `${key}.requestTimeoutMs: must be a positive number of milliseconds, e.g. 10000`,
        );
      }
      return {
        id,
        title,
        brokers,
        clientId: c.getOptionalString('clientId') ?? 'backstage-interchange',
        adapter,
        requestTimeoutMs,
        dashboardUrl: c.getOptionalString('dashboardUrl'),
        ssl: readTlsConfig(c, 'ssl', key),
        sasl: readSasl(c, key),
        policy: readTopicPolicy(c.getOptionalConfig('policy'), `${key}.policy`),
      };
    },
  );
}
