import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import {
  BusLiveState,
  DepthHistoryStore,
  describeKafkaError,
} from '@interchange/plugin-interchange-node';
import { KafkaLiveState } from './KafkaLiveState';
import { LagHistoryStore } from './LagHistoryStore';
import { LagSamplingSettings } from './lagSamplingSettings';

/**
 * Samples every configured cluster's consumer offsets on a schedule (one
 * runner across backend replicas), stores them, and prunes old samples.
 * A cluster that fails is logged and retried on the next run; the others
 * are still sampled.
 */
export async function scheduleLagSampling(options: {
  settings: LagSamplingSettings;
  scheduler: SchedulerService;
  logger: LoggerService;
  live: KafkaLiveState;
  history: LagHistoryStore;
  /**
   * Other buses behind the broker-neutral layer (RabbitMQ): their
   * destinations' depths are sampled in the same run, into `depthHistory`.
   */
  buses?: BusLiveState[];
  depthHistory?: DepthHistoryStore;
}) {
  const { settings, scheduler, logger, live, history } = options;
  const buses = options.depthHistory ? options.buses ?? [] : [];
  const busBrokers = buses.reduce((n, b) => n + b.listBrokers().length, 0);
  if (
    !settings.enabled ||
    live.listClusters().length + busBrokers === 0
  ) {
    return;
  }
  await scheduler.scheduleTask({
    id: 'interchange-kafka-lag-sampling',
    frequency: settings.frequency,
    timeout: { minutes: 2 },
    initialDelay: { seconds: 5 },
    fn: async () => {
      const now = Date.now();
      for (const cluster of live.listClusters()) {
        try {
          const samples = await live.sampleCluster(cluster.id, now);
          await history.add(cluster.id, samples);
        } catch (e) {
          logger.warn(
            `Lag sampling of Kafka cluster ${
              cluster.id
            } failed: ${describeKafkaError(e)}`,
          );
        }
      }
      for (const bus of buses) {
        for (const broker of bus.listBrokers()) {
          try {
            const depths = await bus.sampleDepths(broker.id);
            await options.depthHistory!.add(bus.bus, broker.id, now, depths);
          } catch (e) {
            logger.warn(
              `Depth sampling of ${bus.bus} broker ${broker.id} failed: ${
                e instanceof Error ? e.message : String(e)
              }`,
            );
          }
        }
      }
      const olderThan = now - durationToMilliseconds(settings.retention);
      await history.prune(olderThan);
      await options.depthHistory?.prune(olderThan);
    },
  });
}
