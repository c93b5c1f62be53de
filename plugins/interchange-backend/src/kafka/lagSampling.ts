import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { describeKafkaError } from '@interchange/plugin-interchange-node';
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
}) {
  const { settings, scheduler, logger, live, history } = options;
  if (!settings.enabled || live.listClusters().length === 0) {
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
      await history.prune(now - durationToMilliseconds(settings.retention));
    },
  });
}
