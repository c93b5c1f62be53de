import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { promisify } from 'node:util';
import {
  Admin,
  type ClusterMetadata,
  ConfigResourceTypes,
  ConfigSources,
  Connection,
  connectionsApiChannel,
  createTopicsV7,
  type SASLOptions,
} from '@platformatic/kafka';
import type { KafkaClusterConfig } from '../config/readKafkaClusters';
import {
  KafkaAdminClient,
  KafkaClusterDescription,
  KafkaGroupDescription,
  KafkaGroupListing,
  KafkaGroupOffsets,
  KafkaNewTopic,
  KafkaTopicConfigs,
  KafkaTopicLastMessage,
  KafkaTopicMetadata,
  KafkaTopicOffsets,
} from './types';

// ListOffsets' special timestamps: -2 asks for the earliest offset, -1 the
// latest, -3 the record with the largest timestamp (KIP-734, Kafka 3.0).
const EARLIEST = -2n;
const LATEST = -1n;
const MAX_TIMESTAMP = -3n;

function saslOptions(
  cluster: KafkaClusterConfig,
  token?: () => Promise<string>,
): SASLOptions | undefined {
  const sasl = cluster.sasl;
  if (!sasl) {
    return undefined;
  }
  if (sasl.mechanism === 'oauthbearer') {
    return { mechanism: 'OAUTHBEARER', token: token! };
  }
  const mechanism = (
    {
      plain: 'PLAIN',
      'scram-sha-256': 'SCRAM-SHA-256',
      'scram-sha-512': 'SCRAM-SHA-512',
    } as const
  )[sasl.mechanism];
  return { mechanism, username: sasl.username, password: sasl.password };
}

function tlsOptions(cluster: KafkaClusterConfig) {
  if (typeof cluster.ssl === 'object') {
    return cluster.ssl;
  }
  return cluster.ssl ? {} : undefined;
}

/**
 * @platformatic/kafka: maintained, tested against Kafka 4.x, and it fetches
 * the committed offsets of many groups in one OffsetFetch request per group
 * coordinator, which is what makes lag cheap for hundreds of groups.
 *
 * @public
 */
