import { ServiceUnavailableError, NotFoundError } from '@backstage/errors';
import {
  describeKafka,
  kafkaBrokers,
  seedTopic,
  switchablePort,
  uniqueName,
} from '../testUtils/kafka';
import { KafkaClusterConfig } from '../config/readKafkaClusters';
import { createKafkaAdminClient, KafkaClusters } from './KafkaClusters';
import { KafkaAdapterName } from './types';

jest.setTimeout(60_000);

const cluster = (
  id: string,
  brokers: string[],
  adapter: KafkaAdapterName,
): KafkaClusterConfig => ({
  id,
  title: id,
  brokers,
  clientId: 'interchange-tests',
  adapter,
  requestTimeoutMs: 3000,
  policy: {},
});

describe('KafkaClusters', () => {
  it('names the configured clusters when an unknown one is asked for', async () => {
    const clusters = new KafkaClusters([
      cluster('prod-eu', ['127.0.0.1:1'], 'platformatic'),
    ]);
    await expect(
      clusters.run('prod-us', 'list topics', a => a.listTopics()),
    ).rejects.toThrow(
      new NotFoundError(
        "Kafka cluster 'prod-us' is not configured; configured clusters: prod-eu",
      ),
    );
  });

  it.each<KafkaAdapterName>(['platformatic', 'kafkajs'])(
    'with %s, answers an unreachable cluster with a 503 naming the cluster and cause, within the timeout',
    async adapter => {
      const clusters = new KafkaClusters([
        cluster('down', ['127.0.0.1:1'], adapter),
      ]);
      const started = Date.now();
      const error = await clusters
        .run('down', 'list topics', a => a.listTopics())
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toMatch(
        /^Kafka cluster down unreachable since \d{4}-\d\d-\d\dT[\d:.]+Z while trying to list topics: .*(ECONNREFUSED|127\.0\.0\.1:1|no answer)/,
      );
      expect(error.unreachableSince).toBe(
        new Date(clusters.unreachableSince('down')!).toISOString(),
      );
      // No hang: the call is bounded by requestTimeoutMs (3 s), with slack for a loaded CI machine.
      expect(Date.now() - started).toBeLessThan(3000 + 5000);
      await clusters.close();
    },
  );
});

describeKafka('KafkaClusters against a real broker', () => {
  const brokers = kafkaBrokers!;
  const [host, port] = brokers[0].split(':');

  it.each<KafkaAdapterName>(['platformatic', 'kafkajs'])(
    'with %s, recovers when the cluster comes back, and dates the outage from its first failure until then',
    async adapter => {
      const topic = uniqueName('it-recover');
      await seedTopic(brokers, topic, [1]);
      const gate = await switchablePort({ host, port: Number(port) });
      const clusters = new KafkaClusters([
        cluster('flaky', [`127.0.0.1:${gate.port}`], adapter),
      ]);
      try {
        await expect(
          clusters.run('flaky', 'list topics', a => a.listTopics()),
        ).rejects.toBeInstanceOf(ServiceUnavailableError);
        const since = clusters.unreachableSince('flaky');
        expect(since).toBeDefined();
        const again = await clusters
          .run('flaky', 'describe topics', a => a.describeTopics([topic]))
          .catch(e => e);
        expect(again.unreachableSince).toBe(new Date(since!).toISOString());
        await gate.open();
        expect(
          await clusters.run('flaky', 'list topics', a => a.listTopics()),
        ).toContain(topic);
        expect(clusters.unreachableSince('flaky')).toBeUndefined();
      } finally {
        await clusters.close();
        await gate.close();
      }
    },
  );

  it('reuses one client and bounds concurrency', async () => {
    let created = 0;
    const clusters = new KafkaClusters(
      [cluster('local', brokers, 'platformatic')],
      {
        createClient: config => {
          created += 1;
          return createKafkaAdminClient(config);
        },
      },
    );
    let inFlight = 0;
    let maxInFlight = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        clusters.run('local', 'list topics', async a => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            return await a.listTopics();
          } finally {
            inFlight -= 1;
          }
        }),
      ),
    );
    expect(created).toBe(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    await clusters.close();
  });
});
