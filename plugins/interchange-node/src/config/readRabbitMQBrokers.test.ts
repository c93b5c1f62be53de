import { ConfigReader } from '@backstage/config';
import { readRabbitMQBrokers } from './readRabbitMQBrokers';

const read = (brokers: any[]) =>
  readRabbitMQBrokers(
    new ConfigReader({ interchange: { rabbitmq: { brokers } } }),
  );

const base = {
  id: 'local',
  managementUrl: 'http://127.0.0.1:15673/',
  credentials: { username: 'guest', password: 'guest' },
};

describe('readRabbitMQBrokers', () => {
  it('applies defaults', () => {
    expect(read([base])).toEqual([
      {
        id: 'local',
        title: 'local',
        managementUrl: 'http://127.0.0.1:15673',
        prometheusUrls: undefined,
        credentials: { username: 'guest', password: 'guest' },
        tls: undefined,
        requestTimeoutMs: 10000,
        pageSize: undefined,
        dashboardUrl: 'http://127.0.0.1:15673',
        queueStatus: { errorDepth: 10000 },
        policy: {},
      },
    ]);
    expect(readRabbitMQBrokers(new ConfigReader({}))).toEqual([]);
  });

  it('reads TLS, timeout, page size and thresholds', () => {
    const [broker] = read([
      {
        ...base,
        managementUrl: 'https://rabbit.internal:15671',
        tls: { ca: 'PEM', rejectUnauthorized: false },
        requestTimeoutMs: 2000,
        pageSize: 100,
        queueStatus: { errorDepth: 50 },
      },
    ]);
    expect(broker.tls).toEqual({
      ca: 'PEM',
      cert: undefined,
      key: undefined,
      rejectUnauthorized: false,
    });
    expect(broker.requestTimeoutMs).toBe(2000);
    expect(broker.pageSize).toBe(100);
    expect(broker.queueStatus.errorDepth).toBe(50);
  });

  it('reads the optional Prometheus endpoints, one or one per node', () => {
    const [one] = read([
      { ...base, prometheusUrl: 'http://rabbit.internal:15692/' },
    ]);
    expect(one.prometheusUrls).toEqual(['http://rabbit.internal:15692']);
    const [cluster] = read([
      {
        ...base,
        prometheusUrl: ['http://rabbit-1:15692', 'https://rabbit-2:15691'],
      },
    ]);
    expect(cluster.prometheusUrls).toEqual([
      'http://rabbit-1:15692',
      'https://rabbit-2:15691',
    ]);
    expect(() => read([{ ...base, prometheusUrl: 'rabbit:15692' }])).toThrow(
      "interchange.rabbitmq.brokers[0].prometheusUrl: use http or https (got 'rabbit:')",
    );
    expect(() =>
      read([
        { ...base, prometheusUrl: ['http://rabbit-1:15692', 'not a url'] },
      ]),
    ).toThrow(
      "interchange.rabbitmq.brokers[0].prometheusUrl[1]: 'not a url' is not a URL; use the rabbitmq_prometheus plugin's base URL of each node, e.g. 'http://rabbit-1.internal:15692'",
    );
    expect(() => read([{ ...base, prometheusUrl: [] }])).toThrow(
      /prometheusUrl: give a URL or a list of URLs/,
    );
  });

  it('names the key and the fix for bad values', () => {
    expect(() => read([{ ...base, managementUrl: 'amqp://x:5672' }])).toThrow(
      "interchange.rabbitmq.brokers[0].managementUrl: use http or https (got 'amqp:')",
    );
    expect(() =>
      read([{ ...base, managementUrl: 'http://guest:guest@x:15672' }]),
    ).toThrow(
      /managementUrl: remove the user and password from the URL; the management API's go in credentials/,
    );
    expect(() => read([{ ...base, credentials: undefined }])).toThrow(
      /interchange.rabbitmq.brokers\[0\].credentials: set \{ username, password \}/,
    );
    expect(() => read([{ ...base, pageSize: 501 }])).toThrow(
      'interchange.rabbitmq.brokers[0].pageSize: must be a whole number from 1 to 500, e.g. 500',
    );
    expect(() => read([base, base])).toThrow(/configured twice/);
    expect(() => read([{ ...base, tls: { cert: 'PEM' } }])).toThrow(
      /needs both cert and key/,
    );
  });
});
