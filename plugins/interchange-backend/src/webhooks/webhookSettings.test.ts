import { ConfigReader } from '@backstage/config';
import { readWebhookSettings } from './webhookSettings';

const DAY = 24 * 3600 * 1000;

describe('readWebhookSettings retention', () => {
  const read = (webhooks: object) =>
    readWebhookSettings(new ConfigReader({ interchange: { webhooks } }));

  it('keeps payloads as long as the rows by default', () => {
    expect(read({})).toMatchObject({
      retentionMs: 30 * DAY,
      payloadRetentionMs: 30 * DAY,
    });
    expect(read({ retention: { days: 10 } }).payloadRetentionMs).toBe(10 * DAY);
  });

  it('clears payloads sooner when payloadRetention is shorter, never later than the rows go', () => {
    expect(read({ payloadRetention: '7 days' }).payloadRetentionMs).toBe(
      7 * DAY,
    );
    expect(
      read({ retention: { days: 3 }, payloadRetention: { days: 7 } })
        .payloadRetentionMs,
    ).toBe(3 * DAY);
  });
});
