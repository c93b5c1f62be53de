import { Knex } from 'knex';
import {
  BusKind,
  DepthHistoryStore,
  DepthPoint,
  DestinationDepth,
} from '@interchange/plugin-interchange-node';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_depth_samples';

/** {@link DepthHistoryStore} in the plugin database. */
export class DatabaseDepthHistoryStore implements DepthHistoryStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(
    bus: BusKind,
    broker: string,
    timestamp: number,
    depths: DestinationDepth[],
  ): Promise<void> {
    const sampledAt = new Date(timestamp);
    const rows = depths.map(d => ({
      bus,
      broker,
      destination: d.destination,
      sampled_at: sampledAt,
      depth: d.depth,
      consumers: d.consumers ?? null,
    }));
    // Batches keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await this.#db(TABLE).insert(rows.slice(i, i + 100));
    }
  }

  async recent(
    bus: BusKind,
    broker: string,
    destinations: string[],
    limit: number,
  ): Promise<Map<string, DepthPoint[]>> {
    const result = new Map<string, DepthPoint[]>();
    for (let i = 0; i < destinations.length; i += 500) {
      const chunk = destinations.slice(i, i + 500);
      const ranked = this.#db(TABLE)
        .select('destination', 'sampled_at', 'depth')
        .select(
          this.#db.raw(
            'row_number() over (partition by destination order by sampled_at desc) as rn',
          ),
        )
        .where({ bus, broker })
        .whereIn('destination', chunk)
        .as('ranked');
      const rows: Array<{
        destination: string;
        sampled_at: Date | number | string;
        depth: number | string;
      }> = await this.#db
        .select('destination', 'sampled_at', 'depth')
        .from(ranked)
        .where('rn', '<=', limit)
        .orderBy([{ column: 'destination' }, { column: 'sampled_at' }]);
      for (const row of rows) {
        const list = result.get(row.destination) ?? [];
        list.push({
          timestamp: fromDbTime(row.sampled_at).getTime(),
          depth: Number(row.depth),
        });
        result.set(row.destination, list);
      }
    }
    return result;
  }

  async trend(
    bus: BusKind,
    broker: string,
    destination: string,
    since: number,
  ): Promise<DepthPoint[]> {
    const rows = await this.#db(TABLE)
      .select('sampled_at', 'depth')
      .where({ bus, broker, destination })
      .andWhere('sampled_at', '>=', new Date(since))
      .orderBy('sampled_at');
    return rows.map(r => ({
      timestamp: fromDbTime(r.sampled_at).getTime(),
      depth: Number(r.depth),
    }));
  }

  async prune(olderThan: number): Promise<number> {
    return this.#db(TABLE)
      .where('sampled_at', '<', new Date(olderThan))
      .delete();
  }
}
