import { Entity } from '@backstage/catalog-model';
import { IconComponent, RouteRef } from '@backstage/core-plugin-api';
import SyncAltIcon from '@material-ui/icons/SyncAlt';
import WebhookIcon from '@material-ui/icons/SettingsInputAntenna';
import RoutesIcon from '@material-ui/icons/CallSplit';
import MapIcon from '@material-ui/icons/Map';
import ChecksIcon from '@material-ui/icons/PlaylistAddCheck';
import StrategyIcon from '@material-ui/icons/Description';
import {
  isGatewayRouteEntity,
  isInterchangeEntity,
  isKafkaTopicEntity,
  isRabbitMQQueueEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { hasKafkaConsumerGroups } from './filters';
import {
  checksRouteRef,
  mapRouteRef,
  rootRouteRef,
  routesRouteRef,
  secretLinkRouteRef,
  strategyRouteRef,
  webhooksRouteRef,
} from './routes';

/*
 * Interchange's pages and entity cards, written once. The legacy plugin
 * (plugin.ts) and the new-frontend-system plugin (alpha/) are both built from
 * these, so a page or card added here appears in both.
 */

/** A page or card component; its props, if any, are optional. */
type ExtensionComponent = (props: Record<string, never>) => JSX.Element | null;

/** A lazily loaded page or card. */
type LazyComponent = () => Promise<ExtensionComponent>;

/*
 * These keep each definition's exact component type (and so its props, e.g.
 * a card's `title`) for the legacy exports, while checking the definition.
 */
function page<T extends ExtensionComponent>(
  definition: InterchangePageDefinition & { load: () => Promise<T> },
) {
  return definition;
}
function card<T extends ExtensionComponent>(
  definition: InterchangeCardDefinition & { load: () => Promise<T> },
) {
  return definition;
}

/** A top-level page. */
export interface InterchangePageDefinition {
  /** The legacy extension's name, which is also its export's name. */
  legacyName: string;
  /** New frontend system: `page:interchange/<name>`, or `page:interchange` without. */
  name?: string;
  path: string;
  /** Title and icon of the page and of its sidebar item. */
  title: string;
  icon: IconComponent;
  routeRef: RouteRef;
  load: LazyComponent;
}

/** A card for entity pages. */
export interface InterchangeCardDefinition {
  legacyName: string;
  /** New frontend system: `entity-card:interchange/<name>`. */
  name: string;
  /** New frontend system: `info` cards sit beside the overview's about card. */
  type: 'info' | 'content';
  /** Entities the card is for. */
  filter: (entity: Entity) => boolean;
  /**
   * New frontend system: off by default because an entity content tab (see
   * `interchangeEntityContents`) already shows it; enable it in app-config to
   * put it on the overview too.
   */
  disabledByDefault?: boolean;
  load: LazyComponent;
}

/** An entity page tab of the new frontend system, made of cards. */
export interface InterchangeEntityContentDefinition {
  /** `entity-content:interchange/<name>`. */
  name: string;
  path: string;
  title: string;
  filter: (entity: Entity) => boolean;
  /** The cards of the tab, top to bottom, by card name. */
  cards: (entity: Entity) => string[];
}

const isComponentOrApi = (e: Entity) =>
  ['component', 'api'].includes(e.kind.toLocaleLowerCase('en-US'));

/** Components, systems and the integration kinds: the map card's entities. */
const hasIntegrationMap = (e: Entity) =>
  ['component', 'system'].includes(e.kind.toLocaleLowerCase('en-US')) ||
  isInterchangeEntity(e);

/** Components, systems, groups and the integration kinds: the checks card's entities. */
const hasIntegrationChecks = (e: Entity) =>
  ['component', 'system', 'group'].includes(
    e.kind.toLocaleLowerCase('en-US'),
  ) || isInterchangeEntity(e);

/** Interchange's pages. */
export const interchangePages = {
  integrations: page({
    legacyName: 'InterchangePage',
    path: '/interchange',
    title: 'Integrations',
    icon: SyncAltIcon,
    routeRef: rootRouteRef,
    load: () =>
      import('./components/IntegrationsPage').then(m => m.IntegrationsPage),
  }),
  webhooks: page({
    legacyName: 'InterchangeWebhooksPage',
    name: 'webhooks',
    path: '/webhooks',
    title: 'Webhooks',
    icon: WebhookIcon,
    routeRef: webhooksRouteRef,
    load: () => import('./components/WebhooksPage').then(m => m.WebhooksPage),
  }),
  routes: page({
    legacyName: 'InterchangeRoutesPage',
    name: 'routes',
    path: '/routes',
    title: 'Routes',
    icon: RoutesIcon,
    routeRef: routesRouteRef,
    load: () => import('./components/RoutesPage').then(m => m.RoutesPage),
  }),
  map: page({
    legacyName: 'InterchangeMapPage',
    name: 'map',
    path: '/interchange/map',
    title: 'Integration map',
    icon: MapIcon,
    routeRef: mapRouteRef,
    load: () =>
      import('./components/IntegrationMapPage').then(m => m.IntegrationMapPage),
  }),
  checks: page({
    legacyName: 'InterchangeChecksPage',
    name: 'checks',
    path: '/interchange/checks',
    title: 'Integration checks',
    icon: ChecksIcon,
    routeRef: checksRouteRef,
    load: () => import('./components/ChecksPage').then(m => m.ChecksPage),
  }),
  strategy: page({
    legacyName: 'InterchangeStrategyPage',
    name: 'strategy',
    path: '/interchange/strategy',
    title: 'Integration strategy',
    icon: StrategyIcon,
    routeRef: strategyRouteRef,
    load: () => import('./components/StrategyPage').then(m => m.StrategyPage),
  }),
};

/**
 * The one-time secret link page, `/interchange/secret-links/:id`. Not in
 * `interchangePages`: it is reached from a scaffolder task's link, never
 * from the sidebar.
 */
export const interchangeSecretLinkPage = {
  legacyName: 'InterchangeSecretLinkPage',
  name: 'secret-link',
  path: '/interchange/secret-links',
  routeRef: secretLinkRouteRef,
  load: () => import('./components/SecretLinkPage').then(m => m.SecretLinkPage),
};

/** Interchange's entity cards. */
export const interchangeCards = {
  overview: card({
    legacyName: 'EntityInterchangeOverviewCard',
    name: 'overview',
    type: 'info',
    filter: isInterchangeEntity,
    load: () =>
      import('./components/InterchangeOverviewCard').then(
        m => m.InterchangeOverviewCard,
      ),
  }),
  relations: card({
    legacyName: 'EntityInterchangeRelationsCard',
    name: 'relations',
    type: 'content',
    filter: isInterchangeEntity,
    load: () =>
      import('./components/InterchangeRelationsCard').then(
        m => m.InterchangeRelationsCard,
      ),
  }),
  integrations: card({
    legacyName: 'EntityIntegrationsCard',
    name: 'integrations',
    type: 'content',
    filter: isComponentOrApi,
    load: () =>
      import('./components/IntegrationsCard').then(m => m.IntegrationsCard),
  }),
  routes: card({
    legacyName: 'EntityRoutesCard',
    name: 'routes',
    type: 'content',
    filter: isComponentOrApi,
    load: () =>
      import('./components/EntityRoutesCard').then(m => m.EntityRoutesCard),
  }),
  gatewayRouteDrift: card({
    legacyName: 'EntityGatewayRouteDriftCard',
    name: 'gateway-route-drift',
    type: 'content',
    filter: isGatewayRouteEntity,
    load: () =>
      import('./components/GatewayRouteDriftCard').then(
        m => m.GatewayRouteDriftCard,
      ),
  }),
  kafkaTopicState: card({
    legacyName: 'EntityKafkaTopicStateCard',
    name: 'kafka-topic-state',
    type: 'content',
    filter: isKafkaTopicEntity,
    disabledByDefault: true,
    load: () =>
      import('./components/KafkaTopicStateCard').then(
        m => m.KafkaTopicStateCard,
      ),
  }),
  kafkaConsumerGroups: card({
    legacyName: 'EntityKafkaConsumerGroupsCard',
    name: 'kafka-consumer-groups',
    type: 'content',
    filter: e => isKafkaTopicEntity(e) || hasKafkaConsumerGroups(e),
    disabledByDefault: true,
    load: () =>
      import('./components/KafkaConsumerGroupsCard').then(
        m => m.KafkaConsumerGroupsCard,
      ),
  }),
  rabbitmqQueueState: card({
    legacyName: 'EntityRabbitMQQueueCard',
    name: 'rabbitmq-queue-state',
    type: 'content',
    filter: isRabbitMQQueueEntity,
    disabledByDefault: true,
    load: () =>
      import('./components/RabbitMQQueueCard').then(m => m.RabbitMQQueueCard),
  }),
  webhookDeliveries: card({
    legacyName: 'EntityWebhookDeliveriesCard',
    name: 'webhook-deliveries',
    type: 'content',
    filter: isWebhookEntity,
    disabledByDefault: true,
    load: () =>
      import('./components/WebhookDeliveriesCard').then(
        m => m.WebhookDeliveriesCard,
      ),
  }),
  integrationMap: card({
    legacyName: 'EntityIntegrationMapCard',
    name: 'map',
    type: 'content',
    filter: hasIntegrationMap,
    load: () =>
      import('./components/IntegrationMapCard').then(m => m.IntegrationMapCard),
  }),
  meshAccess: card({
    legacyName: 'EntityMeshAccessCard',
    name: 'mesh-access',
    type: 'content',
    filter: e => e.kind.toLocaleLowerCase('en-US') === 'component',
    load: () =>
      import('./components/MeshAccessCard').then(m => m.MeshAccessCard),
  }),
  checks: card({
    legacyName: 'EntityInterchangeChecksCard',
    name: 'checks',
    type: 'content',
    filter: hasIntegrationChecks,
    load: () =>
      import('./components/IntegrationChecksCard').then(
        m => m.IntegrationChecksCard,
      ),
  }),
};

/**
 * The tabs the legacy README builds with `EntityLayout.Route`, as entity
 * contents of the new frontend system.
 */
export const interchangeEntityContents: InterchangeEntityContentDefinition[] = [
  {
    name: 'kafka',
    path: '/kafka',
    title: 'Live state',
    filter: e => isKafkaTopicEntity(e) || hasKafkaConsumerGroups(e),
    cards: e =>
      isKafkaTopicEntity(e)
        ? [
            interchangeCards.kafkaConsumerGroups.name,
            interchangeCards.kafkaTopicState.name,
          ]
        : [interchangeCards.kafkaConsumerGroups.name],
  },
  {
    name: 'rabbitmq',
    path: '/rabbitmq',
    title: 'Live state',
    filter: isRabbitMQQueueEntity,
    cards: () => [interchangeCards.rabbitmqQueueState.name],
  },
  {
    name: 'deliveries',
    path: '/deliveries',
    title: 'Deliveries',
    filter: isWebhookEntity,
    cards: () => [interchangeCards.webhookDeliveries.name],
  },
];
