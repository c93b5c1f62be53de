import {
  BusBroker,
  BusLiveState,
  describeKafkaError,
} from '@interchange/plugin-interchange-node';
import { KafkaLiveState } from './KafkaLiveState';
import { LagHistoryStore } from './LagHistoryStore';

/**
 * Kafka behind the broker-neutral layer: a sample is every consumer group's
 * committed offsets and log-end offsets, kept per partition in the lag
 * history (the lag status rules need partitions, not just totals).
 */
export class KafkaBusLiveState implements BusLiveState {
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
