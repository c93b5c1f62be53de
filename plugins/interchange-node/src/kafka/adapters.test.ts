import { computeGroupLag } from '@interchange/plugin-interchange-common';
import {
  commitOffsets,
  describeGroupWithKafkaTool,
  describeKafka,
  kafkaBrokers,
  produceMessageAt,
  seedTopic,
  uniqueName,
} from '../testUtils/kafka';
import { readKafkaClusters } from '../config/readKafkaClusters';
import { ConfigReader } from '@backstage/config';
import { createKafkaAdminClient } from './KafkaClusters';
import { KafkaAdapterName, KafkaAdminClient } from './types';

jest.setTimeout(120_000);

const byTopic = (a: { topic: string }, b: { topic: string }) =>
  a.topic.localeCompare(b.topic);

/**
 * What fetchTopicLastMessages answers: the times, or for kafkajs (whose
 * ListOffsets version predates the newest-timestamp query) a refusal that
 * names the fix.
 */
function expectedLastMessages(
  adapter: KafkaAdapterName,
  times: Array<{ topic: string; lastMessageAt: unknown }>,
) {
  return adapter === 'kafkajs'
    ? {
        error: expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(/adapter to 'platformatic'/),
        }),
      }
    : { result: [...times].sort(byTopic) };
}

