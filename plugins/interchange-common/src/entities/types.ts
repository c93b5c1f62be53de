import { Entity } from '@backstage/catalog-model';
import { JsonPrimitive } from '@backstage/types';
import {
  GATEWAY_ROUTE_KIND,
  INTERCHANGE_API_VERSION,
  KAFKA_TOPIC_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
  WEBHOOK_KIND,
} from './constants';
import type {
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from '../gateways/routePolicy';

/**
 * Fields every Interchange kind has in `spec`.
 *
 * @public
 */
export type InterchangeSpecBase = {
  /** Entity ref of the owner; a bare name means a Group. */
  owner: string;
  system?: string;
  lifecycle?: string;
  type?: string;
};

/**
 * A consumer of a topic: an entity ref, or a ref with the consumer group it
 * runs (so lag can be shown per consumer).
 *
 * @public
 */
export type KafkaTopicConsumer =
  | string
  | { entityRef: string; consumerGroup?: string };

/** @public */
export interface KafkaTopicEntityV1alpha1 extends Entity {
  apiVersion: typeof INTERCHANGE_API_VERSION;
  kind: typeof KAFKA_TOPIC_KIND;
  spec: InterchangeSpecBase & {
    cluster: string;
    topicName?: string;
    partitions?: number;
    replicationFactor?: number;
    config?: Record<string, Exclude<JsonPrimitive, null>>;
    schema?: string;
    producers?: string[];
    consumers?: KafkaTopicConsumer[];
  };
}

/** @public */
export type GatewayRouteExposure = 'public' | 'partner' | 'internal';

/** @public */
export type GatewayRouteAuthentication = (typeof ROUTE_AUTHENTICATIONS)[number];

/** @public */
export type RateLimitPeriod = (typeof RATE_LIMIT_PERIODS)[number];

/** @public */
export type GatewayRouteRateLimit = {
  requests: number;
  period: RateLimitPeriod;
};

/** @public */
export interface GatewayRouteEntityV1alpha1 extends Entity {
  apiVersion: typeof INTERCHANGE_API_VERSION;
  kind: typeof GATEWAY_ROUTE_KIND;
  spec: InterchangeSpecBase & {
    gateway: string;
    paths: string[];
    upstream?: string;
    upstreamUrl?: string;
    hosts?: string[];
    methods?: string[];
    api?: string;
    exposure?: GatewayRouteExposure;
    authentication?: GatewayRouteAuthentication;
    rateLimit?: GatewayRouteRateLimit;
  };
}

/** @public */
export type WebhookSigningSchemeName =
  | 'standard-webhooks'
  | 'github'
  | 'hmac-sha256'
  | 'shared-token'
  | 'none';

/** @public */
export interface WebhookEntityV1alpha1 extends Entity {
  apiVersion: typeof INTERCHANGE_API_VERSION;
  kind: typeof WEBHOOK_KIND;
  spec: InterchangeSpecBase & {
    events: string[];
    sender: string;
    receiver?: string;
    /**
     * The endpoint. A URL whose own path or query is the credential (IFTTT,
     * Zapier, Slack) is written with `{secret}` in place of that part.
     */
    url?: string;
    /**
     * Name of the secret under `interchange.webhooks.secrets` that replaces
     * `{secret}` in `url` at send time.
     */
    urlSecretRef?: string;
    signing: {
      scheme: WebhookSigningSchemeName;
      /** Name of a secret under `interchange.webhooks.secrets` in app-config. */
      secretRef?: string;
      /** `shared-token` only: the header carrying the token (default `x-webhook-token`). */
      header?: string;
    };
    schema?: string;
    retry?: { maxAttempts?: number; backoff?: string };
  };
}

/** @public */
export type RabbitMQExchangeType = 'direct' | 'topic' | 'fanout' | 'headers';

/** @public */
export interface RabbitMQExchangeEntityV1alpha1 extends Entity {
  apiVersion: typeof INTERCHANGE_API_VERSION;
  kind: typeof RABBITMQ_EXCHANGE_KIND;
  spec: InterchangeSpecBase & {
    /** Id of a broker under `interchange.rabbitmq.brokers`. */
    broker: string;
    /** Default `/`. */
    vhost?: string;
    /** Default `metadata.name`. */
    exchangeName?: string;
    exchangeType: RabbitMQExchangeType;
    /** Default true. */
    durable?: boolean;
    schema?: string;
    producers?: string[];
  };
}

/** @public */
export type RabbitMQQueueType = 'classic' | 'quorum' | 'stream';

/**
 * A binding of a queue: `exchange` is an exchange name on the queue's broker
 * and vhost, or a RabbitMQExchange entity ref (`rabbitmqexchange:orders`).
 *
 * @public
 */
export type RabbitMQQueueBinding = {
  exchange: string;
  routingKey?: string;
};

/** @public */
export interface RabbitMQQueueEntityV1alpha1 extends Entity {
  apiVersion: typeof INTERCHANGE_API_VERSION;
  kind: typeof RABBITMQ_QUEUE_KIND;
  spec: InterchangeSpecBase & {
    broker: string;
    /** Default `/`. */
    vhost?: string;
    /** Default `metadata.name`. */
    queueName?: string;
    /** Default `classic`. */
    queueType?: RabbitMQQueueType;
    /** Default true. */
    durable?: boolean;
    bindings?: RabbitMQQueueBinding[];
    /** Exchange name or RabbitMQExchange ref. */
    deadLetterExchange?: string;
    /** RabbitMQ's `x-` queue arguments. */
    arguments?: Record<string, Exclude<JsonPrimitive, null>>;
    consumers?: string[];
  };
}

/** @public */
export type InterchangeEntity =
  | KafkaTopicEntityV1alpha1
  | GatewayRouteEntityV1alpha1
  | WebhookEntityV1alpha1
  | RabbitMQExchangeEntityV1alpha1
  | RabbitMQQueueEntityV1alpha1;

/**
 * The side a component declares in its own catalog file.
 *
 * @public
 */
export interface IntegrationComponentSpec {
  producesTo?: string[];
  consumesFrom?: string[];
}
