import { component, runRule, system, topic } from '../testEntities';
import { chattySystemsRule } from './chattySystems';

function topics(n: number) {
  return Array.from({ length: n }, (_, i) =>
    topic(`t${i}`, {
      producers: [i % 2 ? 'a' : 'b'],
      consumers: [i % 2 ? 'b' : 'a'],
    }),
  );
}
const base = [
  system('shop'),
  system('orders'),
  component('a', { system: 'shop' }),
  component('b', { system: 'orders' }),
];

describe('coupling/chatty-systems', () => {
  it('reports two systems joined by more than 6 integrations (both directions count)', () => {
    const findings = runRule(chattySystemsRule, [...base, ...topics(7)]);
    expect(findings).toHaveLength(1);
    expect(findings[0].entityRefs).toEqual([
      'system:default/orders',
      'system:default/shop',
    ]);
    expect(findings[0].details?.count).toBe(7);
  });

  it('does not report 6 integrations (near miss), and honours the threshold', () => {
    expect(runRule(chattySystemsRule, [...base, ...topics(6)])).toEqual([]);
    expect(
      runRule(chattySystemsRule, [...base, ...topics(6)], { threshold: 5 }),
    ).toHaveLength(1);
  });
});
