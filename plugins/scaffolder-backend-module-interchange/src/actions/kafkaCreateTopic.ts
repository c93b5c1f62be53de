import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkKafkaTopicRequest,
  computeTopicDrift,
  formatEntityProblems,
  KAFKA_TOPIC_KIND,
  INTERCHANGE_API_VERSION,
  ResolvedKafkaTopicRequest,
  TopicDrift,
} from '@interchange/plugin-interchange-common';
import {
  describeKafkaError,
  KafkaAdminClient,
  KafkaClusters,
} from '@interchange/plugin-interchange-node';
import yaml from 'yaml';

/** What is on the broker compared with what was asked for; empty when equal. */
async function differences(
  admin: KafkaAdminClient,
  cluster: string,
  request: ResolvedKafkaTopicRequest,
): Promise<TopicDrift[] | undefined> {
  const [meta] = await admin.describeTopics([request.name]);
  if (!meta) {
    return undefined;
  }
  const [configs] = await admin.describeTopicConfigs([request.name]);
  return computeTopicDrift(
    {
      apiVersion: INTERCHANGE_API_VERSION,
      kind: KAFKA_TOPIC_KIND,
      metadata: { name: request.name },
      spec: {
        owner: 'unused',
        cluster,
        partitions: request.partitions,
        replicationFactor: request.replicationFactor,
        config: request.config,
      },
    },
    {
      partitions: meta.partitions.length,
      replicationFactor: Math.max(
        0,
        ...meta.partitions.map(p => p.replicas.length),
      ),
      configs: Object.fromEntries(
        (configs?.configs ?? []).map(c => [c.name, c.value]),
      ),
    },
  );
}

/** Broker refusals as KafkaClusters.run reports them. */
const REFUSALS: Record<string, new (message: string) => Error> = {
  InputError,
  ConflictError,
  NotAllowedError,
  NotFoundError,
};

function differenceList(drift: TopicDrift[]): string {
  return drift
    .map(d => `${d.field}: requested ${d.declared}, on the broker ${d.actual}`)
    .join('; ');
}

/**
 * `interchange:kafka:create-topic`: creates a topic the platform team's way.
 * Checks the request against Kafka's rules and the cluster's policy before
 * any broker call, asks the broker to validate it (validate-only create),
 * then creates it. Idempotent: an existing topic with the same settings is
 * success without change; one with other settings is an error listing the
 * differences. It never deletes or alters a topic.
 *
 * @public
 */
