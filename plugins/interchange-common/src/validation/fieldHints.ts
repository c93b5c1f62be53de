import {
  quotedChoices,
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from '../gateways/routePolicy';

/*
 * What to write in each field, used to turn a bare "is required" or "wrong
 * type" into a fix the reader can copy. Keys are spec paths without indexes.
 */
export const FIELD_HINTS: Record<string, string> = {
  'spec.owner':
    "set spec.owner to the owning team or user, e.g. 'team-checkout' or 'user:jane.doe'",
  'spec.system': "set spec.system to a System entity name, e.g. 'storefront'",
  'spec.lifecycle': "use a lifecycle such as 'production' or 'experimental'",
  'spec.type': "use a short type string, e.g. 'events'",
  'spec.cluster':
    "set spec.cluster to a cluster id from interchange.kafka.clusters in app-config, e.g. 'prod-eu'",
  'spec.topicName':
    "set spec.topicName to the topic's name on the broker, e.g. 'orders.order-placed.v1'",
  'spec.partitions':
    'set spec.partitions to a whole number of at least 1, e.g. 6',
  'spec.replicationFactor':
    'set spec.replicationFactor to a whole number of at least 1, e.g. 3',
  'spec.config':
    'write spec.config as a map of Kafka topic configs, e.g. { retention.ms: 604800000, cleanup.policy: delete }',
  'spec.config.*': 'use a string, number or boolean value',
  'spec.schema':
    "set spec.schema to the API entity describing the payload, e.g. 'api:order-events'",
  'spec.producers': "list component refs, e.g. ['checkout-service']",
  'spec.producers[]': "use an entity ref string, e.g. 'checkout-service'",
  'spec.consumers':
    "list consumers, e.g. ['shipping-service', { entityRef: 'billing-service', consumerGroup: 'billing' }]",
  'spec.consumers[]':
    "use an entity ref string, or { entityRef: 'billing-service', consumerGroup: 'billing' }",
  'spec.consumers[].entityRef':
    "set entityRef to the consuming component, e.g. 'billing-service'",
  'spec.consumers[].consumerGroup':
    "set consumerGroup to the Kafka consumer group id, e.g. 'billing'",
  'spec.gateway':
    "set spec.gateway to a gateway id from interchange.gateways in app-config, e.g. 'kong-public'",
  'spec.paths':
    "list at least one path, e.g. ['/orders'] (or '~/orders/\\d+' for a regex)",
  'spec.paths[]': "start the path with '/', or with '~/' for a regex path",
  'spec.upstream':
    "set spec.upstream to the component that serves the route, e.g. 'order-service'",
  'spec.upstreamUrl':
    "set spec.upstreamUrl to the upstream's URL, e.g. 'http://order-service.orders.svc:8080'",
  'spec.hosts': "list host names, e.g. ['api.example.com']",
  'spec.hosts[]':
    "use a host name such as 'api.example.com' or '*.example.com'",
  'spec.methods': "list upper-case HTTP methods, e.g. ['GET', 'POST']",
  'spec.methods[]': "use an upper-case HTTP method such as 'GET'",
  'spec.api':
    "set spec.api to the API entity the route exposes, e.g. 'orders-api'",
  'spec.exposure': "use 'public', 'partner' or 'internal'",
  'spec.authentication': `use ${quotedChoices(ROUTE_AUTHENTICATIONS)}`,
  'spec.rateLimit': 'write it as { requests: 100, period: minute }',
  'spec.rateLimit.requests': 'use a whole number of at least 1, e.g. 100',
  'spec.rateLimit.period': `use ${quotedChoices(RATE_LIMIT_PERIODS)}`,
  'spec.events': "list at least one event type, e.g. ['order.shipped']",
  'spec.events[]': "use an event type string, e.g. 'order.shipped'",
  'spec.sender':
    "set spec.sender to the component that sends the webhook, e.g. 'shipping-service'",
  'spec.receiver':
    "set spec.receiver to the component that receives it, e.g. 'notification-service'",
  'spec.url':
    "set spec.url to the receiver's https URL, e.g. 'https://hooks.partner.example/brightwave'",
  'spec.signing':
    'add signing, e.g. { scheme: standard-webhooks, secretRef: shipping-webhook }',
  'spec.signing.scheme':
    "use 'standard-webhooks', 'github', 'hmac-sha256' or 'none'",
  'spec.signing.secretRef':
    "name a secret under interchange.webhooks.secrets in app-config (letters, digits, '.', '_', '-'), e.g. 'shipping-webhook'",
  'spec.retry': 'write it as { maxAttempts: 5, backoff: exponential }',
  'spec.retry.maxAttempts': 'use a whole number from 1 to 100',
  'spec.retry.backoff': "use 'fixed', 'linear' or 'exponential'",
};

/** Strips array indexes so `spec.paths[2]` finds the hint for `spec.paths[]`. */
export function hintFor(path: string): string | undefined {
  const generic = path.replace(/\[\d+\]/g, '[]');
  // Own keys only: a field named `constructor` must not find Object's.
  if (Object.hasOwn(FIELD_HINTS, generic)) {
    return FIELD_HINTS[generic];
  }
  if (generic.startsWith('spec.config.')) {
    return FIELD_HINTS['spec.config.*'];
  }
  return undefined;
}