describeKafka('Kafka admin adapters against a real broker', () => {
  const brokers = kafkaBrokers!;
  const topic = uniqueName('it-orders');
  const group = uniqueName('it-group');
  const emptyGroup = uniqueName('it-empty');
  const idleTopic = uniqueName('it-idle');
  const emptyTopic = uniqueName('it-empty-topic');
  const idleSince = Date.now() - 40 * 24 * 3600 * 1000;

  beforeAll(async () => {
    await seedTopic(brokers, topic, [5, 3, 0], {
      'retention.ms': '86400000',
      'cleanup.policy': 'delete',
    });
    await commitOffsets(brokers, group, topic, { 0: 2, 1: 3 });
    // Older records than retention would be deleted: keep them.
    await seedTopic(brokers, idleTopic, [0, 0], { 'retention.ms': '-1' });
    await produceMessageAt(brokers, idleTopic, idleSince, 1);
    await produceMessageAt(brokers, idleTopic, idleSince - 60_000, 0);
    await seedTopic(brokers, emptyTopic, [0]);
  });

  describe.each<KafkaAdapterName>(['platformatic', 'kafkajs'])(
    '%s',
    adapter => {
      let admin: KafkaAdminClient;
      beforeAll(() => {
        const [cluster] = readKafkaClusters(
          new ConfigReader({
            interchange: { kafka: { clusters: [{ id: 'test', brokers }] } },
          }),
        );
        admin = createKafkaAdminClient(cluster, adapter);
      });
      afterAll(() => admin.close());

      it('describes the cluster and lists topics', async () => {
        const cluster = await admin.describeCluster();
        expect(cluster.brokers).toEqual([
          expect.objectContaining({ nodeId: 1, host: '127.0.0.1' }),
        ]);
        expect(await admin.listTopics()).toContain(topic);
      });

      it('describes partitions, offsets and configs', async () => {
        const [meta] = await admin.describeTopics([topic, 'does-not-exist']);
        expect(meta.name).toBe(topic);
        expect(
          meta.partitions.map(p => [p.partition, p.leader, p.replicas, p.isr]),
        ).toEqual([
          [0, 1, [1], [1]],
          [1, 1, [1], [1]],
          [2, 1, [1], [1]],
        ]);
        expect(await admin.fetchTopicOffsets([topic])).toEqual([
          {
            topic,
            partitions: [
              { partition: 0, earliest: 0, latest: 5 },
              { partition: 1, earliest: 0, latest: 3 },
              { partition: 2, earliest: 0, latest: 0 },
            ],
          },
        ]);
        // What lag needs, the log end alone; missing topics left out.
        expect(
          await admin.fetchLogEndOffsets([topic, 'does-not-exist']),
        ).toEqual(
          new Map([
            [`${topic}/0`, 5],
            [`${topic}/1`, 3],
            [`${topic}/2`, 0],
          ]),
        );
        const [configs] = await admin.describeTopicConfigs([topic]);
        const byName = Object.fromEntries(
          configs.configs.map(c => [c.name, c]),
        );
        expect(byName['retention.ms']).toMatchObject({
          value: '86400000',
          isDefault: false,
        });
        expect(byName['segment.bytes']).toMatchObject({ isDefault: true });
      });

      it('reads when each topic last received a message', async () => {
        const read = await admin
          .fetchTopicLastMessages([topic, idleTopic, emptyTopic, 'nope'])
          .then(
            r => ({ result: [...r].sort(byTopic) }),
            e => ({ error: e }),
          );
        expect(read).toEqual(
          expectedLastMessages(adapter, [
            { topic, lastMessageAt: expect.any(Number) },
            { topic: idleTopic, lastMessageAt: idleSince },
            { topic: emptyTopic, lastMessageAt: null },
          ]),
        );
      });

      it('computes exactly the lag that kafka-consumer-groups --describe reports', async () => {
        const [committed, empty] = await admin.fetchCommittedOffsets([
          group,
          emptyGroup,
        ]);
        expect(empty).toEqual({ groupId: emptyGroup, offsets: [] });
        const offsets = await admin.fetchTopicOffsets(
          committed.offsets.map(o => o.topic),
        );
        const logEnd = new Map(
          offsets.flatMap(t =>
            t.partitions.map(
              p => [`${t.topic}/${p.partition}`, p.latest] as const,
            ),
          ),
        );
        const ours = computeGroupLag(group, committed.offsets, logEnd);
        const kafkas = await describeGroupWithKafkaTool(brokers, group);
        expect(kafkas).toEqual([
          { topic, partition: 0, currentOffset: 2, logEndOffset: 5, lag: 3 },
          { topic, partition: 1, currentOffset: 3, logEndOffset: 3, lag: 0 },
        ]);
        expect(
          ours.partitions.map(p => ({
            topic: p.topic,
            partition: p.partition,
            currentOffset: p.committedOffset,
            logEndOffset: p.logEndOffset,
            lag: p.lag,
          })),
        ).toEqual(kafkas);
        expect(ours.totalLag).toBe(3);
      });

      it('lists and describes groups', async () => {
        expect((await admin.listGroups()).map(g => g.groupId)).toContain(group);
        const [described] = await admin.describeGroups([group]);
        expect(described).toMatchObject({ groupId: group, members: [] });
        expect(String(described.state).toLowerCase()).toBe('empty');
      });

      it('counts the protocol requests it sends', async () => {
        const before = admin.requestCount();
        await admin.fetchCommittedOffsets([group]);
        expect(admin.requestCount()).toBeGreaterThan(before);
      });
    },
  );

  it('platformatic: reads named topics in one Metadata request, listing the cluster only when one is missing', async () => {
    const [cluster] = readKafkaClusters(
      new ConfigReader({
        interchange: { kafka: { clusters: [{ id: 'test', brokers }] } },
      }),
    );
    const admin = createKafkaAdminClient(cluster, 'platformatic');
    try {
      await admin.describeCluster();
      let before = admin.requestCount();
      const found = await admin.describeTopics([topic, idleTopic]);
      expect(found.map(t => t.name)).toEqual([topic, idleTopic]);
      // The lag sampler's and the topic provider's cost on a cluster with
      // thousands of topics: never a listing of all of them.
      expect(admin.requestCount() - before).toBe(1);

      before = admin.requestCount();
      const some = await admin.describeTopics([topic, 'does-not-exist']);
      expect(some.map(t => t.name)).toEqual([topic]);
      // The refused request, the listing, and the request for those that exist.
      expect(admin.requestCount() - before).toBe(3);

      // Log-end offsets: the topics' metadata, the library's own metadata
      // refresh before ListOffsets, and one ListOffsets (one broker); the
      // earliest offsets, which lag does not need, would add another.
      before = admin.requestCount();
      await admin.fetchLogEndOffsets([topic, idleTopic]);
      expect(admin.requestCount() - before).toBe(3);
    } finally {
      await admin.close();
    }
  });
});
