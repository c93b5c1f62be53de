import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  getKafkaTopicName,
  isKafkaTopicEntity,
} from '@interchange/plugin-interchange-common';
import {
  ActionsContext,
  authorizeKafkaRead,
  entityForCaller,
  normalizeRefInput,
} from './ActionsContext';
import {
  consumerGroupFields,
  consumerGroupSummary,
} from './consumerGroupSummary';

const TREND_HOURS = 6;

/** rising / falling / flat, from the first and last point of the trend. */
function trendDirection(points: { totalLag: number }[]): string {
  if (points.length < 2) {
    return 'unknown';
  }
  const delta = points[points.length - 1].totalLag - points[0].totalLag;
  if (delta > 0) {
    return 'rising';
  }
  return delta < 0 ? 'falling' : 'flat';
}

/** `lag`: a consumer group or a topic -> lag, time lag, status and trend. */
export function registerLagAction(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registry.register({
    name: 'lag',
    title: 'Is this consumer lagging?',
    description: `Consumer lag of one consumer group, or of every group on a topic: lag in messages, time lag, health status (OK, WARNING, STALLED, STOPPED, ERROR) with its reason, and the trend of the last ${TREND_HOURS} hours. Give consumerGroup, or topic, or a KafkaTopic entityRef; cluster defaults to the only configured cluster.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          consumerGroup: z.string().optional().describe('A consumer group id'),
          topic: z.string().optional().describe('A topic name'),
          entityRef: z
            .string()
            .optional()
            .describe('A KafkaTopic entity, instead of cluster and topic'),
          cluster: z
            .string()
            .optional()
            .describe('A cluster id from interchange.kafka.clusters'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          groups: z.array(
            z
              .object({
                ...consumerGroupFields(z),
                reason: z.string().optional(),
                trend: z.string(),
                trendPoints: z.array(
                  z.object({ timestamp: z.number(), totalLag: z.number() }),
                ),
              })
              .passthrough(),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeKafkaRead(ctx, credentials);
      let cluster = input.cluster;
      let topic = input.topic;
      if (input.entityRef) {
        const ref = normalizeRefInput(
          'entityRef',
          input.entityRef,
          'KafkaTopic',
        );
        const entity = await entityForCaller(ctx, ref, credentials);
        if (!isKafkaTopicEntity(entity)) {
          throw new InputError(`entityRef ${ref} is not a KafkaTopic`);
        }
        cluster = entity.spec.cluster;
        topic = getKafkaTopicName(entity);
      }
      if (!input.consumerGroup && !topic) {
        throw new InputError(
          'give consumerGroup, topic or entityRef (a KafkaTopic)',
        );
      }
      if (!cluster) {
        const ids = ctx.live.listClusters().map(c => c.id);
        if (ids.length !== 1) {
          throw new InputError(
            `cluster is required: more than one cluster is configured (${ids.join(
              ', ',
            )})`,
          );
        }
        cluster = ids[0];
      }
      ctx.live.summary(cluster); // NotFoundError for an unknown cluster
      const states = input.consumerGroup
        ? await ctx.live.groupsLag(cluster, [input.consumerGroup], { topic })
        : await ctx.live.topicGroups(cluster, topic!);
      const since = Date.now() - TREND_HOURS * 3600_000;
      const groups = await Promise.all(
        states.map(async g => {
          const points = await ctx.history.trend(cluster!, g.groupId, since);
          return {
            ...consumerGroupSummary(g),
            reason: g.health?.reason,
            trend: trendDirection(points),
            trendPoints: points,
          };
        }),
      );
      return { output: { cluster, groups } };
    },
  });
}
