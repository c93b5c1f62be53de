/**
 * The operations Interchange needs from a Kafka cluster, independent of the
 * client library. Offsets are numbers: JavaScript numbers are exact up to
 * 2^53, far beyond any real partition's offset.
 */

/** @public */
export interface KafkaBroker {
  nodeId: number;
  host: string;
  port: number;
  rack?: string;
}

/** @public */
export interface KafkaClusterDescription {
  clusterId?: string;
  controllerId?: number;
  brokers: KafkaBroker[];
}

/** @public */
export interface KafkaPartitionMetadata {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

/** @public */
export interface KafkaTopicMetadata {
  name: string;
  partitions: KafkaPartitionMetadata[];
}

/** @public */
export interface KafkaPartitionOffsets {
  partition: number;
  /** Log start offset. */
  earliest: number;
  /** Log end offset (high watermark). */
  latest: number;
}

/** @public */
export interface KafkaTopicOffsets {
  topic: string;
  partitions: KafkaPartitionOffsets[];
}

/** @public */
export interface KafkaConfigEntry {
  name: string;
  /** Undefined for sensitive values: the broker does not return them. */
  value?: string;
  isDefault: boolean;
  isSensitive: boolean;
}

/** @public */
export interface KafkaTopicConfigs {
  topic: string;
  configs: KafkaConfigEntry[];
}

/** @public */
export interface KafkaGroupListing {
  groupId: string;
  state?: string;
  protocolType?: string;
}

/** @public */
export interface KafkaGroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assignments: { topic: string; partitions: number[] }[];
}

/** @public */
export interface KafkaGroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  members: KafkaGroupMember[];
}

/** @public */
export interface KafkaCommittedOffset {
  topic: string;
  partition: number;
  offset: number;
}

/** @public */
export interface KafkaGroupOffsets {
  groupId: string;
  offsets: KafkaCommittedOffset[];
}

/** @public */
export interface KafkaNewTopic {
  topic: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * When a topic last received a message: the newest record timestamp over
 * its partitions (the producer's or the broker's time, per the topic's
 * `message.timestamp.type`), or null when no partition holds a record.
 *
 * @public
 */
export interface KafkaTopicLastMessage {
  topic: string;
  /** Milliseconds since the epoch, or null when the topic holds no record. */
  lastMessageAt: number | null;
}

/** @public */
export type KafkaAdapterName = 'platformatic' | 'kafkajs';

/**
 * A long-lived admin connection to one cluster.
 *
 * @public
 */
export interface KafkaAdminClient {
  readonly adapter: KafkaAdapterName;
  describeCluster(): Promise<KafkaClusterDescription>;
  listTopics(): Promise<string[]>;
  /** Topics that do not exist are left out of the result. */
  describeTopics(topics: string[]): Promise<KafkaTopicMetadata[]>;
  fetchTopicOffsets(topics: string[]): Promise<KafkaTopicOffsets[]>;
  /**
   * Log-end offsets (high watermarks) by `topic/partition`, all that lag
   * needs: half the ListOffsets work of `fetchTopicOffsets`. Topics that do
   * not exist are left out.
   */
  fetchLogEndOffsets(topics: string[]): Promise<Map<string, number>>;
  describeTopicConfigs(topics: string[]): Promise<KafkaTopicConfigs[]>;
  /**
   * The newest record time of each topic, in one batched ListOffsets
   * (MAX_TIMESTAMP, Kafka 3.0 and later) per partition leader; topics that
   * do not exist are left out.
   */
  fetchTopicLastMessages(topics: string[]): Promise<KafkaTopicLastMessage[]>;
  listGroups(): Promise<KafkaGroupListing[]>;
  describeGroups(groupIds: string[]): Promise<KafkaGroupDescription[]>;
  /** Committed offsets of each group (all topics), as few requests as the library allows. */
  fetchCommittedOffsets(groupIds: string[]): Promise<KafkaGroupOffsets[]>;
  /**
   * Creates topics; with `validateOnly` the broker checks the request
   * (name, partitions, replication, configs, policies) and creates nothing.
   */
  createTopics(
    topics: KafkaNewTopic[],
    options: { validateOnly: boolean },
  ): Promise<void>;
  /** Kafka protocol requests sent so far (for benchmarks). */
  requestCount(): number;
  close(): Promise<void>;
}
