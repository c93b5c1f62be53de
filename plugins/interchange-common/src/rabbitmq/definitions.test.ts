import fs from 'node:fs';
import path from 'node:path';
import { validateInterchangeEntity } from '../validation';
import {
  parseRabbitMQDefinitions,
  rabbitmqEntitiesFromTopology,
  rabbitmqEntityName,
} from './definitions';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('parseRabbitMQDefinitions', () => {
  it("reads a node-wide 'rabbitmqctl export_definitions' file, never its users", () => {
    const topology = parseRabbitMQDefinitions(
      fixture('rabbitmqctl-export_definitions.json'),
    );
    expect(JSON.stringify(topology)).not.toContain('REDACTED');
    expect(JSON.stringify(topology)).not.toContain('guest');
    const billing = topology.queues.filter(q => q.vhost === 'billing');
    expect(billing.map(q => `${q.name}:${q.type}`).sort()).toEqual([
      'audit.log:stream',
      'invoices.email:classic',
      'invoices.parking:classic',
      'invoices.pdf:quorum',
    ]);
    expect(
      topology.queues.find(
        q => q.vhost === '/' && q.name === 'shipping.labels',
      ),
    ).toMatchObject({ type: 'quorum', durable: true });
    expect(
      topology.bindings.filter(b => b.destinationType === 'exchange'),
    ).toEqual([
      {
        vhost: 'billing',
        source: 'invoices',
        destination: 'internal.audit',
        destinationType: 'exchange',
        routingKey: '#',
      },
    ]);
  });

  it('reads a vhost export of the management API, which has no vhost fields', () => {
    const topology = parseRabbitMQDefinitions(
      fixture('management-api-vhost-billing.json'),
      { defaultVhost: 'billing' },
    );
    expect(new Set(topology.queues.map(q => q.vhost))).toEqual(
      new Set(['billing']),
    );
    expect(topology.exchanges.map(e => e.name).sort()).toEqual([
      'internal.audit',
      'invoices',
      'invoices.dlx',
    ]);
  });

  it('says what is wrong with files that are not definitions', () => {
    expect(() => parseRabbitMQDefinitions('queues: []')).toThrow(/^not JSON/);
    expect(() => parseRabbitMQDefinitions('{"routes": []}')).toThrow(
      "not a RabbitMQ definitions file: it has none of 'queues', 'exchanges' or 'bindings'",
    );
    expect(() => parseRabbitMQDefinitions('{"queues": {}}')).toThrow(
      "'queues' must be a list",
    );
  });
});

describe('rabbitmqEntitiesFromTopology', () => {
  it('makes valid entities with bindings, dead-lettering and arguments from a real export', () => {
    const { exchanges, queues, skipped } = rabbitmqEntitiesFromTopology(
      parseRabbitMQDefinitions(fixture('rabbitmqctl-export_definitions.json')),
      { broker: 'local', owner: 'group:team-platform' },
    );
    for (const entity of [...exchanges, ...queues]) {
      expect(
        validateInterchangeEntity(entity, { knownRabbitMQBrokers: ['local'] }),
      ).toEqual([]);
    }
    // rabbitmqctl leaves internal exchanges out of its export: the binding
    // keeps the exchange's name, with no entity to point at.
    expect(
      queues.find(q => q.metadata.name === 'billing.audit.log')!.spec.bindings,
    ).toEqual([{ exchange: 'internal.audit', routingKey: '' }]);
    expect(exchanges.map(e => e.metadata.name).sort()).toEqual([
      'billing.invoices',
      'billing.invoices.dlx',
      'dead-letters',
      'notifications',
      'shipping',
    ]);
    const pdf = queues.find(q => q.metadata.name === 'billing.invoices.pdf')!;
    expect(pdf.spec).toEqual({
      owner: 'group:team-platform',
      broker: 'local',
      vhost: 'billing',
      queueName: 'invoices.pdf',
      queueType: 'quorum',
      durable: true,
      bindings: [
        {
          exchange: 'rabbitmqexchange:default/billing.invoices',
          routingKey: 'invoice.created.#',
        },
      ],
      deadLetterExchange: 'rabbitmqexchange:default/billing.invoices.dlx',
      arguments: { 'x-delivery-limit': 3 },
    });
    expect(
      queues.find(q => q.metadata.name === 'billing.audit.log')!.spec.arguments,
    ).toEqual({ 'x-max-age': '7D' });
    expect(skipped).toContain(
      'exchange-to-exchange binding billing/invoices -> internal.audit',
    );
  });

  it("skips queue arguments named like Object's properties (a case fast-check found)", () => {
    const topology = parseRabbitMQDefinitions(
      JSON.stringify({
        queues: [
          {
            name: 'q',
            vhost: '/',
            durable: true,
            arguments: { constructor: 'x', 'x-message-ttl': 1000 },
          },
        ],
      }),
    );
    const { queues, skipped } = rabbitmqEntitiesFromTopology(topology, {
      broker: 'local',
      owner: 'group:team-platform',
    });
    expect(queues[0].spec.arguments).toEqual({ 'x-message-ttl': 1000 });
    expect(skipped).toContain('argument constructor of queue //q');
  });

  it('names entities so equal names in two vhosts do not collide', () => {
    expect(rabbitmqEntityName('/', 'orders')).toBe('orders');
    expect(rabbitmqEntityName('billing', 'orders')).toBe('billing.orders');
    const odd = rabbitmqEntityName('/', 'orders queue/with spaces');
    expect(odd).toMatch(/^orders-queue-with-spaces-[a-z0-9]+$/);
  });
});
