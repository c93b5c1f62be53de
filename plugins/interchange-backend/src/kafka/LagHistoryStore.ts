import { Knex } from 'knex';
import { LagSample } from '@interchange/plugin-interchange-common';

const TABLE = 'interchange_kafka_lag_samples';

type Row = {
  group_id: string;
  sampled_at: number | string;
  partitions: string;
};

/** Compact on disk: a sample of 200 groups × 36 partitions stays small. */
type StoredPartition = [
  topic: string,
  partition: number,
  committed: number,
  logEnd: number,
];

function toSample(row: Row): LagSample {
  const partitions = JSON.parse(row.partitions) as StoredPartition[];
  return {
    timestamp: Number(row.sampled_at),
    partitions: partitions.map(
      ([topic, partition, committedOffset, logEndOffset]) => ({
        topic,
        partition,
        committedOffset,
        logEndOffset,
      }),
    ),
  };
}

/**
 * Bounded history of consumer-group offsets per cluster. Rows older than the
 * retention are pruned after every sampling run, so the table's size is set
 * by retention × groups, not by uptime.
 */
export class LagHistoryStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(cluster: string, samples: Map<string, LagSample>): Promise<void> {
    const rows = [...samples.entries()].map(([groupId, sample]) => ({
      cluster,
      group_id: groupId,
      sampled_at: sample.timestamp,
      total_lag: sample.partitions.reduce(
        (sum, p) =>
          sum +
          Math.max(0, p.logEndOffset - (p.committedOffset ?? p.logEndOffset)),
        0,
      ),
      partitions: JSON.stringify(
        sample.partitions.map(p => [
          p.topic,
          p.partition,
          p.committedOffset ?? -1,
          p.logEndOffset,
        ]),
      ),
    }));
    // Batches keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await this.#db(TABLE).insert(rows.slice(i, i + 100));
    }
  }

  /** The latest `limit` samples of each group, oldest first. */
  async recent(
    cluster: string,
    groupIds: string[],
    limit: number,
  ): Promise<Map<string, LagSample[]>> {
    const result = new Map<string, LagSample[]>();
    if (groupIds.length === 0) {
      return result;
    }
    const ranked = this.#db(TABLE)
      .select('group_id', 'sampled_at', 'partitions')
      .select(
        this.#db.raw(
          'row_number() over (partition by group_id order by sampled_at desc) as rn',
        ),
      )
      .where({ cluster })
      .whereIn('group_id', groupIds)
      .as('ranked');
    const rows: Row[] = await this.#db
      .select('group_id', 'sampled_at', 'partitions')
      .from(ranked)
      .where('rn', '<=', limit)
      .orderBy([{ column: 'group_id' }, { column: 'sampled_at' }]);
    for (const row of rows) {
      const list = result.get(row.group_id) ?? [];
      list.push(toSample(row));
      result.set(row.group_id, list);
    }
    return result;
  }

  /** A group's total lag over time, for the trend chart. */
  async trend(
    cluster: string,
    groupId: string,
    since: number,
  ): Promise<{ timestamp: number; totalLag: number }[]> {
    const rows = await this.#db(TABLE)
      .select('sampled_at', 'total_lag')
      .where({ cluster, group_id: groupId })
      .andWhere('sampled_at', '>=', since)
      .orderBy('sampled_at');
    return rows.map(r => ({
      timestamp: Number(r.sampled_at),
      totalLag: Number(r.total_lag),
    }));
  }

  async prune(olderThan: number): Promise<number> {
    return this.#db(TABLE).where('sampled_at', '<', olderThan).delete();
  }
}
