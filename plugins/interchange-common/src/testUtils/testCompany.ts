import { Entity } from '@backstage/catalog-model';
import type { CheckFinding } from '../checks';

/*
 * A small company for the map's tests, as catalog files declare it (the
 * graph reads spec fields and relations alike): systems shop and ops, a
 * topic, an API, a webhook to a partner URL and a component with no system.
 */
const entity = (
  kind: string,
  name: string,
  spec: NonNullable<Entity['spec']>,
  apiVersion = 'backstage.io/v1alpha1',
): Entity => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

const interchange = 'interchange.dev/v1alpha1';

/**
 * A small company's catalog for tests of the map and the graph.
 *
 * @public
 */
export const testCompany: Entity[] = [
  entity('System', 'shop', { owner: 'team-shop' }),
  entity('System', 'ops', { owner: 'team-ops' }),
  entity('Component', 'cart', {
    type: 'service',
    owner: 'team-shop',
    lifecycle: 'production',
    system: 'shop',
    dependsOn: ['component:checkout'],
  }),
  entity('Component', 'checkout', {
    type: 'service',
    owner: 'team-shop',
    lifecycle: 'production',
    system: 'shop',
    consumesApis: ['orders-api'],
  }),
  entity('Component', 'orders', {
    type: 'service',
    owner: 'team-ops',
    lifecycle: 'production',
    system: 'ops',
    providesApis: ['orders-api'],
  }),
  entity('Component', 'mailer', {
    type: 'service',
    owner: 'team-ops',
    lifecycle: 'experimental',
    system: 'ops',
  }),
  entity('Component', 'legacy-report', {
    type: 'service',
    owner: 'team-ops',
    lifecycle: 'deprecated',
  }),
  entity('API', 'orders-api', {
    type: 'openapi',
    owner: 'team-ops',
    lifecycle: 'production',
    system: 'ops',
    definition: '{}',
  }),
  entity(
    'KafkaTopic',
    'orders.placed',
    {
      owner: 'team-ops',
      cluster: 'main',
      producers: ['checkout'],
      consumers: ['orders', 'mailer', 'legacy-report'],
    },
    interchange,
  ),
  entity(
    'Webhook',
    'ship-notify',
    {
      owner: 'team-ops',
      sender: 'orders',
      url: 'https://partner.example.com/hook',
      events: ['shipped'],
      signing: { scheme: 'none' },
    },
    interchange,
  ),
];

/**
 * Findings on {@link testCompany}, as the checks API answers them.
 *
 * @public
 */
export const testFindings: CheckFinding[] = [
  {
    rule: 'hygiene/unsigned-webhook',
    severity: 'error',
    entityRef: 'webhook:default/ship-notify',
    entityRefs: ['webhook:default/ship-notify', 'component:default/orders'],
    message: 'ship-notify is not signed and delivers outside the company',
    fix: 'Sign it with standard-webhooks and a secretRef.',
    details: {},
  },
];
