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
import { createLiveStateHandlers } from '../liveState';
import { RabbitMQLiveState, RabbitMQReadTypes } from './RabbitMQLiveState';

export interface RabbitMQRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  rabbitmq: RabbitMQLiveState;
}

/**
 * Routes under /rabbitmq. They show the same kind of data as the Kafka live
 * state, so they need the same read permission; brokers, queues and one
 * queue go through the shared live-state handlers, which this maps to the
 * spec's paths and bodies (a queue is its vhost and name).
 */
export function addRabbitMQRoutes(
  router: InterchangeRouter,
  options: RabbitMQRouterOptions,
): void {
  const { catalog, rabbitmq } = options;
  const live = createLiveStateHandlers<RabbitMQReadTypes>(
    options,
    rabbitmq,
    'RabbitMQ',
  );

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
    res.json(await live.brokers(req));
  });

  router.get('/rabbitmq/brokers/:broker/queues', async (req, res) => {
    // Every queue of every vhost.
    res.json(await live.destinations(req, req.params.broker, undefined));
  });

  router.get(
    '/rabbitmq/brokers/:broker/queues/:vhost/:queue',
    async (req, res) => {
      const { broker, vhost, queue } = req.params;
      // The queue on the broker and its entity in the catalog, read at once.
      const found = await live.destination(
        req,
        broker,
        { vhost, queue },
        req.query.hours,
        credentials => declaringEntity(broker, vhost, queue, credentials),
      );
      const {
        live: onBroker,
        state,
        bindings,
        rawBindings,
        history,
      } = found.detail;
      const entity = found.alongside;
      if (!onBroker && !entity) {
        throw new NotFoundError(
          `RabbitMQ broker '${broker}' has no queue '${queue}' in vhost '${vhost}', and no RabbitMQQueue entity declares one`,
        );
      }
      res.json({
        broker: found.broker,
        exists: Boolean(onBroker),
        queue: state,
        arguments: onBroker?.arguments,
        bindings,
        entityRef: entity ? stringifyEntityRef(entity) : undefined,
        drift: entity
          ? computeQueueDrift(entity, onBroker, rawBindings)
          : undefined,
        history,
      });
    },
  );
}
