import { Knex } from 'knex';
import { LagSample } from '@interchange/plugin-interchange-common';
import { LagHistoryStore } from '../kafka/LagHistoryStore';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_kafka_lag_samples';

type Row = {
  group_id: string;
  sampled_at: Date | number | string;
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
    timestamp: fromDbTime(row.sampled_at).getTime(),
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

/** {@link LagHistoryStore} in the plugin database. */
export class DatabaseLagHistoryStore implements LagHistoryStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(cluster: string, samples: Map<string, LagSample>): Promise<void> {
    const rows = [...samples.entries()].map(([groupId, sample]) => ({
      cluster,
      group_id: groupId,
      sampled_at: new Date(sample.timestamp),
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

  async trend(
    cluster: string,
    groupId: string,
    since: number,
  ): Promise<{ timestamp: number; totalLag: number }[]> {
    const rows = await this.#db(TABLE)
      .select('sampled_at', 'total_lag')
      .where({ cluster, group_id: groupId })
      .andWhere('sampled_at', '>=', new Date(since))
      .orderBy('sampled_at');
    return rows.map(r => ({
      timestamp: fromDbTime(r.sampled_at).getTime(),
      totalLag: Number(r.total_lag),
    }));
  }

  async prune(olderThan: number): Promise<number> {
    return this.#db(TABLE)
      .where('sampled_at', '<', new Date(olderThan))
      .delete();
  }
}
