import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  RouteRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { interchangeApiFactory } from './apiFactory';
import {
  interchangeCards,
  interchangePages,
  interchangeSecretLinkPage,
} from './extensions';
import { kafkaTopicNameField } from './scaffolderField';
import { interchangeRouteRefs } from './routes';

/** @public */
export const interchangePlugin = createPlugin({
  id: 'interchange',
  apis: [interchangeApiFactory],
  routes: interchangeRouteRefs,
});

/** A legacy routable extension from a page of `extensions.ts`. */
function page<
  T extends (props: Record<string, never>) => JSX.Element | null,
>(definition: {
  legacyName: string;
  routeRef: RouteRef;
  load: () => Promise<T>;
}) {
  return interchangePlugin.provide(
    createRoutableExtension({
      name: definition.legacyName,
      component: definition.load,
      mountPoint: definition.routeRef,
    }),
  );
}

/** A legacy component extension from a card of `extensions.ts`. */
function card<
  T extends (props: Record<string, never>) => JSX.Element | null,
>(definition: { legacyName: string; load: () => Promise<T> }) {
  return interchangePlugin.provide(
    createComponentExtension({
      name: definition.legacyName,
      component: { lazy: definition.load },
    }),
  );
}

/**
 * The org-wide list of Kafka topics, gateway routes and webhooks.
 *
 * @public
 */
export const InterchangePage = page(interchangePages.integrations);

/**
 * Every declared field of a KafkaTopic, GatewayRoute or Webhook entity.
 *
 * @public
 */
export const EntityInterchangeOverviewCard = card(interchangeCards.overview);

/**
 * Producers, consumers, upstreams and schemas of a topic, route or webhook.
 *
 * @public
 */
export const EntityInterchangeRelationsCard = card(interchangeCards.relations);

/**
 * On a Component or API page: the topics, webhooks and routes linked to it.
 *
 * @public
 */
export const EntityIntegrationsCard = card(interchangeCards.integrations);

/**
 * A KafkaTopic's live state on its cluster: partitions, ISR, offsets,
 * configs, and drift from the entity.
 *
 * @public
 */
export const EntityKafkaTopicStateCard = card(interchangeCards.kafkaTopicState);

/**
 * Consumer groups with lag, health and trend, for a KafkaTopic or a
 * Component with consumer-group annotations.
 *
 * @public
 */
export const EntityKafkaConsumerGroupsCard = card(
  interchangeCards.kafkaConsumerGroups,
);

/**
 * A RabbitMQQueue's live state: depth, consumers, rates, status with time to
 * drain, depth trend, bindings and drift. For RabbitMQQueue entity pages.
 *
 * @public
 */
export const EntityRabbitMQQueueCard = card(
  interchangeCards.rabbitmqQueueState,
);

/**
 * A Webhook's delivery log and endpoint health, with "Send test event",
 * signature preview and redelivery. For Webhook entity pages.
 *
 * @public
 */
export const EntityWebhookDeliveriesCard = card(
  interchangeCards.webhookDeliveries,
);

/**
 * Every webhook with its endpoint health, failing ones first.
 *
 * @public
 */
export const InterchangeWebhooksPage = page(interchangePages.webhooks);

/**
 * Where an ingested GatewayRoute comes from and its drift between the
 * configuration file and the live gateway. For GatewayRoute entity pages.
 *
 * @public
 */
export const EntityGatewayRouteDriftCard = card(
  interchangeCards.gatewayRouteDrift,
);

/**
 * The gateway routes reaching a component or exposing an API. For component
 * and API entity pages.
 *
 * @public
 */
export const EntityRoutesCard = card(interchangeCards.routes);

/**
 * The org-wide route inventory with filters and CSV export.
 *
 * @public
 */
export const InterchangeRoutesPage = page(interchangePages.routes);

/**
 * Scaffolder form field `KafkaTopicNamePicker`: checks a new topic's name
 * against the cluster's rules and existing topics as the user types. Put it
 * inside `<ScaffolderFieldExtensions>` of the app's ScaffolderPage.
 *
 * @public
 */
export const KafkaTopicNamePickerFieldExtension = interchangePlugin.provide(
  createScaffolderFieldExtension(kafkaTopicNameField),
);

/**
 * The company's integration map: systems as boxes holding their
 * components, edges by style, findings marked, focus on what depends on an
 * entity.
 *
 * @public
 */
export const InterchangeMapPage = page(interchangePages.map);

/**
 * An entity's 2-hop neighbourhood on the integration map. For component,
 * system, KafkaTopic, GatewayRoute and Webhook entity pages.
 *
 * @public
 */
export const EntityIntegrationMapCard = card(interchangeCards.integrationMap);

/**
 * Every finding of the integration checks, filterable by rule, severity,
 * team, system and "new since". Mount at /interchange/checks.
 *
 * @public
 */
export const InterchangeChecksPage = page(interchangePages.checks);

/**
 * "Integration checks": the findings that concern a component, system,
 * group or integration entity.
 *
 * @public
 */
export const EntityInterchangeChecksCard = card(interchangeCards.checks);

/**
 * "Mesh access": a component's callers and callees, declared in the
 * catalog, allowed by the service mesh and observed in traffic.
 *
 * @public
 */
export const EntityMeshAccessCard = card(interchangeCards.meshAccess);

/**
 * The integration strategy generated from the catalog, the checks and
 * app-config, with a Markdown download. Mount at /interchange/strategy.
 *
 * @public
 */
export const InterchangeStrategyPage = page(interchangePages.strategy);

/**
 * A one-time secret link (e.g. the signing secret of the "New webhook
 * subscription" template): shows the secret once to its creator, with a
 * copy button. Mount at /interchange/secret-links.
 *
 * @public
 */
export const InterchangeSecretLinkPage = page(interchangeSecretLinkPage);
