import type { z } from 'zod/v3';
import { KafkaConsumerGroupState } from '../schema/openapi/generated/models';

/**
 * The fields of a consumer group that the `lag` and `who-consumes` actions
 * both answer with, as a zod shape for their output schemas.
 */
export function consumerGroupFields(zod: typeof z) {
  return {
    groupId: zod.string(),
    state: zod.string(),
    members: zod.number(),
    totalLag: zod.number(),
    maxTimeLagMs: zod.number().optional(),
    status: zod.string().optional(),
  };
}

/** A consumer group's live state, cut to {@link consumerGroupFields}. */
export function consumerGroupSummary(g: KafkaConsumerGroupState) {
  return {
    groupId: g.groupId,
    state: g.state,
    members: g.members,
    totalLag: g.totalLag,
    maxTimeLagMs: g.health?.maxTimeLagMs,
    status: g.health?.status,
  };
}
