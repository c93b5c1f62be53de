import {
  checkKafkaTopicName,
  computeGroupLag,
  evaluateGroupLag,
  KafkaTopicNameCheck,
  LagSample,
} from '@interchange/plugin-interchange-common';
import { KafkaClusters } from '@interchange/plugin-interchange-node';
import { LagHistoryStore } from './LagHistoryStore';
import {
  KafkaClusterOverview,
  KafkaClusterSummary,
  KafkaConsumerGroupState,
  KafkaTopicState,
} from '../schema/openapi/generated/models';

/** Samples considered for a group's health: with one sample a minute, ten minutes. */
export const HEALTH_WINDOW_SAMPLES = 10;

const ACTIVE_STATES = new Set([
  'stable',
  'preparingrebalance',
  'completingrebalance',
  'preparing_rebalance',
  'completing_rebalance',
  'assigning',
  'reconciling',
]);

/**
 * Reads live state from the configured clusters. All broker access goes
 * through KafkaClusters (one connection per cluster, timeouts, limits); each
 * method makes a fixed number of batched calls, never one per partition or
 * group.
 */
export class KafkaLiveState {
  readonly #clusters: KafkaClusters;
  readonly #history?: LagHistoryStore;
  readonly #errorTimeLagMs?: number;

  constructor(
    clusters: KafkaClusters,
    history?: LagHistoryStore,
    options: { errorTimeLagMs?: number } = {},
  ) {
    this.#clusters = clusters;
    this.#history = history;
    this.#errorTimeLagMs = options.errorTimeLagMs;
  }

  listClusters(): KafkaClusterSummary[] {
    return this.#clusters.list().map(c => this.summary(c.id));
  }

  summary(clusterId: string): KafkaClusterSummary {
    const c = this.#clusters.config(clusterId);
    // Brokers, TLS and SASL settings stay on the server.
    return {
      id: c.id,
      title: c.title,
      adapter: c.adapter,
      dashboardUrl: c.dashboardUrl,
    };
  }

