import { Entity } from '@backstage/catalog-model';
import { formatEntityProblems } from './EntityProblem';
import { validateInterchangeEntity } from './validateInterchangeEntity';

const topic = (
  spec: Record<string, unknown>,
  name = 'orders.placed.v1',
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name },
  spec: { owner: 'team-fulfillment', cluster: 'local', ...spec },
});
const route = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'GatewayRoute',
  metadata: { name: 'orders-public' },
  spec: {
    owner: 'team-fulfillment',
    gateway: 'kong',
    paths: ['/orders'],
    upstream: 'order-service',
    ...spec,
  },
});
const webhook = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name: 'shipment-tracking' },
  spec: {
    owner: 'team-fulfillment',
    events: ['shipment.updated'],
    sender: 'shipping-service',
    receiver: 'notification-service',
    signing: { scheme: 'standard-webhooks', secretRef: 'shipping' },
    ...spec,
  },
});

const component = (
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'order-service', annotations },
  spec: {
    type: 'service',
    owner: 'team-fulfillment',
    lifecycle: 'production',
    ...spec,
  },
});

/** Problems as `path: message` lines, the way users read them. */
const lines = (entity: Entity, options = {}) =>
  validateInterchangeEntity(entity, options).map(
    p => `${p.path}: ${p.message}`,
  );

