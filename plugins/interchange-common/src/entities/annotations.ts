import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COMMUNITY_KAFKA_CONSUMER_GROUPS,
  ANNOTATION_KAFKA_CONSUMER_GROUPS,
  ANNOTATION_UPSTREAM_HOSTS,
} from './constants';

/**
 * A consumer group on a configured cluster.
 *
 * @public
 */
export interface ConsumerGroupRef {
  cluster: string;
  group: string;
}

/**
 * Parses `<cluster>/<group>[,<cluster>/<group>...]`. Entries that do not have
 * that shape are returned in `invalid` so callers can report them.
 *
 * @public
 */
export function parseConsumerGroupsAnnotation(value: string): {
  groups: ConsumerGroupRef[];
  invalid: string[];
} {
  const groups: ConsumerGroupRef[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) {
      continue;
    }
    const slash = entry.indexOf('/');
    const cluster = entry.slice(0, slash).trim();
    const group = entry.slice(slash + 1).trim();
    if (slash <= 0 || !group) {
      invalid.push(entry);
    } else {
      groups.push({ cluster, group });
    }
  }
  return { groups, invalid };
}

/**
 * The consumer groups a component declares, from our annotation and the
 * community Kafka plugin's, deduplicated.
 *
 * @public
 */
export function getComponentConsumerGroups(entity: Entity): ConsumerGroupRef[] {
  const annotations = entity.metadata.annotations ?? {};
  const seen = new Set<string>();
  const result: ConsumerGroupRef[] = [];
  for (const key of [
    ANNOTATION_KAFKA_CONSUMER_GROUPS,
    ANNOTATION_COMMUNITY_KAFKA_CONSUMER_GROUPS,
  ]) {
    const value = annotations[key];
    if (!value) {
      continue;
    }
    for (const g of parseConsumerGroupsAnnotation(value).groups) {
      const id = `${g.cluster}/${g.group}`;
      if (!seen.has(id)) {
        seen.add(id);
        result.push(g);
      }
    }
  }
  return result;
}

/**
 * Upstream hosts a component declares for route matching, lower-cased.
 *
 * @public
 */
export function getComponentUpstreamHosts(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_UPSTREAM_HOSTS];
  return value
    ? value
        .split(',')
        .map(h => h.trim().toLowerCase())
        .filter(Boolean)
    : [];
}
