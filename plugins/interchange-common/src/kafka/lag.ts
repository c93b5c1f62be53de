/**
 * Consumer lag from committed offsets and log-end offsets, the way Kafka's
 * `kafka-consumer-groups --describe` computes it: per partition, log-end
 * offset minus the group's committed offset. Partitions the group has never
 * committed for have no lag value (the tool prints "-").
 */

/** @public */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Undefined when the group has no committed offset for the partition. */
  committedOffset?: number;
  logEndOffset: number;
  /** Undefined when there is no committed offset. */
  lag?: number;
}

/** @public */
export interface GroupLag {
  groupId: string;
  partitions: PartitionLag[];
  /** Sum over partitions with a committed offset. */
  totalLag: number;
  maxLag: number;
  topics: string[];
}

/**
 * @param committed - the group's committed offsets
 * @param logEnd - log-end offsets by `topic/partition`
 * @param options - `topics`: only these topics, and also list their
 *   partitions without a committed offset (as the describe tool does for
 *   assigned partitions)
 * @public
 */
export function computeGroupLag(
  groupId: string,
  committed: Array<{ topic: string; partition: number; offset: number }>,
  logEnd: Map<string, number>,
  options: {
    topics?: string[];
    partitionsByTopic?: Map<string, number[]>;
  } = {},
): GroupLag {
  const wanted = options.topics ? new Set(options.topics) : undefined;
  const rows = new Map<string, PartitionLag>();
  for (const c of committed) {
    if (wanted && !wanted.has(c.topic)) {
      continue;
    }
    const key = `${c.topic}/${c.partition}`;
    const end = logEnd.get(key);
    if (end === undefined) {
      continue; // topic deleted since the commit
    }
    // A committed offset beyond the log end (after a topic was recreated or
    // records deleted) shows as zero lag, not negative.
    rows.set(key, {
      topic: c.topic,
      partition: c.partition,
      committedOffset: c.offset,
      logEndOffset: end,
      lag: Math.max(0, end - c.offset),
    });
  }
  for (const [topic, partitions] of options.partitionsByTopic ?? []) {
    if (wanted && !wanted.has(topic)) {
      continue;
    }
    for (const partition of partitions) {
      const key = `${topic}/${partition}`;
      if (!rows.has(key) && logEnd.has(key)) {
        rows.set(key, { topic, partition, logEndOffset: logEnd.get(key)! });
      }
    }
  }
  const partitions = [...rows.values()].sort((a, b) =>
    a.topic === b.topic
      ? a.partition - b.partition
      : a.topic.localeCompare(b.topic),
  );
  const lags = partitions.map(p => p.lag ?? 0);
  return {
    groupId,
    partitions,
    totalLag: lags.reduce((a, b) => a + b, 0),
    maxLag: lags.length ? Math.max(...lags) : 0,
    topics: [...new Set(partitions.map(p => p.topic))],
  };
}
