import { component, runRule, webhook } from '../testEntities';
import { webhookWithoutRetryRule } from './webhookWithoutRetry';

describe('hygiene/webhook-without-retry', () => {
  it('reports an outbound webhook without retry', () => {
    const findings = runRule(webhookWithoutRetryRule, [
      component('a'),
      webhook('out', { type: 'outbound', url: 'https://x.example' }),
      webhook('untyped', { url: 'https://y.example' }),
    ]);
    expect(findings.map(f => f.entityRef).sort()).toEqual([
      'webhook:default/out',
      'webhook:default/untyped',
    ]);
  });

  it('does not report one with retry, nor an inbound one (near misses)', () => {
    expect(
      runRule(webhookWithoutRetryRule, [
        component('a'),
        component('b'),
        webhook('out', {
          type: 'outbound',
          url: 'https://x',
          retry: { maxAttempts: 3 },
        }),
        webhook('in', { type: 'inbound', receiver: 'b' }),
      ]),
    ).toEqual([]);
  });
});
