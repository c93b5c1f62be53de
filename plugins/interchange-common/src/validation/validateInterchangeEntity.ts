import { Entity } from '@backstage/catalog-model';
import {
  GATEWAY_ROUTE_KIND,
  INTERCHANGE_API_VERSION,
  INTERCHANGE_KINDS,
  KAFKA_TOPIC_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
  WEBHOOK_KIND,
} from '../entities/constants';
import {
  gatewayRouteSpecSchema,
  kafkaTopicSpecSchema,
  rabbitmqExchangeSpecSchema,
  rabbitmqQueueSpecSchema,
  webhookSpecSchema,
} from '../entities/schemas';
import {
  GatewayRouteEntityV1alpha1,
  KafkaTopicEntityV1alpha1,
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQQueueEntityV1alpha1,
  WebhookEntityV1alpha1,
} from '../entities/types';
import { componentIntegrationProblems } from './componentRules';
import { checkEntityRef } from './entityRefs';
import { describeValue, EntityProblem } from './EntityProblem';
import { gatewayRouteProblems } from './gatewayRouteRules';
import { kafkaTopicProblems } from './kafkaTopicRules';
import {
  rabbitmqExchangeProblems,
  rabbitmqQueueProblems,
  RabbitMQValidationOptions,
} from './rabbitmqRules';
import { schemaProblems } from './schemaProblems';
import { literalSecretProblems } from './secretRules';
import { suggest } from './suggest';
import { webhookProblems } from './webhookRules';

/**
 * What the validator may know about the installation. When a list is given,
 * references to ids outside it are problems; when omitted (e.g. in a repo's
 * CI without the portal's config) they are not checked.
 *
 * @public
 */
export interface InterchangeValidationOptions
  extends RabbitMQValidationOptions {
  knownClusters?: string[];
  knownGateways?: string[];
}

const SCHEMAS = {
  [KAFKA_TOPIC_KIND]: kafkaTopicSpecSchema,
  [GATEWAY_ROUTE_KIND]: gatewayRouteSpecSchema,
  [WEBHOOK_KIND]: webhookSpecSchema,
  [RABBITMQ_EXCHANGE_KIND]: rabbitmqExchangeSpecSchema,
  [RABBITMQ_QUEUE_KIND]: rabbitmqQueueSpecSchema,
};

function interchangeKindProblems(
  entity: Entity,
  kind: (typeof INTERCHANGE_KINDS)[number],
  options: InterchangeValidationOptions,
): EntityProblem[] {
  if (
    !entity.spec ||
    typeof entity.spec !== 'object' ||
    Array.isArray(entity.spec)
  ) {
    return [
      {
        path: 'spec',
        message: 'is required and must be a map of fields',
        fix: 'add a spec section; see docs/entity-model.md',
      },
    ];
  }
  // Annotations and labels are as public as the spec.
  const secrets = [
    ...literalSecretProblems(entity.metadata, 'metadata'),
    ...literalSecretProblems(entity.spec, 'spec'),
  ];
  const secretPaths = new Set(secrets.map(p => p.path));
  const structural = schemaProblems(SCHEMAS[kind], entity.spec, 'spec').filter(
    p => !secretPaths.has(p.path),
  );
  const structuralPaths = new Set(structural.map(p => p.path));
  const spec = entity.spec as Record<string, unknown>;
  const semantic: EntityProblem[] = [
    ...checkEntityRef(spec.owner, 'spec.owner', {
      defaultKind: 'Group',
      allowedKinds: ['Group', 'User'],
      example: 'team-checkout',
    }),
    ...checkEntityRef(spec.system, 'spec.system', {
      defaultKind: 'System',
      allowedKinds: ['System'],
      example: 'storefront',
    }),
  ];
  switch (kind) {
    case KAFKA_TOPIC_KIND:
      semantic.push(
        ...kafkaTopicProblems(entity as KafkaTopicEntityV1alpha1, options),
      );
      break;
    case GATEWAY_ROUTE_KIND:
      semantic.push(
        ...gatewayRouteProblems(entity as GatewayRouteEntityV1alpha1, options),
      );
      break;
    case RABBITMQ_EXCHANGE_KIND:
      semantic.push(
        ...rabbitmqExchangeProblems(
          entity as RabbitMQExchangeEntityV1alpha1,
          options,
        ),
      );
      break;
    case RABBITMQ_QUEUE_KIND:
      semantic.push(
        ...rabbitmqQueueProblems(
          entity as RabbitMQQueueEntityV1alpha1,
          options,
        ),
      );
      break;
    default:
      semantic.push(...webhookProblems(entity as WebhookEntityV1alpha1));
  }
  // A field with a structural problem already has its message; a second one
  // about the same field only adds noise.
  return [
    ...secrets,
    ...structural,
    ...semantic.filter(p => !structuralPaths.has(p.path)),
  ];
}

/**
 * Validates the parts of an entity Interchange defines: the whole entity for
 * the Interchange kinds, and the integration fields of a Component. Returns
 * an empty list for anything else and for valid entities. Pure: no I/O, so
 * the catalog processor, the `interchange validate` command and the
 * scaffolder actions all give the same answers.
 *
 * @public
 */
export function validateInterchangeEntity(
  entity: Entity,
  options: InterchangeValidationOptions = {},
): EntityProblem[] {
  const kind = INTERCHANGE_KINDS.find(k => k === entity.kind);
  // The catalog checks the envelope first; the CLI and the actions may not.
  if (
    (kind || entity.kind === 'Component') &&
    (!entity.metadata ||
      typeof entity.metadata !== 'object' ||
      Array.isArray(entity.metadata))
  ) {
    return [
      {
        path: 'metadata',
        message: 'is required and must be a map of fields',
        fix: 'add metadata with at least a name, e.g. metadata: { name: orders }',
      },
    ];
  }
  if (entity.apiVersion === INTERCHANGE_API_VERSION) {
    if (!kind) {
      // A kind that is not text is named, not converted (it may be any value).
      const written =
        typeof entity.kind === 'string'
          ? entity.kind
          : describeValue(entity.kind);
      const guess = suggest(written, INTERCHANGE_KINDS);
      return [
        {
          path: 'kind',
          message: `'${written}' is not an Interchange kind`,
          fix: guess
            ? `did you mean '${guess}'?`
            : `use one of ${INTERCHANGE_KINDS.join(', ')}`,
        },
      ];
    }
    return interchangeKindProblems(entity, kind, options);
  }
  // Another plugin may define its own `Webhook` kind; only an apiVersion that
  // is clearly meant to be ours is worth a message.
  if (
    kind &&
    typeof entity.apiVersion === 'string' &&
    entity.apiVersion.startsWith('interchange')
  ) {
    return [
      {
        path: 'apiVersion',
        message: `${kind} entities must use apiVersion '${INTERCHANGE_API_VERSION}' (got '${entity.apiVersion}')`,
        fix: `write apiVersion: ${INTERCHANGE_API_VERSION}`,
      },
    ];
  }
  if (entity.kind === 'Component') {
    return componentIntegrationProblems(entity);
  }
  return [];
}
