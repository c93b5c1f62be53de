import { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { kafkaLiveStateReadPermission } from '@interchange/plugin-interchange-common';
import {
  commitOffsets,
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
// The policy of this test: Bob may use the catalog but not read live Kafka state.
const BOB = 'user:default/bob';

/** Allows everything except interchange.kafka.read for Bob. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: any[], options: any) {
      const user = options?.credentials?.principal?.userEntityRef;
      return requests.map(r => ({
        result:
          user === BOB &&
          r.permission.name === kafkaLiveStateReadPermission.name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

describeKafka(
  'Interchange actions over MCP (real MCP client, real backend, real Kafka)',
  () => {
    const brokers = kafkaBrokers!;
    const topic = uniqueName('mcp.orders');
    const group = uniqueName('mcp-billing');
    let port: number;
    let stop: () => Promise<void>;

    const entities = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'order-service', namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing-service', namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-b' },
      },
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'KafkaTopic',
        metadata: { name: topic, namespace: 'default' },
        spec: {
          type: 'events',
          lifecycle: 'production',
          owner: 'team-a',
          cluster: 'local',
          partitions: 2,
          producers: ['order-service'],
          consumers: [{ entityRef: 'billing-service', consumerGroup: group }],
        },
      },
    ];

    beforeAll(async () => {
      await seedTopic(brokers, topic, [5, 3]);
      await commitOffsets(brokers, group, topic, { 0: 2, 1: 3 });
      const backend = await startTestBackend({
        features: [
          mcpActionsPlugin,
          interchangePlugin,
          eventsServiceFactory,
          permissionsFactory,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              backend: { actions: { pluginSources: ['interchange'] } },
              interchange: {
                kafka: {
                  clusters: [{ id: 'local', brokers }],
                  lagSampling: { enabled: false },
                },
              },
            },
          }),
        ],
      });
      port = (backend.server.address() as AddressInfo).port;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop?.();
    });

    async function connect(user: string) {
      const client = new Client({ name: 'interchange-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(
          new URL(`http://localhost:${port}/api/mcp-actions/v1`),
          {
            requestInit: {
              headers: { Authorization: mockCredentials.user.header(user) },
            },
          },
        ),
      );
      return client;
    }

    it('lists the tools and answers each one', async () => {
      const client = await connect(ALICE);
      try {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual([
          'interchange.checks',
          'interchange.impact',
          'interchange.lag',
          'interchange.validate-entity',
          'interchange.who-consumes',
        ]);

        const who = await client.callTool({
          name: 'interchange.who-consumes',
          arguments: { entityRef: `kafkatopic:default/${topic}` },
        });
        expect(who.isError).toBeFalsy();
        expect(who.structuredContent).toEqual(
          expect.objectContaining({
            producers: ['component:default/order-service'],
            consumers: ['component:default/billing-service'],
            consumerGroups: [
              expect.objectContaining({
                cluster: 'local',
                groupId: group,
                totalLag: 3,
              }),
            ],
          }),
        );

        const impact = await client.callTool({
          name: 'interchange.impact',
          arguments: { entityRef: 'component:default/order-service' },
        });
        expect(impact.isError).toBeFalsy();
        expect((impact.structuredContent as any).reached).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              entityRef: 'component:default/billing-service',
              path: [
                'component:default/order-service',
                `kafkatopic:default/${topic}`,
                'component:default/billing-service',
              ],
            }),
          ]),
        );

        const lag = await client.callTool({
          name: 'interchange.lag',
          arguments: { consumerGroup: group },
        });
        expect(lag.isError).toBeFalsy();
        expect(lag.structuredContent).toEqual({
          cluster: 'local',
          groups: [
            expect.objectContaining({
              groupId: group,
              totalLag: 3,
              trend: 'unknown',
              trendPoints: [],
            }),
          ],
        });

        const validated = await client.callTool({
          name: 'interchange.validate-entity',
          arguments: {
            yaml: [
              'apiVersion: interchange.dev/v1alpha1',
              'kind: KafkaTopic',
              'metadata: { name: orders.bad }',
              'spec: { type: events, lifecycle: production, owner: team-a, cluster: nowhere, partitions: 0 }',
            ].join('\n'),
          },
        });
        expect(validated.isError).toBeFalsy();
        const result = validated.structuredContent as any;
        expect(result.valid).toBe(false);
        expect(result.entities[0].entityRef).toBe(
          'kafkatopic:default/orders.bad',
        );
        expect(result.entities[0].problems.map((p: any) => p.path)).toEqual(
          expect.arrayContaining(['spec.partitions', 'spec.cluster']),
        );

        const checks = await client.callTool({
          name: 'interchange.checks',
          arguments: { owner: 'team-a' },
        });
        expect(checks.isError).toBeFalsy();
        expect(checks.structuredContent).toEqual(
          expect.objectContaining({ findings: expect.any(Array) }),
        );
      } finally {
        await client.close();
      }
    });

    it("runs with the caller's permissions: no live Kafka state without interchange.kafka.read", async () => {
      const client = await connect(BOB);
      try {
        const denied = await client.callTool({
          name: 'interchange.lag',
          arguments: { consumerGroup: group },
        });
        expect(denied.isError).toBe(true);
        expect(JSON.stringify(denied.content)).toContain(
          'NotAllowedError: reading live Kafka state requires the interchange.kafka.read permission',
        );
        expect(denied.structuredContent).toBeUndefined();
        // Answers that hold no live state still work for Bob.
        const impact = await client.callTool({
          name: 'interchange.impact',
          arguments: { entityRef: 'component:default/order-service' },
        });
        expect(impact.isError).toBeFalsy();
      } finally {
        await client.close();
      }
    });
  },
);
