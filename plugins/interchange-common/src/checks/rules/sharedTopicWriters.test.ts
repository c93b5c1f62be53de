import { component, runRule, system, topic } from '../testEntities';
import { sharedTopicWritersRule } from './sharedTopicWriters';

describe('coupling/shared-topic-writers', () => {
  const base = [
    system('shop'),
    system('orders'),
    component('a', { system: 'shop' }),
    component('b', { system: 'orders' }),
    component('c', { system: 'shop' }),
  ];

  it('reports a topic written by two systems', () => {
    const findings = runRule(sharedTopicWritersRule, [
      ...base,
      topic('t', { producers: ['a', 'b'] }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].entityRef).toBe('kafkatopic:default/t');
    expect(findings[0].details?.systems).toEqual([
      'system:default/orders',
      'system:default/shop',
    ]);
  });

  it('counts writers declared on the component side too', () => {
    const findings = runRule(sharedTopicWritersRule, [
      ...base.slice(0, 3),
      component('b', { system: 'orders', producesTo: ['t'] }),
      topic('t', { producers: ['a'] }),
    ]);
    expect(findings).toHaveLength(1);
  });

  it('does not report two writers of one system (near miss)', () => {
    expect(
      runRule(sharedTopicWritersRule, [
        ...base,
        topic('t', { producers: ['a', 'c'] }),
      ]),
    ).toEqual([]);
  });
});
