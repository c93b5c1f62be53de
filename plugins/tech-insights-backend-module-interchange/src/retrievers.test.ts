import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
// The facts come from the real Interchange backend, started here.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import interchangePlugin from '@interchange/plugin-interchange-backend';
import {
  commitOffsets,
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import {
  createDriftFactRetriever,
  createFindingsFactRetriever,
  createLagFactRetriever,
  createWebhookHealthFactRetriever,
} from './retrievers';

jest.setTimeout(120_000);

describeKafka(
  'Interchange fact retrievers against a real backend and broker',
  () => {
    const brokers = kafkaBrokers!;
    const topic = uniqueName('it-facts');
    const group = uniqueName('it-facts-group');
    const entities: Entity[] = [
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'KafkaTopic',
        metadata: { name: 'orders', namespace: 'default' },
        // The topic has 2 partitions on the broker: one difference.
        spec: {
          owner: 'team-a',
          cluster: 'local',
          topicName: topic,
          partitions: 3,
          producers: ['component:default/billing'],
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'billing',
          namespace: 'default',
          annotations: {
            'interchange.dev/kafka-consumer-groups': `local/${group}`,
          },
        },
        spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
      },
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'GatewayRoute',
        metadata: {
          name: 'public-orders',
          namespace: 'default',
          annotations: {
            'interchange.dev/route-drift': JSON.stringify([
              {
                field: 'methods',
                declared: 'GET',
                actual: 'GET, POST',
                message: 'methods differ',
              },
            ]),
          },
        },
        spec: {
          type: 'http',
          lifecycle: 'production',
          owner: 'team-a',
          gateway: 'kong',
          paths: ['/api/orders'],
        },
      },
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'Webhook',
        metadata: { name: 'partner', namespace: 'default' },
        spec: {
          type: 'outbound',
          lifecycle: 'production',
          owner: 'team-a',
          events: ['order.placed'],
          url: 'https://hooks.partner.example/orders',
        },
      },
    ];
    const catalog = catalogServiceMock({ entities });
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let ctx: FactRetrieverContext;

    beforeAll(async () => {
      await seedTopic(brokers, topic, [5, 0]);
      await commitOffsets(brokers, group, topic, { 0: 2 });
      backend = await startTestBackend({
        features: [
          interchangePlugin,
          eventsServiceFactory,
          catalogServiceMock.factory({ entities }),
          // The scheduled checks run once at start-up (they have an initial
          // delay), so the findings facts count what they found.
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({
            data: {
              interchange: {
                kafka: {
                  lagSampling: { enabled: false },
                  clusters: [{ id: 'local', brokers }],
                },
                notifications: { enabled: false },
              },
            },
          }),
        ],
      });
      const port = (backend.server.address() as { port: number }).port;
      ctx = {
        config: mockServices.rootConfig(),
        discovery: {
          getBaseUrl: async id => `http://localhost:${port}/api/${id}`,
          getExternalBaseUrl: async id => `http://localhost:${port}/api/${id}`,
        },
        logger: mockServices.logger.mock(),
        auth: mockServices.auth(),
        urlReader: mockServices.urlReader.mock(),
      };
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('publishes drift counts of topics (against the broker) and routes', async () => {
      const facts = await createDriftFactRetriever(catalog).handler(ctx);
      expect(facts).toEqual([
        {
          entity: { kind: 'kafkatopic', namespace: 'default', name: 'orders' },
          facts: { interchangeDriftCount: 1 },
        },
        {
          entity: {
            kind: 'gatewayroute',
            namespace: 'default',
            name: 'public-orders',
          },
          facts: { interchangeDriftCount: 1 },
        },
      ]);
    });

    it('publishes the lag status of topics and of components declaring groups', async () => {
      const facts = await createLagFactRetriever(catalog).handler(ctx);
      // Lag sampling is off here: the group exists but has not been judged.
      expect(facts).toEqual([
        {
          entity: { kind: 'kafkatopic', namespace: 'default', name: 'orders' },
          facts: {
            interchangeLagStatus: 'UNKNOWN',
            interchangeLaggingGroups: 0,
          },
        },
        {
          entity: { kind: 'component', namespace: 'default', name: 'billing' },
          facts: {
            interchangeLagStatus: 'UNKNOWN',
            interchangeLaggingGroups: 0,
          },
        },
      ]);
    });

    it('publishes webhook endpoint health', async () => {
      const facts = await createWebhookHealthFactRetriever(catalog).handler(
        ctx,
      );
      expect(facts).toEqual([
        {
          entity: { kind: 'webhook', namespace: 'default', name: 'partner' },
          facts: { interchangeWebhookHealth: 'unknown' },
        },
      ]);
    });

    it('publishes findings by severity for every entity, as the checks API reports them', async () => {
      const port = (backend.server.address() as { port: number }).port;
      const { token } = await ctx.auth.getPluginRequestToken({
        onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
        targetPluginId: 'interchange',
      });
      // Wait for the scheduled run's stored result.
      let checks: {
        computedAt?: string;
        items: Array<{ rule: string; entityRefs: string[]; severity: string }>;
      } = { items: [] };
      for (let i = 0; i < 150 && !checks.computedAt; i++) {
        if (i > 0) {
          await new Promise(r => setTimeout(r, 200));
        }
        checks = await (
          await fetch(`http://localhost:${port}/api/interchange/checks`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json();
      }
      expect(checks.computedAt).toBeDefined();
      const findings = checks.items;
      // Live drift (the broker's 2 partitions, the route's annotation) and
      // catalog hygiene: real findings, not an empty list.
      expect(
        findings.map(f => `${f.severity} ${f.rule} ${f.entityRefs}`).sort(),
      ).toEqual(
        expect.arrayContaining([
          'error hygiene/unsigned-webhook webhook:default/partner',
          'info hygiene/topic-without-schema kafkatopic:default/orders',
          'info hygiene/webhook-without-retry webhook:default/partner',
          'warning drift/gateway-route gatewayroute:default/public-orders',
          'warning drift/kafka-topic kafkatopic:default/orders',
          'warning hygiene/orphan-topic kafkatopic:default/orders',
        ]),
      );
      const facts = await createFindingsFactRetriever(catalog).handler(ctx);
      expect(
        facts.map(f => `${f.entity.kind}:${f.entity.name}`).sort(),
      ).toEqual([
        'component:billing',
        'gatewayroute:public-orders',
        'kafkatopic:orders',
        'webhook:partner',
      ]);
      const byEntity = Object.fromEntries(
        facts.map(f => [`${f.entity.kind}:${f.entity.name}`, f.facts]),
      );
      expect(byEntity['kafkatopic:orders']).toMatchObject({
        interchangeWarningFindings: 2,
        interchangeInfoFindings: 1,
      });
      expect(byEntity['gatewayroute:public-orders']).toMatchObject({
        interchangeWarningFindings: 1,
      });
      expect(byEntity['webhook:partner']).toMatchObject({
        interchangeErrorFindings: 1,
        interchangeInfoFindings: 1,
      });
      expect(byEntity['component:billing']).toEqual({
        interchangeErrorFindings: 0,
        interchangeWarningFindings: 0,
        interchangeInfoFindings: 0,
      });
      for (const f of facts) {
        const ref = `${f.entity.kind}:${f.entity.namespace}/${f.entity.name}`;
        const count = (severity: string) =>
          findings.filter(
            x => x.severity === severity && x.entityRefs.includes(ref),
          ).length;
        expect(f.facts).toEqual({
          interchangeErrorFindings: count('error'),
          interchangeWarningFindings: count('warning'),
          interchangeInfoFindings: count('info'),
        });
      }
    });
  },
);
