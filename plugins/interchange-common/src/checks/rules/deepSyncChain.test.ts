import { component, runRule, topic } from '../testEntities';
import { deepSyncChainRule } from './deepSyncChain';

/** c0 -> c1 -> ... -> c{n}: n synchronous hops. */
function chain(n: number) {
  return Array.from({ length: n + 1 }, (_, i) =>
    component(`c${i}`, i < n ? { dependsOn: [`component:c${i + 1}`] } : {}),
  );
}

describe('coupling/deep-sync-chain', () => {
  it('reports a chain of 5 synchronous hops from its start', () => {
    const findings = runRule(deepSyncChainRule, chain(5));
    expect(findings).toHaveLength(1);
    expect(findings[0].entityRef).toBe('component:default/c0');
    expect(findings[0].details?.hops).toBe(5);
    expect(findings[0].details?.chain).toHaveLength(6);
  });

  it('does not report 4 hops, nor a longer chain broken by an event (near miss)', () => {
    expect(runRule(deepSyncChainRule, chain(4))).toEqual([]);
    const broken = chain(5).map(c =>
      c.metadata.name === 'c2' ? component('c2') : c,
    );
    broken.push(topic('t', { producers: ['c2'], consumers: ['c3'] }));
    expect(runRule(deepSyncChainRule, broken)).toEqual([]);
  });

  it('survives a synchronous cycle inside the chain', () => {
    const entities = chain(6);
    entities[3] = component('c3', {
      dependsOn: ['component:c4', 'component:c1'],
    });
    expect(() => runRule(deepSyncChainRule, entities)).not.toThrow();
  });
});
