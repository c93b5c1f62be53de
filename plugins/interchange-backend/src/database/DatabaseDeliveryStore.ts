import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import type { AttemptSummary } from '@interchange/plugin-interchange-common';
import {
  Delivery,
  DeliveryStore,
  NewDelivery,
} from '../webhooks/DeliveryStore';
import { fromDbTime } from './dbTime';

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

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err.code === '23505' || // PostgreSQL
    err.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(err.message ?? '')
  );
}

/** {@link DeliveryStore} in the plugin database. */
export class DatabaseDeliveryStore implements DeliveryStore {
  constructor(private readonly db: Knex) {}

  async add(delivery: NewDelivery): Promise<Delivery> {
    const id = randomUUID();
    await this.db(TABLE).insert(this.#toRow(id, delivery));
    const { payload: _payload, ...rest } = delivery;
    return { ...rest, id };
  }

  /** The unique index on the dedup key decides, so concurrent retries race safely. */
  async addInbound(
    delivery: NewDelivery,
  ): Promise<{ duplicate: boolean; delivery?: Delivery }> {
    const id = randomUUID();
    try {
      await this.db(TABLE).insert({
        ...this.#toRow(id, delivery),
        dedup_key: `${delivery.entityRef}|${delivery.eventId}`,
      });
      const { payload: _payload, ...rest } = delivery;
      return { duplicate: false, delivery: { ...rest, id } };
    } catch (e) {
      if (isUniqueViolation(e)) {
        return { duplicate: true };
      }
      throw e;
    }
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
    const rows = await this.db<Row>(TABLE)
      .where('attempted_at', '>=', new Date(Date.now() - sinceMs))
      .orderBy('attempted_at', 'desc')
      .select('entity_ref', 'outcome', 'duration_ms', 'attempted_at')
      .limit(10_000);
    const byEntity = new Map<string, AttemptSummary[]>();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      if (list.length < perEntity) {
        list.push({
          outcome: row.outcome as AttemptSummary['outcome'],
          durationMs: row.duration_ms,
          attemptedAt: fromDbTime(row.attempted_at).getTime(),
        });
      }
      byEntity.set(row.entity_ref, list);
    }
    return byEntity;
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

  #toRow(id: string, d: NewDelivery) {
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
