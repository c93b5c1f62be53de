import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  getComponentConsumerGroups,
  getKafkaTopicName,
  isKafkaTopicEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { describeKafkaError } from '@interchange/plugin-interchange-node';
import { ChecksStore } from '../checks/ChecksStore';
import { readCatalogEntities } from '../checks/readCatalogEntities';
import { actualTopicOf } from '../kafka/actualTopic';
import { KafkaLiveState } from '../kafka/KafkaLiveState';
import { DeliveryStore } from '../webhooks/DeliveryStore';
import { NotificationStateStore } from './NotificationStateStore';
import {
  NOTIFICATION_EVENT_TYPES,
  NotificationEventType,
  NotificationSettings,
} from './notificationSettings';
import {
  consumerGroupObservations,
  findingObservations,
  GroupStatus,
  LiveTopic,
  Observation,
  routeDriftObservations,
  topicDriftObservations,
  webhookObservations,
} from './observations';

/** The scheduler task id; one run at a time across all backend instances. */
export const NOTIFICATIONS_TASK_ID = 'interchange-notifications';

/**
 * Marks that the findings present at the first run were recorded without
 * notifying: an install with a hundred existing findings should not send a
 * hundred notifications, only those that appear afterwards.
 */
const FINDINGS_BASELINE = 'finding:*baseline*';

const TOPICS: Record<NotificationEventType, string> = {
  consumerGroup: 'Interchange: consumer groups',
  drift: 'Interchange: drift',
  webhookEndpoint: 'Interchange: webhook endpoints',
  finding: 'Interchange: integration checks',
};

export interface InterchangeNotifierOptions {
  settings: NotificationSettings;
  notifications: NotificationService;
  store: NotificationStateStore;
  catalog: CatalogService;
  auth: AuthService;
  live: KafkaLiveState;
  deliveries: DeliveryStore;
  checks: ChecksStore;
  logger: LoggerService;
}

/**
 * Compares the current state of consumer groups, topic and route drift,
 * webhook endpoints and error findings with the last known one (kept in the
 * database) and notifies the owners once per change into a bad state. A
 * subject whose state could not be read (cluster down) keeps its last state.
 */
export class InterchangeNotifier {
  readonly #o: InterchangeNotifierOptions;

  constructor(options: InterchangeNotifierOptions) {
    this.#o = options;
  }

  /** Schedules {@link InterchangeNotifier.run} (one runner across replicas). */
  async schedule(scheduler: SchedulerService): Promise<void> {
    const { settings } = this.#o;
    if (!settings.enabled) {
      return;
    }
    await scheduler.scheduleTask({
      id: NOTIFICATIONS_TASK_ID,
      frequency: settings.frequency,
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
      fn: async () => {
        await this.run();
      },
    });
  }

