import { api, component, route, runRule, system } from '../testEntities';
import { gatewayForInternalCallsRule } from './gatewayForInternalCalls';

const base = [
  system('orders'),
  system('shop'),
  api('orders-api', { system: 'orders' }),
  component('order-service', {
    system: 'orders',
    providesApis: ['orders-api'],
  }),
  component('shipping', { system: 'orders', consumesApis: ['orders-api'] }),
];

describe('overengineering/gateway-for-internal-calls', () => {
  it('reports an internal route whose API only its own system consumes', () => {
    const findings = runRule(gatewayForInternalCallsRule, [
      ...base,
      route('r', {
        upstream: 'order-service',
        api: 'orders-api',
        exposure: 'internal',
      }),
    ]);
    expect(findings.map(f => f.entityRef)).toEqual(['gatewayroute:default/r']);
    expect(findings[0].details?.system).toBe('system:default/orders');
  });

  it('does not report when another system consumes the API, nor public routes (near misses)', () => {
    expect(
      runRule(gatewayForInternalCallsRule, [
        ...base,
        component('web', { system: 'shop', consumesApis: ['orders-api'] }),
        route('r', {
          upstream: 'order-service',
          api: 'orders-api',
          exposure: 'internal',
        }),
      ]),
    ).toEqual([]);
    expect(
      runRule(gatewayForInternalCallsRule, [
        ...base,
        route('r', {
          upstream: 'order-service',
          api: 'orders-api',
          exposure: 'public',
        }),
      ]),
    ).toEqual([]);
  });
});
