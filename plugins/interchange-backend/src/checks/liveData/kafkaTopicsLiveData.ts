import {
  computeTopicDrift,
  getKafkaTopicName,
  IntegrationGraph,
  isKafkaTopicEntity,
  KafkaTopicEntityV1alpha1,
  TopicDrift,
} from '@interchange/plugin-interchange-common';
import {
  describeKafkaError,
  KafkaClusters,
} from '@interchange/plugin-interchange-node';

/** What the brokers say about the catalog's topics, for the checks. */
export interface KafkaTopicsLiveData {
  /** Drift per topic ref; topics of clusters that did not answer are absent. */
  drift: Record<string, TopicDrift[]>;
  /** Newest record time per topic ref (ISO 8601); null when none is retained. */
  lastMessageAt: Record<string, string | null>;
  /** Sum of end offsets of topics with no retained record: a change is a new message. */
  endOffsets: Map<string, string>;
  /** Topic refs whose state could not be read this time. */
  unread: Set<string>;
  /** Why drift or message times are missing, per cluster. */
  driftUnavailable: string[];
  lastMessageUnavailable: string[];
}

/**
 * Reads every KafkaTopic of the graph from its cluster: per cluster one
 * metadata, one offsets, one configs and one newest-timestamp request for
 * all its topics, never one per topic. A cluster that does not answer is
 * named in the reasons and its topics are not judged.
 */
export async function readKafkaTopicsLiveData(
  graph: IntegrationGraph,
  clusters: KafkaClusters,
): Promise<KafkaTopicsLiveData> {
  const result: KafkaTopicsLiveData = {
    drift: {},
    lastMessageAt: {},
    endOffsets: new Map(),
    unread: new Set(),
    driftUnavailable: [],
    lastMessageUnavailable: [],
  };
  const configured = new Set(clusters.list().map(c => c.id));
  const byCluster = new Map<
    string,
    Array<{ ref: string; entity: KafkaTopicEntityV1alpha1 }>
  >();
  const unconfigured = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (!node.entity || !isKafkaTopicEntity(node.entity)) {
      continue;
    }
    const cluster = node.entity.spec.cluster;
    if (!configured.has(cluster)) {
      unconfigured.add(cluster);
      continue;
    }
    byCluster.set(cluster, [
      ...(byCluster.get(cluster) ?? []),
      { ref: node.ref, entity: node.entity },
    ]);
  }
  if (unconfigured.size > 0) {
    const why = `topics of cluster(s) ${[...unconfigured]
      .sort()
      .join(
        ', ',
      )} not judged: not configured under interchange.kafka.clusters`;
    result.driftUnavailable.push(why);
    result.lastMessageUnavailable.push(why);
  }

  for (const [cluster, topics] of byCluster) {
    const names = [...new Set(topics.map(t => getKafkaTopicName(t.entity)))];
    // kafkajs cannot ask for the newest record time; drift still works.
    const canReadTimes = clusters.config(cluster).adapter === 'platformatic';
    if (!canReadTimes) {
      result.lastMessageUnavailable.push(
        `Kafka cluster ${cluster}: the kafkajs adapter cannot tell when a topic last received a message; set its adapter to 'platformatic'`,
      );
    }
    let read;
    try {
      read = await clusters.run(
        cluster,
        'read topics for the integration checks',
        async admin => {
          const metadata = await admin.describeTopics(names);
          const existing = metadata.map(m => m.name);
          const [offsets, configs, last] = await Promise.all([
            admin.fetchTopicOffsets(existing),
            admin.describeTopicConfigs(existing),
            canReadTimes
              ? admin.fetchTopicLastMessages(existing)
              : Promise.resolve(undefined),
          ]);
          return { metadata, offsets, configs, last };
        },
      );
    } catch (e) {
      const why = `Kafka cluster ${cluster} not read: ${describeKafkaError(
        e,
      )}`;
      result.driftUnavailable.push(why);
      if (canReadTimes) {
        result.lastMessageUnavailable.push(why);
      }
      topics.forEach(t => result.unread.add(t.ref));
      continue;
    }
    const metadata = new Map(read.metadata.map(m => [m.name, m]));
    const offsets = new Map(read.offsets.map(o => [o.topic, o.partitions]));
    const configs = new Map(read.configs.map(c => [c.topic, c.configs]));
    const last = new Map(read.last?.map(l => [l.topic, l.lastMessageAt]));
    for (const { ref, entity } of topics) {
      const name = getKafkaTopicName(entity);
      const meta = metadata.get(name);
      result.drift[ref] = computeTopicDrift(
        entity,
        meta && {
          partitions: meta.partitions.length,
          replicationFactor: Math.max(
            0,
            ...meta.partitions.map(p => p.replicas.length),
          ),
          configs: Object.fromEntries(
            (configs.get(name) ?? []).map(c => [c.name, c.value]),
          ),
        },
      );
      // A missing topic is drift, not idleness.
      if (!meta || !read.last) {
        continue;
      }
      const at = last.get(name);
      result.lastMessageAt[ref] =
        typeof at === 'number' ? new Date(at).toISOString() : null;
      if (typeof at !== 'number') {
        const total = (offsets.get(name) ?? []).reduce(
          (sum, p) => sum + p.latest,
          0,
        );
        result.endOffsets.set(ref, `end-offsets:${total}`);
      }
    }
  }
  return result;
}
