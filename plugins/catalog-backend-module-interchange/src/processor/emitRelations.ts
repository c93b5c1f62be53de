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
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  isWebhookEntity,
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
} from '@interchange/plugin-interchange-common';

type Pair = readonly [forward: string, reverse: string];

const OWNED_BY: Pair = [RELATION_OWNED_BY, RELATION_OWNER_OF];
const PART_OF: Pair = [RELATION_PART_OF, RELATION_HAS_PART];
const DESCRIBED_BY: Pair = [RELATION_DESCRIBED_BY, RELATION_DESCRIBES];
const PRODUCED_BY: Pair = [RELATION_PRODUCED_BY, RELATION_PRODUCES_TO];
const CONSUMED_BY: Pair = [RELATION_CONSUMED_BY, RELATION_CONSUMES_FROM];
const PRODUCES_TO: Pair = [RELATION_PRODUCES_TO, RELATION_PRODUCED_BY];
const CONSUMES_FROM: Pair = [RELATION_CONSUMES_FROM, RELATION_CONSUMED_BY];
const ROUTES_TO: Pair = [RELATION_ROUTES_TO, RELATION_ROUTED_BY];
const EXPOSES: Pair = [RELATION_EXPOSES, RELATION_EXPOSED_BY];

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

  pair(refs: unknown, defaultKind: string, [forward, reverse]: Pair) {
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

/** Relations of the three Interchange kinds and of integration-aware Components. */
export function emitInterchangeRelations(
  entity: Entity,
  emit: CatalogProcessorEmit,
): void {
  const relations = new RelationEmitter(entity, emit);
  if (isKafkaTopicEntity(entity)) {
    const spec = entity.spec;
    relations.pair(spec.producers, 'Component', PRODUCED_BY);
    relations.pair(
      (spec.consumers ?? []).map(c =>
        typeof c === 'string' ? c : c.entityRef,
      ),
      'Component',
      CONSUMED_BY,
    );
    relations.pair(spec.schema, 'API', DESCRIBED_BY);
  } else if (isGatewayRouteEntity(entity)) {
    relations.pair(entity.spec.upstream, 'Component', ROUTES_TO);
    relations.pair(entity.spec.api, 'API', EXPOSES);
  } else if (isWebhookEntity(entity)) {
    relations.pair(entity.spec.sender, 'Component', PRODUCED_BY);
    relations.pair(entity.spec.receiver, 'Component', CONSUMED_BY);
    relations.pair(entity.spec.schema, 'API', DESCRIBED_BY);
  } else if (entity.kind === 'Component') {
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    relations.pair(spec.producesTo, 'KafkaTopic', PRODUCES_TO);
    relations.pair(spec.consumesFrom, 'KafkaTopic', CONSUMES_FROM);
    return;
  } else {
    return;
  }
  if ((INTERCHANGE_KINDS as readonly string[]).includes(entity.kind)) {
    const spec = entity.spec as { owner?: string; system?: string };
    relations.pair(spec.owner, 'Group', OWNED_BY);
    relations.pair(spec.system, 'System', PART_OF);
  }
}
