import path from 'node:path';
import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { provideStaticCatalogModel } from '@backstage/plugin-catalog-node/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { testEdgeProxyFormat } from '@interchange/plugin-interchange-common/testUtils';
import { captureScheduler } from '@interchange/plugin-interchange-node/testUtils';
import { interchangeCatalogModelLayer } from '@interchange/plugin-interchange-common/alpha';
import { interchangeConfigFormatsExtensionPoint } from '@interchange/plugin-interchange-node';
import { catalogModuleInterchange } from '../module';
import {
  demoCompanyLocations,
  GATEWAY_TEST_RULES,
  getEntity,
  waitFor,
  waitForRelation,
} from '../__testUtils__/catalogQueries';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');

const adopterModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'edge-proxy-format',
  register(reg) {
    reg.registerInit({
      deps: { formats: interchangeConfigFormatsExtensionPoint },
      async init({ formats }) {
        formats.addFormat(testEdgeProxyFormat);
      },
    });
  },
});

const config = mockServices.rootConfig.factory({
  data: {
    backend: { baseUrl: 'http://localhost:0' },
    catalog: {
      processingInterval: { seconds: 2 },
      rules: GATEWAY_TEST_RULES,
      locations: [
        ...demoCompanyLocations(examples),
        {
          type: 'file',
          target: path.join(
            __dirname,
            '__fixtures__',
            'edge-proxy',
            'catalog-info.yaml',
          ),
        },
      ],
    },
  },
});

const model = provideStaticCatalogModel({
  layers: [defaultCatalogEntityModel, interchangeCatalogModelLayer],
});

describe('interchangeConfigFormatsExtensionPoint', () => {
  it("lets another catalog module add a format that Locations' files are read with", async () => {
    const backend = await startTestBackend({
      // The adopter's module is listed after ours: the backend still starts
      // it first, because it depends on the extension point ours provides.
      features: [
        catalogPlugin,
        catalogModuleInterchange,
        adopterModule,
        model,
        config,
      ],
    });
    try {
      const route = await waitForRelation(
        backend.server,
        'gatewayroute:default/edge-proxy.orders',
        'routesTo',
      );
      expect(route.spec).toMatchObject({
        gateway: 'edge-proxy',
        owner: 'team-fulfillment',
        paths: ['/v1/orders'],
        upstream: 'component:default/order-service',
      });
      expect(route.metadata.tags).toEqual(['ingested', 'edge-proxy']);
    } finally {
      await backend.stop();
    }
  });

  it("lets a configured gateway's type be the added format", async () => {
    // The test backend's scheduler runs tasks only when told to; this module
    // gets hold of the catalog's instance so the test can trigger the
    // provider's run once the components are in the catalog.
    const schedulerOf = captureScheduler('catalog');
    const backend = await startTestBackend({
      features: [
        schedulerOf.module,
        catalogPlugin,
        catalogModuleInterchange,
        adopterModule,
        model,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:0' },
            catalog: {
              processingInterval: { seconds: 2 },
              rules: GATEWAY_TEST_RULES,
              locations: demoCompanyLocations(examples),
            },
            interchange: {
              gateways: [
                {
                  id: 'edge',
                  type: 'edge-proxy',
                  title: 'Edge proxy',
                  files: [
                    path.join(
                      __dirname,
                      '__fixtures__',
                      'edge-proxy',
                      'routes.yaml',
                    ),
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      await waitFor(
        () => getEntity(backend.server, 'component:default/order-service'),
        'component:default/order-service',
      );
      await waitFor(
        async () =>
          (
            await schedulerOf.scheduler().getScheduledTasks()
          ).some(t => t.id === 'interchange-gateway:edge:refresh')
            ? true
            : undefined,
        "the edge gateway provider's schedule",
      );
      await schedulerOf
        .scheduler()
        .triggerTask('interchange-gateway:edge:refresh');
      const route = await waitForRelation(
        backend.server,
        'gatewayroute:default/edge.orders',
        'routesTo',
      );
      expect(route.spec).toMatchObject({
        gateway: 'edge',
        paths: ['/v1/orders'],
        upstream: 'component:default/order-service',
      });
    } finally {
      await backend.stop();
    }
  });

  it('is not available to modules of other plugins', async () => {
    const otherPlugin = createBackendPlugin({
      pluginId: 'other',
      register(reg) {
        reg.registerInit({ deps: {}, async init() {} });
      },
    });
    const otherModule = createBackendModule({
      pluginId: 'other',
      moduleId: 'edge-proxy-format',
      register(reg) {
        reg.registerInit({
          deps: { formats: interchangeConfigFormatsExtensionPoint },
          async init({ formats }) {
            formats.addFormat(testEdgeProxyFormat);
          },
        });
      },
    });
    await expect(
      startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleInterchange,
          otherPlugin,
          otherModule,
          model,
          config,
        ],
      }),
    ).rejects.toThrow(
      /Extension points can only be used within their plugin's scope/,
    );
  });
});
