import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { interchangeApiRef, InterchangeClient } from './api';
import {
  KafkaTopicNamePicker,
  kafkaTopicNameValidation,
} from './scaffolder/KafkaTopicNamePicker';
import { rootRouteRef, routesRouteRef, webhooksRouteRef } from './routes';

/** @public */
export const interchangePlugin = createPlugin({
  id: 'interchange',
  apis: [
    createApiFactory({
      api: interchangeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new InterchangeClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    webhooks: webhooksRouteRef,
    routes: routesRouteRef,
  },
});

/**
 * The org-wide list of Kafka topics, gateway routes and webhooks.
 *
 * @public
 */
export const InterchangePage = interchangePlugin.provide(
  createRoutableExtension({
    name: 'InterchangePage',
    component: () =>
      import('./components/IntegrationsPage').then(m => m.IntegrationsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Every declared field of a KafkaTopic, GatewayRoute or Webhook entity.
 *
 * @public
 */
export const EntityInterchangeOverviewCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityInterchangeOverviewCard',
    component: {
      lazy: () =>
        import('./components/InterchangeOverviewCard').then(
          m => m.InterchangeOverviewCard,
        ),
    },
  }),
);

/**
 * Producers, consumers, upstreams and schemas of a topic, route or webhook.
 *
 * @public
 */
export const EntityInterchangeRelationsCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityInterchangeRelationsCard',
    component: {
      lazy: () =>
        import('./components/InterchangeRelationsCard').then(
          m => m.InterchangeRelationsCard,
        ),
    },
  }),
);

/**
 * On a Component or API page: the topics, webhooks and routes linked to it.
 *
 * @public
 */
export const EntityIntegrationsCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityIntegrationsCard',
    component: {
      lazy: () =>
        import('./components/IntegrationsCard').then(m => m.IntegrationsCard),
    },
  }),
);

/**
 * A KafkaTopic's live state on its cluster: partitions, ISR, offsets,
 * configs, and drift from the entity.
 *
 * @public
 */
export const EntityKafkaTopicStateCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityKafkaTopicStateCard',
    component: {
      lazy: () => import('./components/kafka').then(m => m.KafkaTopicStateCard),
    },
  }),
);

/**
 * Consumer groups with lag, health and trend, for a KafkaTopic or a
 * Component with consumer-group annotations.
 *
 * @public
 */
export const EntityKafkaConsumerGroupsCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityKafkaConsumerGroupsCard',
    component: {
      lazy: () =>
        import('./components/kafka').then(m => m.KafkaConsumerGroupsCard),
    },
  }),
);

/**
 * A Webhook's delivery log and endpoint health, with "Send test event",
 * signature preview and redelivery. For Webhook entity pages.
 *
 * @public
 */
export const EntityWebhookDeliveriesCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityWebhookDeliveriesCard',
    component: {
      lazy: () =>
        import('./components/webhooks').then(m => m.WebhookDeliveriesCard),
    },
  }),
);

/**
 * Every webhook with its endpoint health, failing ones first.
 *
 * @public
 */
export const InterchangeWebhooksPage = interchangePlugin.provide(
  createRoutableExtension({
    name: 'InterchangeWebhooksPage',
    component: () => import('./components/webhooks').then(m => m.WebhooksPage),
    mountPoint: webhooksRouteRef,
  }),
);

/**
 * Where an ingested GatewayRoute comes from and its drift between the
 * configuration file and the live gateway. For GatewayRoute entity pages.
 *
 * @public
 */
export const EntityGatewayRouteDriftCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityGatewayRouteDriftCard',
    component: {
      lazy: () =>
        import('./components/gateways').then(m => m.GatewayRouteDriftCard),
    },
  }),
);

/**
 * The gateway routes reaching a component or exposing an API. For component
 * and API entity pages.
 *
 * @public
 */
export const EntityRoutesCard = interchangePlugin.provide(
  createComponentExtension({
    name: 'EntityRoutesCard',
    component: {
      lazy: () => import('./components/gateways').then(m => m.EntityRoutesCard),
    },
  }),
);

/**
 * The org-wide route inventory with filters and CSV export.
 *
 * @public
 */
export const InterchangeRoutesPage = interchangePlugin.provide(
  createRoutableExtension({
    name: 'InterchangeRoutesPage',
    component: () => import('./components/gateways').then(m => m.RoutesPage),
    mountPoint: routesRouteRef,
  }),
);

/**
 * Scaffolder form field `KafkaTopicNamePicker`: checks a new topic's name
 * against the cluster's rules and existing topics as the user types. Put it
 * inside `<ScaffolderFieldExtensions>` of the app's ScaffolderPage.
 *
 * @public
 */
export const KafkaTopicNamePickerFieldExtension = interchangePlugin.provide(
  createScaffolderFieldExtension({
    name: 'KafkaTopicNamePicker',
    component: KafkaTopicNamePicker,
    validation: kafkaTopicNameValidation,
  }),
);
