import { InputError } from '@backstage/errors';
import {
  Admin,
  AssignerProtocol,
  ConfigResourceTypes,
  Kafka,
  logLevel,
  SASLOptions,
} from 'kafkajs';
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

function saslOptions(
  cluster: KafkaClusterConfig,
  token?: () => Promise<string>,
): SASLOptions | undefined {
  const sasl = cluster.sasl;
  if (!sasl) {
    return undefined;
  }
  if (sasl.mechanism === 'oauthbearer') {
    return {
      mechanism: 'oauthbearer',
      oauthBearerProvider: async () => ({ value: await token!() }),
    };
  }
  return {
    mechanism: sasl.mechanism,
    username: sasl.username,
    password: sasl.password,
  } as SASLOptions;
}

/**
 * kafkajs: what the community Kafka plugin uses and what many portals already
 * configure. It is no longer maintained, and it fetches committed offsets
 * with one OffsetFetch request per group.
 *
 * @public
 */
export class KafkajsAdminClient implements KafkaAdminClient {
  readonly adapter = 'kafkajs' as const;
  readonly #admin: Admin;
  #connected?: Promise<void>;
  #requests = 0;

  constructor(
    cluster: KafkaClusterConfig,
    options: { oauthToken?: () => Promise<string> } = {},
  ) {
    const kafka = new Kafka({
      clientId: cluster.clientId,
      brokers: cluster.brokers,
      ssl: cluster.ssl,
      sasl: saslOptions(cluster, options.oauthToken),
      connectionTimeout: cluster.requestTimeoutMs,
      requestTimeout: cluster.requestTimeoutMs,
      // Callers bound every call with their own timeout and report the error;
      // kafkajs' default of 5 retries with backoff would outlast it.
      retry: { retries: 1, initialRetryTime: 250 },
      // kafkajs logs connection errors itself; Interchange reports them instead.
      logLevel: logLevel.NOTHING,
    });
    this.#admin = kafka.admin();
    this.#admin.on(this.#admin.events.REQUEST, () => {
      this.#requests += 1;
    });
  }

  requestCount(): number {
    return this.#requests;
  }

  async #ready(): Promise<Admin> {
    if (!this.#connected) {
      this.#connected = this.#admin.connect().catch(e => {
        this.#connected = undefined;
        throw e;
      });
    }
    await this.#connected;
    return this.#admin;
  }

  async describeCluster(): Promise<KafkaClusterDescription> {
    const c = await (await this.#ready()).describeCluster();
    return {
      clusterId: c.clusterId,
      controllerId: c.controller ?? undefined,
      brokers: c.brokers.map(b => ({
        nodeId: b.nodeId,
        host: b.host,
        port: b.port,
      })),
    };
  }

  async listTopics(): Promise<string[]> {
    return (await (await this.#ready()).listTopics())
      .filter(t => !t.startsWith('__'))
      .sort();
  }

  async describeTopics(requested: string[]): Promise<KafkaTopicMetadata[]> {
    const topics = [...new Set(requested)];
    const admin = await this.#ready();
    const existing = new Set(await admin.listTopics());
    const wanted = topics.filter(t => existing.has(t));
    if (wanted.length === 0) {
      return [];
    }
    const { topics: metadata } = await admin.fetchTopicMetadata({
      topics: wanted,
    });
    return metadata.map(t => ({
      name: t.name,
      partitions: t.partitions
        .map(p => ({
          partition: p.partitionId,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          offlineReplicas: p.offlineReplicas ?? [],
        }))
        .sort((a, b) => a.partition - b.partition),
    }));
  }

  async fetchTopicOffsets(requested: string[]): Promise<KafkaTopicOffsets[]> {
    const topics = [...new Set(requested)];
    const admin = await this.#ready();
    const existing = new Set(await admin.listTopics());
    return Promise.all(
      topics
        .filter(t => existing.has(t))
        .map(async topic => ({
          topic,
          partitions: (await admin.fetchTopicOffsets(topic))
            .map(p => ({
              partition: p.partition,
              earliest: Number(p.low),
              latest: Number(p.high),
            }))
            .sort((a, b) => a.partition - b.partition),
        })),
    );
  }

  /**
   * kafkajs' admin has no call for the log end alone (its fetchTopicOffsets
   * always asks for both ends), so this costs what fetchTopicOffsets does.
   */
  async fetchLogEndOffsets(topics: string[]): Promise<Map<string, number>> {
    return new Map(
      (await this.fetchTopicOffsets(topics)).flatMap(t =>
        t.partitions.map(p => [`${t.topic}/${p.partition}`, p.latest] as const),
      ),
    );
  }

  /**
   * kafkajs speaks ListOffsets up to version 3, which predates the
   * newest-timestamp query (version 7), and reading the last record of
   * every partition instead would need a consumer per call.
   */
  async fetchTopicLastMessages(
    _topics: string[],
  ): Promise<KafkaTopicLastMessage[]> {
    // A refusal, not a failure: KafkaClusters.run keeps the cluster reachable.
    throw new InputError(
      "the kafkajs adapter cannot read when a topic last received a message (its ListOffsets version predates Kafka 3.0's newest-timestamp query); set the cluster's adapter to 'platformatic'",
    );
  }

  async describeTopicConfigs(
    requested: string[],
  ): Promise<KafkaTopicConfigs[]> {
    const topics = [...new Set(requested)];
    if (topics.length === 0) {
      return [];
    }
    const { resources } = await (
      await this.#ready()
    ).describeConfigs({
      includeSynonyms: false,
      resources: topics.map(name => ({
        type: ConfigResourceTypes.TOPIC,
        name,
      })),
    });
    return resources.map(r => ({
      topic: r.resourceName,
      configs: r.configEntries.map(c => ({
        name: c.configName,
        value: c.isSensitive ? undefined : c.configValue ?? undefined,
        isDefault: c.isDefault,
        isSensitive: c.isSensitive,
      })),
    }));
  }

  async listGroups(): Promise<KafkaGroupListing[]> {
    const { groups } = await (await this.#ready()).listGroups();
    return groups
      .map(g => ({ groupId: g.groupId, protocolType: g.protocolType }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async describeGroups(groupIds: string[]): Promise<KafkaGroupDescription[]> {
    if (groupIds.length === 0) {
      return [];
    }
    const { groups } = await (await this.#ready()).describeGroups(groupIds);
    return groups.map(g => ({
      groupId: g.groupId,
      state: g.state,
      protocolType: g.protocolType,
      members: g.members.map(m => {
        const decoded =
          g.protocolType === 'consumer' && m.memberAssignment?.length
            ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment)
            : null;
        return {
          memberId: m.memberId,
          clientId: m.clientId,
          host: m.clientHost,
          assignments: Object.entries(decoded?.assignment ?? {}).map(
            ([topic, partitions]) => ({
              topic,
              partitions: [...partitions],
            }),
          ),
        };
      }),
    }));
  }

  async fetchCommittedOffsets(
    groupIds: string[],
  ): Promise<KafkaGroupOffsets[]> {
    const admin = await this.#ready();
    // kafkajs' fetchOffsets takes one group per call (one OffsetFetch each).
    return Promise.all(
      groupIds.map(async groupId => ({
        groupId,
        offsets: (await admin.fetchOffsets({ groupId })).flatMap(t =>
          t.partitions
            .filter(p => Number(p.offset) >= 0)
            .map(p => ({
              topic: t.topic,
              partition: p.partition,
              offset: Number(p.offset),
            })),
        ),
      })),
    );
  }

  async createTopics(
    topics: KafkaNewTopic[],
    options: { validateOnly: boolean },
  ): Promise<void> {
    const created = await (
      await this.#ready()
    ).createTopics({
      validateOnly: options.validateOnly,
      waitForLeaders: !options.validateOnly,
      topics: topics.map(t => ({
        topic: t.topic,
        numPartitions: t.partitions,
        replicationFactor: t.replicationFactor,
        configEntries: Object.entries(t.configs).map(([name, value]) => ({
          name,
          value,
        })),
      })),
    });
    if (!created) {
      // kafkajs reports "all topics already exist" as a false return value,
      // not an error; give it the broker's error name like any refusal.
      throw Object.assign(
        new Error(
          `Topic ${topics
            .map(t => t.topic)
            .join(', ')} already exists on the cluster`,
        ),
        { type: 'TOPIC_ALREADY_EXISTS', code: 36, retriable: false },
      );
    }
  }

  async close(): Promise<void> {
    await this.#admin.disconnect();
  }
}
