import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import type { AttemptSummary } from '@interchange/plugin-interchange-common';
import {
  Delivery,
  DeliveryStore,
  NewDelivery,
} from '../webhooks/DeliveryStore';
import { fromDbTime } from './dbTime';
import { GroupCommit } from './GroupCommit';
import { sqliteInsertIgnoring } from './sqliteInsertIgnoring';

type InboundResult = { duplicate: boolean; delivery?: Delivery };

const TABLE = 'interchange_webhook_deliveries';

type Row = {
  id: string;
  entity_ref: string;
  direction: string;
  event_id: string;
  event_type: string;
  attempted_at: Date | number | string;
  duration_ms: number;
  status_code: number | null;
  outcome: string;
  error: string | null;
  response: string | null;
  url: string | null;
  request_headers: string | null;
  payload: string | null;
  redelivery_of: string | null;
};

function fromRow(row: Row): Delivery {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    direction: row.direction as Delivery['direction'],
    eventId: row.event_id,
    eventType: row.event_type,
    attemptedAt: fromDbTime(row.attempted_at).getTime(),
    durationMs: row.duration_ms,
    statusCode: row.status_code ?? undefined,
    outcome: row.outcome as Delivery['outcome'],
    error: row.error ?? undefined,
    response: row.response ?? undefined,
    url: row.url ?? undefined,
    requestHeaders: row.request_headers
      ? JSON.parse(row.request_headers)
      : undefined,
    redeliveryOf: row.redelivery_of ?? undefined,
  };
}

/** {@link DeliveryStore} in the plugin database. */
export class DatabaseDeliveryStore implements DeliveryStore {
  /** SQLite (better-sqlite3) only: inbound rows through a cached statement. */
  readonly #sqliteInsertInbound: ReturnType<typeof sqliteInsertIgnoring>;

  readonly #inbound: GroupCommit<NewDelivery, InboundResult | Error>;

