import { ConfigReader } from '@backstage/config';
import { readKafkaTopicProviderConfigs } from './readKafkaTopicProviderConfigs';
import { readRabbitMQProviderConfigs } from '../rabbitmq/readRabbitMQProviderConfigs';
import { readGatewayProviderSettings } from './readGatewayProviderSettings';

const providers = (p: object) =>
  new ConfigReader({ catalog: { providers: p } });

describe('catalog.providers entries', () => {
  it('reads one provider per id with its defaults', () => {
    const config = providers({
      interchangeKafka: {
        prod: { cluster: 'prod', defaultOwner: 'group:team-a' },
      },
      interchangeRabbitMQ: {
        local: {
          broker: 'local',
          defaultOwner: 'group:team-b',
          namespace: 'mq',
          vhosts: '^billing$',
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
        },
      },
    });
    const [kafka] = readKafkaTopicProviderConfigs(config);
    expect(kafka).toMatchObject({
      id: 'prod',
      cluster: 'prod',
      defaultOwner: 'group:team-a',
      namespace: 'default',
      include: undefined,
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 3 },
        initialDelay: { minutes: 1 },
      },
    });
    expect(kafka.exclude.test('__consumer_offsets')).toBe(true);
    expect(kafka.exclude.test('orders.order-events.v1')).toBe(false);
    expect(readRabbitMQProviderConfigs(config)).toEqual([
      {
        id: 'local',
        broker: 'local',
        defaultOwner: 'group:team-b',
        namespace: 'mq',
        vhosts: /^billing$/,
        exclude: undefined,
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      },
    ]);
  });

  it('reads none when the provider is not configured', () => {
    expect(readKafkaTopicProviderConfigs(providers({}))).toEqual([]);
    expect(readRabbitMQProviderConfigs(providers({}))).toEqual([]);
  });

  it.each([
    {
      read: readRabbitMQProviderConfigs,
      entries: {
        interchangeRabbitMQ: {
          local: { broker: 'local', defaultOwner: 'g', exclude: '(' },
        },
      },
      key: /catalog\.providers\.interchangeRabbitMQ\.local\.exclude/,
    },
    {
      read: readKafkaTopicProviderConfigs,
      entries: {
        interchangeKafka: {
          prod: { cluster: 'prod', defaultOwner: 'g', include: '[' },
        },
      },
      key: /catalog\.providers\.interchangeKafka\.prod\.include/,
    },
  ])('names the whole key of a pattern it cannot use: $key', c => {
    expect(() => c.read(providers(c.entries))).toThrow(c.key);
  });

  it('gives the gateway settings their own schedule default', () => {
    expect(readGatewayProviderSettings(providers({})).schedule).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    });
  });
});
