import {
  CatalogModelKindRelationFieldDefinition,
  createCatalogModelLayer,
} from '@backstage/catalog-model/alpha';
import { JsonObject } from '@backstage/types';
import {
  GATEWAY_ROUTE_KIND,
  KAFKA_TOPIC_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
  WEBHOOK_KIND,
} from './constants';
import {
  interchangeRelationPair,
  RELATION_BOUND_TO,
  RELATION_MAY_CALL,
  RELATION_CONSUMED_BY,
  RELATION_DESCRIBED_BY,
  RELATION_EXPOSES,
  RELATION_PRODUCED_BY,
  RELATION_ROUTES_TO,
} from './relations';
import {
  gatewayRouteSpecSchema,
  kafkaTopicSpecSchema,
  rabbitmqExchangeSpecSchema,
  rabbitmqQueueSpecSchema,
  webhookSpecSchema,
} from './schemas';

const entitySchema = (spec: JsonObject): JsonObject => ({
  type: 'object',
  required: ['spec'],
  properties: { spec },
});

const owner = {
  selector: { path: 'spec.owner' },
  relation: 'ownedBy',
  defaultKind: 'Group',
  defaultNamespace: 'inherit' as const,
  allowedKinds: ['Group', 'User'],
};
const system = {
  selector: { path: 'spec.system' },
  relation: 'partOf',
  defaultKind: 'System',
  defaultNamespace: 'inherit' as const,
  allowedKinds: ['System'],
};
/** A spec field referencing components, e.g. a topic's producers. */
const componentRef = (path: string, relation: string) => ({
  selector: { path },
  relation,
  defaultKind: 'Component',
  defaultNamespace: 'inherit' as const,
});
const schema = {
  selector: { path: 'spec.schema' },
  relation: RELATION_DESCRIBED_BY,
  defaultKind: 'API',
  defaultNamespace: 'inherit' as const,
  allowedKinds: ['API'],
};

const integrationKinds = [
  KAFKA_TOPIC_KIND,
  WEBHOOK_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
];
const describedKinds = [KAFKA_TOPIC_KIND, WEBHOOK_KIND, RABBITMQ_EXCHANGE_KIND];

/**
 * Which kinds each Interchange relation pair joins, named by its type on the
 * declaring entity; the reverse type and the titles come from `relations.ts`.
 */
const RELATION_PAIRS: Array<{
  type: string;
  fromKind: string | string[];
  toKind: string | string[];
  description: string;
}> = [
  {
    type: RELATION_PRODUCED_BY,
    fromKind: integrationKinds,
    toKind: 'Component',
    description: 'A component that produces to a topic or sends a webhook.',
  },
  {
    type: RELATION_CONSUMED_BY,
    fromKind: integrationKinds,
    toKind: 'Component',
    description:
      'A component that consumes from a topic or receives a webhook.',
  },
  {
    type: RELATION_ROUTES_TO,
    fromKind: GATEWAY_ROUTE_KIND,
    toKind: ['Component', 'Resource'],
    description: 'The component a gateway route forwards requests to.',
  },
  {
    type: RELATION_EXPOSES,
    fromKind: GATEWAY_ROUTE_KIND,
    toKind: 'API',
    description: 'The API a gateway route exposes.',
  },
  {
    type: RELATION_DESCRIBED_BY,
    fromKind: describedKinds,
    toKind: 'API',
    description:
      'The API entity describing the payload of a topic, webhook or exchange.',
  },
  {
    type: RELATION_BOUND_TO,
    fromKind: RABBITMQ_QUEUE_KIND,
    toKind: RABBITMQ_EXCHANGE_KIND,
    description: 'An exchange a RabbitMQ queue is bound to.',
  },
  {
    type: RELATION_MAY_CALL,
    fromKind: 'Component',
    toKind: 'Component',
    description:
      'A component the service mesh authorization policy lets this one call.',
  },
];

/**
 * Each Interchange kind as the layer declares it: its description, the spec
 * fields that are relations, and its spec's schema. Its names are the kind
 * in lower case, plural with an s (`kafkatopic`, `kafkatopics`).
 */
const KINDS: Array<{
  kind: string;
  description: string;
  relationFields: CatalogModelKindRelationFieldDefinition[];
  spec: JsonObject;
}> = [
  {
    kind: KAFKA_TOPIC_KIND,
    description: 'A Kafka topic, with its owner, producers and consumers.',
    relationFields: [
      owner,
      system,
      schema,
      componentRef('spec.producers', RELATION_PRODUCED_BY),
    ],
    spec: kafkaTopicSpecSchema,
  },
  {
    kind: GATEWAY_ROUTE_KIND,
    description: 'A route on an API gateway and the component it forwards to.',
    relationFields: [
      owner,
      system,
      componentRef('spec.upstream', RELATION_ROUTES_TO),
      {
        selector: { path: 'spec.api' },
        relation: RELATION_EXPOSES,
        defaultKind: 'API',
        defaultNamespace: 'inherit',
        allowedKinds: ['API'],
      },
    ],
    spec: gatewayRouteSpecSchema,
  },
  {
    kind: WEBHOOK_KIND,
    description:
      'A webhook: who sends which events to which receiver, and how it is signed.',
    relationFields: [
      owner,
      system,
      schema,
      componentRef('spec.sender', RELATION_PRODUCED_BY),
      componentRef('spec.receiver', RELATION_CONSUMED_BY),
    ],
    spec: webhookSpecSchema,
  },
  {
    kind: RABBITMQ_EXCHANGE_KIND,
    description: 'A RabbitMQ exchange, with its owner and producers.',
    relationFields: [
      owner,
      system,
      schema,
      componentRef('spec.producers', RELATION_PRODUCED_BY),
    ],
    spec: rabbitmqExchangeSpecSchema,
  },
  {
    kind: RABBITMQ_QUEUE_KIND,
    description:
      'A RabbitMQ queue, with its owner, bindings and consumers (bindings become boundTo relations through the catalog module).',
    relationFields: [
      owner,
      system,
      componentRef('spec.consumers', RELATION_CONSUMED_BY),
    ],
    spec: rabbitmqQueueSpecSchema,
  },
];

/**
 * The Interchange kinds and relation pairs as a catalog model layer, for
 * portals that use Backstage's declarative catalog model. The catalog module's
 * processor does the same validation with friendlier messages and also handles
 * object-valued consumers and the Component side, so install both or just the
 * module.
 *
 * @alpha
 */
export const interchangeCatalogModelLayer = createCatalogModelLayer({
  layerId: 'interchange.dev/kinds',
  builder: model => {
    for (const { kind, description, relationFields, spec } of KINDS) {
      const singular = kind.toLocaleLowerCase('en-US');
      model.addKind({
        group: 'interchange.dev',
        names: { kind, singular, plural: `${singular}s` },
        description,
        versions: [
          {
            name: 'v1alpha1',
            relationFields,
            schema: { jsonSchema: entitySchema(spec) },
          },
        ],
      });
    }
    for (const { type, fromKind, toKind, description } of RELATION_PAIRS) {
      model.addRelationPair({
        fromKind,
        toKind,
        description,
        ...interchangeRelationPair(type),
      });
    }
  },
});
