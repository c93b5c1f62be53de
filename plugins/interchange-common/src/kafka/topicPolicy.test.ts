import {
  checkKafkaTopicName,
  checkKafkaTopicRequest,
  KafkaTopicPolicy,
} from './topicPolicy';

const policy: KafkaTopicPolicy = {
  namePattern: '^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$',
  nameDescription: '<domain>.<event>.v<version>',
  partitions: { min: 1, max: 12, default: 3 },
  replicationFactor: { min: 1, max: 1, default: 1 },
  requiredConfigs: ['retention.ms'],
  defaultConfigs: { 'cleanup.policy': 'delete' },
};

describe('checkKafkaTopicName', () => {
  it("applies Kafka's rules before the cluster's pattern", () => {
    expect(checkKafkaTopicName('orders/placed', policy)).toEqual({
      path: 'name',
      message:
        "contains '/'; Kafka topic names may only use letters, digits, '.', '_' and '-'",
      fix: "use 1-249 letters, digits, '.', '_' or '-'",
    });
  });

  it('names the naming rule when the pattern does not match', () => {
    expect(checkKafkaTopicName('OrdersPlaced', policy)?.message).toBe(
      "'OrdersPlaced' does not follow this cluster's naming rule <domain>.<event>.v<version>",
    );
    expect(checkKafkaTopicName('orders.placed.v1', policy)).toBeUndefined();
    expect(checkKafkaTopicName('AnyThing_goes')).toBeUndefined();
  });
});

describe('checkKafkaTopicRequest', () => {
  it('applies defaults and accepts a request within the rules', () => {
    const { problems, resolved } = checkKafkaTopicRequest(
      { name: 'orders.placed.v1', config: { 'retention.ms': 86400000 } },
      policy,
    );
    expect(problems).toEqual([]);
    expect(resolved).toEqual({
      name: 'orders.placed.v1',
      partitions: 3,
      replicationFactor: 1,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '86400000' },
    });
  });

  it('lists every broken rule with its fix', () => {
    const { problems } = checkKafkaTopicRequest(
      {
        name: 'Orders',
        partitions: 50,
        replicationFactor: 3,
        config: { 'cleanup.policy': 'archive', 'min.insync.replicas': 4 },
      },
      policy,
    );
    expect(problems.map(p => `${p.path}: ${p.message}`)).toEqual([
      "name: 'Orders' does not follow this cluster's naming rule <domain>.<event>.v<version>",
      "partitions: is 50; this cluster's policy allows between 1 and 12",
      "replicationFactor: is 3; this cluster's policy allows between 1 and 1",
      "config.cleanup.policy: must be 'delete', 'compact' or both (got 'archive')",
      'config.retention.ms: is required on this cluster',
      'config.min.insync.replicas: is 4 but replicationFactor is 3; no write could ever be acknowledged',
    ]);
  });

  it('rejects configs outside an allow-list', () => {
    const { problems } = checkKafkaTopicRequest(
      { name: 'a', config: { 'segment.ms': 1000 } },
      { allowedConfigs: ['retention.ms'] },
    );
    expect(problems).toEqual([
      {
        path: 'config.segment.ms',
        message: 'may not be set on this cluster',
        fix: 'remove it; allowed configs: retention.ms',
      },
    ]);
  });

  it('rejects partitions that are not whole numbers', () => {
    const { problems } = checkKafkaTopicRequest({ name: 'a', partitions: 0 });
    expect(problems[0]).toEqual({
      path: 'partitions',
      message: 'must be a whole number of at least 1 (got 0)',
      fix: 'set partitions to e.g. 1',
    });
  });
});