  async overview(clusterId: string): Promise<KafkaClusterOverview> {
    return this.#clusters.run(
      clusterId,
      'describe the cluster',
      async admin => {
        const [cluster, topics, groups] = await Promise.all([
          admin.describeCluster(),
          admin.listTopics(),
          admin.listGroups(),
        ]);
        return {
          ...this.summary(clusterId),
          clusterId: cluster.clusterId,
          controllerId: cluster.controllerId,
          brokers: cluster.brokers,
          topicCount: topics.length,
          groupCount: groups.length,
        };
      },
    );
  }

  /**
   * Whether a new topic name is acceptable: Kafka's rules, the cluster's
   * policy, and not taken. For forms that check as the user types.
   */
  async checkTopicName(
    clusterId: string,
    name: string,
  ): Promise<KafkaTopicNameCheck> {
    const policy = this.#clusters.config(clusterId).policy;
    const problem = checkKafkaTopicName(name, policy);
    // A name that breaks the rules needs no broker call to be refused.
    const exists = problem
      ? undefined
      : await this.#clusters.run(
          clusterId,
          `look up topic ${name}`,
          async admin => (await admin.listTopics()).includes(name),
        );
    return {
      cluster: clusterId,
      name,
      problems: problem ? [problem] : [],
      exists,
      rules: {
        namePattern: policy.namePattern,
        nameDescription: policy.nameDescription,
        partitions: policy.partitions,
        replicationFactor: policy.replicationFactor,
        requiredConfigs: policy.requiredConfigs,
      },
    };
  }

  async topicState(clusterId: string, topic: string): Promise<KafkaTopicState> {
    return this.#clusters.run(
      clusterId,
      `describe topic ${topic}`,
      async admin => {
        const [meta] = await admin.describeTopics([topic]);
        if (!meta) {
          return {
            cluster: clusterId,
            topic,
            exists: false,
            partitions: [],
            replicationFactor: 0,
            underReplicatedPartitions: 0,
            offlinePartitions: 0,
            messageCount: 0,
            configs: [],
          };
        }
        const [[offsets], [configs]] = await Promise.all([
          admin.fetchTopicOffsets([topic]),
          admin.describeTopicConfigs([topic]),
        ]);
        const byPartition = new Map(
          offsets?.partitions.map(p => [p.partition, p]) ?? [],
        );
        const partitions = meta.partitions.map(p => {
          const o = byPartition.get(p.partition);
          const earliestOffset = o?.earliest ?? 0;
          const latestOffset = o?.latest ?? 0;
          return {
            partition: p.partition,
            leader: p.leader,
            replicas: p.replicas,
            isr: p.isr,
            underReplicated: p.isr.length < p.replicas.length,
            earliestOffset,
            latestOffset,
            messages: Math.max(0, latestOffset - earliestOffset),
          };
        });
        return {
          cluster: clusterId,
          topic,
          exists: true,
          partitions,
          replicationFactor: Math.max(
            0,
            ...meta.partitions.map(p => p.replicas.length),
          ),
          underReplicatedPartitions: partitions.filter(p => p.underReplicated)
            .length,
          offlinePartitions: meta.partitions.filter(
            p => p.leader < 0 || p.offlineReplicas.length === p.replicas.length,
          ).length,
          messageCount: partitions.reduce((sum, p) => sum + p.messages, 0),
          configs: (configs?.configs ?? []).sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        };
      },
    );
  }

  /**
   * Lag of the given groups (all their topics, or only `topic`), with health
   * from the sampled history when there is one.
   */
  async groupsLag(
    clusterId: string,
    groupIds: string[],
    options: { topic?: string } = {},
  ): Promise<KafkaConsumerGroupState[]> {
    if (groupIds.length === 0) {
      return [];
    }
    const groups = await this.#clusters.run(
      clusterId,
      'read consumer group offsets',
      async admin => {
        const [committed, described] = await Promise.all([
          admin.fetchCommittedOffsets(groupIds),
          admin.describeGroups(groupIds),
        ]);
        const topics = [
          ...new Set([
            ...committed.flatMap(g => g.offsets.map(o => o.topic)),
            ...described.flatMap(g =>
              g.members.flatMap(m => m.assignments.map(a => a.topic)),
            ),
          ]),
        ].filter(t => !options.topic || t === options.topic);
        const logEnd = await admin.fetchLogEndOffsets(topics);
        return { committed, described, logEnd };
      },
    );
    const logEnd = groups.logEnd;
    const describedById = new Map(groups.described.map(g => [g.groupId, g]));
    const histories = this.#history
      ? await this.#history.recent(clusterId, groupIds, HEALTH_WINDOW_SAMPLES)
      : new Map<string, LagSample[]>();
    return groups.committed.map(c => {
      const description = describedById.get(c.groupId);
      const assigned = new Map<string, number[]>();
      for (const m of description?.members ?? []) {
        for (const a of m.assignments) {
          assigned.set(a.topic, [
            ...(assigned.get(a.topic) ?? []),
            ...a.partitions,
          ]);
        }
      }
      const lag = computeGroupLag(c.groupId, c.offsets, logEnd, {
        topics: options.topic ? [options.topic] : undefined,
        partitionsByTopic: assigned,
      });
      const state = description?.state ?? 'Unknown';
      const active =
        (description?.members.length ?? 0) > 0 &&
        ACTIVE_STATES.has(state.toLowerCase());
      const history = histories.get(c.groupId) ?? [];
      const health = history.length
        ? evaluateGroupLag(
            history.map(s => ({
              ...s,
              partitions: s.partitions.filter(
                p => !options.topic || p.topic === options.topic,
              ),
            })),
            { hasActiveMembers: active, errorTimeLagMs: this.#errorTimeLagMs },
          )
        : undefined;
      return {
        cluster: clusterId,
        groupId: c.groupId,
        state,
        members: description?.members.length ?? 0,
        partitions: lag.partitions,
        totalLag: lag.totalLag,
        maxLag: lag.maxLag,
        health,
      };
    });
  }

  /** Groups that have committed offsets on, or members assigned to, a topic. */
  async topicGroups(
    clusterId: string,
    topic: string,
  ): Promise<KafkaConsumerGroupState[]> {
    const groupIds = await this.#clusters.run(
      clusterId,
      `find consumer groups of ${topic}`,
      async admin => {
        const all = (await admin.listGroups()).map(g => g.groupId);
        const [committed, described] = await Promise.all([
          admin.fetchCommittedOffsets(all),
          admin.describeGroups(all),
        ]);
        const onTopic = new Set<string>();
        for (const g of committed) {
          if (g.offsets.some(o => o.topic === topic)) {
            onTopic.add(g.groupId);
          }
        }
        for (const g of described) {
          if (g.members.some(m => m.assignments.some(a => a.topic === topic))) {
            onTopic.add(g.groupId);
          }
        }
        return [...onTopic].sort();
      },
    );
    return this.groupsLag(clusterId, groupIds, { topic });
  }

  /** One lag sample of every group with commits on the cluster, for the history. */
  async sampleCluster(
    clusterId: string,
    timestamp: number,
  ): Promise<Map<string, LagSample>> {
    return this.#clusters.run(clusterId, 'sample consumer lag', async admin => {
      const groupIds = (await admin.listGroups()).map(g => g.groupId);
      const committed = (await admin.fetchCommittedOffsets(groupIds)).filter(
        g => g.offsets.length > 0,
      );
      const logEnd = await admin.fetchLogEndOffsets([
        ...new Set(committed.flatMap(g => g.offsets.map(o => o.topic))),
      ]);
      return new Map(
        committed.map(g => [
          g.groupId,
          {
            timestamp,
            partitions: g.offsets.flatMap(o => {
              const end = logEnd.get(`${o.topic}/${o.partition}`);
              return end === undefined
                ? []
                : [
                    {
                      topic: o.topic,
                      partition: o.partition,
                      committedOffset: o.offset,
                      logEndOffset: end,
                    },
                  ];
            }),
          },
        ]),
      );
    });
  }
}
