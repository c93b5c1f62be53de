import { Knex } from 'knex';
import { NotificationEventType } from './notificationSettings';

const TABLE = 'interchange_notification_states';

/**
 * The last known state per watched subject, in the plugin's database: what
 * makes "one notification per state change" hold across restarts and
 * replicas.
 */
export class NotificationStateStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Every known subject of an event type with its last state. */
  async list(eventType: NotificationEventType): Promise<Map<string, string>> {
    const rows: Array<{ subject: string; state: string }> = await this.#db(
      TABLE,
    )
      .where({ event_type: eventType })
      .select('subject', 'state');
    return new Map(rows.map(r => [r.subject, r.state]));
  }

  async set(
    eventType: NotificationEventType,
    subject: string,
    state: string,
    at: Date,
  ): Promise<void> {
    await this.#db(TABLE)
      .insert({ subject, event_type: eventType, state, changed_at: at })
      .onConflict('subject')
      .merge(['event_type', 'state', 'changed_at']);
  }
}
