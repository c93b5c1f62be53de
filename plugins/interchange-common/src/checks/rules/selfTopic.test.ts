import { component, runRule, topic } from '../testEntities';
import { selfTopicRule } from './selfTopic';

describe('overengineering/self-topic', () => {
  it('reports a topic one component produces to and consumes from', () => {
    const findings = runRule(selfTopicRule, [
      component('a', { consumesFrom: ['t'] }),
      topic('t', { producers: ['a'] }),
    ]);
    expect(findings.map(f => f.entityRef)).toEqual(['kafkatopic:default/t']);
    expect(findings[0].details?.component).toBe('component:default/a');
  });

  it('does not report a topic with a second consumer (near miss)', () => {
    expect(
      runRule(selfTopicRule, [
        component('a'),
        component('b'),
        topic('t', { producers: ['a'], consumers: ['a', 'b'] }),
      ]),
    ).toEqual([]);
  });
});
