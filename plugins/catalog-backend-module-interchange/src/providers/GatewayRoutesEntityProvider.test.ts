import path from 'path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { provideStaticCatalogModel } from '@backstage/plugin-catalog-node/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { interchangeCatalogModelLayer } from '@interchange/plugin-interchange-common/alpha';
import {
  captureScheduler,
  startKongAdminStub,
} from '@interchange/plugin-interchange-node/testUtils';
import { catalogModuleInterchange } from '../module';
import {
  demoCompanyLocations,
  GATEWAY_TEST_RULES,
  getEntity,
  relations,
  waitFor,
  waitForRelation,
} from '../__testUtils__/catalogQueries';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');

describe('gateway routes through the real catalog backend', () => {
  it('ingests files and a recorded Kong, links routes to components and APIs, and keeps them when Kong fails mid-pagination', async () => {
    const kong = await startKongAdminStub();
    // The test backend's scheduler runs tasks only when told to; this module
    // gets hold of the catalog's instance so the test can trigger the
    // providers' runs.
    const schedulerOf = captureScheduler('catalog');
    const run = async (gateway: string) =>
      schedulerOf
        .scheduler()
        .triggerTask(`interchange-gateway:${gateway}:refresh`);
    const backend = await startTestBackend({
      features: [
        schedulerOf.module,
        catalogPlugin,
        catalogModuleInterchange,
        provideStaticCatalogModel({
          layers: [defaultCatalogEntityModel, interchangeCatalogModelLayer],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:0' },
            catalog: {
              rules: GATEWAY_TEST_RULES,
              locations: demoCompanyLocations(examples),
              providers: {
                interchangeGateways: {
                  defaultOwner: 'group:default/team-platform',
                  schedule: {
                    frequency: { seconds: 2 },
                    timeout: { seconds: 30 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
            interchange: {
              gateways: [
                {
                  id: 'kong-public',
                  type: 'kong',
                  adminUrl: kong.url,
                  requestTimeoutMs: 2000,
                  files: [
                    path.join(__dirname, '__fixtures__', 'kong-declared.yaml'),
                  ],
                },
                {
                  id: 'mesh-internal',
                  type: 'gateway-api',
                  files: [
                    path.join(__dirname, '__fixtures__', 'mesh-routes.yaml'),
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const server = backend.server;
    try {
      await waitFor(
        async () =>
          (await schedulerOf.scheduler().getScheduledTasks()).length >= 2
            ? true
            : undefined,
        'the providers to schedule their runs',
      );
      // Routes are linked to the components the catalog has when they run.
      for (const ref of [
        'component:default/order-service',
        'component:default/storefront-web',
      ]) {
        await waitFor(() => getEntity(server, ref), ref);
      }
      await run('kong-public');
      await run('mesh-internal');

      const orders = await waitForRelation(
        server,
        'gatewayroute:default/kong-public.orders-public',
        'routesTo',
      );
      expect(orders.spec).toMatchObject({
        gateway: 'kong-public',
        owner: 'team-fulfillment',
        paths: ['/v1/orders'],
        methods: ['GET'],
        hosts: ['api.brightwave.example'],
        upstream: 'component:default/order-service',
        api: 'orders-api',
        authentication: 'jwt',
      });
      // Declared in the file with GET only; live in Kong with GET and POST.
      expect(
        JSON.parse(orders.metadata.annotations!['interchange.dev/route-drift']),
      ).toEqual([
        {
          field: 'methods',
          declared: 'GET',
          actual: 'GET, POST',
          message: 'methods differ (only live: POST)',
        },
      ]);
      expect(relations(orders)).toEqual(
        expect.arrayContaining([
          'exposes api:default/orders-api',
          'ownedBy group:default/team-fulfillment',
          'routesTo component:default/order-service',
        ]),
      );
      const search = (await getEntity(
        server,
        'gatewayroute:default/kong-public.catalog-search',
      ))!;
      expect(
        JSON.parse(
          search.metadata.annotations!['interchange.dev/route-drift'],
        )[0].message,
      ).toBe(
        'route catalog-search is live on the gateway but in no configuration file',
      );
      expect(search.spec).toMatchObject({
        owner: 'group:default/team-platform',
        paths: ['~/v1/catalog/search$'],
        upstreamUrl: 'http://catalog-service.catalog.svc:8080',
        rateLimit: { requests: 600, period: 'minute' },
      });
      expect(search.spec?.authentication).toBeUndefined(); // key-auth is disabled
      expect(
        search.metadata.annotations?.['interchange.dev/upstream-unmatched'],
      ).toBe('true');

      const storefront = await waitForRelation(
        server,
        'gatewayroute:default/mesh-internal.storefront',
        'routesTo',
      );
      expect(relations(storefront)).toContain(
        'routesTo component:default/storefront-web',
      );
      expect(
        await getEntity(
          server,
          'gatewayroute:default/mesh-internal.legacy-reports',
        ),
      ).toBeDefined();
      const component = await waitForRelation(
        server,
        'component:default/order-service',
        'routedBy',
      );
      expect(relations(component)).toContain(
        'routedBy gatewayroute:default/kong-public.orders-public',
      );

      // Kong fails on the second page of routes: the run applies nothing.
      kong.state.failSecondRoutesPage = true;
      const before = kong.requests.length;
      await run('kong-public');
      expect(kong.requests.slice(before)).toContain(
        '/routes?offset=ICAgICAgICAgIDE%3D&size=1',
      );
      // Give the catalog time to act on a (wrong) empty mutation, were there one.
      await new Promise(r => setTimeout(r, 2000));
      expect(
        await getEntity(
          server,
          'gatewayroute:default/kong-public.catalog-search',
        ),
      ).toBeDefined();
      expect(
        await getEntity(
          server,
          'gatewayroute:default/kong-public.orders-public',
        ),
      ).toBeDefined();
    } finally {
      await backend.stop();
      await kong.close();
    }
  });
});
