import { api, component, runRule, topic } from '../testEntities';
import { deprecatedDependencyRule } from './deprecatedDependency';

describe('hygiene/deprecated-dependency', () => {
  it('reports a production component consuming a deprecated topic and calling a deprecated API', () => {
    const findings = runRule(deprecatedDependencyRule, [
      api('old-api', { lifecycle: 'deprecated' }),
      component('app', { consumesApis: ['old-api'] }),
      component('writer'),
      topic('legacy', {
        lifecycle: 'deprecated',
        producers: ['writer'],
        consumers: ['app'],
      }),
    ]);
    expect(findings.map(f => f.message).sort()).toEqual([
      'component:default/app (production) calls api:default/old-api, which is deprecated',
      'component:default/app (production) consumes from kafkatopic:default/legacy, which is deprecated',
      'component:default/writer (production) produces to kafkatopic:default/legacy, which is deprecated',
    ]);
  });

  it('does not report an experimental component on a deprecated topic (near miss)', () => {
    expect(
      runRule(deprecatedDependencyRule, [
        component('app', {
          lifecycle: 'experimental',
          consumesFrom: ['legacy'],
        }),
        topic('legacy', { lifecycle: 'deprecated' }),
      ]),
    ).toEqual([]);
  });
});