  /** One comparison of every enabled event type; returns how many were sent. */
  async run(now = new Date()): Promise<number> {
    const { settings, catalog, auth } = this.#o;
    const enabled = NOTIFICATION_EVENT_TYPES.filter(
      t => settings.events[t].enabled,
    );
    if (!settings.enabled || enabled.length === 0) {
      return 0;
    }
    const entities = await readCatalogEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
    );
    let sent = 0;
    for (const type of enabled) {
      try {
        const observations = await this.#observe(type, entities);
        if (observations) {
          sent += await this.#compare(type, observations, now);
        }
      } catch (e) {
        this.#o.logger.warn(
          `Interchange notifications for ${type} failed: ${
            (e as Error).message
          }`,
        );
      }
    }
    return sent;
  }

  /** Undefined when the source has nothing to say yet (checks never ran). */
  async #observe(
    type: NotificationEventType,
    entities: Entity[],
  ): Promise<Observation[] | undefined> {
    switch (type) {
      case 'consumerGroup': {
        const components = entities.filter(
          e => getComponentConsumerGroups(e).length > 0,
        );
        return consumerGroupObservations(
          components,
          await this.#groupStatuses(components),
        );
      }
      case 'drift':
        return [
          ...topicDriftObservations(await this.#liveTopics(entities)),
          ...routeDriftObservations(entities),
        ];
      case 'webhookEndpoint':
        return webhookObservations(
          entities.filter(isWebhookEntity),
          await this.#o.deliveries.recentByEntity(),
        );
      case 'finding': {
        const checks = await this.#o.checks.read();
        return checks.computedAt ? findingObservations(checks) : undefined;
      }
      default:
        return [];
    }
  }

  async #groupStatuses(components: Entity[]): Promise<GroupStatus[]> {
    const { live, logger } = this.#o;
    const known = new Set(live.listClusters().map(c => c.id));
    const byCluster = new Map<string, Set<string>>();
    for (const c of components) {
      for (const g of getComponentConsumerGroups(c)) {
        if (known.has(g.cluster)) {
          byCluster.set(
            g.cluster,
            (byCluster.get(g.cluster) ?? new Set()).add(g.group),
          );
        }
      }
    }
    const result: GroupStatus[] = [];
    for (const [cluster, groups] of byCluster) {
      try {
        for (const g of await live.groupsLag(cluster, [...groups])) {
          result.push({
            cluster,
            groupId: g.groupId,
            status: g.health?.status,
            reason: g.health?.reason,
          });
        }
      } catch (e) {
        logger.warn(
          `Interchange notifications: consumer groups of cluster ${cluster} not read: ${describeKafkaError(
            e,
          )}`,
        );
      }
    }
    return result;
  }

  async #liveTopics(
    entities: Entity[],
  ): Promise<Array<{ entity: Entity; live: LiveTopic }>> {
    const { live, logger } = this.#o;
    const known = new Set(live.listClusters().map(c => c.id));
    const result: Array<{ entity: Entity; live: LiveTopic }> = [];
    const down = new Set<string>();
    for (const entity of entities) {
      if (
        !isKafkaTopicEntity(entity) ||
        !known.has(entity.spec.cluster) ||
        down.has(entity.spec.cluster)
      ) {
        continue;
      }
      try {
        const state = await live.topicState(
          entity.spec.cluster,
          getKafkaTopicName(entity),
        );
        result.push({
          entity,
          live: actualTopicOf(state),
        });
      } catch (e) {
        // One unreachable cluster: skip its other topics this run.
        down.add(entity.spec.cluster);
        logger.warn(
          `Interchange notifications: topics of cluster ${
            entity.spec.cluster
          } not read: ${describeKafkaError(e)}`,
        );
      }
    }
    return result;
  }

  async #compare(
    type: NotificationEventType,
    observations: Observation[],
    now: Date,
  ): Promise<number> {
    const { store, notifications, logger, settings } = this.#o;
    const previous = await store.list(type);
    if (type === 'finding' && !previous.has(FINDINGS_BASELINE)) {
      for (const o of observations) {
        await store.set(type, o.subject, o.state, now);
      }
      await store.set(type, FINDINGS_BASELINE, 'recorded', now);
      return 0;
    }
    let sent = 0;
    for (const o of observations) {
      if (previous.get(o.subject) === o.state) {
        continue;
      }
      if (o.notify && o.recipients.length > 0) {
        try {
          await notifications.send({
            recipients: { type: 'entity', entityRef: o.recipients },
            payload: {
              title: o.title,
              description: o.description,
              link: o.link,
              severity: settings.events[type].severity,
              topic: TOPICS[type],
            },
          });
          sent += 1;
        } catch (e) {
          // Not recorded, so the next run tries again.
          logger.warn(
            `Interchange notification "${o.title}" not sent: ${
              (e as Error).message
            }`,
          );
          continue;
        }
      }
      await store.set(type, o.subject, o.state, now);
    }
    if (type === 'finding') {
      // A finding that went away and comes back is new again.
      const present = new Set(observations.map(o => o.subject));
      for (const [subject, state] of previous) {
        if (
          subject !== FINDINGS_BASELINE &&
          state === 'present' &&
          !present.has(subject)
        ) {
          await store.set(type, subject, 'absent', now);
        }
      }
    }
    return sent;
  }
}