  constructor(private readonly db: Knex) {
    this.#sqliteInsertInbound = sqliteInsertIgnoring(db, TABLE, 'dedup_key');
    this.#inbound = new GroupCommit(batch => this.#insertInbound(batch), {
      // 200 rows x 16 columns stays far below SQLite's and PostgreSQL's
      // bound-parameter limits; two writes in flight keep the database busy
      // while the next batch gathers.
      maxBatch: 200,
      maxInFlight: 2,
      // Deliveries read in the same event loop turn share a write. Without
      // it SQLite (whose write ends before the next delivery is read) wrote
      // every delivery alone, and PostgreSQL batches of about three; with
      // it the receiver's CPU per delivery fell by about a third on both
      // (yarn bench:webhooks).
      collectTurn: true,
    });
  }

  async add(delivery: NewDelivery): Promise<Delivery> {
    const id = randomUUID();
    await this.db(TABLE).insert(this.toRow(id, delivery));
    const { payload: _payload, ...rest } = delivery;
    return { ...rest, id };
  }

  /**
   * Inbound deliveries go through a group commit: a burst is written as
   * multi-row inserts, and each caller hears back only once its row is
   * committed. The unique index on the dedup key decides duplicates, so
   * concurrent retries race safely, also across backend replicas.
   */
  async addInbound(delivery: NewDelivery): Promise<InboundResult> {
    const result = await this.#inbound.submit(delivery);
    if (result instanceof Error) {
      throw result;
    }
    return result;
  }

  async #insertInbound(
    batch: NewDelivery[],
  ): Promise<Array<InboundResult | Error>> {
    try {
      return await this.#insertInboundBatch(batch);
    } catch (e) {
      if (batch.length === 1) {
        throw e;
      }
      // One bad row (say, a value too long for its column) must not fail
      // the deliveries that came with it: each is tried alone, and only the
      // failing ones get the error. While the database is down each fails
      // fast with the connection error.
      return Promise.all(
        batch.map(d =>
          this.#insertInboundBatch([d]).then(
            ([r]) => r,
            (err: unknown) =>
              err instanceof Error ? err : new Error(String(err)),
          ),
        ),
      );
    }
  }

  async #insertInboundBatch(batch: NewDelivery[]): Promise<InboundResult[]> {
    const keyOf = (d: NewDelivery) => `${d.entityRef}|${d.eventId}`;
    // A retry arriving in the same batch as its original is a duplicate
    // whatever the database says: the first occurrence is the candidate.
    const firstOf = new Map<string, number>();
    const rows: Array<Record<string, unknown>> = [];
    const ids = batch.map((d, i) => {
      const key = keyOf(d);
      if (firstOf.has(key)) {
        return undefined;
      }
      firstOf.set(key, i);
      const id = randomUUID();
      rows.push({ ...this.toRow(id, d), dedup_key: key });
      return id;
    });
    const written = new Set<string>();
    if (this.#sqliteInsertInbound) {
      // The same rows and the same conflict rule, through a statement
      // prepared once (SQLite's work is this process's CPU).
      const inserted = await this.#sqliteInsertInbound(rows);
      rows.forEach((r, i) => inserted[i] && written.add(r.id as string));
    } else {
      const inserted: Array<{ id: string }> = await this.db(TABLE)
        .insert(rows)
        .onConflict('dedup_key')
        .ignore()
        .returning('id');
      inserted.forEach(r => written.add(r.id));
    }
    return batch.map((d, i) => {
      const id = ids[i];
      if (!id || !written.has(id)) {
        return { duplicate: true };
      }
      const { payload: _payload, ...rest } = d;
      return { duplicate: false, delivery: { ...rest, id } };
    });
  }

  async list(entityRef: string, limit = 50): Promise<Delivery[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'attempted_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  async get(
    id: string,
  ): Promise<{ delivery: Delivery; payload?: string } | undefined> {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row
      ? { delivery: fromRow(row), payload: row.payload ?? undefined }
      : undefined;
  }

  async recentByEntity(
    perEntity = 50,
    sinceMs = 7 * 24 * 3600 * 1000,
  ): Promise<Map<string, AttemptSummary[]>> {
    // The latest `perEntity` of each entity, ranked in the database: a
    // global "latest N rows" would let a busy webhook crowd quiet ones out
    // of the health list once the log holds many rows.
    const ranked = this.db(TABLE)
      .select('entity_ref', 'outcome', 'duration_ms', 'attempted_at')
      .select(
        this.db.raw(
          'row_number() over (partition by entity_ref order by attempted_at desc) as rn',
        ),
      )
      .where('attempted_at', '>=', new Date(Date.now() - sinceMs))
      .as('ranked');
    const rows: Row[] = await this.db
      .select('entity_ref', 'outcome', 'duration_ms', 'attempted_at')
      .from(ranked)
      .where('rn', '<=', perEntity)
      .orderBy([
        { column: 'entity_ref' },
        { column: 'attempted_at', order: 'desc' },
      ]);
    const byEntity = new Map<string, AttemptSummary[]>();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push({
        outcome: row.outcome as AttemptSummary['outcome'],
        durationMs: row.duration_ms,
        attemptedAt: fromDbTime(row.attempted_at).getTime(),
      });
      byEntity.set(row.entity_ref, list);
    }
    return byEntity;
  }

  async lastDeliveryByEntity(): Promise<Map<string, number>> {
    // One grouped query on the (entity_ref, attempted_at) index, however
    // many webhooks there are.
    const rows: Array<{ entity_ref: string; last: Date | number | string }> =
      await this.db(TABLE)
        .select('entity_ref')
        .max({ last: 'attempted_at' })
        .groupBy('entity_ref');
    return new Map(
      rows.map(r => [r.entity_ref, fromDbTime(r.last).getTime()] as const),
    );
  }

  async count(entityRef: string): Promise<number> {
    const [{ n }] = await this.db(TABLE)
      .where({ entity_ref: entityRef })
      .count({ n: '*' });
    return Number(n);
  }

  async prune(olderThan: number): Promise<number> {
    return this.db(TABLE)
      .where('attempted_at', '<', new Date(olderThan))
      .delete();
  }

  async prunePayloads(olderThan: number): Promise<number> {
    // Served by the partial index on rows that still carry a payload.
    return this.db(TABLE)
      .where('attempted_at', '<', new Date(olderThan))
      .whereNotNull('payload')
      .update({ payload: null });
  }

  private toRow(id: string, d: NewDelivery) {
    return {
      id,
      entity_ref: d.entityRef,
      direction: d.direction,
      event_id: d.eventId,
      event_type: d.eventType,
      attempted_at: new Date(d.attemptedAt),
      duration_ms: Math.round(d.durationMs),
      status_code: d.statusCode ?? null,
      outcome: d.outcome,
      error: d.error ?? null,
      response: d.response ?? null,
      url: d.url ?? null,
      request_headers: d.requestHeaders
        ? JSON.stringify(d.requestHeaders)
        : null,
      payload: d.payload ?? null,
      redelivery_of: d.redeliveryOf ?? null,
    };
  }
}
