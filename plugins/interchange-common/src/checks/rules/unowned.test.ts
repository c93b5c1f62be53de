import { buildIntegrationGraph } from '../../graph';
import { runChecks } from '../runChecks';
import { runRule, topic, webhook } from '../testEntities';
import { unownedRule } from './unowned';

describe('hygiene/unowned', () => {
  it('reports an integration owned by a group that does not exist', () => {
    const findings = runRule(unownedRule, [topic('t', { owner: 'team-gone' })]);
    expect(findings.map(f => f.entityRef)).toEqual(['kafkatopic:default/t']);
    expect(findings[0].details?.owner).toBe('group:default/team-gone');
  });

  it('does not report an existing owner, a user included (near miss)', () => {
    expect(
      runRule(unownedRule, [
        topic('t'),
        webhook('w', { owner: 'user:jane', url: 'https://x' }),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'jane' },
          spec: {},
        },
      ]),
    ).toEqual([]);
  });

  it('is skipped when the input has no groups or users at all', () => {
    const result = runChecks(buildIntegrationGraph([topic('t')]), {
      rules: [unownedRule],
    });
    expect(result.findings).toEqual([]);
    expect(result.skippedRules[0].reason).toContain(
      'no Group or User entities',
    );
  });
});
