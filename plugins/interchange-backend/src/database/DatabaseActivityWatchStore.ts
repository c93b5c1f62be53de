import { Knex } from 'knex';
import { ActivityWatchStore } from '../checks/liveData/ActivityWatchStore';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_activity_watch';
/** Rows per statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

type Row = { subject: string; marker: string; since: Date | number | string };

/** {@link ActivityWatchStore} in the plugin database. */
export class DatabaseActivityWatchStore implements ActivityWatchStore {
  constructor(private readonly db: Knex) {}

  async observe(
    markers: Map<string, string>,
    now: Date,
    keep: ReadonlySet<string> = new Set(),
  ): Promise<Map<string, Date>> {
    return this.db.transaction(async tx => {
      const rows: Row[] = await tx(TABLE).select('subject', 'marker', 'since');
      const known = new Map(rows.map(r => [r.subject, r]));
      const result = new Map<string, Date>();
      const changed: Array<{ subject: string; marker: string; since: Date }> =
        [];
      for (const [subject, marker] of markers) {
        const row = known.get(subject);
        if (row && row.marker === marker) {
          result.set(subject, fromDbTime(row.since));
        } else {
          changed.push({ subject, marker, since: now });
          result.set(subject, now);
        }
      }
      for (let i = 0; i < changed.length; i += CHUNK) {
        await tx(TABLE)
          .insert(changed.slice(i, i + CHUNK))
          .onConflict('subject')
          .merge(['marker', 'since']);
      }
      const gone = rows.map(r => r.subject).filter(s => !markers.has(s) && !keep.has(s));
      for (let i = 0; i < gone.length; i += CHUNK) {
        await tx(TABLE)
          .whereIn('subject', gone.slice(i, i + CHUNK))
          .delete();
      }
      return result;
    });
  }
}
