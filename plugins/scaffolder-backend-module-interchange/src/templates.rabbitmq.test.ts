import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { validateInterchangeEntity } from '@interchange/plugin-interchange-common';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqctl,
  rabbitmqUrl,
} from '@interchange/plugin-interchange-node/testUtils';
import { parse } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleInterchange } from './module';

jest.setTimeout(60_000);

const dir = path.resolve(__dirname, '../../../templates/new-rabbitmq-queue');

describeRabbitMQ('New RabbitMQ queue template', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    vhost = await createTestVhost('template');
    await vhost.declareExchange('notifications', 'topic');
    await vhost.declareExchange('dead-letters', 'fanout');
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleInterchange,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            interchange: {
              rabbitmq: {
                brokers: [
                  {
                    id: 'local',
                    managementUrl: rabbitmqUrl,
                    credentials: { username: 'guest', password: 'guest' },
                    policy: {
                      namePattern: '^[a-z]+\\.[a-z0-9-]+$',
                      requireQuorumInProduction: true,
                      requireDeadLetterExchange: true,
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

  afterAll(async () => {
    await stop?.();
    await vhost?.remove();
  });

  it("passes the scaffolder's own dry run: checks with the broker, renders a valid RabbitMQQueue, declares nothing", async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: parse(
          fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'),
        ),
        values: {
          broker: 'local',
          vhost: vhost.name,
          name: 'notify.push',
          description: 'Push notifications to send',
          owner: 'group:default/team-fulfillment',
          lifecycle: 'production',
          queueType: 'quorum',
          exchange: 'notifications',
          routingKey: 'notify.push.#',
          deadLetterExchange: 'dead-letters',
          consumers: ['component:default/notification-service'],
          publish: false,
        },
        directoryContents: [],
      });
    expect(res.status).toBe(200);
    const file = res.body.directoryContents.find(
      (f: { path: string }) => f.path === 'catalog-info.yaml',
    );
    const entity = parse(Buffer.from(file.base64Content, 'base64').toString());
    expect(entity).toEqual({
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'RabbitMQQueue',
      metadata: {
        name: 'notify.push',
        description: 'Push notifications to send',
      },
      spec: {
        owner: 'group:default/team-fulfillment',
        lifecycle: 'production',
        broker: 'local',
        vhost: vhost.name,
        queueType: 'quorum',
        bindings: [{ exchange: 'notifications', routingKey: 'notify.push.#' }],
        deadLetterExchange: 'dead-letters',
        consumers: ['component:default/notification-service'],
      },
    });
    expect(validateInterchangeEntity(entity)).toEqual([]);
    // A dry run declares nothing.
    expect(
      (
        await rabbitmqctl(
          'list_queues',
          '-p',
          vhost.name,
          '-q',
          '--no-table-headers',
          'name',
        )
      ).trim(),
    ).toBe('');
  });

  it('New event-driven service offers RabbitMQ: the skeleton consumes the queue and declares consumesFrom', async () => {
    const eventDriven = path.resolve(
      __dirname,
      '../../../templates/new-event-driven-service',
    );
    const files = (
      fs.readdirSync(eventDriven, { recursive: true }) as string[]
    ).filter(f => fs.statSync(path.join(eventDriven, f)).isFile());
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: parse(
          fs.readFileSync(path.join(eventDriven, 'template.yaml'), 'utf8'),
        ),
        values: {
          name: 'sms-sender',
          owner: 'group:default/team-fulfillment',
          role: 'consumer',
          bus: 'rabbitmq',
          rabbitmqEntity: 'rabbitmqqueue:default/notifications.sms',
          publish: false,
        },
        directoryContents: files.map(f => ({
          path: f,
          base64Content: fs
            .readFileSync(path.join(eventDriven, f))
            .toString('base64'),
        })),
      });
    expect(res.status).toBe(200);
    const read = (name: string) =>
      Buffer.from(
        res.body.directoryContents.find(
          (f: { path: string }) => f.path === name,
        ).base64Content,
        'base64',
      ).toString();
    const entity = parse(read('catalog-info.yaml'));
    expect(validateInterchangeEntity(entity)).toEqual([]);
    expect(entity.spec.consumesFrom).toEqual([
      'rabbitmqqueue:default/notifications.sms',
    ]);
    expect(entity.metadata.annotations).toBeUndefined();
    expect(read('src/index.js')).toContain("require('amqplib')");
    expect(JSON.parse(read('package.json')).dependencies).toEqual({
      amqplib: '^0.10.0',
    });
  });
});
