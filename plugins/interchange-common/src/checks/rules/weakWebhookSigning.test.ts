import { component, runRule, webhook } from '../testEntities';
import { weakWebhookSigningRule } from './weakWebhookSigning';

describe('hygiene/weak-webhook-signing', () => {
  it('reports a shared-token webhook as weaker than HMAC', () => {
    const findings = runRule(weakWebhookSigningRule, [
      component('a'),
      webhook('zap', {
        url: 'https://hooks.zapier.com/hooks/catch/{secret}/',
        signing: {
          scheme: 'shared-token',
          secretRef: 'zap',
          header: 'x-zap-token',
        },
      }),
    ]);
    expect(findings.map(f => [f.entityRef, f.message])).toEqual([
      [
        'webhook:default/zap',
        'webhook:default/zap is authenticated by a shared token (header x-zap-token), weaker than an HMAC signature',
      ],
    ]);
    expect(weakWebhookSigningRule.defaultSeverity).toBe('warning');
  });

  it('does not report HMAC-signed or unsigned webhooks (near misses: unsigned has its own rule)', () => {
    expect(
      runRule(weakWebhookSigningRule, [
        component('a'),
        webhook('s', { url: 'https://partner.example/hook' }),
        webhook('n', {
          url: 'https://partner.example/hook',
          signing: { scheme: 'none' },
        }),
      ]),
    ).toEqual([]);
  });
});
