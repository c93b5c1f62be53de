import { Entity } from '@backstage/catalog-model';
import {
  matchUpstreamComponent,
  NormalizedRoute,
  routeToEntity,
} from '@interchange/plugin-interchange-common';
import { linkToComponents } from './linkToComponents';
import { mapToEntities } from './mapToEntities';

const components: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'order-service',
      namespace: 'default',
      annotations: { 'interchange.dev/upstream-hosts': '*.orders.svc' },
    },
    spec: {
      owner: 'team-orders',
      system: 'commerce',
      providesApis: ['orders-api'],
    },
  },
];
const snapshot = { match: (u: any) => matchUpstreamComponent(u, components) };

const route = (
  name: string,
  upstreams: NormalizedRoute['upstreams'],
): NormalizedRoute => ({
  format: 'kong',
  name,
  hosts: [],
  paths: ['/x'],
  pathMatch: ['prefix'],
  methods: [],
  upstreams,
  plugins: [],
  parents: [],
  conditions: [],
  source: { document: 0, location: 'routes[0]' },
});

const routes = [
  route('orders', [
    { kind: 'mock', host: 'order-service.orders.svc' },
    { kind: 'url', url: 'http://legacy:80', host: 'legacy' },
    { kind: 'service', host: 'api.orders.svc' },
  ]),
  route('legacy', [{ kind: 'url', url: 'http://legacy:80', host: 'legacy' }]),
  route('health', [{ kind: 'mock' }]),
];

const options = {
  gateway: 'kong-edge',
  defaultOwner: 'group:default/platform',
  source: 'file:kong.yml',
  location: 'url:file:///kong.yml',
};

describe('linkToComponents and mapToEntities', () => {
  it('link each route to the component of its first real upstream a component matches', () => {
    const linked = linkToComponents(routes, snapshot);
    expect(linked.map(l => l.component?.metadata.name)).toEqual([
      'order-service',
      undefined,
      undefined,
    ]);
  });

  it('map linked routes to the entities routeToEntity gives, and name the routes the gateway answers itself', () => {
    const mapped = mapToEntities(linkToComponents(routes, snapshot), options);
    expect(mapped.entities.map(e => e.entity)).toEqual(
      routes
        .map(r => routeToEntity(r, { ...options, components }))
        .filter(Boolean),
    );
    expect(mapped.entities[0].entity.spec).toMatchObject({
      owner: 'team-orders',
      system: 'commerce',
      upstream: 'component:default/order-service',
      api: 'orders-api',
    });
    expect(mapped.answeredByGateway).toEqual(['health']);
  });
});
