import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { validateInterchangeEntity } from '@interchange/plugin-interchange-common';
import { parse, parseAllDocuments } from 'yaml';
import { createEntityRenderAction } from './entityRender';
import { createGatewayRenderRouteAction } from './gatewayRenderRoute';

const workspace = createMockDirectory();

function context(input: Record<string, unknown>, isDryRun = false) {
  return {
    ...createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    }),
    isDryRun,
  };
}

const read = (file: string) =>
  fs.readFileSync(path.join(workspace.path, file), 'utf8');

beforeEach(() => workspace.clear());

describe('interchange:entity:render', () => {
  const action = createEntityRenderAction();

  it('writes a valid entity, leaving out fields the form left empty', async () => {
    const ctx = context({
      kind: 'KafkaTopic',
      name: 'orders.order-placed.v1',
      description: 'One event per placed order',
      title: '',
      spec: {
        owner: 'group:team-orders',
        cluster: 'local',
        partitions: 6,
        system: '',
        producers: ['component:order-service'],
        consumers: [],
        config: { 'retention.ms': '604800000' },
      },
    });
    await action.handler(ctx);
    const entity = parse(read('catalog-info.yaml'));
    expect(entity).toEqual({
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: {
        name: 'orders.order-placed.v1',
        description: 'One event per placed order',
      },
      spec: {
        owner: 'group:team-orders',
        cluster: 'local',
        partitions: 6,
        producers: ['component:order-service'],
        config: { 'retention.ms': '604800000' },
      },
    });
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'kafkatopic:default/orders.order-placed.v1',
    );
  });

  it('refuses an invalid entity with every problem and writes nothing', async () => {
    const ctx = context({
      kind: 'Webhook',
      name: 'partner-refunds',
      spec: {
        owner: 'group:team-payments',
        sender: 'component:payment-service',
        url: 'ftp://partner.example.com/hooks',
        events: ['refund.created'],
        signing: { scheme: 'standard-webhooks' },
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /The Webhook entity partner-refunds is not valid:\nspec.url: .*\nspec.signing.secretRef: /,
    );
    expect(fs.existsSync(path.join(workspace.path, 'catalog-info.yaml'))).toBe(
      false,
    );
  });

  it('rejects names the catalog would not accept and paths outside the workspace', async () => {
    await expect(
      action.handler(
        context({ kind: 'KafkaTopic', name: 'Orders Placed', spec: {} }),
      ),
    ).rejects.toThrow("name: 'Orders Placed' is not a valid entity name");
    await expect(
      action.handler(
        context({
          kind: 'KafkaTopic',
          name: 'a',
          targetPath: '../escape.yaml',
          spec: { owner: 'group:a', cluster: 'local' },
        }),
      ),
    ).rejects.toThrow(/outside/);
  });
});

describe('interchange:gateway:render-route', () => {
  const action = createGatewayRenderRouteAction();
  const route = {
    name: 'orders-public',
    paths: ['/v1/orders', '~/v1/orders/[0-9]+$'],
    methods: ['GET', 'POST'],
    hosts: ['api.brightwave.example'],
    authentication: 'api-key',
    rateLimit: { requests: 100, period: 'minute' },
  };

  it('renders Kong declarative config', async () => {
    const ctx = context({
      ...route,
      format: 'kong',
      upstreamUrl: 'http://order-service.orders.svc:8080',
    });
    await action.handler(ctx);
    expect(parse(read('gateway/orders-public.kong.yaml'))).toEqual({
      _format_version: '3.0',
      services: [
        {
          name: 'orders-public',
          url: 'http://order-service.orders.svc:8080',
          routes: [
            {
              name: 'orders-public',
              paths: ['/v1/orders', '~/v1/orders/[0-9]+$'],
              methods: ['GET', 'POST'],
              hosts: ['api.brightwave.example'],
              strip_path: false,
            },
          ],
          plugins: [
            { name: 'key-auth' },
            {
              name: 'rate-limiting',
              config: { minute: 100, policy: 'local' },
            },
          ],
        },
      ],
    });
  });

  it('renders a Gateway API HTTPRoute', async () => {
    const ctx = context({
      ...route,
      format: 'gateway-api',
      backendService: 'order-service',
      backendPort: 8080,
      gatewayName: 'public-gateway',
      namespace: 'orders',
    });
    await action.handler(ctx);
    const [doc] = parseAllDocuments(
      read('gateway/orders-public.httproute.yaml'),
    ).map(d => d.toJS());
    expect(doc).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'orders-public', namespace: 'orders' },
      spec: {
        parentRefs: [{ name: 'public-gateway' }],
        hostnames: ['api.brightwave.example'],
        rules: [
          {
            matches: [
              {
                path: { type: 'PathPrefix', value: '/v1/orders' },
                method: 'GET',
              },
              {
                path: { type: 'PathPrefix', value: '/v1/orders' },
                method: 'POST',
              },
              {
                path: {
                  type: 'RegularExpression',
                  value: '/v1/orders/[0-9]+$',
                },
                method: 'GET',
              },
              {
                path: {
                  type: 'RegularExpression',
                  value: '/v1/orders/[0-9]+$',
                },
                method: 'POST',
              },
            ],
            backendRefs: [{ name: 'order-service', port: 8080 }],
          },
        ],
      },
    });
  });

  it('names each missing or wrong field for the format', async () => {
    await expect(
      action.handler(
        context({
          format: 'gateway-api',
          name: 'x',
          paths: ['v1'],
          methods: ['get'],
        }),
      ),
    ).rejects.toThrow(
      "Route x cannot be rendered for gateway-api:\npaths[0]: 'v1' must start with '/' (or '~/' for a regular expression)\nmethods[0]: 'get' is not an HTTP method",
    );
  });
});
