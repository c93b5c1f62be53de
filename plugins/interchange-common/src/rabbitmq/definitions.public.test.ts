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

  it('cluster-operator federation over TLS: three vhosts, one exchange name in two, and what the federation plugin declares for itself', () => {
    const { topology, exchanges, queues, skipped } = read(
      'cluster-operator-federation-over-tls.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([3, 4, 5]);
    // The federation link: an exchange-to-exchange binding from the
    // upstream's `example` to the plugin's internal exchange.
    expect(
      topology.bindings.filter(b => b.destinationType === 'exchange'),
    ).toEqual([
      {
        vhost: 'upstream',
        source: 'example',
        destination: 'federation: example -> upstream:downstream:example B',
        destinationType: 'exchange',
        routingKey: '',
      },
    ]);
    expect(
      topology.exchanges.find(e => e.type === 'x-federation-upstream'),
    ).toMatchObject({ vhost: 'upstream', durable: true, internal: true });
    // `example` exists in two vhosts: two entities, each queue bound to its own.
    expect(exchanges.map(e => [e.metadata.name, e.spec])).toEqual([
      [
        'downstream.example',
        {
          owner: 'group:team-platform',
          broker: 'prod',
          vhost: 'downstream',
          exchangeName: 'example',
          exchangeType: 'fanout',
          durable: true,
        },
      ],
      [
        'upstream.example',
        {
          owner: 'group:team-platform',
          broker: 'prod',
          vhost: 'upstream',
          exchangeName: 'example',
          exchangeType: 'fanout',
          durable: true,
        },
      ],
    ]);
    expect(
      queues.map(q => [
        q.metadata.name,
        q.spec.queueType,
        q.spec.bindings,
        q.spec.arguments,
      ]),
    ).toEqual([
      [
        'downstream.qq1',
        'quorum',
        [
          {
            exchange: 'rabbitmqexchange:default/downstream.example',
            routingKey: '',
          },
        ],
        undefined,
      ],
      [
        'downstream.cq1',
        'classic',
        [
          {
            exchange: 'rabbitmqexchange:default/downstream.example',
            routingKey: '',
          },
        ],
        undefined,
      ],
      [
        'upstream.qq2',
        'quorum',
        [
          {
            exchange: 'rabbitmqexchange:default/upstream.example',
            routingKey: '',
          },
        ],
        undefined,
      ],
    ]);
    // The plugin's own exchange (a plugin type) and queue (marked
    // x-internal-purpose, bound from that exchange under a name no client may
    // declare) are the plugin's, not a team's; the link is an
    // exchange-to-exchange binding.
    expect(skipped).toEqual([
      'exchange upstream/federation: example -> upstream:downstream:example B (type x-federation-upstream)',
      'internal queue upstream/federation: example -> upstream:downstream:example (x-internal-purpose federation)',
      'exchange-to-exchange binding upstream/example -> federation: example -> upstream:downstream:example B',
    ]);
  });

  it('cluster-operator multiple files: a 4.1 export with fields in another order and an exchange named direct', () => {
    const { topology, exchanges, queues, skipped } = read(
      'cluster-operator-multiple-files.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([1, 1, 1]);
    // No `internal` field: not internal.
    expect(topology.exchanges).toEqual([
      {
        vhost: '/',
        name: 'direct',
        type: 'direct',
        durable: true,
        internal: false,
      },
    ]);
    expect(exchanges.map(e => e.metadata.name)).toEqual(['direct']);
    // `type` and `x-queue-type` both say quorum; neither is an argument.
    expect(queues.map(q => [q.metadata.name, q.spec])).toEqual([
      [
        'qq',
        {
          owner: 'group:team-platform',
          broker: 'prod',
          vhost: '/',
          queueType: 'quorum',
          durable: true,
          bindings: [
            {
              exchange: 'rabbitmqexchange:default/direct',
              routingKey: '3c01b232-e21a-4320-bbdb-329eede5188c',
            },
          ],
        },
      ],
    ]);
    expect(skipped).toEqual([]);
  });

  it('crypto-scout-mq: streams with retention, lazy classic queues dead-lettering to their exchange', () => {
    const { topology, exchanges, queues, skipped } = read(
      'crypto-scout-mq.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([2, 7, 7]);
    expect(exchanges.map(e => [e.metadata.name, e.spec.exchangeType])).toEqual([
      ['crypto-scout-exchange', 'direct'],
      ['dlx-exchange', 'direct'],
    ]);
    const byName = new Map(queues.map(q => [q.metadata.name, q.spec]));
    expect(
      queues
        .filter(q => q.spec.queueType === 'stream')
        .map(q => q.metadata.name),
    ).toEqual(['bybit-stream', 'bybit-ta-stream', 'crypto-scout-stream']);
    expect(byName.get('bybit-stream')).toEqual({
      owner: 'group:team-platform',
      broker: 'prod',
      vhost: '/',
      queueType: 'stream',
      durable: true,
      bindings: [
        {
          exchange: 'rabbitmqexchange:default/crypto-scout-exchange',
          routingKey: 'bybit',
        },
      ],
      arguments: {
        'x-max-length-bytes': 2000000000,
        'x-max-age': '1D',
        'x-stream-max-segment-size-bytes': 100000000,
      },
    });
    for (const name of ['collector-queue', 'chatbot-queue', 'analyst-queue']) {
      expect(byName.get(name)).toEqual({
        owner: 'group:team-platform',
        broker: 'prod',
        vhost: '/',
        queueType: 'classic',
        durable: true,
        bindings: [
          {
            exchange: 'rabbitmqexchange:default/crypto-scout-exchange',
            routingKey: name.replace(/-queue$/, ''),
          },
        ],
        // The dead-letter exchange is a field (a ref), its routing key stays an argument.
        deadLetterExchange: 'rabbitmqexchange:default/dlx-exchange',
        arguments: {
          'x-max-length': 2500,
          'x-message-ttl': 21600000,
          'x-queue-mode': 'lazy',
          'x-overflow': 'reject-publish',
          'x-dead-letter-routing-key': 'dlx',
        },
      });
    }
    expect(byName.get('dlx-queue')).toMatchObject({
      bindings: [
        {
          exchange: 'rabbitmqexchange:default/dlx-exchange',
          routingKey: 'dlx',
        },
      ],
      arguments: { 'x-message-ttl': 604800000, 'x-queue-mode': 'lazy' },
    });
    // The stream-retention policy repeats the arguments: never read.
    expect(skipped).toEqual([]);
  });

  it('rabbitmqadmin-ng vhost export: no vhost on any object, the vhost named by the export', () => {
    const { topology, exchanges, queues, skipped } = read(
      'rabbitmqadmin-ng-vhost.json',
    );
    expect([
      topology.exchanges.length,
      topology.queues.length,
      topology.bindings.length,
    ]).toEqual([0, 3, 0]);
    // `original_vhost_name` says vh3; '/' would be another vhost's queues.
    expect(topology.queues.map(q => q.vhost)).toEqual(['vh3', 'vh3', 'vh3']);
    expect(exchanges).toEqual([]);
    expect(
      queues.map(q => [
        q.metadata.name,
        q.spec.queueName,
        q.spec.queueType,
        q.spec.durable,
        q.spec.arguments,
      ]),
    ).toEqual([
      ['vh3.stream.1', 'stream.1', 'stream', true, undefined],
      ['vh3.qq.1', 'qq.1', 'quorum', true, undefined],
      ['vh3.cq.1', 'cq.1', 'classic', true, undefined],
    ]);
    // The length-limit policy and the vhost limits are never read.
    expect(skipped).toEqual([]);
    // The Location's vhost wins: an export loaded into another vhost.
    expect(
      parseRabbitMQDefinitions(
        fs.readFileSync(
          path.join(
            __dirname,
            '__fixtures__/public/rabbitmqadmin-ng-vhost.json',
          ),
          'utf8',
        ),
        { defaultVhost: 'billing' },
      ).queues.map(q => q.vhost),
    ).toEqual(['billing', 'billing', 'billing']);
  });

  it('never reads users or parameters: no password hash, password or upstream URI reaches the entities', () => {
    for (const file of [
      'rabbitmq-server-case3.json',
      'rabbitmq-server-case9a.json',
      'rabbitmq-server-case13.json',
      'cluster-operator-federation-over-tls.json',
      'cluster-operator-multiple-files.json',
      'crypto-scout-mq.json',
      'rabbitmqadmin-ng-vhost.json',
    ]) {
      const out = JSON.stringify(read(file));
      for (const secret of [
        'REDACTED',
        'RABBITMQ_DEFAULT_PASS',
        'amqp://',
        'amqps://',
        'amqp:///',
        'federation:federation',
      ]) {
        expect([file, out.includes(secret)]).toEqual([file, false]);
      }
    }
  });
});
