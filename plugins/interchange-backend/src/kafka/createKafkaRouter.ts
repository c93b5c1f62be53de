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
import { describeKafkaError } from '@interchange/plugin-interchange-node';
import {
  KafkaClusterError,
  KafkaConsumerGroupState,
} from '../schema/openapi/generated/models';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import {
  brokerFailure,
  createLiveStateAccess,
  historySince,
} from '../liveState';
import { KafkaLiveState } from './KafkaLiveState';
import { LagHistoryStore } from './LagHistoryStore';

export interface KafkaRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  live: KafkaLiveState;
  history: LagHistoryStore;
}

/** Routes under /kafka; every one needs `interchange.kafka.read`. */
export function addKafkaRoutes(
  router: InterchangeRouter,
  options: KafkaRouterOptions,
): void {
  const { live, history } = options;
  const { authorize, entity } = createLiveStateAccess(options, 'Kafka');

  router.get('/kafka/clusters', async (req, res) => {
    await authorize(req);
    res.json({ items: live.listClusters() });
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
      await authorize(req);
      res.json({
        items: await live.topicGroups(req.params.cluster, req.params.topic),
      });
    },
  );

  router.get(
    '/kafka/clusters/:cluster/consumer-groups/:group/trend',
    async (req, res) => {
      await authorize(req);
      live.summary(req.params.cluster); // 404 for unknown clusters
      res.json({
        items: await history.trend(
          req.params.cluster,
          req.params.group,
          historySince(req.query.hours),
        ),
      });
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
      drift: computeTopicDrift(
        found,
        state.exists
          ? {
              partitions: state.partitions.length,
              replicationFactor: state.replicationFactor,
              configs: Object.fromEntries(
                state.configs.map(c => [c.name, c.value]),
              ),
            }
          : undefined,
      ),
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
        res.json({
          items: await live.topicGroups(
            found.spec.cluster,
            getKafkaTopicName(found),
          ),
          errors: [],
        });
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
      const items: KafkaConsumerGroupState[] = [];
      const errors: KafkaClusterError[] = [];
      await Promise.all(
        [...byCluster.entries()].map(async ([cluster, groups]) => {
          try {
            items.push(...(await live.groupsLag(cluster, groups)));
          } catch (e) {
            errors.push({ cluster, ...brokerFailure(e, describeKafkaError) });
          }
        }),
      );
      items.sort((a, b) =>
        `${a.cluster}/${a.groupId}`.localeCompare(`${b.cluster}/${b.groupId}`),
      );
      res.json({ items, errors });
    },
  );
}
