import type {
  GroupLagStatus,
  PartitionLag,
  TopicDrift,
} from '@interchange/plugin-interchange-common';

/** What /api/interchange/kafka returns. Kept JSON-serialisable. */

export interface ClusterSummary {
  id: string;
  title: string;
  adapter: string;
  dashboardUrl?: string;
}

export interface ClusterOverview extends ClusterSummary {
  clusterId?: string;
  controllerId?: number;
  brokers: { nodeId: number; host: string; port: number; rack?: string }[];
  topicCount: number;
  groupCount: number;
}

export interface PartitionState {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  underReplicated: boolean;
  earliestOffset: number;
  latestOffset: number;
  /** latest - earliest: exact for delete topics without transactions, an upper bound otherwise. */
  messages: number;
}

export interface TopicState {
  cluster: string;
  topic: string;
  exists: boolean;
  partitions: PartitionState[];
  replicationFactor: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
  messageCount: number;
  configs: {
    name: string;
    value?: string;
    isDefault: boolean;
    isSensitive: boolean;
  }[];
}

export interface ConsumerGroupState {
  cluster: string;
  groupId: string;
  state: string;
  members: number;
  partitions: PartitionLag[];
  totalLag: number;
  maxLag: number;
  /** Burrow-style evaluation over the sampled history; undefined before the first samples. */
  health?: Omit<GroupLagStatus, 'partitions'> & {
    partitions: GroupLagStatus['partitions'];
  };
}

export interface TopicLiveState {
  entityRef: string;
  cluster: ClusterSummary;
  topic: string;
  state: TopicState;
  drift: TopicDrift[];
}
