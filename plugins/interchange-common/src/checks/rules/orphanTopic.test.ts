import { component, runRule, topic } from '../testEntities';
import { orphanTopicRule } from './orphanTopic';

describe('hygiene/orphan-topic', () => {
  it('reports a topic without consumer, and says which declared consumer is missing', () => {
    const findings = runRule(orphanTopicRule, [
      component('a'),
      topic('t', { producers: ['a'], consumers: ['gone'] }),
    ]);
    expect(findings.map(f => f.entityRef)).toEqual(['kafkatopic:default/t']);
    expect(findings[0].details?.skipped).toEqual([
      'kafkatopic:default/t refers to component:default/gone, which is not in the catalog',
    ]);
  });

  it('does not report a topic consumed by a component declaring it (near miss)', () => {
    expect(
      runRule(orphanTopicRule, [
        component('a', { consumesFrom: ['t'] }),
        topic('t'),
      ]),
    ).toEqual([]);
  });
});
