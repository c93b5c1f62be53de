import { api, runRule, topic } from '../testEntities';
import { topicWithoutSchemaRule } from './topicWithoutSchema';

describe('hygiene/topic-without-schema', () => {
  it('reports a topic with no schema', () => {
    expect(
      runRule(topicWithoutSchemaRule, [topic('t')]).map(f => f.entityRef),
    ).toEqual(['kafkatopic:default/t']);
  });

  it('does not report a topic with a schema (near miss)', () => {
    expect(
      runRule(topicWithoutSchemaRule, [
        api('events', { type: 'asyncapi' }),
        topic('t', { schema: 'events' }),
      ]),
    ).toEqual([]);
  });
});
