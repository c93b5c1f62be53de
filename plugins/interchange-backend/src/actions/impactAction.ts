import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { impact } from '@interchange/plugin-interchange-common';
import {
  ActionsContext,
  entityForCaller,
  normalizeRefInput,
} from './ActionsContext';

/** `impact`: an entity -> what depends on it (GET /impact), with paths. */
export function registerImpactAction(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registry.register({
    name: 'impact',
    title: 'What breaks if this changes?',
    description:
      'The entities that depend on an entity downstream (or that it depends on, upstream) through topics, webhooks, routes and API calls, up to `depth` hops, each with the path that connects it. The same answer as GET /api/interchange/impact.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. api:default/orders-api'),
          direction: z
            .enum(['downstream', 'upstream'])
            .default('downstream')
            .describe(
              'downstream: who depends on it; upstream: what it depends on',
            ),
          depth: z.number().int().min(1).max(20).default(2),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          direction: z.string(),
          depth: z.number(),
          reached: z.array(
            z
              .object({
                entityRef: z.string(),
                distance: z.number(),
                path: z.array(z.string()),
              })
              .passthrough(),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRefInput('entityRef', input.entityRef);
      await entityForCaller(ctx, ref, credentials);
      const result = impact(await ctx.graphs.get(), ref, {
        direction: input.direction,
        depth: input.depth,
      });
      return {
        output: {
          entityRef: result.entityRef,
          direction: result.direction,
          depth: result.depth,
          reached: result.reached.map(r => ({ ...r })),
        },
      };
    },
  });
}
