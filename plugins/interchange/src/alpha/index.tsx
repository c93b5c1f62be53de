/**
 * Interchange for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  FrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import {
  isGatewayRouteEntity,
  isInterchangeEntity,
  isKafkaTopicEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { hasKafkaConsumerGroups } from '../filters';
import { interchangeApiRef, InterchangeClient } from '../api';
import { rootRouteRef, routesRouteRef, webhooksRouteRef } from '../routes';

/** @alpha */
const interchangeApi = ApiBlueprint.make({
  params: define =>
    define({
      api: interchangeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new InterchangeClient(deps),
    }),
});

/** The org-wide Integrations page, at /interchange. @alpha */
const interchangePage = PageBlueprint.make({
  params: {
    path: '/interchange',
    title: 'Integrations',
    routeRef: rootRouteRef as any,
    loader: () =>
      import('../components/IntegrationsPage').then(m =>
        compatWrapper(<m.IntegrationsPage />),
      ),
  },
});

/** Every declared field of a topic, route or webhook. @alpha */
const interchangeOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    type: 'info',
    filter: isInterchangeEntity,
    loader: () =>
      import('../components/InterchangeOverviewCard').then(m =>
        compatWrapper(<m.InterchangeOverviewCard />),
      ),
  },
});

/** Producers, consumers, upstreams and schemas of a topic, route or webhook. @alpha */
const interchangeRelationsCard = EntityCardBlueprint.make({
  name: 'relations',
  params: {
    type: 'content',
    filter: isInterchangeEntity,
    loader: () =>
      import('../components/InterchangeRelationsCard').then(m =>
        compatWrapper(<m.InterchangeRelationsCard />),
      ),
  },
});

/** Topics, webhooks and routes of a Component or API. @alpha */
const integrationsCard = EntityCardBlueprint.make({
  name: 'integrations',
  params: {
    type: 'content',
    filter: 'kind:component,api',
    loader: () =>
      import('../components/IntegrationsCard').then(m =>
        compatWrapper(<m.IntegrationsCard />),
      ),
  },
});

/** A KafkaTopic's live state, ISR, offsets, configs and drift. @alpha */
const kafkaTopicStateCard = EntityCardBlueprint.make({
  name: 'kafka-topic-state',
  params: {
    type: 'content',
    filter: isKafkaTopicEntity,
    loader: () =>
      import('../components/kafka').then(m =>
        compatWrapper(<m.KafkaTopicStateCard />),
      ),
  },
});

/** Consumer groups with lag and health, on topics and annotated components. @alpha */
const kafkaConsumerGroupsCard = EntityCardBlueprint.make({
  name: 'kafka-consumer-groups',
  params: {
    type: 'content',
    filter: (e: Entity) => isKafkaTopicEntity(e) || hasKafkaConsumerGroups(e),
    loader: () =>
      import('../components/kafka').then(m =>
        compatWrapper(<m.KafkaConsumerGroupsCard />),
      ),
  },
});

/** Every webhook with endpoint health, at /webhooks. @alpha */
const webhooksPage = PageBlueprint.make({
  name: 'webhooks',
  params: {
    path: '/webhooks',
    title: 'Webhooks',
    routeRef: webhooksRouteRef as any,
    loader: () =>
      import('../components/webhooks').then(m =>
        compatWrapper(<m.WebhooksPage />),
      ),
  },
});

/** The route inventory, at /routes. @alpha */
const routesPage = PageBlueprint.make({
  name: 'routes',
  params: {
    path: '/routes',
    title: 'Routes',
    routeRef: routesRouteRef as any,
    loader: () =>
      import('../components/gateways').then(m =>
        compatWrapper(<m.RoutesPage />),
      ),
  },
});

/** Send test event, delivery log and health, on Webhook pages. @alpha */
const webhookDeliveriesCard = EntityCardBlueprint.make({
  name: 'webhook-deliveries',
  params: {
    type: 'content',
    filter: isWebhookEntity,
    loader: () =>
      import('../components/webhooks').then(m =>
        compatWrapper(<m.WebhookDeliveriesCard />),
      ),
  },
});

/** Source and drift of ingested routes, on GatewayRoute pages. @alpha */
const gatewayRouteDriftCard = EntityCardBlueprint.make({
  name: 'gateway-route-drift',
  params: {
    type: 'content',
    filter: isGatewayRouteEntity,
    loader: () =>
      import('../components/gateways').then(m =>
        compatWrapper(<m.GatewayRouteDriftCard />),
      ),
  },
});

/** Routes reaching a component or exposing an API. @alpha */
const routesCard = EntityCardBlueprint.make({
  name: 'routes',
  params: {
    type: 'content',
    filter: (e: Entity) =>
      ['component', 'api'].includes(e.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('../components/gateways').then(m =>
        compatWrapper(<m.EntityRoutesCard />),
      ),
  },
});

/**
 * The Interchange frontend plugin for the new frontend system.
 *
 * @alpha
 */
const interchangePlugin: FrontendPlugin = createFrontendPlugin({
  pluginId: 'interchange',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    interchangeApi,
    interchangePage,
    interchangeOverviewCard,
    interchangeRelationsCard,
    integrationsCard,
    kafkaTopicStateCard,
    kafkaConsumerGroupsCard,
    webhooksPage,
    routesPage,
    webhookDeliveriesCard,
    gatewayRouteDriftCard,
    routesCard,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    webhooks: webhooksRouteRef,
    routes: routesRouteRef,
  }),
});

export default interchangePlugin;
