import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/catalogBackend';
import { waitFor } from '../__testUtils__/catalogQueries';
import {
  processingRounds,
  waitForNoProcessingErrors,
  waitForProcessingError,
} from '../__testUtils__/processingErrors';

jest.setTimeout(300_000);

const fixture = path.resolve(
  __dirname,
  '../../../interchange-common/src/rabbitmq/__fixtures__/management-api-vhost-billing.json',
);

const LOCATION = 'location:default/billing-rabbitmq';

describe('interchange-rabbitmq-definitions locations when the file breaks', () => {
  let dir: string;
  let file: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-rmq-faults-'));
    file = path.join(dir, 'definitions.json');
    fs.copyFileSync(fixture, file);
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: billing-rabbitmq
  annotations:
    interchange.dev/rabbitmq-broker: prod
    interchange.dev/rabbitmq-vhost: billing
    interchange.dev/rabbitmq-owner: group:team-billing
spec:
  type: interchange-rabbitmq-definitions
  target: ./definitions.json
`,
    );
    backend = await startCatalogBackend({
      catalog: {
        rules: [{ allow: ['Location', 'RabbitMQExchange', 'RabbitMQQueue'] }],
        locations: [
          { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
        ],
      },
      interchange: {
        // Never contacted: definitions files are read without the
        // broker; the id is what the entities' spec.broker names.
        rabbitmq: {
          brokers: [
            {
              id: 'prod',
              managementUrl: 'http://127.0.0.1:9',
              credentials: { username: 'guest', password: 'guest' },
            },
          ],
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The names of the RabbitMQ entities in the catalog, sorted. */
  async function rabbitmqEntities(): Promise<string[]> {
    const res = await request(backend.server).get(
      '/api/catalog/entities?filter=kind=rabbitmqexchange&filter=kind=rabbitmqqueue',
    );
    expect(res.status).toBe(200);
    return (res.body as { kind: string; metadata: { name: string } }[])
      .map(e => `${e.kind}:${e.metadata.name}`)
      .sort();
  }

  it('keeps every exchange and queue it emitted while the definitions file is invalid, unreadable or gone, shows the error naming the file on the Location, and follows the fixed file', async () => {
    const server = backend.server;
    const before = [
      'RabbitMQExchange:billing.internal.audit',
      'RabbitMQExchange:billing.invoices',
      'RabbitMQExchange:billing.invoices.dlx',
      'RabbitMQQueue:billing.audit.log',
      'RabbitMQQueue:billing.invoices.email',
      'RabbitMQQueue:billing.invoices.parking',
      'RabbitMQQueue:billing.invoices.pdf',
    ];
    await waitFor(async () => {
      const now = await rabbitmqEntities();
      return now.length === before.length ? now : undefined;
    }, 'the entities of the definitions file');
    expect(await rabbitmqEntities()).toEqual(before);

    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    // Invalid: the file is cut off in the middle.
    fs.writeFileSync(file, '{"queues": [{"name": "invoices.email"');
    await waitForProcessingError(server, LOCATION, new RegExp(`${escaped}: `));
    await processingRounds();
    expect(await rabbitmqEntities()).toEqual(before);

    // Unreadable: a folder in its place (as root, a chmod would not stop
    // the read).
    fs.rmSync(file);
    fs.mkdirSync(file);
    await waitForProcessingError(
      server,
      LOCATION,
      new RegExp(`Unable to read RabbitMQ definitions ${escaped}: .*folder`),
    );
    await processingRounds();
    expect(await rabbitmqEntities()).toEqual(before);

    // Gone.
    fs.rmSync(file, { recursive: true });
    await waitForProcessingError(
      server,
      LOCATION,
      new RegExp(`RabbitMQ definitions ${escaped} do not exist`),
    );
    await processingRounds();
    expect(await rabbitmqEntities()).toEqual(before);

    // Fixed, with one more queue: the error goes and the entity appears.
    const definitions = JSON.parse(fs.readFileSync(fixture, 'utf8'));
    definitions.queues.push({
      name: 'invoices.archive',
      durable: true,
      auto_delete: false,
      arguments: {},
    });
    fs.writeFileSync(file, JSON.stringify(definitions, null, 2));
    await waitForNoProcessingErrors(server, LOCATION);
    await waitFor(async () => {
      const now = await rabbitmqEntities();
      return now.length === before.length + 1 ? now : undefined;
    }, 'the queue the fixed file adds');
    expect(await rabbitmqEntities()).toEqual(
      [...before, 'RabbitMQQueue:billing.invoices.archive'].sort(),
    );
  });
});
