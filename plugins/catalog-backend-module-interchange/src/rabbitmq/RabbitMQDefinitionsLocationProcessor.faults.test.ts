import fs from 'node:fs';
import {
  breakLocationFileThreeWays,
  catalogWithLocationFile,
  keptWhileBroken,
} from '../__testUtils__/locationFileFaults';
import { billingDefinitions } from '../__testUtils__/billingDefinitions';

jest.setTimeout(300_000);

const fixture = billingDefinitions.file;

/** The fixture with one more queue. */
function withArchiveQueue(): string {
  const definitions = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  definitions.queues.push({
    name: 'invoices.archive',
    durable: true,
    auto_delete: false,
    arguments: {},
  });
  return JSON.stringify(definitions, null, 2);
}

describe('interchange-rabbitmq-definitions locations when the file breaks', () => {
  const catalog = catalogWithLocationFile({
    prefix: 'interchange-rmq-faults-',
    fixture,
    fileName: 'definitions.json',
    location: {
      name: 'billing-rabbitmq',
      type: 'interchange-rabbitmq-definitions',
      annotations: {
        'interchange.dev/rabbitmq-broker': 'prod',
        'interchange.dev/rabbitmq-vhost': 'billing',
        'interchange.dev/rabbitmq-owner': 'group:team-billing',
      },
    },
    catalog: {
      rules: [{ allow: ['Location', 'RabbitMQExchange', 'RabbitMQQueue'] }],
    },
    interchange: {
      // Never contacted: definitions files are read without the broker;
      // the id is what the entities' spec.broker names.
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

  const before = billingDefinitions.entities;
  const adds = 'RabbitMQQueue:billing.invoices.archive';

  it('keeps every exchange and queue it emitted while the definitions file is invalid, unreadable or gone, shows the error naming the file on the Location, and follows the fixed file', async () => {
    const seen = await breakLocationFileThreeWays({
      catalog,
      kinds: ['RabbitMQExchange', 'RabbitMQQueue'],
      before,
      // The file is cut off in the middle.
      invalid: {
        text: '{"queues": [{"name": "invoices.email"',
        error: file => new RegExp(`${file}: `),
      },
      unreadable: file =>
        new RegExp(`Unable to read RabbitMQ definitions ${file}: .*folder`),
      missing: file => new RegExp(`RabbitMQ definitions ${file} do not exist`),
      fixed: {
        text: withArchiveQueue(),
        adds,
      },
    });
    expect(seen).toEqual(keptWhileBroken(before, adds));
  });
});