export function createKafkaCreateTopicAction(options: {
  clusters: KafkaClusters;
}) {
  const { clusters } = options;
  return createTemplateAction({
    id: 'interchange:kafka:create-topic',
    description:
      "Creates a Kafka topic after checking it against the cluster's policy and the broker's validate-only mode; succeeds without change when the topic already exists with the same settings.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A topic with 6 partitions and 7 days of retention',
        example: yaml.stringify({
          steps: [
            {
              id: 'topic',
              action: 'interchange:kafka:create-topic',
              name: 'Create topic',
              input: {
                cluster: 'prod-eu',
                name: 'orders.order-placed.v1',
                partitions: 6,
                replicationFactor: 3,
                config: { 'retention.ms': '604800000' },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        cluster: z =>
          z.string({
            description:
              'Id of the cluster under interchange.kafka.clusters, e.g. prod-eu',
          }),
        name: z => z.string({ description: 'Topic name' }),
        partitions: z =>
          z
            .number({
              description: "Partitions; default from the cluster's policy",
            })
            .int()
            .optional(),
        replicationFactor: z =>
          z
            .number({
              description:
                "Replication factor; default from the cluster's policy",
            })
            .int()
            .optional(),
        config: z =>
          z
            .record(z.union([z.string(), z.number(), z.boolean()]), {
              description: 'Topic configs, e.g. { retention.ms: 604800000 }',
            })
            .optional(),
      },
      output: {
        topicName: z => z.string({ description: 'The topic name' }),
        partitions: z => z.number({ description: 'Partitions of the topic' }),
        replicationFactor: z =>
          z.number({ description: 'Replication factor of the topic' }),
        created: z =>
          z.boolean({
            description:
              'false when the topic already existed with the same settings, or in a dry run',
          }),
      },
    },
    async handler(ctx) {
      const { cluster } = ctx.input;
      const policy = clusters.config(cluster).policy;
      const { problems, resolved } = checkKafkaTopicRequest(
        {
          name: ctx.input.name,
          partitions: ctx.input.partitions,
          replicationFactor: ctx.input.replicationFactor,
          config: ctx.input.config,
        },
        policy,
      );
      if (problems.length) {
        throw new InputError(
          `Topic ${
            ctx.input.name
          } breaks the rules of cluster ${cluster}:\n${formatEntityProblems(
            problems,
          )}`,
        );
      }
      const finish = (created: boolean) => {
        ctx.output('topicName', resolved.name);
        ctx.output('partitions', resolved.partitions);
        ctx.output('replicationFactor', resolved.replicationFactor);
        ctx.output('created', created);
      };

      const existing = await clusters.run(
        cluster,
        `describe topic ${resolved.name}`,
        admin => differences(admin, cluster, resolved),
      );
      if (existing) {
        if (existing.length) {
          throw new InputError(
            `Topic ${
              resolved.name
            } already exists on ${cluster} with other settings (${differenceList(
              existing,
            )}). Interchange never alters an existing topic: choose another name or request the topic as it is.`,
          );
        }
        ctx.logger.info(
          `Topic ${resolved.name} already exists on ${cluster} with the requested settings; nothing to do`,
        );
        finish(false);
        return;
      }

      try {
        await clusters.run(cluster, `validate topic ${resolved.name}`, admin =>
          admin.createTopics(
            [{ ...resolved, topic: resolved.name, configs: resolved.config }],
            { validateOnly: true },
          ),
        );
      } catch (error) {
        // The broker said no (invalid config, policy, not authorized, the
        // topic appeared meanwhile): same kind of error, in the words of
        // this action. Connection failures pass through as 503s.
        const Refusal = error instanceof Error && REFUSALS[error.name];
        if (!Refusal) {
          throw error;
        }
        throw new Refusal(
          `The broker of cluster ${cluster} rejected topic ${
            resolved.name
          } (validate-only, nothing was created): ${describeKafkaError(
            (error as Error & { cause?: unknown }).cause ?? error,
          )}`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: the broker accepted topic ${resolved.name} (${resolved.partitions} partitions, replication factor ${resolved.replicationFactor}); nothing was created`,
        );
        finish(false);
        return;
      }

      await ctx.checkpoint({
        key: `interchange.kafka.create-topic.v1.${cluster}.${resolved.name}`,
        fn: async () => {
          try {
            await clusters.run(
              cluster,
              `create topic ${resolved.name}`,
              admin =>
                admin.createTopics(
                  [
                    {
                      ...resolved,
                      topic: resolved.name,
                      configs: resolved.config,
                    },
                  ],
                  { validateOnly: false },
                ),
            );
          } catch (error) {
            // Created by someone else since the check: the comparison
            // below decides whether that is the topic asked for.
            if (!(error instanceof Error && error.name === 'ConflictError')) {
              throw error;
            }
          }
        },
      });
      // Someone may have created it between the check and the create.
      const after = await clusters.run(
        cluster,
        `describe topic ${resolved.name}`,
        admin => differences(admin, cluster, resolved),
      );
      if (!after || after.length) {
        throw new InputError(
          after
            ? `Topic ${
                resolved.name
              } was created concurrently with other settings (${differenceList(
                after,
              )})`
            : `Topic ${resolved.name} is not on ${cluster} after creating it`,
        );
      }
      ctx.logger.info(
        `Created topic ${resolved.name} on ${cluster} (${resolved.partitions} partitions, replication factor ${resolved.replicationFactor})`,
      );
      finish(true);
    },
  });
}
