import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { componentEntityV1alpha1Validator } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { validateInterchangeEntity } from '@interchange/plugin-interchange-common';
import {
  describeKafka,
  kafkaBrokers,
} from '@interchange/plugin-interchange-node/testUtils';
import { parse } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleInterchange } from './module';

/** The repository's templates/ folder. */
const templatesDir = path.resolve(__dirname, '../../../templates');

function templateRequest(name: string, values: Record<string, unknown>) {
  const dir = path.join(templatesDir, name);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter(
    f => fs.statSync(path.join(dir, f)).isFile(),
  );
  return {
    template: parse(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8')),
    values,
    directoryContents: files.map(f => ({
      path: f,
      base64Content: fs.readFileSync(path.join(dir, f)).toString('base64'),
    })),
  };
}

type DryRunResult = {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: { path: string; base64Content: string }[];
  output: { text?: { title: string; content: string }[] };
  steps: { id: string }[];
};

function file(result: DryRunResult, name: string) {
  const found = result.directoryContents.find(f => f.path === name);
  if (!found) {
    throw new Error(
      `${name} not in the dry run's files: ${result.directoryContents
        .map(f => f.path)
        .join(', ')}`,
    );
  }
  return Buffer.from(found.base64Content, 'base64').toString('utf8');
}

describeKafka("templates pass the scaffolder's own dry run", () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleInterchange,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            interchange: {
              kafka: {
                clusters: [
                  {
                    id: 'local',
                    brokers: kafkaBrokers,
                    policy: {
                      namePattern: '^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$',
                      partitions: { min: 1, max: 12, default: 3 },
                      replicationFactor: { min: 1, max: 1, default: 1 },
                      requiredConfigs: ['retention.ms'],
                    },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  async function dryRun(name: string, values: Record<string, unknown>) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send(templateRequest(name, values));
    if (res.status !== 200) {
      throw new Error(
        `dry run of ${name} answered ${res.status}: ${JSON.stringify(
          res.body,
        )}`,
      );
    }
    return res.body as DryRunResult;
  }

  it('New Kafka topic: checks the topic with the broker and renders a valid KafkaTopic', async () => {
    const result = await dryRun('new-kafka-topic', {
      cluster: 'local',
      name: 'loyalty.points-earned.v1',
      description: 'Points a customer earned with an order',
      owner: 'group:default/team-orders',
      partitions: 6,
      replicationFactor: 1,
      retentionHours: 24,
      cleanupPolicy: 'delete',
      producers: ['component:default/order-service'],
      publish: false,
    });
    const entity = parse(file(result, 'catalog-info.yaml'));
    expect(entity).toEqual({
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: {
        name: 'loyalty.points-earned.v1',
        description: 'Points a customer earned with an order',
      },
      spec: {
        owner: 'group:default/team-orders',
        cluster: 'local',
        partitions: 6,
        replicationFactor: 1,
        config: { 'retention.ms': 86400000, 'cleanup.policy': 'delete' },
        producers: ['component:default/order-service'],
      },
    });
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(JSON.stringify(result.log)).toContain(
      'Dry run: the broker accepted topic loyalty.points-earned.v1 (6 partitions, replication factor 1); nothing was created',
    );
  });

  it("New Kafka topic: a name against the cluster's rule fails the dry run with the rule", async () => {
    await expect(
      dryRun('new-kafka-topic', {
        cluster: 'local',
        name: 'LoyaltyPoints',
        owner: 'group:default/team-orders',
        retentionHours: 24,
        publish: false,
      }),
    ).rejects.toThrow(
      "Topic LoyaltyPoints breaks the rules of cluster local:\\nname: 'LoyaltyPoints' does not follow this cluster's naming rule",
    );
  });

  it('New gateway route: renders decK config and a valid GatewayRoute', async () => {
    const result = await dryRun('new-gateway-route', {
      name: 'loyalty-public',
      gateway: 'kong-public',
      format: 'kong',
      paths: ['/v1/loyalty'],
      methods: ['GET'],
      upstream: 'component:default/order-service',
      owner: 'group:default/team-orders',
      upstreamUrl: 'http://loyalty.orders.svc:8080',
      exposure: 'public',
      authentication: 'jwt',
      rateLimitPerMinute: 600,
    });
    const entity = parse(file(result, 'catalog-info.yaml'));
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(entity.spec).toEqual({
      owner: 'group:default/team-orders',
      gateway: 'kong-public',
      paths: ['/v1/loyalty'],
      methods: ['GET'],
      upstream: 'component:default/order-service',
      exposure: 'public',
      authentication: 'jwt',
    });
    expect(parse(file(result, 'gateway/loyalty-public.kong.yaml'))).toEqual({
      _format_version: '3.0',
      services: [
        {
          name: 'loyalty-public',
          url: 'http://loyalty.orders.svc:8080',
          routes: [
            {
              name: 'loyalty-public',
              paths: ['/v1/loyalty'],
              methods: ['GET'],
              strip_path: false,
            },
          ],
          plugins: [
            { name: 'jwt' },
            { name: 'rate-limiting', config: { minute: 600, policy: 'local' } },
          ],
        },
      ],
    });
  });

  it('New webhook subscription: a valid Webhook with a secretRef, never the secret', async () => {
    const result = await dryRun('new-webhook-subscription', {
      name: 'partner-loyalty',
      sender: 'component:default/order-service',
      url: 'https://partner.example.com/hooks/loyalty',
      events: ['loyalty.points-earned'],
      owner: 'group:default/team-orders',
      scheme: 'standard-webhooks',
      maxAttempts: 5,
    });
    const text = file(result, 'catalog-info.yaml');
    const entity = parse(text);
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(entity.spec.signing).toEqual({
      scheme: 'standard-webhooks',
      secretRef: 'partner-loyalty',
    });
    expect(text).not.toContain('whsec_');
  });

  it('New webhook subscription with shared-token (senders that cannot sign): a valid Webhook, secretRef only', async () => {
    const result = await dryRun('new-webhook-subscription', {
      name: 'partner-automation',
      sender: 'component:default/order-service',
      url: 'https://automation.partner.example.com/hooks/orders',
      events: ['order.updated'],
      owner: 'group:default/team-orders',
      scheme: 'shared-token',
      maxAttempts: 5,
    });
    const text = file(result, 'catalog-info.yaml');
    const entity = parse(text);
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(entity.spec.signing).toEqual({
      scheme: 'shared-token',
      secretRef: 'partner-automation',
    });
    expect(text).not.toContain('whsec_');
  });

  it('New event-driven service: a Component that declares the topic it consumes', async () => {
    const result = await dryRun('new-event-driven-service', {
      name: 'loyalty-service',
      description: 'Grants loyalty points for orders',
      owner: 'group:default/team-orders',
      topic: 'kafkatopic:default/orders.order-events.v1',
      cluster: 'local',
      role: 'consumer',
      publish: false,
    });
    const entity = parse(file(result, 'catalog-info.yaml'));
    expect(await componentEntityV1alpha1Validator.check(entity)).toBe(true);
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(entity.spec.consumesFrom).toEqual([
      'kafkatopic:default/orders.order-events.v1',
    ]);
    expect(
      entity.metadata.annotations['interchange.dev/kafka-consumer-groups'],
    ).toBe('local/loyalty-service');
    expect(file(result, 'src/index.js')).toContain(
      "groupId: 'loyalty-service'",
    );
  });
});
