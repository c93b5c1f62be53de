import type {
  AttemptSummary,
  WebhookDelivery,
} from '@interchange/plugin-interchange-common';

/** One row of the delivery log, as the API returns it. */
export type Delivery = WebhookDelivery;

/** A delivery to record; the payload is kept for redelivery, never listed. */
export type NewDelivery = Omit<Delivery, 'id'> & { payload?: string };

/**
 * The webhook delivery log: every outbound attempt and every inbound
 * delivery. Times are milliseconds since the epoch, as in {@link Delivery}.
 */
export interface DeliveryStore {
  /** Records an outbound attempt. */
  add(delivery: NewDelivery): Promise<Delivery>;

  /**
   * Records an inbound delivery once per (entity, event id): a sender's
   * retry of an event already received is reported as a duplicate and not
   * stored again, also when retries arrive concurrently.
   */
  addInbound(
    delivery: NewDelivery,
  ): Promise<{ duplicate: boolean; delivery?: Delivery }>;

  /** An entity's latest deliveries, newest first. */
  list(entityRef: string, limit?: number): Promise<Delivery[]>;

  /** The attempt and the payload it carried, for redelivery. */
  get(
    id: string,
  ): Promise<{ delivery: Delivery; payload?: string } | undefined>;

  /** Latest attempts of every entity within `sinceMs`, for health on list pages. */
  recentByEntity(
    perEntity?: number,
    sinceMs?: number,
  ): Promise<Map<string, AttemptSummary[]>>;

  /**
   * When each entity last had a delivery (inbound or outbound, whatever its
   * outcome), over the whole retained log, for the idle-integration check.
   * Entities with none retained are absent.
   */
  lastDeliveryByEntity(): Promise<Map<string, number>>;

  /** How many deliveries an entity has. */
  count(entityRef: string): Promise<number>;

  /** Deletes rows attempted before `olderThan`; returns how many. */
  prune(olderThan: number): Promise<number>;

  /**
   * Clears the payload of rows attempted before `olderThan`, keeping the
   * rows; returns how many. Such attempts can no longer be redelivered.
   */
  prunePayloads(olderThan: number): Promise<number>;
}
