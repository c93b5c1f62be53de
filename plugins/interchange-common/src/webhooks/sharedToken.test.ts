import { signWebhook, verifyWebhook } from './signing';

const message = { id: 'msg_1', timestamp: 1_700_000_000, body: '{"a":1}' };

describe('shared-token scheme', () => {
  it('sends the token in the named header with the id headers', async () => {
    expect(
      await signWebhook('shared-token', 'tok-123', message, {
        header: 'X-Zap-Token',
      }),
    ).toEqual({
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1700000000',
      'x-zap-token': 'tok-123',
    });
    expect(
      await signWebhook('shared-token', 'tok-123', message),
    ).toHaveProperty('x-webhook-token', 'tok-123');
  });

  it('accepts the token (any of several during a rotation), case-insensitive header name', async () => {
    const result = await verifyWebhook(
      'shared-token',
      ['old-token', 'tok-123'],
      {
        headers: { 'X-Zap-Token': 'tok-123', 'webhook-id': 'msg_1' },
        body: 'anything',
      },
      { header: 'x-zap-token' },
    );
    expect(result).toEqual({ valid: true, id: 'msg_1' });
  });

  it('rejects a wrong, longer, shorter or missing token', async () => {
    for (const value of ['tok-124', 'tok-1234', 'tok-12', '']) {
      const result = await verifyWebhook('shared-token', 'tok-123', {
        headers: { 'x-webhook-token': value },
        body: '',
      });
      expect(result.valid).toBe(false);
    }
    expect(
      await verifyWebhook('shared-token', 'tok-123', {
        headers: {},
        body: '',
      }),
    ).toEqual({ valid: false, reason: 'missing header x-webhook-token' });
  });
});
