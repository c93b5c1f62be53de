import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { BusLiveState } from '@interchange/plugin-interchange-node';
import { LagSamplingSettings } from './lagSamplingSettings';

/**
 * Samples every broker of every bus (Kafka consumer lag, RabbitMQ queue
 * depths) on one schedule (one runner across backend replicas), written once
 * against the broker-neutral {@link BusLiveState}: each bus records its own
 * history, and history past the retention is pruned. A broker that fails is
 * logged and retried on the next run; the others are still sampled.
 */
export async function scheduleLagSampling(options: {
  settings: LagSamplingSettings;
  scheduler: SchedulerService;
  logger: LoggerService;
  buses: BusLiveState[];
}) {
  const { settings, scheduler, logger, buses } = options;
  const brokers = buses.reduce((n, b) => n + b.listBrokers().length, 0);
  if (!settings.enabled || brokers === 0) {
    return;
  }
  await scheduler.scheduleTask({
    // The id from when only Kafka was sampled, so upgrades keep one task.
    id: 'interchange-kafka-lag-sampling',
    frequency: settings.frequency,
    timeout: { minutes: 2 },
    initialDelay: { seconds: 5 },
    fn: async () => {
      const now = Date.now();
      for (const bus of buses) {
        for (const broker of bus.listBrokers()) {
          try {
            await bus.sample(broker.id, now);
          } catch (e) {
            logger.warn(
              `Sampling of ${bus.bus} ${
                bus.bus === 'kafka' ? 'cluster' : 'broker'
              } ${broker.id} failed: ${bus.describeError(e)}`,
            );
          }
        }
      }
      const olderThan = now - durationToMilliseconds(settings.retention);
      for (const bus of buses) {
        await bus.pruneHistory(olderThan);
      }
    },
  });
}
