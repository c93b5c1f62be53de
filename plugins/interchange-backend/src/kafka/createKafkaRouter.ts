import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  computeTopicDrift,
  getComponentConsumerGroups,
  getKafkaTopicName,
  isKafkaTopicEntity,
} from '@interchange/plugin-interchange-common';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { actualTopicOf } from './actualTopic';
import { createLiveStateHandlers } from '../liveState';
import { KafkaBusLiveState, KafkaReadTypes } from './KafkaBusLiveState';
import { KafkaLiveState } from './KafkaLiveState';
import { LagHistoryStore } from './LagHistoryStore';

export interface KafkaRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  live: KafkaLiveState;
  history: LagHistoryStore;
}

/**
 * Routes under /kafka; every one needs `interchange.kafka.read`. Clusters, a
 * topic's consumer groups, a group's trend and the groups of several
 * clusters go through the shared live-state handlers, which this maps to the
 * spec's paths and bodies (`cluster`, `{ items }`).
 */
export function addKafkaRoutes(
  router: InterchangeRouter,
  options: KafkaRouterOptions,
): void {
  const { live, history } = options;
  const kafka = new KafkaBusLiveState(live, history);
  const shared = createLiveStateHandlers<KafkaReadTypes>(
    options,
    kafka,
    'Kafka',
  );
  const { authorize, entity } = shared;

  router.get('/kafka/clusters', async (req, res) => {
    res.json(await shared.brokers(req));
  });

  router.get('/kafka/clusters/:cluster', async (req, res) => {
    await authorize(req);
    res.json(await live.overview(req.params.cluster));
  });

  router.get('/kafka/clusters/:cluster/topic-name-check', async (req, res) => {
    await authorize(req);
    // The spec makes `name` required; the validator answers 400 without it.
    res.json(await live.checkTopicName(req.params.cluster, req.query.name));
  });

  router.get('/kafka/clusters/:cluster/topics/:topic', async (req, res) => {
    await authorize(req);
    res.json(await live.topicState(req.params.cluster, req.params.topic));
  });

  router.get(
    '/kafka/clusters/:cluster/topics/:topic/consumer-groups',
    async (req, res) => {
      const { cluster, topic } = req.params;
      const { items } = await shared.destinations(req, cluster, topic);
      res.json({ items });
    },
  );

  router.get(
    '/kafka/clusters/:cluster/consumer-groups/:group/trend',
    async (req, res) => {
      const { cluster, group } = req.params;
      const { detail } = await shared.destination(
        req,
        cluster,
        group,
        req.query.hours,
      );
      res.json({ items: detail });
    },
  );

  // Live state of a KafkaTopic entity: the topic on its cluster and the drift
  // between the two.
  router.get('/kafka/entities/:namespace/:kind/:name', async (req, res) => {
    const credentials = await authorize(req);
    const found = await entity(req.params, credentials);
    if (!isKafkaTopicEntity(found)) {
      throw new InputError(`${stringifyEntityRef(found)} is not a KafkaTopic`);
    }
    const topic = getKafkaTopicName(found);
    const state = await live.topicState(found.spec.cluster, topic);
    res.json({
      entityRef: stringifyEntityRef(found),
      cluster: live.summary(found.spec.cluster),
      topic,
      state,
      drift: computeTopicDrift(found, actualTopicOf(state)),
    });
  });

  // Consumer groups of an entity: a topic's groups, or the groups a
  // component declares in its annotations, with lag and health.
  router.get(
    '/kafka/entities/:namespace/:kind/:name/consumer-groups',
    async (req, res) => {
      const credentials = await authorize(req);
      const found = await entity(req.params, credentials);
      if (isKafkaTopicEntity(found)) {
        // Authorized above: the reader itself, not the handler.
        const items = await kafka.destinations(
          found.spec.cluster,
          getKafkaTopicName(found),
        );
        res.json({ items, errors: [] });
        return;
      }
      const declared = getComponentConsumerGroups(found);
      const byCluster = new Map<string, string[]>();
      for (const g of declared) {
        byCluster.set(g.cluster, [
          ...(byCluster.get(g.cluster) ?? []),
          g.group,
        ]);
      }
      // One failing cluster must not hide the others' groups.
      const { items, errors } = await shared.eachBroker(
        byCluster,
        (cluster, groups) => live.groupsLag(cluster, groups),
      );
      items.sort((a, b) =>
        `${a.cluster}/${a.groupId}`.localeCompare(`${b.cluster}/${b.groupId}`),
      );
      res.json({
        items,
        errors: errors.map(({ broker, ...failure }) => ({
          cluster: broker,
          ...failure,
        })),
      });
    },
  );
}
