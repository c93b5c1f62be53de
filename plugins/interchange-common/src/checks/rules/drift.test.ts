import { buildIntegrationGraph } from '../../graph';
import { runChecks } from '../runChecks';
import { route, runRule, topic } from '../testEntities';
import { gatewayRouteDriftRule, kafkaTopicDriftRule } from './drift';

const drift = [
  {
    field: 'partitions',
    declared: '6',
    actual: '3',
    message: 'partitions: declared 6, actual 3',
  },
];

describe('drift/kafka-topic and drift/gateway-route', () => {
  it('report the drift the live state computed', () => {
    const entities = [topic('t'), route('r')];
    expect(
      runRule(kafkaTopicDriftRule, entities, {
        liveData: { topicDrift: { 'kafkatopic:default/t': drift } },
      }).map(f => f.message),
    ).toEqual([
      'kafkatopic:default/t differs from its live state: partitions: declared 6, actual 3',
    ]);
    expect(
      runRule(gatewayRouteDriftRule, entities, {
        liveData: { routeDrift: { 'gatewayroute:default/r': drift } },
      }),
    ).toHaveLength(1);
  });

  it('do not report an entity without drift or not in the catalog (near misses)', () => {
    expect(
      runRule(kafkaTopicDriftRule, [topic('t')], {
        liveData: {
          topicDrift: {
            'kafkatopic:default/t': [],
            'kafkatopic:default/gone': drift,
          },
        },
      }),
    ).toEqual([]);
  });

  it('are skipped with the reason the live data is missing', () => {
    const result = runChecks(buildIntegrationGraph([topic('t'), route('r')]), {
      rules: [kafkaTopicDriftRule, gatewayRouteDriftRule],
      liveData: {
        routeDrift: {},
        unavailable: {
          topicDrift: ['Kafka cluster local: no answer within 5000 ms'],
        },
      },
    });
    expect(result.skippedRules).toEqual([
      {
        rule: 'drift/kafka-topic',
        reason:
          'needs live data (the brokers): Kafka cluster local: no answer within 5000 ms',
      },
    ]);
  });
});
