import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  INTERCHANGE_KINDS,
  interchangeRelationPair,
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  isRabbitMQExchangeEntity,
  isRabbitMQQueueEntity,
  isWebhookEntity,
  RABBITMQ_BUILTIN_EXCHANGES,
  rabbitmqExchangeRefName,
  RELATION_BOUND_TO,
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES_FROM,
  RELATION_DESCRIBED_BY,
  RELATION_EXPOSES,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES_TO,
  RELATION_ROUTES_TO,
} from '@interchange/plugin-interchange-common';

/** Backstage's own pairs that Interchange kinds also emit. */
const BACKSTAGE_REVERSE: Record<string, string> = {
  [RELATION_OWNED_BY]: RELATION_OWNER_OF,
  [RELATION_PART_OF]: RELATION_HAS_PART,
};

/** The reverse type: Backstage's for its pairs, else Interchange's one list. */
function reverseOf(type: string): string {
  return BACKSTAGE_REVERSE[type] ?? interchangeRelationPair(type).reverse.type;
}

/**
 * Emits relations in both directions. The catalog deduplicates identical
 * relations, so a topic listing a producer and the producer listing the topic
 * end up as one pair whichever side (or both) declared it.
 */
class RelationEmitter {
  readonly #self: CompoundEntityRef;
  readonly #emit: CatalogProcessorEmit;

  constructor(entity: Entity, emit: CatalogProcessorEmit) {
    this.#self = getCompoundEntityRef(entity);
    this.#emit = emit;
  }

  /** `forward` from this entity to each ref, and its reverse back. */
  pair(refs: unknown, defaultKind: string, forward: string) {
    const reverse = reverseOf(forward);
    const list = Array.isArray(refs) ? refs : [refs];
    for (const ref of list) {
      if (typeof ref !== 'string' || !ref) {
        continue;
      }
      const target = parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: this.#self.namespace,
      });
      this.#emit(
        processingResult.relation({
          source: this.#self,
          type: forward,
          target,
        }),
      );
      this.#emit(
        processingResult.relation({
          source: target,
          type: reverse,
          target: this.#self,
        }),
      );
    }
  }
}

/** Relations of the Interchange kinds and of integration-aware Components. */
export function emitInterchangeRelations(
  entity: Entity,
  emit: CatalogProcessorEmit,
): void {
  const relations = new RelationEmitter(entity, emit);
  if (isKafkaTopicEntity(entity)) {
    const spec = entity.spec;
    relations.pair(spec.producers, 'Component', RELATION_PRODUCED_BY);
    relations.pair(
      (spec.consumers ?? []).map(c =>
        typeof c === 'string' ? c : c.entityRef,
      ),
      'Component',
      RELATION_CONSUMED_BY,
    );
    relations.pair(spec.schema, 'API', RELATION_DESCRIBED_BY);
  } else if (isGatewayRouteEntity(entity)) {
    relations.pair(entity.spec.upstream, 'Component', RELATION_ROUTES_TO);
    relations.pair(entity.spec.api, 'API', RELATION_EXPOSES);
  } else if (isWebhookEntity(entity)) {
    relations.pair(entity.spec.sender, 'Component', RELATION_PRODUCED_BY);
    relations.pair(entity.spec.receiver, 'Component', RELATION_CONSUMED_BY);
    relations.pair(entity.spec.schema, 'API', RELATION_DESCRIBED_BY);
  } else if (isRabbitMQExchangeEntity(entity)) {
    relations.pair(entity.spec.producers, 'Component', RELATION_PRODUCED_BY);
    relations.pair(entity.spec.schema, 'API', RELATION_DESCRIBED_BY);
  } else if (isRabbitMQQueueEntity(entity)) {
    // A binding names an exchange (or its entity ref); the broker's own
    // exchanges (amq.*, the default) have no entity to point at.
    relations.pair(
      (entity.spec.bindings ?? [])
        .map(b => b?.exchange)
        .filter(
          (e): e is string =>
            typeof e === 'string' &&
            !RABBITMQ_BUILTIN_EXCHANGES.includes(rabbitmqExchangeRefName(e)),
        ),
      'RabbitMQExchange',
      RELATION_BOUND_TO,
    );
    relations.pair(entity.spec.consumers, 'Component', RELATION_CONSUMED_BY);
  } else if (entity.kind === 'Component') {
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    relations.pair(spec.producesTo, 'KafkaTopic', RELATION_PRODUCES_TO);
    relations.pair(spec.consumesFrom, 'KafkaTopic', RELATION_CONSUMES_FROM);
    return;
  } else {
    return;
  }
  if ((INTERCHANGE_KINDS as readonly string[]).includes(entity.kind)) {
    const spec = entity.spec as { owner?: string; system?: string };
    relations.pair(spec.owner, 'Group', RELATION_OWNED_BY);
    relations.pair(spec.system, 'System', RELATION_PART_OF);
  }
}
