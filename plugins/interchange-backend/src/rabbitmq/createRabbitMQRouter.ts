import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  computeQueueDrift,
  getRabbitMQQueueName,
  getRabbitMQVhost,
  isRabbitMQQueueEntity,
  RabbitMQQueueEntityV1alpha1,
} from '@interchange/plugin-interchange-common';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { createLiveStateAccess, historySince } from '../liveState';
import { RabbitMQLiveState } from './RabbitMQLiveState';

export interface RabbitMQRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  rabbitmq: RabbitMQLiveState;
}

/**
 * Routes under /rabbitmq. They show the same kind of data as the Kafka live
 * state, so they need the same read permission.
 */
export function addRabbitMQRoutes(
  router: InterchangeRouter,
  options: RabbitMQRouterOptions,
): void {
  const { catalog, rabbitmq } = options;
  const { authorize } = createLiveStateAccess(options, 'RabbitMQ');

  /** The RabbitMQQueue entity declaring this queue, if the catalog has one. */
  async function declaringEntity(
    broker: string,
    vhost: string,
    queue: string,
    credentials: BackstageCredentials,
  ): Promise<RabbitMQQueueEntityV1alpha1 | undefined> {
    const { items } = await catalog.getEntities(
      { filter: { kind: 'RabbitMQQueue', 'spec.broker': broker } },
      { credentials },
    );
    return items
      .filter(isRabbitMQQueueEntity)
      .find(
        e => getRabbitMQVhost(e) === vhost && getRabbitMQQueueName(e) === queue,
      );
  }

  router.get('/rabbitmq/brokers', async (req, res) => {
    await authorize(req);
    res.json({
      items: rabbitmq.listBrokers().map(b => rabbitmq.summary(b.id)),
    });
  });

  router.get('/rabbitmq/brokers/:broker/queues', async (req, res) => {
    await authorize(req);
    const { broker } = req.params;
    const summary = rabbitmq.summary(broker);
    res.json({ broker: summary, items: await rabbitmq.listQueues(broker) });
  });

  router.get(
    '/rabbitmq/brokers/:broker/queues/:vhost/:queue',
    async (req, res) => {
      const credentials = await authorize(req);
      const { broker, vhost, queue } = req.params;
      const summary = rabbitmq.summary(broker);
      const [found, entity] = await Promise.all([
        rabbitmq.queue(broker, vhost, queue, historySince(req.query.hours)),
        declaringEntity(broker, vhost, queue, credentials),
      ]);
      if (!found.live && !entity) {
        throw new NotFoundError(
          `RabbitMQ broker '${broker}' has no queue '${queue}' in vhost '${vhost}', and no RabbitMQQueue entity declares one`,
        );
      }
      res.json({
        broker: summary,
        exists: Boolean(found.live),
        queue: found.state,
        arguments: found.live?.arguments,
        bindings: found.bindings,
        entityRef: entity ? stringifyEntityRef(entity) : undefined,
        drift: entity
          ? computeQueueDrift(entity, found.live, found.rawBindings)
          : undefined,
        history: found.history,
      });
    },
  );
}
