import { component, runRule, topic } from '../testEntities';
import { writerlessTopicRule } from './writerlessTopic';

describe('hygiene/writerless-topic', () => {
  it('reports a topic without producer', () => {
    const findings = runRule(writerlessTopicRule, [
      component('a'),
      topic('t', { consumers: ['a'] }),
    ]);
    expect(findings.map(f => f.entityRef)).toEqual(['kafkatopic:default/t']);
  });

  it('does not report a topic a component produces to (near miss)', () => {
    expect(
      runRule(writerlessTopicRule, [
        component('a', { producesTo: ['t'] }),
        topic('t'),
      ]),
    ).toEqual([]);
  });
});
