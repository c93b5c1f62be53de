import { Entity } from '@backstage/catalog-model';
import { validateInterchangeEntity } from './validateInterchangeEntity';

const webhook = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name: 'order-shipped-zap' },
  spec: {
    owner: 'team-fulfillment',
    events: ['order.shipped'],
    sender: 'shipping-service',
    signing: { scheme: 'none' },
    ...spec,
  },
});

const problems = (spec: Record<string, unknown>) =>
  validateInterchangeEntity(webhook(spec)).map(p => ({
    path: p.path,
    message: p.message,
    fix: p.fix,
  }));

describe('Webhook URLs that carry their secret', () => {
  it.each([
    [
      'https://maker.ifttt.com/trigger/order_shipped/with/key/dK3x9Lq2Vr7TzA',
      'is an IFTTT Maker URL',
      "write 'https://maker.ifttt.com/trigger/order_shipped/with/key/{secret}'",
    ],
    [
      'https://maker.ifttt.com/trigger/order_shipped/json/with/key/dK3x9Lq2Vr7TzA',
      'is an IFTTT Maker URL',
      "write 'https://maker.ifttt.com/trigger/order_shipped/json/with/key/{secret}'",
    ],
    [
      'https://hooks.zapier.com/hooks/catch/1234567/abcdefg/',
      'is a Zapier catch hook URL',
      "write 'https://hooks.zapier.com/hooks/catch/{secret}/'",
    ],
    [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'is a Slack incoming webhook URL',
      "write 'https://hooks.slack.com/services/{secret}'",
    ],
    [
      'https://discord.com/api/webhooks/123456/tok-en_value',
      'is a Discord webhook URL',
      "write 'https://discord.com/api/webhooks/123456/{secret}'",
    ],
    [
      'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sig=s3cr3tSig',
      "is a URL with a credential in its query parameter 'sig'",
      "write 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sig={secret}'",
    ],
  ])(
    '%s: asks for the {secret} + urlSecretRef form, without repeating the secret',
    (url, message, fix) => {
      const found = problems({ url });
      expect(found).toHaveLength(1);
      expect(found[0].path).toBe('spec.url');
      expect(found[0].message).toContain(message);
      expect(found[0].fix).toContain(fix);
      expect(found[0].fix).toContain('set spec.urlSecretRef: <name>');
      const secretPart = url.includes('sig=')
        ? 's3cr3tSig'
        : url.split('/').filter(Boolean).pop()!;
      expect(`${found[0].message} ${found[0].fix}`).not.toContain(secretPart);
    },
  );

  it('accepts the secretRef form of each shape', () => {
    for (const url of [
      'https://maker.ifttt.com/trigger/order_shipped/with/key/{secret}',
      'https://hooks.zapier.com/hooks/catch/{secret}/',
      'https://hooks.zapier.com/hooks/catch/1234567/{secret}/',
      'https://hooks.slack.com/services/{secret}',
      'https://hooks.slack.com/services/T00000000/B00000000/{secret}',
      'https://hooks.partner.example/orders?token={secret}',
    ]) {
      expect(problems({ url, urlSecretRef: 'zap-orders' })).toEqual([]);
    }
  });

  it('leaves ordinary URLs alone (near misses)', () => {
    for (const url of [
      'https://hooks.partner.example/orders',
      'https://hooks.zapier.com/hooks/standard/12',
      'https://maker.ifttt.com/use',
      'https://hooks.partner.example/orders?region=eu&key=',
    ]) {
      expect(problems({ url })).toEqual([]);
    }
  });

  it('wants {secret} and urlSecretRef together, {secret} once', () => {
    expect(
      problems({ url: 'https://hooks.slack.com/services/{secret}' }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.urlSecretRef',
        message: 'is required when spec.url contains {secret}',
      }),
    ]);
    expect(
      problems({ url: 'https://hooks.example/a', urlSecretRef: 'x' }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.url',
        message: 'has no {secret} for spec.urlSecretRef to fill',
      }),
    ]);
    expect(
      problems({
        url: 'https://hooks.example/{secret}/{secret}',
        urlSecretRef: 'x',
      }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.url',
        message: 'contains {secret} 2 times',
      }),
    ]);
    expect(
      problems({ receiver: 'notification-service', urlSecretRef: 'x' }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.urlSecretRef',
        message: 'completes spec.url, but this webhook has no spec.url',
      }),
    ]);
  });
});

describe('Webhook shared-token scheme', () => {
  const receiver = { receiver: 'notification-service' };

  it('needs a secretRef and accepts a named header', () => {
    expect(
      problems({ ...receiver, signing: { scheme: 'shared-token' } }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.signing.secretRef',
        message: "is required for signing scheme 'shared-token'",
      }),
    ]);
    expect(
      problems({
        ...receiver,
        signing: {
          scheme: 'shared-token',
          secretRef: 'zap-token',
          header: 'X-Zap-Token',
        },
      }),
    ).toEqual([]);
  });

  it('refuses a header for other schemes, reserved headers and bad names', () => {
    expect(
      problems({
        ...receiver,
        signing: { scheme: 'github', secretRef: 'gh', header: 'x-token' },
      }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.signing.header',
        message:
          "only applies to signing scheme 'shared-token' (this webhook uses 'github')",
      }),
    ]);
    expect(
      problems({
        ...receiver,
        signing: {
          scheme: 'shared-token',
          secretRef: 't',
          header: 'Content-Type',
        },
      }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.signing.header',
        fix: "name a header of its own, e.g. 'x-webhook-token' (the default)",
      }),
    ]);
    expect(
      problems({
        ...receiver,
        signing: { scheme: 'shared-token', secretRef: 't', header: 'x token' },
      }).map(p => p.path),
    ).toEqual(['spec.signing.header']);
  });
});
