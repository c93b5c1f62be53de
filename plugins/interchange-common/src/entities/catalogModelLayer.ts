import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import { JsonObject } from '@backstage/types';
import {
  GATEWAY_ROUTE_KIND,
  KAFKA_TOPIC_KIND,
  WEBHOOK_KIND,
} from './constants';
import {
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES_FROM,
  RELATION_DESCRIBED_BY,
  RELATION_DESCRIBES,
  RELATION_EXPOSED_BY,
  RELATION_EXPOSES,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES_TO,
  RELATION_ROUTED_BY,
  RELATION_ROUTES_TO,
} from './relations';
import {
  gatewayRouteSpecSchema,
  kafkaTopicSpecSchema,
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
const schema = {
  selector: { path: 'spec.schema' },
  relation: RELATION_DESCRIBED_BY,
  defaultKind: 'API',
  defaultNamespace: 'inherit' as const,
  allowedKinds: ['API'],
};

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
    model.addKind({
      group: 'interchange.dev',
      names: {
        kind: KAFKA_TOPIC_KIND,
        singular: 'kafkatopic',
        plural: 'kafkatopics',
      },
      description: 'A Kafka topic, with its owner, producers and consumers.',
      versions: [
        {
          name: 'v1alpha1',
          relationFields: [
            owner,
            system,
            schema,
            {
              selector: { path: 'spec.producers' },
              relation: RELATION_PRODUCED_BY,
              defaultKind: 'Component',
              defaultNamespace: 'inherit',
            },
          ],
          schema: { jsonSchema: entitySchema(kafkaTopicSpecSchema) },
        },
      ],
    });
    model.addKind({
      group: 'interchange.dev',
      names: {
        kind: GATEWAY_ROUTE_KIND,
        singular: 'gatewayroute',
        plural: 'gatewayroutes',
      },
      description:
        'A route on an API gateway and the component it forwards to.',
      versions: [
        {
          name: 'v1alpha1',
          relationFields: [
            owner,
            system,
            {
              selector: { path: 'spec.upstream' },
              relation: RELATION_ROUTES_TO,
              defaultKind: 'Component',
              defaultNamespace: 'inherit',
            },
            {
              selector: { path: 'spec.api' },
              relation: RELATION_EXPOSES,
              defaultKind: 'API',
              defaultNamespace: 'inherit',
              allowedKinds: ['API'],
            },
          ],
          schema: { jsonSchema: entitySchema(gatewayRouteSpecSchema) },
        },
      ],
    });
    model.addKind({
      group: 'interchange.dev',
      names: { kind: WEBHOOK_KIND, singular: 'webhook', plural: 'webhooks' },
      description:
        'A webhook: who sends which events to which receiver, and how it is signed.',
      versions: [
        {
          name: 'v1alpha1',
          relationFields: [
            owner,
            system,
            schema,
            {
              selector: { path: 'spec.sender' },
              relation: RELATION_PRODUCED_BY,
              defaultKind: 'Component',
              defaultNamespace: 'inherit',
            },
            {
              selector: { path: 'spec.receiver' },
              relation: RELATION_CONSUMED_BY,
              defaultKind: 'Component',
              defaultNamespace: 'inherit',
            },
          ],
          schema: { jsonSchema: entitySchema(webhookSpecSchema) },
        },
      ],
    });
    const integrationKinds = [KAFKA_TOPIC_KIND, WEBHOOK_KIND];
    model.addRelationPair({
      fromKind: integrationKinds,
      toKind: 'Component',
      description: 'A component that produces to a topic or sends a webhook.',
      forward: { type: RELATION_PRODUCED_BY, title: 'produced by' },
      reverse: { type: RELATION_PRODUCES_TO, title: 'produces to' },
    });
    model.addRelationPair({
      fromKind: integrationKinds,
      toKind: 'Component',
      description:
        'A component that consumes from a topic or receives a webhook.',
      forward: { type: RELATION_CONSUMED_BY, title: 'consumed by' },
      reverse: { type: RELATION_CONSUMES_FROM, title: 'consumes from' },
    });
    model.addRelationPair({
      fromKind: GATEWAY_ROUTE_KIND,
      toKind: ['Component', 'Resource'],
      description: 'The component a gateway route forwards requests to.',
      forward: { type: RELATION_ROUTES_TO, title: 'routes to' },
      reverse: { type: RELATION_ROUTED_BY, title: 'routed by' },
    });
    model.addRelationPair({
      fromKind: GATEWAY_ROUTE_KIND,
      toKind: 'API',
      description: 'The API a gateway route exposes.',
      forward: { type: RELATION_EXPOSES, title: 'exposes' },
      reverse: { type: RELATION_EXPOSED_BY, title: 'exposed by' },
    });
    model.addRelationPair({
      fromKind: integrationKinds,
      toKind: 'API',
      description:
        'The API entity describing the payload of a topic or webhook.',
      forward: { type: RELATION_DESCRIBED_BY, title: 'described by' },
      reverse: { type: RELATION_DESCRIBES, title: 'describes' },
    });
  },
});
