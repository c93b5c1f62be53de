import { readStrategyConfig, readStrategyPrinciples } from './config';

describe('readStrategyConfig', () => {
  it('reads principles, standards and platforms, with defaults', () => {
    const c = readStrategyConfig({
      checks: { 'hygiene/webhook-without-retry': { severity: 'error' } },
      webhooks: {
        secrets: { s: 'never-read' },
        inbound: { allowUnsigned: ['webhook:default/chat'] },
      },
      kafka: { clusters: [{ id: 'prod', brokers: ['a:1'] }] },
      gateways: [{ id: 'mesh', type: 'istio' }],
    });
    expect(c.principles).toEqual([]);
    expect(c.standards.webhookRetry).toEqual({
      rule: 'hygiene/webhook-without-retry',
      enabled: true,
      severity: 'error',
    });
    expect(c.standards.webhookSigning.allowUnsignedReceivers).toEqual([
      'webhook:default/chat',
    ]);
    expect(c.standards.topicNaming).toEqual([
      { cluster: 'prod', namePattern: undefined, nameDescription: undefined },
    ]);
    expect(c.platforms).toEqual({
      kafkaClusters: [{ id: 'prod', title: undefined, brokers: 1 }],
      gateways: [{ id: 'mesh', type: 'istio', title: undefined }],
    });
    expect(JSON.stringify(c)).not.toContain('never-read');
  });

  it('refuses bad principles naming the entry and field', () => {
    expect(() => readStrategyPrinciples({ title: 'x' })).toThrow(
      'interchange.strategy.principles: must be a list of { title, body } entries',
    );
    expect(() =>
      readStrategyPrinciples([{ title: 'A', body: 'b' }, { title: 'B' }]),
    ).toThrow('interchange.strategy.principles[1].body: is required');
    expect(() =>
      readStrategyPrinciples([{ title: 'A', body: 'b', text: 'c' }]),
    ).toThrow(
      'interchange.strategy.principles[0].text: not a field of a principle',
    );
    expect(() =>
      readStrategyPrinciples([{ title: 'A\nB', body: 'b' }]),
    ).toThrow('interchange.strategy.principles[0].title: must be one line');
  });

  it('refuses an unknown check rule id as runChecks does', () => {
    expect(() => readStrategyConfig({ checks: { 'nope/rule': {} } })).toThrow(
      "interchange.checks.nope/rule: unknown rule id 'nope/rule'",
    );
  });
});
