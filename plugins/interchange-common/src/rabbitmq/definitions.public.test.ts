import fs from 'node:fs';
import path from 'node:path';
import { validateInterchangeEntity } from '../validation';
import {
  parseRabbitMQDefinitions,
  rabbitmqEntitiesFromTopology,
} from './definitions';

/*
 * The reader on real definitions files from a public repository
 * (__fixtures__/public/SOURCES.md): counts, a few fields, everything that
 * is left out named, and every entity valid.
 */
const read = (name: string) => {
  const topology = parseRabbitMQDefinitions(
    fs.readFileSync(path.join(__dirname, '__fixtures__/public', name), 'utf8'),
  );
  const entities = rabbitmqEntitiesFromTopology(topology, {
    broker: 'prod',
    owner: 'group:team-platform',
  });
  for (const entity of [...entities.exchanges, ...entities.queues]) {
    expect([
      entity.metadata.name,
      validateInterchangeEntity(entity, { knownRabbitMQBrokers: ['prod'] }),
    ]).toEqual([entity.metadata.name, []]);
  }
  return { topology, ...entities };
};

describe('RabbitMQ definitions files from public repositories', () => {
  it('rabbitmq-server case3: a 3.7 cluster, lazy queues bound to amq.direct', () => {
    const { topology, exchanges, queues, skipped } = read(
      'rabbitmq-server-case3.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([0, 5, 3]);
    expect(exchanges).toEqual([]);
    expect(queues.map(q => q.metadata.name)).toEqual([
      'wr-vary-load-lazy-persistent-1',
      'wr-vary-load-lazy-transient-1',
      'wr-vary-load-2',
      'wr-vary-load-1',
      'aliveness-test',
    ]);
    expect(queues[0].spec).toEqual({
      owner: 'group:team-platform',
      broker: 'prod',
      vhost: '/',
      queueType: 'classic',
      durable: true,
      bindings: [
        {
          exchange: 'amq.direct',
          routingKey: 'wr-vary-load-lazy-persistent-1',
        },
      ],
      arguments: { 'x-queue-mode': 'lazy' },
    });
    expect(
      queues.find(q => q.metadata.name === 'aliveness-test')!.spec,
    ).toEqual({
      owner: 'group:team-platform',
      broker: 'prod',
      vhost: '/',
      queueType: 'classic',
      durable: false,
    });
    // The HA policy is a policy: never read, and nothing else is left out.
    expect(skipped).toEqual([]);
  });

  it('rabbitmq-server case9a: three vhosts, every exchange type, a server-named queue and a dead-letter exchange', () => {
    const { topology, exchanges, queues, skipped } = read(
      'rabbitmq-server-case9a.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([19, 19, 2]);
    expect([exchanges.length, queues.length]).toEqual([19, 18]);
    expect(skipped).toEqual([
      'server-named queue //amq.gen-7EZF7WjGIQFDoXexVF-e8w',
    ]);
    expect(
      [...new Set(exchanges.map(e => e.spec.exchangeType))].sort(),
    ).toEqual(['direct', 'fanout', 'headers', 'topic']);
    expect(
      exchanges.find(
        e => e.metadata.name === 'langohr.tests.exchanges.fanout2',
      )!.spec,
    ).toEqual({
      owner: 'group:team-platform',
      broker: 'prod',
      vhost: '/',
      exchangeType: 'fanout',
      durable: true,
    });
    // A queue of another vhost is named with its vhost.
    expect(
      queues.find(q => q.spec.vhost === 'bunny_testbed')!.metadata.name,
    ).toBe('bunny_testbed.bunny.basic_consume0.1364356981103202');
    // A name longer than an entity name may be is shortened; queueName keeps it.
    const long = queues.find(
      q =>
        q.spec.queueName ===
        'langohr.tests2.queues.client-named.durable.non-exclusive.non-auto-deleted',
    )!;
    expect(long.metadata.name.length).toBeLessThanOrEqual(63);
    expect(
      queues.find(
        q => q.metadata.name === 'declareArgs-deliveries-dead-letter',
      )!.spec.bindings,
    ).toEqual([
      {
        exchange: 'rabbitmqexchange:default/declareArgs-dead-letter',
        routingKey: '#',
      },
    ]);
    expect(
      queues.find(q => q.metadata.name === 'declareWithTTL')!.spec,
    ).toMatchObject({
      durable: false,
      arguments: { 'x-message-ttl': 9000000 },
    });
  });

  it('rabbitmq-server case13: a quorum queue with a length limit', () => {
    const { topology, exchanges, queues, skipped } = read(
      'rabbitmq-server-case13.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([0, 1, 0]);
    expect(exchanges).toEqual([]);
    expect(queues.map(q => q.spec)).toEqual([
      {
        owner: 'group:team-platform',
        broker: 'prod',
        vhost: '/',
        queueType: 'quorum',
        durable: true,
        arguments: { 'x-max-length': 991 },
      },
    ]);
    expect(skipped).toEqual([]);
  });

  it('never reads the users, whose password hashes exports carry', () => {
    for (const file of [
      'rabbitmq-server-case3.json',
      'rabbitmq-server-case9a.json',
      'rabbitmq-server-case13.json',
    ]) {
      expect(JSON.stringify(read(file))).not.toContain('REDACTED');
    }
  });
});
