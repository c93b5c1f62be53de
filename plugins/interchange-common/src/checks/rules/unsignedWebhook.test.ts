import { component, runRule, webhook } from '../testEntities';
import { unsignedWebhookRule } from './unsignedWebhook';

describe('hygiene/unsigned-webhook', () => {
  it('reports an unsigned webhook to an outside URL', () => {
    const findings = runRule(unsignedWebhookRule, [
      component('a'),
      webhook('w', {
        url: 'https://partner.example/hook',
        signing: { scheme: 'none' },
      }),
    ]);
    expect(findings.map(f => f.entityRef)).toEqual(['webhook:default/w']);
  });

  it('does not report an unsigned webhook to a receiver in the catalog, nor a signed one (near misses)', () => {
    expect(
      runRule(unsignedWebhookRule, [
        component('a'),
        component('b'),
        webhook('w', {
          receiver: 'b',
          url: 'http://b.internal/hook',
          signing: { scheme: 'none' },
        }),
        webhook('s', { url: 'https://partner.example/hook' }),
      ]),
    ).toEqual([]);
  });
});
