import { api, component, runRule, system, topic } from '../testEntities';
import { syncCycleRule } from './syncCycle';

const systems = [system('shop'), system('orders')];

describe('coupling/sync-cycle', () => {
  it('reports two systems calling each other synchronously, with the cycle', () => {
    const findings = runRule(syncCycleRule, [
      ...systems,
      api('orders-api'),
      api('payments-api'),
      component('checkout', { system: 'shop', consumesApis: ['orders-api'] }),
      component('payments', { system: 'shop', providesApis: ['payments-api'] }),
      component('order-service', {
        system: 'orders',
        providesApis: ['orders-api'],
        consumesApis: ['payments-api'],
      }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].entityRef).toBe('system:default/orders');
    expect(findings[0].entityRefs).toEqual([
      'system:default/orders',
      'system:default/shop',
    ]);
    expect(findings[0].details?.cycle).toEqual([
      'system:default/orders',
      'system:default/shop',
      'system:default/orders',
    ]);
    expect(findings[0].message).toContain(
      'system:default/orders -> system:default/shop',
    );
  });

  it('also follows dependsOn between components', () => {
    const findings = runRule(syncCycleRule, [
      ...systems,
      component('a', { system: 'shop', dependsOn: ['component:b'] }),
      component('b', { system: 'orders', dependsOn: ['component:a'] }),
    ]);
    expect(findings).toHaveLength(1);
  });

  it('does not report a cycle closed by an event (near miss)', () => {
    const findings = runRule(syncCycleRule, [
      ...systems,
      api('orders-api'),
      component('checkout', { system: 'shop', consumesApis: ['orders-api'] }),
      component('order-service', {
        system: 'orders',
        providesApis: ['orders-api'],
      }),
      topic('refunds', {
        producers: ['order-service'],
        consumers: ['checkout'],
      }),
    ]);
    expect(findings).toEqual([]);
  });
});