export class PlatformaticAdminClient implements KafkaAdminClient {
  readonly adapter = 'platformatic' as const;
  readonly #admin: Admin;
  #requests = 0;
  readonly #onRequest = (event: unknown) => {
    // Count only requests made on this client's connections.
    const connection = (event as { connection?: { ownerId?: number } })
      .connection;
    if (connection?.ownerId === this.#instanceId) {
      this.#requests += 1;
    }
  };
  readonly #instanceId: number;
  readonly #cluster: KafkaClusterConfig;
  readonly #oauthToken?: () => Promise<string>;

  constructor(
    cluster: KafkaClusterConfig,
    options: { oauthToken?: () => Promise<string> } = {},
  ) {
    this.#admin = new Admin({
      clientId: cluster.clientId,
      bootstrapBrokers: cluster.brokers,
      timeout: cluster.requestTimeoutMs,
      connectTimeout: cluster.requestTimeoutMs,
      requestTimeout: cluster.requestTimeoutMs,
      // Callers bound every call with their own timeout; a short retry
      // budget keeps an unreachable cluster from holding a request open.
      retries: 1,
      retryDelay: 250,
      tls: tlsOptions(cluster),
      sasl: saslOptions(cluster, options.oauthToken),
    });
    this.#instanceId = this.#admin.instanceId;
    this.#cluster = cluster;
    this.#oauthToken = options.oauthToken;
    subscribe(connectionsApiChannel.start.name, this.#onRequest);
  }

  requestCount(): number {
    return this.#requests;
  }

  async describeCluster(): Promise<KafkaClusterDescription> {
    const metadata = await this.#admin.metadata({
      topics: [],
      forceUpdate: true,
    });
    return {
      clusterId: metadata.id,
      controllerId: metadata.controllerId,
      brokers: [...metadata.brokers.entries()].map(([nodeId, b]) => ({
        nodeId,
        host: b.host,
        port: b.port,
        rack: b.rack ?? undefined,
      })),
    };
  }

  async listTopics(): Promise<string[]> {
    return (await this.#admin.listTopics({ includeInternals: false })).sort();
  }

  async describeTopics(requested: string[]): Promise<KafkaTopicMetadata[]> {
    const topics = [...new Set(requested)];
    if (topics.length === 0) {
      return [];
    }
    const { wanted, metadata } = await this.#topicMetadata(topics);
    return wanted.flatMap(name => {
      const topic = metadata?.topics.get(name);
      if (!topic) {
        return [];
      }
      return [
        {
          name,
          partitions: topic.partitions.map((p, partition) => ({
            partition,
            leader: p.leader,
            replicas: [...p.replicas],
            isr: [...p.isr],
            offlineReplicas: [...p.offlineReplicas],
          })),
        },
      ];
    });
  }

  /**
   * Metadata of the named topics. One Metadata request names them all; only
   * when it fails (a topic that does not exist fails the whole request with
   * UNKNOWN_TOPIC_OR_PARTITION, or a transient error) does it fall back to
   * listing the cluster's topics and asking again for those that exist, with
   * the client's retries. Listing first on every call would fetch every
   * topic of the cluster each time: with 10,000 topics, most of the work of
   * a lag read that needs two hundred.
   */
  async #topicMetadata(
    topics: string[],
  ): Promise<{ wanted: string[]; metadata?: ClusterMetadata }> {
    try {
      return {
        wanted: topics,
        // A copy: the library sorts the array it is given.
        metadata: await this.#admin.metadata({
          topics: [...topics],
          forceUpdate: true,
          retries: 0,
        }),
      };
    } catch {
      const existing = new Set(
        await this.#admin.listTopics({ includeInternals: true }),
      );
      const wanted = topics.filter(t => existing.has(t));
      if (wanted.length === 0) {
        return { wanted };
      }
      return {
        wanted,
        metadata: await this.#admin.metadata({
          topics: wanted,
          forceUpdate: true,
        }),
      };
    }
  }

  /** One ListOffsets per leader for every partition of the given topics. */
  #listOffsets(metadata: KafkaTopicMetadata[], timestamp: bigint) {
    return this.#admin.listOffsets({
      topics: metadata.map(t => ({
        name: t.name,
        partitions: t.partitions.map(p => ({
          partitionIndex: p.partition,
          timestamp,
        })),
      })),
    });
  }

  async fetchTopicOffsets(requested: string[]): Promise<KafkaTopicOffsets[]> {
    const topics = [...new Set(requested)];
    const metadata = await this.describeTopics(topics);
    if (metadata.length === 0) {
      return [];
    }
    const [earliest, latest] = await Promise.all([
      this.#listOffsets(metadata, EARLIEST),
      this.#listOffsets(metadata, LATEST),
    ]);
    const earliestByKey = new Map<string, number>();
    for (const t of earliest) {
      for (const p of t.partitions) {
        earliestByKey.set(`${t.name}/${p.partitionIndex}`, Number(p.offset));
      }
    }
    return latest.map(t => ({
      topic: t.name,
      partitions: t.partitions
        .map(p => ({
          partition: p.partitionIndex,
          earliest: earliestByKey.get(`${t.name}/${p.partitionIndex}`) ?? 0,
          latest: Number(p.offset),
        }))
        .sort((a, b) => a.partition - b.partition),
    }));
  }

  /** The latest offsets alone: one ListOffsets per leader instead of two. */
  async fetchLogEndOffsets(requested: string[]): Promise<Map<string, number>> {
    const metadata = await this.describeTopics([...new Set(requested)]);
    const logEnd = new Map<string, number>();
    if (metadata.length === 0) {
      return logEnd;
    }
    for (const t of await this.#listOffsets(metadata, LATEST)) {
      for (const p of t.partitions) {
        logEnd.set(`${t.name}/${p.partitionIndex}`, Number(p.offset));
      }
    }
    return logEnd;
  }

  async fetchTopicLastMessages(
    requested: string[],
  ): Promise<KafkaTopicLastMessage[]> {
    const metadata = await this.describeTopics([...new Set(requested)]);
    if (metadata.length === 0) {
      return [];
    }
    const listed = await this.#admin.listOffsets({
      topics: metadata.map(t => ({
        name: t.name,
        partitions: t.partitions.map(p => ({
          partitionIndex: p.partition,
          timestamp: MAX_TIMESTAMP,
        })),
      })),
    });
    const newest = new Map<string, number | null>(
      metadata.map(t => [t.name, null]),
    );
    for (const t of listed) {
      for (const p of t.partitions) {
        // An empty partition answers timestamp -1.
        const at = Number(p.timestamp);
        if (at >= 0 && at > (newest.get(t.name) ?? -1)) {
          newest.set(t.name, at);
        }
      }
    }
    return [...newest].map(([topic, lastMessageAt]) => ({
      topic,
      lastMessageAt,
    }));
  }

  async describeTopicConfigs(
    requested: string[],
  ): Promise<KafkaTopicConfigs[]> {
    const topics = [...new Set(requested)];
    if (topics.length === 0) {
      return [];
    }
    const result = await this.#admin.describeConfigs({
      resources: topics.map(name => ({
        resourceType: ConfigResourceTypes.TOPIC,
        resourceName: name,
      })),
    });
    return result.map(r => ({
      topic: r.resourceName,
      configs: r.configs.map(c => ({
        name: c.name,
        value: c.isSensitive ? undefined : c.value ?? undefined,
        isDefault:
          c.configSource === ConfigSources.DEFAULT_CONFIG ||
          c.configSource === ConfigSources.STATIC_BROKER_CONFIG,
        isSensitive: c.isSensitive,
      })),
    }));
  }

  async listGroups(): Promise<KafkaGroupListing[]> {
    const groups = await this.#admin.listGroups();
    return [...groups.values()]
      .map(g => ({
        groupId: g.id,
        state: String(g.state),
        protocolType: g.protocolType,
      }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async describeGroups(groupIds: string[]): Promise<KafkaGroupDescription[]> {
    if (groupIds.length === 0) {
      return [];
    }
    const groups = await this.#admin.describeGroups({ groups: groupIds });
    return groupIds.flatMap(id => {
      const g = groups.get(id);
      if (!g) {
        return [];
      }
      return [
        {
          groupId: id,
          state: String(g.state),
          protocolType: g.protocolType,
          members: [...g.members.values()].map(m => ({
            memberId: m.id,
            clientId: m.clientId,
            host: m.clientHost,
            assignments: [...(m.assignments?.values() ?? [])].map(a => ({
              topic: a.topic,
              partitions: [...a.partitions],
            })),
          })),
        },
      ];
    });
  }

  async fetchCommittedOffsets(
    groupIds: string[],
  ): Promise<KafkaGroupOffsets[]> {
    if (groupIds.length === 0) {
      return [];
    }
    const result = await this.#admin.listConsumerGroupOffsets({
      groups: groupIds,
    });
    const byGroup = new Map(result.map(g => [g.groupId, g]));
    return groupIds.map(groupId => ({
      groupId,
      offsets: (byGroup.get(groupId)?.topics ?? []).flatMap(t =>
        t.partitions
          // -1 means "no committed offset" for that partition.
          .filter(p => p.committedOffset >= 0n)
          .map(p => ({
            topic: t.name,
            partition: p.partitionIndex,
            offset: Number(p.committedOffset),
          })),
      ),
    }));
  }

  async createTopics(
    topics: KafkaNewTopic[],
    options: { validateOnly: boolean },
  ): Promise<void> {
    if (options.validateOnly) {
      await this.#validateTopics(topics);
      return;
    }
    for (const t of topics) {
      await this.#admin.createTopics({
        topics: [
          {
            topic: t.topic,
            partitions: t.partitions,
            replicas: t.replicationFactor,
          },
        ],
        configs: Object.entries(t.configs).map(([name, value]) => ({
          name,
          value,
        })),
      });
    }
  }

  /**
   * Validate-only CreateTopics. The library's admin API always sends
   * validate_only=false, so this sends the protocol request itself
   * (CreateTopics v7, Kafka 2.8 and later) on a connection of its own to the
   * controller the metadata names (any broker forwards it in KRaft), with
   * the cluster's TLS and SASL settings. Broker refusals come back as the
   * library's ResponseError, which KafkaClusters maps like any other.
   */
  async #validateTopics(topics: KafkaNewTopic[]): Promise<void> {
    const metadata = await this.#admin.metadata({
      topics: [],
      forceUpdate: true,
    });
    const broker =
      metadata.brokers.get(metadata.controllerId) ??
      [...metadata.brokers.values()][0];
    if (!broker) {
      throw new Error('the cluster metadata lists no brokers');
    }
    const connection = new Connection(this.#cluster.clientId, {
      connectTimeout: this.#cluster.requestTimeoutMs,
      requestTimeout: this.#cluster.requestTimeoutMs,
      tls: tlsOptions(this.#cluster),
      sasl: saslOptions(this.#cluster, this.#oauthToken),
      ownerId: this.#instanceId,
    });
    try {
      await promisify<string, number, void>(
        connection.connect.bind(connection),
      )(broker.host, broker.port);
      await createTopicsV7.api.async(
        connection,
        topics.map(t => ({
          name: t.topic,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
          assignments: [],
          configs: Object.entries(t.configs).map(([name, value]) => ({
            name,
            value,
          })),
        })),
        this.#cluster.requestTimeoutMs,
        true,
      );
    } finally {
      await promisify<void>(connection.close.bind(connection))().catch(
        () => undefined,
      );
    }
  }

  async close(): Promise<void> {
    unsubscribe(connectionsApiChannel.start.name, this.#onRequest);
    await this.#admin.close();
  }
}
