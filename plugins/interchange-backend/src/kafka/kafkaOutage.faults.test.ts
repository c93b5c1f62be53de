import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  KafkaClusters,
  kafkaClustersServiceRef,
} from '@interchange/plugin-interchange-node';
import {
  AdminClientHook,
  captureScheduler,
  clustersWithHookAfter,
  commitOffsets,
  describeKafka,
  seedTopic,
  startPrivateKafkaBroker,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

// A private broker is started, killed and started again: generous limits
// for a loaded 2-core machine.
jest.setTimeout(240_000);

const SAMPLING_TASK = 'interchange-kafka-lag-sampling';

describeKafka('Kafka live state when the broker goes down', () => {
  const topic = uniqueName('outage-orders');
  const group = uniqueName('outage-billing');
  // The broker is killed after a sampling run has listed the groups and
  // before it reads their offsets and the log-end offsets.
  const hook: AdminClientHook = {};
  let broker: Awaited<ReturnType<typeof startPrivateKafkaBroker>>;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let clusters: KafkaClusters;
  // The test backend's scheduler runs tasks when told to; this module
  // hands the test the plugin's scheduler.
  const schedulerOf = captureScheduler('interchange');
  // Every plugin's logger (the mock's factory serves them all).
  const logger = mockServices.logger.mock();

  const sample = () => schedulerOf.scheduler().triggerTask(SAMPLING_TASK);
  const trend = async () =>
    (
      await request(backend.server)
        .get(
          `/api/interchange/kafka/clusters/local/consumer-groups/${group}/trend`,
        )
        .expect(200)
    ).body.items as { timestamp: number; totalLag: number }[];
  const warnings = () => logger.warn.mock.calls.map(c => String(c[0]));

  beforeAll(async () => {
    broker = await startPrivateKafkaBroker('live-state-faults');
    await seedTopic(broker.brokers, topic, [10, 4]);
    await commitOffsets(broker.brokers, group, topic, { 0: 7, 1: 4 });
    clusters = clustersWithHookAfter(broker.brokers, 'listGroups', hook);
    backend = await startTestBackend({
      features: [
        interchangePlugin,
        schedulerOf.module,
        eventsServiceFactory,
        logger.factory,
        createServiceFactory({
          service: kafkaClustersServiceRef,
          deps: {},
          factory: () => clusters,
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'interchange.dev/v1alpha1',
              kind: 'KafkaTopic',
              metadata: { name: 'orders', namespace: 'default' },
              spec: { owner: 'team', cluster: 'local', topicName: topic },
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'billing',
                namespace: 'default',
                annotations: {
                  'interchange.dev/kafka-consumer-groups': `local/${group}`,
                },
              },
              spec: { type: 'service', owner: 'team', lifecycle: 'production' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: {
                lagSampling: { enabled: true, frequency: { minutes: 1 } },
                clusters: [{ id: 'local', brokers: broker.brokers }],
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await clusters?.close();
    await broker?.remove();
  });

  it('samples consumer lag while the broker answers', async () => {
    await sample();
    expect(await trend()).toEqual([
      { timestamp: expect.any(Number), totalLag: 3 },
    ]);
    await request(backend.server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/orders')
      .expect(200);
  });

  it('logs a sampling run the broker died in the middle of, records no sample from it, and dates the outage', async () => {
    hook.run = () => broker.kill();
    await sample();
    expect(hook.run).toBeUndefined(); // killed mid-run
    expect(warnings()).toContainEqual(
      expect.stringMatching(
        /^Sampling of kafka cluster local failed: Kafka cluster local unreachable since \S+Z while trying to sample consumer lag: /,
      ),
    );
    expect(await trend()).toHaveLength(1);
    expect(clusters.unreachableSince('local')).toBeDefined();
  });

  it('answers the live-state API with 503 "unreachable since <time>" and the cause while the broker is down', async () => {
    const since = new Date(clusters.unreachableSince('local')!).toISOString();
    const res = await request(backend.server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/orders')
      .expect(503);
    expect(res.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Kafka cluster local unreachable since \S+Z while trying to describe topic .+: \S/,
      ),
      // Dated from the sampling run that first failed, not from this request.
      unreachableSince: since,
    });
    expect(res.body.error.message).toContain(`unreachable since ${since}`);
    const groups = await request(backend.server)
      .get(
        '/api/interchange/kafka/entities/default/component/billing/consumer-groups',
      )
      .expect(200);
    expect(groups.body).toEqual({
      items: [],
      errors: [
        {
          cluster: 'local',
          message: expect.stringContaining(`unreachable since ${since}`),
          unreachableSince: since,
        },
      ],
    });
  });

  it('resumes sampling and answers again once the broker is back', async () => {
    await broker.start();
    await sample();
    const points = await trend();
    expect(points).toHaveLength(2);
    expect(points[1].totalLag).toBe(3);
    expect(clusters.unreachableSince('local')).toBeUndefined();
    const res = await request(backend.server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/orders')
      .expect(200);
    expect(res.body.state.exists).toBe(true);
  });
});
