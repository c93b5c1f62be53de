import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_ROUTE_DRIFT,
  computeEndpointHealth,
  computeTopicDrift,
  getComponentConsumerGroups,
  getKafkaTopicName,
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  RouteDrift,
} from '@interchange/plugin-interchange-common';
import { StoredChecks } from '../checks/ChecksStore';
import { NotificationEventType } from './notificationSettings';

/** The current state of one watched subject, and whom to tell about it. */
export interface Observation {
  eventType: NotificationEventType;
  /** Unique across event types, e.g. `consumer-group:local/orders-intake`. */
  subject: string;
  state: string;
  /** Whether entering this state is worth a notification. */
  notify: boolean;
  /** Owner refs (groups or users) to notify. */
  recipients: string[];
  title: string;
  description: string;
  /** The entity page in the portal. */
  link: string;
}

/** The entity's page in the portal (the catalog's default entity route). */
export function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/** The entity's owner as a full ref (groups by default, like the catalog). */
export function ownerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: getCompoundEntityRef(entity).namespace,
    }),
  );
}

const BAD_GROUP_STATUSES = new Set(['ERROR', 'STOPPED']);

/** A consumer group's health as the live state reports it. */
export interface GroupStatus {
  cluster: string;
  groupId: string;
  status?: string;
  reason?: string;
}

/**
 * Consumer groups declared by components (their owners are the group's
 * owners). `statuses` holds what the live state says about them; a group
 * the live state did not answer for is not observed, so its last state is
 * kept.
 */
export function consumerGroupObservations(
  components: Entity[],
  statuses: GroupStatus[],
): Observation[] {
  const declaredBy = new Map<string, Entity[]>();
  for (const c of components) {
    for (const g of getComponentConsumerGroups(c)) {
      const key = `${g.cluster}/${g.group}`;
      declaredBy.set(key, [...(declaredBy.get(key) ?? []), c]);
    }
  }
  const result: Observation[] = [];
  for (const s of statuses) {
    const key = `${s.cluster}/${s.groupId}`;
    const owners = declaredBy.get(key) ?? [];
    if (!owners.length || !s.status) {
      // Not yet judged (no samples): nothing to compare.
      continue;
    }
    const ref = stringifyEntityRef(owners[0]);
    result.push({
      eventType: 'consumerGroup',
      subject: `consumer-group:${key}`,
      state: s.status,
      notify: BAD_GROUP_STATUSES.has(s.status),
      recipients: unique(owners.map(ownerRef)),
      title: `Consumer group ${s.groupId} is ${s.status}`,
      description: `${s.groupId} on cluster ${s.cluster} (consumed by ${owners
        .map(o => o.metadata.name)
        .join(', ')}): ${s.reason ?? s.status}`,
      link: entityLink(ref),
    });
  }
  return result;
}

/** The live shape of a topic, as far as drift cares; undefined when missing. */
export type LiveTopic =
  | {
      partitions: number;
      replicationFactor: number;
      configs: Record<string, string | undefined>;
    }
  | undefined;

/** Drift of KafkaTopic entities whose topic was read from its cluster. */
export function topicDriftObservations(
  topics: Array<{ entity: Entity; live: LiveTopic }>,
): Observation[] {
  return topics.flatMap(({ entity, live }) => {
    if (!isKafkaTopicEntity(entity)) {
      return [];
    }
    const drift = computeTopicDrift(entity, live);
    const ref = stringifyEntityRef(entity);
    return [
      driftObservation(
        entity,
        `topic-drift:${ref}`,
        `Kafka topic ${getKafkaTopicName(entity)}`,
        drift.map(d => d.message),
      ),
    ];
  });
}

/**
 * Drift of GatewayRoute entities, from the annotation the gateway provider
 * writes; routes without it (no live gateway to compare with) are not
 * observed.
 */
export function routeDriftObservations(entities: Entity[]): Observation[] {
  return entities.flatMap(entity => {
    const raw = entity.metadata.annotations?.[ANNOTATION_ROUTE_DRIFT];
    if (!isGatewayRouteEntity(entity) || !raw) {
      return [];
    }
    let drift: RouteDrift[];
    try {
      drift = JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(drift)) {
      return [];
    }
    return [
      driftObservation(
        entity,
        `route-drift:${stringifyEntityRef(entity)}`,
        `Gateway route ${entity.metadata.title ?? entity.metadata.name}`,
        drift.map(d => d.message),
      ),
    ];
  });
}

function driftObservation(
  entity: Entity,
  subject: string,
  what: string,
  differences: string[],
): Observation {
  const ref = stringifyEntityRef(entity);
  return {
    eventType: 'drift',
    subject,
    state: differences.length ? 'drifting' : 'in-sync',
    notify: differences.length > 0,
    recipients: unique([ownerRef(entity)]),
    title: `${what} differs from its live state`,
    description: `${ref}: ${differences.join('; ')}`,
    link: entityLink(ref),
  };
}

/** Endpoint health of Webhook entities with recent attempts. */
export function webhookObservations(
  webhooks: Entity[],
  attempts: Map<string, Parameters<typeof computeEndpointHealth>[0]>,
): Observation[] {
  const byRef = new Map(webhooks.map(w => [stringifyEntityRef(w), w]));
  const result: Observation[] = [];
  for (const [ref, recent] of attempts) {
    const entity = byRef.get(ref);
    if (!entity) {
      continue;
    }
    const health = computeEndpointHealth(recent);
    if (health.status === 'unknown') {
      continue;
    }
    const rate =
      health.successRate === undefined
        ? ''
        : `; ${Math.round(health.successRate * 100)} % of the last ${
            health.attempts
          } attempts succeeded`;
    result.push({
      eventType: 'webhookEndpoint',
      subject: `webhook-endpoint:${ref}`,
      state: health.status,
      notify: health.status === 'failing',
      recipients: unique([ownerRef(entity)]),
      title: `Webhook ${entity.metadata.name} endpoint is ${health.status}`,
      description: `${ref}: last attempt ${
        health.lastOutcome ?? 'unknown'
      }${rate}`,
      link: entityLink(ref),
    });
  }
  return result;
}

/** The stable identity of a finding: its rule and the entities involved. */
export function findingSubject(f: {
  rule: string;
  entityRefs: string[];
}): string {
  return `finding:${f.rule}:${[...f.entityRefs].sort().join(',')}`;
}

/** Error-severity findings of the last checks run (present ones only). */
export function findingObservations(checks: StoredChecks): Observation[] {
  return checks.findings
    .filter(f => f.severity === 'error')
    .map(f => ({
      eventType: 'finding' as const,
      subject: findingSubject(f),
      state: 'present',
      notify: true,
      recipients: unique(f.owners),
      title: `New integration finding: ${f.rule}`,
      description: `${f.message} Fix: ${f.fix}`,
      link: entityLink(f.entityRef),
    }));
}

function unique(refs: Array<string | undefined>): string[] {
  return [...new Set(refs.filter((r): r is string => !!r))].sort();
}