describe('validateInterchangeEntity', () => {
  describe('common fields', () => {
    it('accepts minimal valid entities of every kind', () => {
      expect(lines(topic({}))).toEqual([]);
      expect(lines(route({}))).toEqual([]);
      expect(lines(webhook({}))).toEqual([]);
    });

    it('requires spec.owner and says what to write', () => {
      const entity = topic({});
      delete (entity.spec as any).owner;
      const [problem] = validateInterchangeEntity(entity);
      expect(problem).toEqual({
        path: 'spec.owner',
        message: 'is required',
        fix: "set spec.owner to the owning team or user, e.g. 'team-checkout' or 'user:jane.doe'",
      });
    });

    it('rejects owners that are not groups or users, and broken refs', () => {
      expect(lines(topic({ owner: 'user:default/amara.okafor' }))).toEqual([]);
      expect(lines(topic({ owner: 'component:order-service' }))).toEqual([
        "spec.owner: 'component:order-service' refers to a component, but only Group or User can be used here",
      ]);
      expect(lines(topic({ owner: 'group:a:b' }))).toEqual([
        expect.stringMatching(
          /^spec.owner: 'group:a:b' is not a valid entity ref/,
        ),
      ]);
    });

    it('requires a spec section', () => {
      expect(lines({ ...topic({}), spec: undefined })).toEqual([
        'spec: is required and must be a map of fields',
      ]);
    });

    it('names unknown fields and suggests the one that was meant', () => {
      const [problem] = validateInterchangeEntity(
        topic({ replicationfactor: 3 }),
      );
      expect(problem.path).toBe('spec.replicationfactor');
      expect(problem.message).toBe('is not a known field');
      expect(problem.fix).toMatch(/^did you mean 'replicationFactor'\?/);
    });

    it('catches a misspelt kind and a wrong apiVersion', () => {
      expect(lines({ ...topic({}), kind: 'KafkaTopics' })).toEqual([
        "kind: 'KafkaTopics' is not an Interchange kind",
      ]);
      expect(
        validateInterchangeEntity({ ...topic({}), kind: 'KafkaTopics' })[0].fix,
      ).toBe("did you mean 'KafkaTopic'?");
      expect(lines({ ...topic({}), apiVersion: 'interchange.dev/v1' })).toEqual(
        [
          "apiVersion: KafkaTopic entities must use apiVersion 'interchange.dev/v1alpha1' (got 'interchange.dev/v1')",
        ],
      );
    });

    it("leaves other kinds alone, including other plugins' Webhook kinds", () => {
      expect(lines({ ...webhook({}), apiVersion: 'example.com/v1' })).toEqual(
        [],
      );
      expect(
        lines({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: { name: 'a' },
          spec: {},
        }),
      ).toEqual([]);
    });
  });

  describe('KafkaTopic', () => {
    it('requires a cluster and checks it against the configured ones', () => {
      const entity = topic({});
      delete (entity.spec as any).cluster;
      expect(lines(entity)).toEqual(['spec.cluster: is required']);
      expect(
        lines(topic({ cluster: 'prod-us' }), {
          knownClusters: ['local', 'prod-eu'],
        }),
      ).toEqual(["spec.cluster: 'prod-us' is not a configured Kafka cluster"]);
      expect(
        validateInterchangeEntity(topic({ cluster: 'prod-us' }), {
          knownClusters: ['local', 'prod-eu'],
        })[0].fix,
      ).toBe(
        "use one of 'local', 'prod-eu', or add it to interchange.kafka.clusters in app-config",
      );
    });

    it.each([
      ['orders.placed.v1', []],
      ['a'.repeat(249), []],
      [
        'a'.repeat(250),
        ['spec.topicName: is 250 characters long; Kafka allows at most 249'],
      ],
      ['.', ["spec.topicName: '.' is reserved by Kafka"]],
      ['..', ["spec.topicName: '..' is reserved by Kafka"]],
      [
        'orders/placed',
        [
          "spec.topicName: contains '/'; Kafka topic names may only use letters, digits, '.', '_' and '-'",
        ],
      ],
      [
        'orders placed!',
        [
          "spec.topicName: contains ' ', '!'; Kafka topic names may only use letters, digits, '.', '_' and '-'",
        ],
      ],
      ['', ['spec.topicName: must not be empty']],
    ])('applies Kafka topic name rules to %j', (topicName, expected) => {
      expect(lines(topic({ topicName }))).toEqual(expected);
    });

    it('checks partitions and replication factor', () => {
      expect(lines(topic({ partitions: 0 }))).toEqual([
        'spec.partitions: must be at least 1 (got 0)',
      ]);
      expect(lines(topic({ partitions: 2.5 }))).toEqual([
        'spec.partitions: must be a whole number (got 2.5)',
      ]);
      expect(lines(topic({ replicationFactor: '3' }))).toEqual([
        "spec.replicationFactor: must be a whole number (got '3')",
      ]);
    });

    it.each([
      ['delete', []],
      ['compact', []],
      ['compact,delete', []],
      ['delete, compact', []],
      [
        'archive',
        [
          "spec.config.cleanup.policy: must be 'delete', 'compact' or both (got 'archive')",
        ],
      ],
      [
        'delete,delete',
        [
          "spec.config.cleanup.policy: must be 'delete', 'compact' or both (got 'delete,delete')",
        ],
      ],
    ])('checks cleanup.policy %j', (policy, expected) => {
      expect(lines(topic({ config: { 'cleanup.policy': policy } }))).toEqual(
        expected,
      );
    });

    it('requires numeric configs to be numbers', () => {
      expect(
        lines(
          topic({
            config: {
              'retention.ms': 604800000,
              'segment.bytes': '1073741824',
            },
          }),
        ),
      ).toEqual([]);
      const [problem] = validateInterchangeEntity(
        topic({ config: { 'retention.ms': '7d' } }),
      );
      expect(problem).toEqual({
        path: 'spec.config.retention.ms',
        message: "must be a number (got '7d')",
        fix: 'write a plain number, e.g. 604800000',
      });
      expect(
        lines(topic({ config: { 'min.cleanable.dirty.ratio': 2 } })),
      ).toEqual([
        'spec.config.min.cleanable.dirty.ratio: must be between 0 and 1 (got 2)',
      ]);
    });

    it('checks boolean and enum configs, and unknown config keys', () => {
      expect(
        lines(topic({ config: { 'unclean.leader.election.enable': 'yes' } })),
      ).toEqual([
        "spec.config.unclean.leader.election.enable: must be true or false (got 'yes')",
      ]);
      expect(
        lines(topic({ config: { 'compression.type': 'brotli' } })),
      ).toEqual([
        "spec.config.compression.type: must be one of uncompressed, zstd, lz4, snappy, gzip, producer (got 'brotli')",
      ]);
      // Keys named like Object members are unknown configs, not Object's.
      expect(
        lines(topic({ config: { constructor: 1, toString: 'x' } })),
      ).toEqual([
        'spec.config.constructor: is not a Kafka topic config',
        'spec.config.toString: is not a Kafka topic config',
      ]);
      const [problem] = validateInterchangeEntity(
        topic({ config: { 'retention.msec': 1 } }),
      );
      expect(problem).toEqual({
        path: 'spec.config.retention.msec',
        message: 'is not a Kafka topic config',
        fix: "did you mean 'retention.ms'?",
      });
      expect(
        lines(topic({ config: { 'confluent.placement.constraints': '{}' } })),
      ).toEqual([]);
      expect(lines(topic({ config: { 'retention.ms': { days: 7 } } }))).toEqual(
        [
          'spec.config.retention.ms: must be a string or a number or true or false (got an object)',
        ],
      );
    });

    it('does not allow min.insync.replicas above the replication factor', () => {
      expect(
        lines(
          topic({ replicationFactor: 3, config: { 'min.insync.replicas': 2 } }),
        ),
      ).toEqual([]);
      const [problem] = validateInterchangeEntity(
        topic({ replicationFactor: 2, config: { 'min.insync.replicas': 3 } }),
      );
      expect(problem.path).toBe('spec.config.min.insync.replicas');
      expect(problem.message).toMatch(/^is 3 but spec.replicationFactor is 2/);
      expect(problem.fix).toBe(
        'lower min.insync.replicas to at most 2, or raise spec.replicationFactor',
      );
    });

    it('checks producers, consumers and schema refs', () => {
      expect(
        lines(
          topic({
            schema: 'order-events',
            producers: ['order-service'],
            consumers: [
              'shipping-service',
              {
                entityRef: 'component:default/billing',
                consumerGroup: 'billing',
              },
            ],
          }),
        ),
      ).toEqual([]);
      expect(lines(topic({ schema: 'component:order-service' }))).toEqual([
        "spec.schema: 'component:order-service' refers to a component, but only API can be used here",
      ]);
      expect(
        lines(topic({ consumers: [{ consumerGroup: 'billing' }] })),
      ).toEqual(['spec.consumers[0].entityRef: is required']);
      expect(lines(topic({ consumers: [42] }))).toEqual([
        'spec.consumers[0]: has an unexpected shape (got 42)',
      ]);
      expect(lines(topic({ consumers: [{ entityRef: 'a:b:c' }] }))).toEqual([
        expect.stringMatching(
          /^spec.consumers\[0\].entityRef: 'a:b:c' is not a valid entity ref/,
        ),
      ]);
      expect(lines(topic({ producers: 'order-service' }))).toEqual([
        "spec.producers: must be a list (got 'order-service')",
      ]);
    });
  });

  describe('GatewayRoute', () => {
    it('requires gateway and at least one path', () => {
      expect(lines(route({ paths: [] }))).toEqual([
        'spec.paths: must list at least 1 item',
      ]);
      const entity = route({});
      delete (entity.spec as any).gateway;
      expect(lines(entity)).toEqual(['spec.gateway: is required']);
    });

    it('requires paths to start with / or ~/ and regexes to compile', () => {
      expect(lines(route({ paths: ['/orders', '~/orders/\\d+$'] }))).toEqual(
        [],
      );
      expect(
        validateInterchangeEntity(route({ paths: ['orders'] }))[0],
      ).toEqual({
        path: 'spec.paths[0]',
        message:
          "must start with '/' (or '~/' for a regex path) (got 'orders')",
        fix: "write '/orders'",
      });
      expect(lines(route({ paths: ['~/orders/(\\d+'] }))).toEqual([
        expect.stringMatching(
          /^spec.paths\[0\]: is not a valid regular expression/,
        ),
      ]);
      // A path that would stall a match is refused like a broken one.
      expect(
        validateInterchangeEntity(route({ paths: ['~/orders/(\\d+)+$'] })),
      ).toEqual([
        {
          path: 'spec.paths[0]',
          message: expect.stringMatching(
            /^is refused: matching it may take exponential time/,
          ),
          fix: expect.stringMatching(
            /^remove the outer repetition .* after '~'/,
          ),
        },
      ]);
    });

    it('needs upstream or upstreamUrl', () => {
      expect(
        lines(
          route({ upstream: undefined, upstreamUrl: 'http://orders.svc:8080' }),
        ),
      ).toEqual([]);
      expect(lines(route({ upstream: undefined }))).toEqual([
        'spec.upstream: is required when spec.upstreamUrl is not set',
      ]);
      expect(lines(route({ upstreamUrl: 'orders.svc:8080' }))).toEqual([
        "spec.upstreamUrl: is not an http(s) or grpc(s) URL (got 'orders.svc:8080')",
      ]);
    });

    it('wants upper-case HTTP methods', () => {
      expect(lines(route({ methods: ['GET', 'POST'] }))).toEqual([]);
      expect(validateInterchangeEntity(route({ methods: ['get'] }))[0]).toEqual(
        {
          path: 'spec.methods[0]',
          message: "must be upper case (got 'get')",
          fix: "write 'GET'",
        },
      );
      expect(lines(route({ methods: ['FETCH'] }))).toEqual([
        "spec.methods[0]: is not an HTTP method (got 'FETCH')",
      ]);
    });

    it('checks hosts, enums, rate limit and refs', () => {
      expect(
        lines(
          route({
            hosts: ['api.brightwave.example', '*.brightwave.example'],
            exposure: 'public',
            authentication: 'oauth2',
            rateLimit: { requests: 100, period: 'minute' },
            api: 'orders-api',
          }),
        ),
      ).toEqual([]);
      expect(lines(route({ hosts: ['https://api.example.com/'] }))).toEqual([
        "spec.hosts[0]: is not a host name (got 'https://api.example.com/')",
      ]);
      expect(lines(route({ exposure: 'open' }))).toEqual([
        "spec.exposure: must be one of 'public', 'partner', 'internal' (got 'open')",
      ]);
      expect(lines(route({ authentication: 'saml' }))).toEqual([
        "spec.authentication: must be one of 'none', 'api-key', 'jwt', 'oauth2', 'mtls', 'basic' (got 'saml')",
      ]);
      expect(
        lines(route({ rateLimit: { requests: 0, period: 'week' } })),
      ).toEqual([
        'spec.rateLimit.requests: must be at least 1 (got 0)',
        "spec.rateLimit.period: must be one of 'second', 'minute', 'hour', 'day' (got 'week')",
      ]);
      expect(lines(route({ api: 'component:order-service' }))).toEqual([
        "spec.api: 'component:order-service' refers to a component, but only API can be used here",
      ]);
      expect(lines(route({}), { knownGateways: ['kong-public'] })).toEqual([
        "spec.gateway: 'kong' is not a configured gateway",
      ]);
    });
  });

  describe('Webhook', () => {
    it('requires events, sender and a receiver or url', () => {
      expect(lines(webhook({ events: [] }))).toEqual([
        'spec.events: must list at least 1 item',
      ]);
      expect(lines(webhook({ receiver: undefined }))).toEqual([
        'spec.receiver: is required when spec.url is not set',
      ]);
      expect(
        lines(
          webhook({
            receiver: undefined,
            url: 'https://hooks.partner.example/x',
          }),
        ),
      ).toEqual([]);
      const entity = webhook({});
      delete (entity.spec as any).sender;
      expect(lines(entity)).toEqual(['spec.sender: is required']);
    });

    it('only allows http(s) URLs without credentials', () => {
      expect(lines(webhook({ url: 'ftp://hooks.example/x' }))).toEqual([
        "spec.url: must be an http or https URL (got 'ftp://hooks.example/x')",
      ]);
      expect(
        lines(webhook({ url: 'https://user:pw@hooks.example/x' })),
      ).toEqual([
        'spec.url: contains credentials (user:password@); they would be visible to everyone who can read the catalog',
      ]);
    });

    it('requires a signing scheme, and a secretRef unless the scheme is none', () => {
      expect(lines(webhook({ signing: { scheme: 'none' } }))).toEqual([]);
      expect(lines(webhook({ signing: { scheme: 'github' } }))).toEqual([
        "spec.signing.secretRef: is required for signing scheme 'github'",
      ]);
      expect(lines(webhook({ signing: { scheme: 'md5' } }))).toEqual([
        "spec.signing.scheme: must be one of 'standard-webhooks', 'github', 'hmac-sha256', 'shared-token', 'none' (got 'md5')",
      ]);
      expect(lines(webhook({ signing: undefined }))).toEqual([
        'spec.signing: is required',
      ]);
    });

    it('rejects literal secrets anywhere and says to use secretRef', () => {
      const [problem] = validateInterchangeEntity(
        webhook({
          signing: { scheme: 'github', secret: 'hunter2', secretRef: 'x' },
        }),
      );
      expect(problem.path).toBe('spec.signing.secret');
      expect(problem.message).toBe(
        'looks like a literal secret; secrets must never be written into catalog files',
      );
      expect(problem.fix).toMatch(/spec.signing.secretRef: <name>$/);
      expect(
        lines(webhook({ events: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] })),
      ).toEqual(['spec.events[0]: contains what looks like a secret value']);
      expect(
        lines(webhook({ retry: { maxAttempts: 5, backoff: 'exponential' } })),
      ).toEqual([]);
    });

    it('rejects literal secrets in metadata too (annotations are as public as the spec)', () => {
      const entity = webhook({});
      entity.metadata.annotations = {
        'example.com/signing-secret': 'hunter2',
        'example.com/note': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'backstage.io/techdocs-ref': 'dir:.',
      };
      expect(lines(entity)).toEqual([
        'metadata.annotations.example.com/signing-secret: looks like a literal secret; secrets must never be written into catalog files',
        'metadata.annotations.example.com/note: contains what looks like a secret value',
      ]);
    });
  });

  describe('Component integration fields', () => {
    it('accepts topic and webhook refs', () => {
      expect(
        lines(
          component({
            producesTo: ['orders.placed.v1', 'webhook:shipment-tracking'],
            consumesFrom: ['kafkatopic:x'],
          }),
        ),
      ).toEqual([]);
    });

    it('rejects refs to other kinds and non-lists', () => {
      expect(lines(component({ producesTo: ['api:orders-api'] }))).toEqual([
        "spec.producesTo[0]: 'api:orders-api' refers to an api, but only KafkaTopic or Webhook or RabbitMQExchange or RabbitMQQueue can be used here",
      ]);
      expect(lines(component({ consumesFrom: 'orders' }))).toEqual([
        "spec.consumesFrom: must be a list of topic, webhook, exchange or queue refs (got 'orders')",
      ]);
    });

    it('checks both consumer-group annotations', () => {
      expect(
        lines(
          component(
            {},
            {
              'interchange.dev/kafka-consumer-groups':
                'local/orders, local/billing',
            },
          ),
        ),
      ).toEqual([]);
      expect(
        lines(component({}, { 'kafka.apache.org/consumer-groups': 'orders' })),
      ).toEqual([
        "metadata.annotations.kafka.apache.org/consumer-groups: entry 'orders' is not <cluster>/<group>",
      ]);
    });
  });

  it('formats problems as one line each with the fix', () => {
    expect(
      formatEntityProblems(validateInterchangeEntity(topic({ partitions: 0 }))),
    ).toBe(
      'spec.partitions: must be at least 1 (got 0). Fix: set spec.partitions to a whole number of at least 1, e.g. 6',
    );
  });

  describe('rules each with its message', () => {
    it.each<[string, Entity, string[]]>([
      [
        'spec.system must be a System',
        topic({ system: 'api:orders-api' }),
        [
          "spec.system: 'api:orders-api' refers to an api, but only System can be used here. Fix: point it at a System, e.g. 'storefront'",
        ],
      ],
      [
        'replicationFactor of 0',
        topic({ replicationFactor: 0 }),
        [
          'spec.replicationFactor: must be at least 1 (got 0). Fix: set spec.replicationFactor to a whole number of at least 1, e.g. 3',
        ],
      ],
      [
        'an invalid sender ref',
        webhook({ sender: 'shipping service!' }),
        [
          "spec.sender: 'shipping service!' is not a valid entity ref (name 'shipping service!' is not valid). Fix: write it as [kind:][namespace/]name, e.g. 'shipping-service'",
        ],
      ],
      [
        'an invalid receiver ref',
        webhook({ receiver: 'not a ref!' }),
        [
          "spec.receiver: 'not a ref!' is not a valid entity ref (name 'not a ref!' is not valid). Fix: write it as [kind:][namespace/]name, e.g. 'notification-service'",
        ],
      ],
      [
        'a webhook schema that is not an API',
        webhook({ schema: 'component:order-service' }),
        [
          "spec.schema: 'component:order-service' refers to a component, but only API can be used here. Fix: point it at an API, e.g. 'api:shipment-events'",
        ],
      ],
      [
        'retry.maxAttempts of 0',
        webhook({ retry: { maxAttempts: 0, backoff: 'exponential' } }),
        [
          'spec.retry.maxAttempts: must be at least 1 (got 0). Fix: use a whole number from 1 to 100',
        ],
      ],
      [
        'an unknown retry.backoff',
        webhook({ retry: { maxAttempts: 3, backoff: 'sometimes' } }),
        [
          "spec.retry.backoff: must be one of 'fixed', 'linear', 'exponential' (got 'sometimes'). Fix: use 'fixed', 'linear' or 'exponential'",
        ],
      ],
      [
        'a bad entry in interchange.dev/kafka-consumer-groups',
        component(
          {},
          { 'interchange.dev/kafka-consumer-groups': 'local/orders,broken' },
        ),
        [
          "metadata.annotations.interchange.dev/kafka-consumer-groups: entry 'broken' is not <cluster>/<group>. Fix: write e.g. 'interchange.dev/kafka-consumer-groups: prod-eu/billing-consumer' (comma-separate several)",
        ],
      ],
    ])('%s', (_name, entity, expected) => {
      expect(
        validateInterchangeEntity(entity).map(
          p => `${p.path}: ${p.message}. Fix: ${p.fix}`,
        ),
      ).toEqual(expected);
    });
  });
});
