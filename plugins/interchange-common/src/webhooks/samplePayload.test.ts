import {
  buildTestEvent,
  sampleDataFromDefinition,
  sampleFromJsonSchema,
} from './samplePayload';

describe('sample payloads', () => {
  it('fills a JSON schema, preferring examples and enums', () => {
    expect(
      sampleFromJsonSchema({
        type: 'object',
        properties: {
          orderId: { type: 'string', format: 'uuid' },
          status: { type: 'string', enum: ['shipped', 'delivered'] },
          total: { type: 'number', example: 42.5 },
          items: { type: 'array', items: { type: 'integer' } },
        },
      }),
    ).toEqual({
      orderId: '00000000-0000-4000-8000-000000000000',
      status: 'shipped',
      total: 42.5,
      items: [1],
    });
  });

  it('takes the AsyncAPI message named like the event, following $refs', () => {
    const asyncapi = {
      asyncapi: '2.6.0',
      components: {
        messages: {
          'order.created': {
            payload: { $ref: '#/components/schemas/Created' },
          },
          'order.shipped': {
            payload: {
              type: 'object',
              properties: { carrier: { type: 'string', example: 'DHL' } },
            },
          },
        },
        schemas: {
          Created: { type: 'object', properties: { id: { type: 'integer' } } },
        },
      },
    };
    expect(sampleDataFromDefinition(asyncapi, 'order.shipped')).toEqual({
      carrier: 'DHL',
    });
    expect(sampleDataFromDefinition(asyncapi, 'order.created')).toEqual({
      id: 1,
    });
  });

  it('builds a documented ping without a schema', () => {
    expect(
      buildTestEvent({
        eventType: 'order.updated',
        webhookRef: 'webhook:default/x',
        timestamp: new Date('2026-11-25T10:00:00Z'),
      }),
    ).toEqual({
      type: 'order.updated',
      timestamp: '2026-11-25T10:00:00.000Z',
      data: {
        ping: true,
        webhook: 'webhook:default/x',
        message:
          'Test event sent from the developer portal (Interchange). It carries no business data.',
      },
    });
  });
});
