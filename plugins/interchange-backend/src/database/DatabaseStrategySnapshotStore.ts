import { Knex } from 'knex';
import type { StrategySnapshot } from '@interchange/plugin-interchange-common';
import { StrategySnapshotStore } from '../strategy/StrategySnapshotStore';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_strategy_snapshots';

interface Row {
  day: string;
  taken_at: Date | number | string;
  snapshot: string;
}

function toSnapshot(row: Row | undefined): StrategySnapshot | undefined {
  if (!row) {
    return undefined;
  }
  const stored = JSON.parse(row.snapshot) as StrategySnapshot;
  return {
    version: 1,
    counts: stored.counts ?? {},
    findingKeys: stored.findingKeys ?? [],
    takenAt: fromDbTime(row.taken_at).toISOString(),
  };
}

/** {@link StrategySnapshotStore} in the plugin's database. */
export class DatabaseStrategySnapshotStore implements StrategySnapshotStore {
  constructor(private readonly db: Knex) {}

  async latestBefore(day: string): Promise<StrategySnapshot | undefined> {
    const row = await this.db<Row>(TABLE)
      .where('day', '<', day)
      .orderBy('day', 'desc')
      .first();
    return toSnapshot(row);
  }

  async forDay(day: string): Promise<StrategySnapshot | undefined> {
    return toSnapshot(await this.db<Row>(TABLE).where({ day }).first());
  }

  async put(
    day: string,
    snapshot: StrategySnapshot,
    takenAt: Date,
  ): Promise<void> {
    const { counts, findingKeys } = snapshot;
    await this.db<Row>(TABLE)
      .insert({
        day,
        taken_at: takenAt,
        snapshot: JSON.stringify({ version: 1, counts, findingKeys }),
      })
      .onConflict('day')
      .merge(['taken_at', 'snapshot']);
  }

  async pruneBefore(day: string): Promise<number> {
    return this.db<Row>(TABLE).where('day', '<', day).delete();
  }
}
