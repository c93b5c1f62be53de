import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  AdminClientHook,
  clustersWithHookAfter,
  describeKafka,
  seedTopic,
  startPrivateKafkaBroker,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { testKafkaTopicProvider } from '../__testUtils__/liveSourceProviders';
import { expectOutageMidRunAppliesNothing } from '../__testUtils__/liveSourceOutage';

// A private broker is started, stopped and started again: generous limits
// for a loaded 2-core machine, though a run takes well under a minute.
jest.setTimeout(240_000);

describeKafka(
  'KafkaTopicEntityProvider when the Kafka broker goes down',
  () => {
    const prefix = uniqueName('faults');
    const [topicA, topicB, topicC] = ['a', 'b', 'c'].map(s => `${prefix}.${s}`);
    let broker: Awaited<ReturnType<typeof startPrivateKafkaBroker>>;

    beforeAll(async () => {
      broker = await startPrivateKafkaBroker('provider-faults');
      await seedTopic(broker.brokers, topicA, [1]);
      await seedTopic(broker.brokers, topicB, [1, 1]);
    });

    afterAll(async () => {
      await broker?.remove();
    });

    it('removes no KafkaTopic entity when the broker dies in the middle of a run, says why, and catches up on the first run after it is back', async () => {
      // The broker is killed after the run has read the topic list and
      // before it describes the topics.
      const hook: AdminClientHook = {};
      const clusters = clustersWithHookAfter(
        broker.brokers,
        'listTopics',
        hook,
      );
      const {
        provider,
        connection,
        mutations: applied,
        logger,
      } = testKafkaTopicProvider({ clusters, prefix });
      await provider.connect(connection);
      const topicsOf = (mutation: DeferredEntity[]) =>
        mutation.map(d => (d.entity.spec as { topicName: string }).topicName);

      try {
        // Healthy: both topics become entities.
        expect(await provider.refresh()).toEqual({
          applied: true,
          entities: 2,
        });
        expect(topicsOf(applied[0]).sort()).toEqual([topicA, topicB]);

        // The broker dies (SIGKILL) after the run listed the topics, before it
        // described them.
        await expectOutageMidRunAppliesNothing({
          provider,
          applied,
          logger,
          stopMidRun: () => {
            hook.run = () => broker.kill();
          },
          stoppedMidRun: () => hook.run === undefined,
          reason:
            /^Kafka cluster local unreachable since \S+Z while trying to list topics for the catalog: /,
          warning:
            /^Not updating discovered topics of Kafka cluster local: Kafka cluster local unreachable since .*Existing entities are kept; the next run retries\.$/,
          unreachableSince: () => clusters.unreachableSince('local'),
        });

        // Back, with a topic created meanwhile: the first run catches up.
        await broker.start();
        await seedTopic(broker.brokers, topicC, [1]);
        expect(await provider.refresh()).toEqual({
          applied: true,
          entities: 3,
        });
        expect(topicsOf(applied[1]).sort()).toEqual([topicA, topicB, topicC]);
        expect(clusters.unreachableSince('local')).toBeUndefined();
      } finally {
        await clusters.close();
      }
    });
  },
);
