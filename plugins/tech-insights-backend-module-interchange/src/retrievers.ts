import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  ANNOTATION_ROUTE_DRIFT,
  getComponentConsumerGroups,
} from '@interchange/plugin-interchange-common';
import { countFindings, factFor, worstLagStatus } from './facts';
import { InterchangeApi } from './InterchangeApi';

/** Kinds that get findings facts: where integration checks report. */
export const FINDINGS_KINDS = [
  'Component',
  'API',
  'System',
  'Group',
  'KafkaTopic',
  'GatewayRoute',
  'Webhook',
  'RabbitMQExchange',
  'RabbitMQQueue',
];

async function readEntities(
  catalog: CatalogService,
  ctx: FactRetrieverContext,
  kinds: string[],
): Promise<Entity[]> {
  const credentials = await ctx.auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor ? { cursor, limit: 500 } : { filter: { kind: kinds }, limit: 500 },
      { credentials },
    );
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}

const refOf = (e: Entity) => stringifyEntityRef(e);

/**
 * Per entity: how many integration-check findings of each severity involve
 * it (GET /api/interchange/checks).
 */
export function createFindingsFactRetriever(
  catalog: CatalogService,
): FactRetriever {
  return {
    id: 'interchangeFindingsFactRetriever',
    version: '0.1.0',
    title: 'Interchange integration findings',
    description:
      'Integration-check findings (docs/checks.md) involving the entity, by severity',
    entityFilter: [{ kind: FINDINGS_KINDS }],
    schema: {
      interchangeErrorFindings: {
        type: 'integer',
        description: 'Error-severity integration findings involving the entity',
      },
      interchangeWarningFindings: {
        type: 'integer',
        description:
          'Warning-severity integration findings involving the entity',
      },
      interchangeInfoFindings: {
        type: 'integer',
        description: 'Info-severity integration findings involving the entity',
      },
    },
    async handler(ctx) {
      const counts = countFindings(await new InterchangeApi(ctx).findings());
      return (await readEntities(catalog, ctx, FINDINGS_KINDS)).map(e => {
        const c = counts.get(refOf(e)) ?? { error: 0, warning: 0, info: 0 };
        return factFor(refOf(e), {
          interchangeErrorFindings: c.error,
          interchangeWarningFindings: c.warning,
          interchangeInfoFindings: c.info,
        });
      });
    },
  };
}

/**
 * Per KafkaTopic and per component declaring consumer groups: the worst
 * consumer-group status (OK, WARNING, STALLED, STOPPED, ERROR; UNKNOWN before
 * the first lag samples). Entities whose cluster cannot be read are left out
 * of the run (their last facts stay), and logged.
 */
export function createLagFactRetriever(catalog: CatalogService): FactRetriever {
  return {
    id: 'interchangeLagFactRetriever',
    version: '0.1.0',
    title: 'Interchange consumer lag',
    description:
      'Worst consumer-group lag status of a Kafka topic or of the groups a component declares',
    entityFilter: [{ kind: ['KafkaTopic', 'Component'] }],
    schema: {
      interchangeLagStatus: {
        type: 'string',
        description:
          'Worst consumer-group status: OK, WARNING, STALLED, STOPPED, ERROR, UNKNOWN (not sampled yet) or NONE (no groups)',
      },
      interchangeLaggingGroups: {
        type: 'integer',
        description: 'Consumer groups whose status is not OK',
      },
    },
    async handler(ctx) {
      const api = new InterchangeApi(ctx);
      const entities = (
        await readEntities(catalog, ctx, ['KafkaTopic', 'Component'])
      ).filter(
        e =>
          e.kind === 'KafkaTopic' || getComponentConsumerGroups(e).length > 0,
      );
      const facts: TechInsightFact[] = [];
      for (const e of entities) {
        try {
          const statuses = (await api.consumerGroups(refOf(e))).map(
            g => g.health?.status,
          );
          facts.push(
            factFor(refOf(e), {
              interchangeLagStatus: worstLagStatus(statuses),
              interchangeLaggingGroups: statuses.filter(s => s && s !== 'OK')
                .length,
            }),
          );
        } catch (err) {
          ctx.logger.warn(
            `Interchange lag facts of ${refOf(e)} not read: ${
              (err as Error).message
            }`,
          );
        }
      }
      return facts;
    },
  };
}

/**
 * Per KafkaTopic (against its cluster) and per GatewayRoute (against its
 * gateway, as the gateway provider recorded it): how many differences there
 * are between the entity and what is live. Routes of gateways without a
 * live source have no drift fact.
 */
export function createDriftFactRetriever(
  catalog: CatalogService,
): FactRetriever {
  return {
    id: 'interchangeDriftFactRetriever',
    version: '0.1.0',
    title: 'Interchange drift',
    description:
      'Differences between a Kafka topic or gateway route entity and its live state',
    entityFilter: [{ kind: ['KafkaTopic', 'GatewayRoute'] }],
    schema: {
      interchangeDriftCount: {
        type: 'integer',
        description: 'Differences between the entity and its live state',
      },
    },
    async handler(ctx) {
      const api = new InterchangeApi(ctx);
      const facts: TechInsightFact[] = [];
      for (const e of await readEntities(catalog, ctx, [
        'KafkaTopic',
        'GatewayRoute',
      ])) {
        if (e.kind === 'GatewayRoute') {
          const raw = e.metadata.annotations?.[ANNOTATION_ROUTE_DRIFT];
          let drift: unknown;
          try {
            drift = raw ? JSON.parse(raw) : undefined;
          } catch {
            drift = undefined;
          }
          if (Array.isArray(drift)) {
            facts.push(
              factFor(refOf(e), { interchangeDriftCount: drift.length }),
            );
          }
          continue;
        }
        try {
          facts.push(
            factFor(refOf(e), {
              interchangeDriftCount: (await api.topicDrift(refOf(e))).length,
            }),
          );
        } catch (err) {
          ctx.logger.warn(
            `Interchange drift facts of ${refOf(e)} not read: ${
              (err as Error).message
            }`,
          );
        }
      }
      return facts;
    },
  };
}

/**
 * Per Webhook: its endpoint's health over the latest deliveries (healthy,
 * degraded, failing; unknown without deliveries in the last 7 days).
 */
export function createWebhookHealthFactRetriever(
  catalog: CatalogService,
): FactRetriever {
  return {
    id: 'interchangeWebhookHealthFactRetriever',
    version: '0.1.0',
    title: 'Interchange webhook endpoint health',
    description: "A webhook endpoint's health over its latest deliveries",
    entityFilter: [{ kind: ['Webhook'] }],
    schema: {
      interchangeWebhookHealth: {
        type: 'string',
        description:
          'healthy, degraded, failing or unknown (no recent deliveries)',
      },
    },
    async handler(ctx) {
      const health = new Map(
        (await new InterchangeApi(ctx).webhookHealth()).map(h => [
          h.entityRef.toLocaleLowerCase('en-US'),
          h.health.status,
        ]),
      );
      return (await readEntities(catalog, ctx, ['Webhook'])).map(e =>
        factFor(refOf(e), {
          interchangeWebhookHealth: health.get(refOf(e)) ?? 'unknown',
        }),
      );
    },
  };
}
