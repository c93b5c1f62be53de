import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  getKafkaTopicName,
  isKafkaTopicEntity,
  readersOf,
  writersOf,
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

/** `who-consumes`: an integration entity -> its producers and consumers, with consumer groups and lag. */
export function registerWhoConsumesAction(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registry.register({
    name: 'who-consumes',
    title: 'Who consumes this integration?',
    description:
      'For an integration entity (KafkaTopic, Webhook, GatewayRoute, RabbitMQ exchange or queue): the entities that write into it (producers, senders) and read from it (consumers, receivers, upstreams). For a KafkaTopic also its consumer groups with current lag and health from the live cluster.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The integration entity, e.g. kafkatopic:default/orders.order-events.v1',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          kind: z.string(),
          producers: z.array(z.string()),
          consumers: z.array(z.string()),
          consumerGroups: z
            .array(
              z
                .object({ cluster: z.string(), ...consumerGroupFields(z) })
                .passthrough(),
            )
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRefInput('entityRef', input.entityRef);
      const entity = await entityForCaller(ctx, ref, credentials);
      const graph = await ctx.graphs.get();
      // Neighbours the caller may not see are left out.
      const visible = async (refs: string[]) => {
        const out: string[] = [];
        for (const r of refs) {
          if (
            r.startsWith('url:') ||
            (await ctx.catalog.getEntityByRef(r, { credentials }))
          ) {
            out.push(r);
          }
        }
        return out;
      };
      const output = {
        entityRef: ref,
        kind: entity.kind,
        producers: await visible(writersOf(graph, ref)),
        consumers: await visible(readersOf(graph, ref)),
      };
      if (!isKafkaTopicEntity(entity)) {
        return { output };
      }
      await authorizeKafkaRead(ctx, credentials);
      const groups = await ctx.live.topicGroups(
        entity.spec.cluster,
        getKafkaTopicName(entity),
      );
      return {
        output: {
          ...output,
          consumerGroups: groups.map(g => ({
            cluster: g.cluster,
            ...consumerGroupSummary(g),
          })),
        },
      };
    },
  });
}
