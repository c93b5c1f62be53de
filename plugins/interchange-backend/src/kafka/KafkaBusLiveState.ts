import {
  BusBroker,
  BusLiveStateReader,
  describeKafkaError,
} from '@interchange/plugin-interchange-node';
import {
  KafkaClusterSummary,
  KafkaConsumerGroupState,
} from '../schema/openapi/generated/models';
import { KafkaLiveState } from './KafkaLiveState';
import { LagHistoryStore } from './LagHistoryStore';

/**
 * What the shared live-state routes read of Kafka: clusters, a topic's
 * consumer groups (the scope is the topic), a group's lag trend.
 */
export interface KafkaReadTypes {
  broker: KafkaClusterSummary;
  scope: string;
  destination: KafkaConsumerGroupState;
  ref: string;
  detail: { timestamp: number; totalLag: number }[];
}

/**
 * Kafka behind the broker-neutral layer: a sample is every consumer group's
 * committed offsets and log-end offsets, kept per partition in the lag
 * history (the lag status rules need partitions, not just totals).
 */
export class KafkaBusLiveState implements BusLiveStateReader<KafkaReadTypes> {
  readonly bus = 'kafka' as const;
  readonly #live: KafkaLiveState;
  readonly #history: LagHistoryStore;

  constructor(live: KafkaLiveState, history: LagHistoryStore) {
    this.#live = live;
    this.#history = history;
  }

  listBrokers(): BusBroker[] {
    return this.#live.listClusters().map(c => ({
      bus: 'kafka',
      id: c.id,
      title: c.title,
      dashboardUrl: c.dashboardUrl,
    }));
  }

  brokerSummary(broker: string): KafkaClusterSummary {
    return this.#live.summary(broker);
  }

  /** The consumer groups of a topic, with lag and health. */
  destinations(
    broker: string,
    topic: string,
  ): Promise<KafkaConsumerGroupState[]> {
    return this.#live.topicGroups(broker, topic);
  }

  /** A group's total lag since `since`. */
  destination(broker: string, groupId: string, since: number) {
    return this.#history.trend(broker, groupId, since);
  }

  async sample(broker: string, timestamp: number): Promise<void> {
    const samples = await this.#live.sampleCluster(broker, timestamp);
    await this.#history.add(broker, samples);
  }

  pruneHistory(olderThan: number): Promise<number> {
    return this.#history.prune(olderThan);
  }

  describeError(e: unknown): string {
    return describeKafkaError(e);
  }
}
