import { JsonObject } from '@backstage/types';
import {
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from '../gateways/routePolicy';

/*
 * JSON schemas (draft-07) of the `spec` of each Interchange kind. They are
 * the structural half of validation (types, required fields, enums); the
 * rules that need more than one field live in ../validation. Unknown spec
 * fields are rejected on purpose: in v1alpha1 a typo like `replicationfactor`
 * is far more likely than a field we do not know about.
 */

const entityRef = {
  type: 'string',
  minLength: 1,
} as const;

const baseProperties = {
  owner: entityRef,
  system: entityRef,
  lifecycle: { type: 'string', minLength: 1 },
  type: { type: 'string', minLength: 1 },
} as const;

/** @public */
export const kafkaTopicSpecSchema: JsonObject = {
  type: 'object',
  required: ['owner', 'cluster'],
  additionalProperties: false,
  properties: {
    ...baseProperties,
    cluster: { type: 'string', minLength: 1 },
    topicName: { type: 'string' },
    partitions: { type: 'integer', minimum: 1 },
    replicationFactor: { type: 'integer', minimum: 1 },
    config: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
    schema: entityRef,
    producers: { type: 'array', items: entityRef },
    consumers: {
      type: 'array',
      items: {
        anyOf: [
          entityRef,
          {
            type: 'object',
            required: ['entityRef'],
            additionalProperties: false,
            properties: {
              entityRef,
              consumerGroup: { type: 'string', minLength: 1 },
            },
          },
        ],
      },
    },
  },
};

/** @public */
export const gatewayRouteSpecSchema: JsonObject = {
  type: 'object',
  required: ['owner', 'gateway', 'paths'],
  additionalProperties: false,
  properties: {
    ...baseProperties,
    gateway: { type: 'string', minLength: 1 },
    paths: { type: 'array', minItems: 1, items: { type: 'string' } },
    upstream: entityRef,
    upstreamUrl: { type: 'string', minLength: 1 },
    hosts: { type: 'array', items: { type: 'string', minLength: 1 } },
    methods: { type: 'array', items: { type: 'string' } },
    api: entityRef,
    exposure: { enum: ['public', 'partner', 'internal'] },
    authentication: { enum: [...ROUTE_AUTHENTICATIONS] },
    rateLimit: {
      type: 'object',
      required: ['requests', 'period'],
      additionalProperties: false,
      properties: {
        requests: { type: 'integer', minimum: 1 },
        period: { enum: [...RATE_LIMIT_PERIODS] },
      },
    },
  },
};

/** @public */
export const webhookSpecSchema: JsonObject = {
  type: 'object',
  required: ['owner', 'events', 'sender', 'signing'],
  additionalProperties: false,
  properties: {
    ...baseProperties,
    events: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    sender: entityRef,
    receiver: entityRef,
    url: { type: 'string', minLength: 1 },
    urlSecretRef: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
    signing: {
      type: 'object',
      required: ['scheme'],
      additionalProperties: false,
      properties: {
        scheme: {
          enum: [
            'standard-webhooks',
            'github',
            'hmac-sha256',
            'shared-token',
            'none',
          ],
        },
        secretRef: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
        header: { type: 'string', pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" },
      },
    },
    schema: entityRef,
    retry: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxAttempts: { type: 'integer', minimum: 1, maximum: 100 },
        backoff: { enum: ['fixed', 'linear', 'exponential'] },
      },
    },
  },
};

/** @public */
export const rabbitmqExchangeSpecSchema: JsonObject = {
  type: 'object',
  required: ['owner', 'broker', 'exchangeType'],
  additionalProperties: false,
  properties: {
    ...baseProperties,
    broker: { type: 'string', minLength: 1 },
    vhost: { type: 'string', minLength: 1 },
    exchangeName: { type: 'string' },
    exchangeType: { enum: ['direct', 'topic', 'fanout', 'headers'] },
    durable: { type: 'boolean' },
    schema: entityRef,
    producers: { type: 'array', items: entityRef },
  },
};

/** @public */
export const rabbitmqQueueSpecSchema: JsonObject = {
  type: 'object',
  required: ['owner', 'broker'],
  additionalProperties: false,
  properties: {
    ...baseProperties,
    broker: { type: 'string', minLength: 1 },
    vhost: { type: 'string', minLength: 1 },
    queueName: { type: 'string' },
    queueType: { enum: ['classic', 'quorum', 'stream'] },
    durable: { type: 'boolean' },
    bindings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['exchange'],
        additionalProperties: false,
        properties: {
          exchange: { type: 'string', minLength: 1 },
          routingKey: { type: 'string' },
        },
      },
    },
    deadLetterExchange: { type: 'string', minLength: 1 },
    arguments: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
    consumers: { type: 'array', items: entityRef },
  },
};
